/**
 * Running sums of one group: a district, or the region as the total of its districts. One pass
 * over the schools fills them; nothing is summed twice. The passes add into one Float64Array
 * laid out quantity by quantity: quantity q (the slots below) of group g is at [q × groups + g],
 * so a pass down one column of a country's 40 000 schools adds into a few arrays of 1 600
 * numbers, which stay in the processor's cache. GroupSums.byGroup then lays them out group by
 * group for reading each district's figures.
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
  /** Where this group's run of quantities starts in data. */
  private readonly start: number;

  constructor(
    indicators: readonly ActiveIndicator[],
    /** One run of quantities(indicators) numbers per group, group by group. */
    readonly data: Float64Array = new Float64Array(quantities(indicators.length)),
    /** This group's number among the groups sharing data. */
    readonly group = 0,
  ) {
    this.start = group * quantities(indicators.length);
  }

  /** The quantity in `slot` (one of the slot constants above). */
  at(slot: number): number {
    return this.data[this.start + slot] as number;
  }

  /**
   * The sums the passes over schools filled, quantity by quantity (quantity q of group g at
   * [q × groups + g]), as one GroupSums per group reading a run of adjacent numbers, and their
   * total (the region). Reading a district's 66 quantities across the pass layout would touch
   * 66 cache lines; the copy is made in one sequential sweep.
   */
  static byGroup(indicators: readonly ActiveIndicator[], sums: Float64Array, groups: number): { readonly groups: readonly GroupSums[]; readonly total: GroupSums } {
    const width = quantities(indicators.length);
    const blocks = new Float64Array(width * groups);
    const totals = new Float64Array(width);
    transpose(sums, groups, width, blocks, totals);
    return { groups: Array.from({ length: groups }, (_, g) => new GroupSums(indicators, blocks, g)), total: new GroupSums(indicators, totals) };
  }
}

/** byGroup's sweep (a function of its own, so V8's code for the loop is not reused past its end). */
function transpose(sums: Float64Array, groups: number, width: number, blocks: Float64Array, totals: Float64Array): void {
  for (let slot = 0; slot < width; slot++) {
    // Sums add; the «some row had this count» flags combine as «any had it».
    const flag = slot >= HAS_COUNT_AT && slot < INDICATORS_AT;
    let total = 0;
    for (let g = 0; g < groups; g++) {
      const value = sums[slot * groups + g] as number;
      blocks[g * width + slot] = value;
      total = flag ? Math.max(total, value) : total + value;
    }
    totals[slot] = total;
  }
}
