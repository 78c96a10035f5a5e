/**
 * The working array of district sums that evaluation's passes add into, kept from one
 * evaluation to the next. A country's is 750 KB; allocated afresh on every run, the system's
 * allocator handed it back and mapped it in again page by page (some 10 µs a page on a virtual
 * machine, 187 pages: a fifth of a run). Its figures are copied out (GroupSums.byGroup) before
 * evaluation returns, so nothing a caller holds points into it.
 */

/** Larger arrays are not kept: a table that big is rare, and the memory would stay taken. */
const KEEP_AT_MOST = 4 * 2 ** 20 / Float64Array.BYTES_PER_ELEMENT;

let kept: Float64Array | null = null;

/** `length` zeros, in the kept array when it is big enough. Give it back with releaseSums. */
export function borrowSums(length: number): Float64Array {
  const own = kept;
  // Taken while borrowed: a call that threw before giving it back leaves nothing half-used behind.
  kept = null;
  if (own === null || own.length < length) return new Float64Array(length);
  const sums = own.subarray(0, length);
  sums.fill(0);
  return sums;
}

/** The array borrowSums gave, to be kept for the next evaluation (the whole of it, not the view). */
export function releaseSums(sums: Float64Array): void {
  const whole = new Float64Array(sums.buffer);
  if (whole.length <= KEEP_AT_MOST && (kept === null || kept.length < whole.length)) kept = whole;
}
