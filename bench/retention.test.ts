/**
 * What a run of core lets go must be freed by the young generation's collections, not kept until
 * the next full one. Typed-array memory is freed only when the collector frees its owner, and
 * anything kept past a minor collection is moved to the old generation; the next run then gets
 * its row store and working sums in fresh pages from the system (some 10 µs a page on a virtual
 * machine, a megabyte a run for a country). V8 puts some functions straight into the old
 * generation, where they hold what they close over through every minor collection: one assigned
 * to a property (an arrow-function class field compiles to that) and a getter in an object
 * literal. The test fails when such a function closes over a parse's rows.
 */
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { parseSchoolTable, type SchoolTable } from '../core';
import { generateTable } from './generateTable';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;

const values = generateTable(20_000).values;

function parsed(): SchoolTable {
  const result = parseSchoolTable(values);
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

/** Typed-array memory once the collector's sweeping (which frees it after a collection, off the main thread) is done. */
async function arrayBuffersAfter(collection: 'minor' | 'major'): Promise<number> {
  collect({ type: collection });
  collect({ type: collection });
  let last = process.memoryUsage().arrayBuffers;
  for (let wait = 0; wait < 20; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = process.memoryUsage().arrayBuffers;
    if (now === last && wait > 2) break;
    last = now;
  }
  return last;
}

/** Typed-array memory a run takes, and how much of it a minor collection leaves once the result is let go. */
async function keptAfterMinor(run: () => unknown): Promise<{ taken: number; kept: number }> {
  for (let warm = 0; warm < 3; warm++) run();
  const before = await arrayBuffersAfter('major');
  let result: unknown = run();
  const taken = process.memoryUsage().arrayBuffers - before;
  expect(result).toBeTruthy();
  result = undefined;
  return { taken, kept: (await arrayBuffersAfter('minor')) - before };
}

describe('what a run lets go', () => {
  it('a parse: its row store, hashes and dictionaries are freed by a minor collection', async () => {
    const { taken, kept } = await keptAfterMinor(parsed);
    // 20 000 rows: 320 KB of counts, 40 KB of districts, 80 KB of hashes.
    expect(taken).toBeGreaterThan(400_000);
    expect(kept).toBeLessThan(taken / 10);
  });
});
