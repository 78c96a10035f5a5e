/** Timing helpers: high-resolution milliseconds and the median of repeated runs. */

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Median time of `runs` calls after `warmup` untimed ones. `settle` runs untimed before each
 * call (the benchmark collects garbage there, so a run does not pay for the previous run's
 * garbage). The last result is kept alive so nothing is optimised away.
 */
export function medianTime<T>(fn: () => T, runs: number, warmup = 1, settle: () => void = () => undefined): { ms: number; result: T } {
  let result = fn();
  for (let i = 1; i < warmup; i++) result = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    settle();
    const start = nowMs();
    result = fn();
    times.push(nowMs() - start);
  }
  return { ms: median(times), result };
}

/** Runs the collector when node was started with --expose-gc; a no-op otherwise. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return gc !== undefined;
}
