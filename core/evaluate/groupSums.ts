/**
 * Running sums of one group: a district, or the region as the total of its districts. One pass
 * over the schools fills them; nothing is summed twice. The passes add into one Float64Array
 * laid out quantity by quantity: quantity q (the slots below) of group g is at [q × groups + g],
 * so a pass down one column of a country's 40 000 schools adds into a few arrays of 1 600
 * numbers, which stay in the processor's cache. GroupSums holds a group's quantities, taken
 * from there once the passes are done.
 */
import { SCHOOL_COUNT_KEYS } from '../catalogue/columns';
import type { ActiveIndicator } from './indicatorSet';

export const COUNT_KEYS = SCHOOL_COUNT_KEYS;

// Quantities: six numbers of schools, the counts in COUNT_KEYS order, a flag per count that
// some row had it, then five sums per indicator.
export const SCHOOLS = 0;
export const ACTIVE_PROFILES = 1;
export const PROFILES_KNOWN = 2;
export const ACCESS50 = 3;
export const ACCESS50_KNOWN = 4;
export const LAGGING_SCHOOLS = 5;
export const COUNTS_AT = 6;
export const HAS_COUNT_AT = COUNTS_AT + COUNT_KEYS.length;
export const INDICATORS_AT = HAS_COUNT_AT + COUNT_KEYS.length;
/** Per indicator: Σpart and Σbase over rows holding both, those rows, rows with a share, rows meeting the target. */
export const SUM_PART = 0;
export const SUM_BASE = 1;
export const SUM_ROWS = 2;
export const SUM_WITH_DATA = 3;
export const SUM_MET = 4;
export const INDICATOR_SUMS = 5;

/** Number of quantities a group has. */
export function quantities(indicators: number): number {
  return INDICATORS_AT + INDICATOR_SUMS * indicators;
}

export class GroupSums {
  constructor(
    /** One group's quantities, quantity q at [q] (the slots above). */
    private readonly data: readonly number[],
  ) {}

  /** The quantity in `slot` (one of the slot constants above). */
  at(slot: number): number {
    return this.data[slot] as number;
  }

  /**
   * Each group's quantities, taken out of the sums the passes over schools filled (quantity q of
   * group g at [q × groups + g]) into an array of its own, and their total (the region). The
   * sums are then let go with evaluation's other working arrays. Read in place, they were a
   * typed array the report kept: the engine frees such memory only in its full collections, some
   * twenty reports apart, so until then every evaluation took fresh memory from the system, mapped
   * in page by page (some 10 µs a page on a virtual machine, 190 pages at 1 600 districts). The
   * engine's own arrays reuse its heap; the copy costs far less than the pages did.
   */
  static byGroup(indicators: readonly ActiveIndicator[], sums: Float64Array, groups: number): { readonly groups: readonly GroupSums[]; readonly total: GroupSums } {
    const width = quantities(indicators.length);
    const result: GroupSums[] = new Array<GroupSums>(groups);
    for (let g = 0; g < groups; g++) result[g] = new GroupSums(quantitiesOf(sums, g, groups, width));
    return { groups: result, total: new GroupSums(addUp(sums, groups, width)) };
  }
}

/** Group g's `width` quantities out of the sums of `groups` groups. */
function quantitiesOf(sums: Float64Array, g: number, groups: number, width: number): number[] {
  const own = new Array<number>(width);
  for (let slot = 0; slot < width; slot++) own[slot] = sums[slot * groups + g] as number;
  return own;
}

/** The region's quantities: sums add, and the «some row had this count» flags combine as «any had it». */
function addUp(sums: Float64Array, groups: number, width: number): number[] {
  const totals = new Array<number>(width);
  for (let slot = 0; slot < width; slot++) {
    const flag = slot >= HAS_COUNT_AT && slot < INDICATORS_AT;
    const from = slot * groups;
    let total = 0;
    for (let g = 0; g < groups; g++) {
      const value = sums[from + g] as number;
      total = flag ? Math.max(total, value) : total + value;
    }
    totals[slot] = total;
  }
  return totals;
}
