/**
 * Running sums of one group: a district, or the region as the total of its districts. One pass
 * over the schools fills them; nothing is summed twice. The passes add into one Float64Array
 * laid out quantity by quantity: quantity q (the slots below) of group g is at [q × groups + g],
 * so a pass down one column of a country's 40 000 schools adds into a few arrays of 1 600
 * numbers, which stay in the processor's cache. GroupSums reads a group's quantities, taken
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
    /** Every group's kept quantities (SumsLayout), group after group, shared by all groups. */
    private readonly data: Float64Array,
    /** Where this group's quantities begin in `data`. */
    private readonly offset: number,
    private readonly layout: SumsLayout,
  ) {}

  /** The quantity in `slot` (one of the slot constants above). */
  at(slot: number): number {
    return this.data[this.offset + (this.layout.place[slot] as number)] as number;
  }

  /**
   * Each group's kept quantities, taken out of the sums the passes over schools filled (quantity
   * q of group g at [q × groups + g]) into one array, group after group, and their total (the
   * region) after them. The sums are then let go with evaluation's other working arrays. One
   * typed array, not an array per district: a typed array's numbers live outside the collector's
   * heap, while 1 600 arrays of numbers were some 600 KB of objects that a minor collection in
   * the middle of a run moved to fresh pages of the old generation, which the system maps in one
   * by one (some 10 µs a page on a virtual machine).
   */
  static byGroup(layout: SumsLayout, sums: Float64Array, groups: number): { readonly groups: readonly GroupSums[]; readonly total: GroupSums } {
    const { kept } = layout;
    const width = kept.length;
    const data = new Float64Array((groups + 1) * width);
    for (let k = 0; k < width; k++) {
      const slot = kept[k] as number;
      const from = slot * groups;
      // Every quantity adds up; a «some row had this count» flag of the region becomes the number
      // of districts that had it, which is read as «had it» all the same (non-zero).
      let total = 0;
      for (let g = 0; g < groups; g++) {
        const value = sums[from + g] as number;
        data[g * width + k] = value;
        total += value;
      }
      data[groups * width + k] = total;
    }
    const result: GroupSums[] = new Array<GroupSums>(groups);
    for (let g = 0; g < groups; g++) result[g] = new GroupSums(data, g * width, layout);
    return { groups: result, total: new GroupSums(data, groups * width, layout) };
  }
}
