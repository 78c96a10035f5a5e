/**
 * Round trips and their size. Excel on the web refuses a request or response above 5 MB, so
 * every read and write is planned in bytes: operations are queued until the next one would push
 * the batch past PAYLOAD_BUDGET, and only then does the batch sync. Small workbooks therefore
 * take one sync per phase; only large ones take more, in proportion to their size.
 */
import type { ExcelRequestContext } from './excelApi';

/** Excel on the web's limit per request and per response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** What we plan for: a fifth below the limit, for the envelope of each operation and for estimates. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** Envelope of one queued operation (object path, method, property name) when its data is small. */
export const OPERATION_BYTES = 200;

/**
 * Bytes per cell assumed for a block of a sheet before any of it has been read: far above a
 * monitoring sheet's average (a number is under 10 bytes, a school name about 200), so the first
 * read stays under the budget; later blocks are sized from what was actually read.
 */
export const FIRST_READ_BYTES_PER_CELL = 128;

const encoder = new TextEncoder();

/** Size of a value as JSON in UTF-8, as it travels to and from Excel. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/**
 * A batch of queued Excel operations with a running size. `reserve` before queuing an operation:
 * it syncs first when the operation would not fit in the current batch.
 */
export class SyncBatch {
  private pending = 0;
  private syncCount = 0;

  constructor(private readonly context: ExcelRequestContext, private readonly budget = PAYLOAD_BUDGET) {}

  get syncs(): number {
    return this.syncCount;
  }

  /** Room for an operation of `bytes` (request and expected response together). */
  async reserve(bytes: number = OPERATION_BYTES): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  /** Sends what is queued (if anything). */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.sync();
  }

  /** Sends the batch even when nothing was reserved (loads queued by the caller). */
  async sync(): Promise<void> {
    this.pending = 0;
    this.syncCount++;
    await this.context.sync();
  }
}

/**
 * Splits rows into consecutive blocks of at most `budget` bytes each (a single row larger than
 * the budget still gets a block of its own), for writes of large report sheets.
 */
export function rowBlocks<T>(rows: readonly T[], bytesOf: (row: T) => number, budget = PAYLOAD_BUDGET - OPERATION_BYTES): { start: number; rows: T[]; bytes: number }[] {
  const blocks: { start: number; rows: T[]; bytes: number }[] = [];
  let current: { start: number; rows: T[]; bytes: number } | null = null;
  rows.forEach((row, index) => {
    const bytes = bytesOf(row) + 1;
    if (!current || (current.rows.length > 0 && current.bytes + bytes > budget)) {
      current = { start: index, rows: [], bytes: 2 };
      blocks.push(current);
    }
    current.rows.push(row);
    current.bytes += bytes;
  });
  return blocks;
}
