/** Timing helpers: high-resolution milliseconds and the median of repeated runs. */

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Pages of memory the process has been given so far (minor page faults): memory the system maps
 * in on first touch. 0 where the system does not count them.
 */
export function pagesMapped(): number {
  return process.resourceUsage().minorPageFault;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Median time of `runs` calls after `warmup` untimed ones. Each result is let go before the
 * next call, as a user's next report replaces the last: a run that kept the previous one alive
 * would pay for carrying it about the heap. The last result is returned, so nothing is
 * optimised away.
 */
export function medianTime<T>(fn: () => T, runs: number, warmup = 1): Timed<T> {
  const [timed] = timeInTurns([{ fn, perRound: 1 }], runs, warmup);
  return timed as Timed<T>;
}

export interface Timed<T> {
  readonly ms: number;
  /** Median of the new pages of memory (pagesMapped) each timed call got. */
  readonly pages: number;
  readonly result: T;
}

export interface TimedJob<T> {
  readonly fn: () => T;
  /** Timed calls in each round. */
  readonly perRound: number;
}

/**
 * Median times of jobs run in turn, round after round: on a shared machine whose speed drifts
 * from second to second, jobs timed in the same rounds meet the same drift, so the ratio of
 * their medians does not depend on which of them happened to run in a slow stretch.
 */
export function medianTimesInTurn<T extends unknown[]>(jobs: { [K in keyof T]: TimedJob<T[K]> }, rounds: number, warmup = 1): { [K in keyof T]: Timed<T[K]> } {
  return timeInTurns(jobs, rounds, warmup) as { [K in keyof T]: Timed<T[K]> };
}

function timeInTurns(jobs: readonly TimedJob<unknown>[], rounds: number, warmup: number): Timed<unknown>[] {
  const results: unknown[] = jobs.map(() => undefined);
  const times: number[][] = jobs.map(() => []);
  const pages: number[][] = jobs.map(() => []);
  for (let round = 0; round < warmup + rounds; round++) {
    jobs.forEach((job, j) => {
      for (let call = 0; call < job.perRound; call++) {
        results[j] = undefined;
        // Pages are counted outside the timed stretch: asking the system takes a call of its own.
        const pagesBefore = pagesMapped();
        const start = nowMs();
        results[j] = job.fn();
        const end = nowMs();
        if (round >= warmup) {
          times[j]?.push(end - start);
          pages[j]?.push(pagesMapped() - pagesBefore);
        }
      }
    });
  }
  return jobs.map((_, j) => ({ ms: median(times[j] ?? []), pages: median(pages[j] ?? []), result: results[j] }));
}

/**
 * The floor and a job that times its own parts, in turn, round by round (as medianTimesInTurn):
 * the median floor time and the median of each part, so each part can be set against the floor
 * measured in the same stretch of the machine's speed.
 */
export function partsInTurn(floor: TimedJob<unknown>, parts: () => readonly number[], rounds: number, warmup = 1): { floorMs: number; partsMs: number[] } {
  const partTimes: number[][] = [];
  let round = 0;
  const record = (): void => {
    const measured = parts();
    if (round++ >= warmup) measured.forEach((ms, i) => (partTimes[i] ??= []).push(ms));
  };
  const [timedFloor] = timeInTurns([floor, { fn: record, perRound: 1 }], rounds, warmup);
  return { floorMs: (timedFloor as Timed<unknown>).ms, partsMs: partTimes.map(median) };
}

/** Runs the collector when node was started with --expose-gc; a no-op otherwise. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return gc !== undefined;
}
