/**
 * Running sums of one group: a district, or the region as the merge of its districts. One pass
 * over the schools fills them; nothing is summed twice. The sums of all districts share one
 * Float64Array, quantity by quantity: quantity q (the slots below) of group g is at
 * [q × groups + g]. A pass down one column of a country's 40 000 schools then adds into a
 * few arrays of 1 600 numbers, which stay in the processor's cache.
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
  constructor(
    private readonly indicators: readonly ActiveIndicator[],
    readonly data: Float64Array = new Float64Array(quantities(indicators.length)),
    /** This group's number among `groups` groups sharing data. */
    readonly group = 0,
    readonly groups = 1,
  ) {}

  private at(slot: number): number {
    return this.data[slot * this.groups + this.group] as number;
  }

  /** The sums of all `groups` groups in `data` added up, a quantity at a time (each a run of adjacent numbers). */
  static total(indicators: readonly ActiveIndicator[], data: Float64Array, groups: number): GroupSums {
    const length = quantities(indicators.length);
    const totals = new Float64Array(length);
    for (let slot = 0; slot < length; slot++) {
      // Sums add; the «some row had this count» flags combine as «any had it».
      const flag = slot >= HAS_COUNT_AT && slot < INDICATORS_AT;
      let total = 0;
      for (let g = slot * groups, end = g + groups; g < end; g++) total = flag ? Math.max(total, data[g] as number) : total + (data[g] as number);
      totals[slot] = total;
    }
    return new GroupSums(indicators, totals);
  }

  merge(other: GroupSums): void {
    const length = quantities(this.indicators.length);
    for (let slot = 0; slot < length; slot++) {
      const mine = this.at(slot);
      const theirs = other.at(slot);
      // Sums add; the «some row had this count» flags combine as «either had it».
      const flag = slot >= HAS_COUNT_AT && slot < INDICATORS_AT;
      this.data[slot * this.groups + this.group] = flag ? Math.max(mine, theirs) : mine + theirs;
    }
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
