/**
 * Running sums of one group: a district, or the region as the total of its districts. One pass
 * over the schools fills them; nothing is summed twice. The passes add into one Float64Array
 * laid out quantity by quantity: quantity q (the slots below) of group g is at [q × groups + g],
 * so a pass down one column of a country's 40 000 schools adds into a few arrays of 1 600
 * numbers, which stay in the processor's cache. GroupSums.byGroup then lays them out group by
 * group for reading each district's figures.
 */
import { SCHOOL_COUNT_KEYS, type SchoolCountKey } from '../catalogue/columns';
import type { SchoolIndicatorKey } from '../catalogue/indicators';
import type { Settings } from '../settings';
import { looseKeyOfNormalized } from '../table/planTable';
import { normalizeText } from '../text';
import type { GroupResult } from './evaluate';
import type { ActiveIndicator } from './indicatorSet';
import { attainmentOf, measure, type Measure } from './measure';

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
    private readonly indicators: readonly ActiveIndicator[],
    /** One run of quantities(indicators) numbers per group, group by group. */
    readonly data: Float64Array = new Float64Array(quantities(indicators.length)),
    /** This group's number among the groups sharing data. */
    readonly group = 0,
  ) {
    this.start = group * quantities(indicators.length);
  }

  private at(slot: number): number {
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
    return { groups: Array.from({ length: groups }, (_, g) => new GroupSums(indicators, blocks, g)), total: new GroupSums(indicators, totals) };
  }

  /** The group's figures; `normalizedName` (normalizeText of the name), when known, saves normalising it again. */
  result(name: string, settings: Settings, plan: number | null, normalizedName = normalizeText(name)): Omit<GroupResult, 'priority'> {
    const counts: Partial<Record<SchoolCountKey, number>> = {};
    for (let c = 0; c < COUNT_KEYS.length; c++) {
      if (this.at(HAS_COUNT_AT + c)) counts[COUNT_KEYS[c] as SchoolCountKey] = this.at(COUNTS_AT + c);
    }
    const measures: Partial<Record<SchoolIndicatorKey, Measure>> = {};
    const meetingTarget: Partial<Record<SchoolIndicatorKey, number>> = {};
    const withData: Partial<Record<SchoolIndicatorKey, number>> = {};
    for (let i = 0; i < this.indicators.length; i++) {
      const indicator = this.indicators[i] as ActiveIndicator;
      const at = INDICATORS_AT + INDICATOR_SUMS * i;
      const rows = this.at(at + SUM_ROWS);
      measures[indicator.key] = measure(indicator.target, rows ? this.at(at + SUM_PART) : undefined, rows ? this.at(at + SUM_BASE) : undefined, settings.tolerance);
      meetingTarget[indicator.key] = this.at(at + SUM_MET);
      withData[indicator.key] = this.at(at + SUM_WITH_DATA);
    }
    const access50 = this.at(ACCESS50);
    const access50Known = this.at(ACCESS50_KNOWN);
    return {
      name,
      key: looseKeyOfNormalized(normalizedName),
      schools: this.at(SCHOOLS),
      counts,
      measures,
      meetingTarget,
      withData,
      activeProfiles: this.at(ACTIVE_PROFILES),
      profilesKnown: this.at(PROFILES_KNOWN),
      access50,
      access50Known,
      plan,
      planMet: plan === null || access50Known === 0 ? null : access50 >= plan,
      laggingSchools: this.at(LAGGING_SCHOOLS),
      attainment: attainmentOf(this.indicators, measures),
    };
  }
}
