/**
 * Running sums of one group: a district, or the region as the total of its districts. One pass
 * over the schools fills them; nothing is summed twice. The passes add into one Float64Array
 * laid out quantity by quantity: quantity q (the slots below) of group g is at [q × groups + g],
 * so a pass down one column of a country's 40 000 schools adds into a few arrays of 1 600
 * numbers, which stay in the processor's cache. GroupSums holds a group's quantities, taken
 * from there once the passes are done.
 */
import { SCHOOL_COUNT_KEYS, type SchoolCountKey } from '../catalogue/columns';
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

/**
 * Where each quantity of a group is kept in its GroupSums: quantities that always equal an
 * earlier one share its place. For an indicator whose two columns no counted school lacks, Σpart
 * and Σbase are the count sums and the rows holding both are the schools (addWholeSums copies
 * them); the «has this count» flags of such columns are all alike. A country's sheet has every
 * column whole, and its districts' quantities take half the room.
 */
export class SumsLayout {
  /** Per quantity, its index in a group's array. */
  readonly place: Int32Array;
  /** The quantities a group's array holds, in order. */
  readonly kept: Int32Array;

  constructor(indicators: readonly ActiveIndicator[], complete: ReadonlySet<SchoolCountKey>) {
    const width = quantities(indicators.length);
    // Each quantity's value is the one of an earlier quantity (or its own).
    const sameAs = Int32Array.from({ length: width }, (_, slot) => slot);
    let firstFlag = -1;
    COUNT_KEYS.forEach((key, c) => {
      if (!complete.has(key)) return;
      if (firstFlag < 0) firstFlag = HAS_COUNT_AT + c;
      else sameAs[HAS_COUNT_AT + c] = firstFlag;
    });
    indicators.forEach((indicator, i) => {
      if (!complete.has(indicator.numerator) || !complete.has(indicator.base)) return;
      const at = INDICATORS_AT + INDICATOR_SUMS * i;
      sameAs[at + SUM_PART] = COUNTS_AT + COUNT_KEYS.indexOf(indicator.numerator);
      sameAs[at + SUM_BASE] = COUNTS_AT + COUNT_KEYS.indexOf(indicator.base);
      sameAs[at + SUM_ROWS] = SCHOOLS;
    });
    const place = new Int32Array(width);
    const kept: number[] = [];
    for (let slot = 0; slot < width; slot++) {
      const source = sameAs[slot] as number;
      if (source === slot) place[slot] = kept.push(slot) - 1;
      else place[slot] = place[source] as number;
    }
    this.place = place;
    this.kept = Int32Array.from(kept);
  }
}

export class GroupSums {
  constructor(
    /** One group's quantities, as the layout keeps them. */
    private readonly data: readonly number[],
    private readonly layout: SumsLayout,
  ) {}

  /** The quantity in `slot` (one of the slot constants above). */
  at(slot: number): number {
    return this.data[this.layout.place[slot] as number] as number;
  }

  /**
   * Each group's quantities, taken out of the sums the passes over schools filled (quantity q of
   * group g at [q × groups + g]) into an array of its own, and their total (the region). The
   * sums are then let go with evaluation's other working arrays. Read in place, they were a
   * typed array the report kept, and such memory is fresh from the system on every run until the
   * collector's next full collection, mapped in page by page (some 10 µs a page on a virtual
   * machine: 190 pages at 1 600 districts). What the report keeps is now only each district's
   * distinct quantities (SumsLayout).
   */
  static byGroup(layout: SumsLayout, sums: Float64Array, groups: number): { readonly groups: readonly GroupSums[]; readonly total: GroupSums } {
    const result: GroupSums[] = new Array<GroupSums>(groups);
    for (let g = 0; g < groups; g++) result[g] = new GroupSums(quantitiesOf(sums, g, groups, layout.kept), layout);
    return { groups: result, total: new GroupSums(addUp(sums, groups, layout.kept), layout) };
  }
}

/** Group g's kept quantities out of the sums of `groups` groups. */
function quantitiesOf(sums: Float64Array, g: number, groups: number, kept: Int32Array): number[] {
  const own = new Array<number>(kept.length);
  for (let k = 0; k < kept.length; k++) own[k] = sums[(kept[k] as number) * groups + g] as number;
  return own;
}

/** The region's kept quantities: sums add, and the «some row had this count» flags combine as «any had it». */
function addUp(sums: Float64Array, groups: number, kept: Int32Array): number[] {
  const totals = new Array<number>(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const slot = kept[k] as number;
    const flag = slot >= HAS_COUNT_AT && slot < INDICATORS_AT;
    const from = slot * groups;
    let total = 0;
    for (let g = 0; g < groups; g++) {
      const value = sums[from + g] as number;
      total = flag ? Math.max(total, value) : total + value;
    }
    totals[k] = total;
  }
  return totals;
}
