/**
 * Every school's results, by position: whether it lags in a typed array, and what ranks it
 * (attainment, total gap) when a list asks. A country's table has 40 000 schools × 8
 * indicators; an object per value would cost more to collect as garbage than to compute, so a
 * school's shares, statuses and gaps, its profile and 2.3 access are worked out again from its
 * counts when a row asks (the functions below are what the district sums count, too).
 */
import type { CountArray, SchoolRecord, SchoolTable, CountColumns } from '../table/schoolTable';
import { isProfileActive, meetsAccess50, NO_NUMBER } from '../rules';
import { PROFILE_ACTIVE, PROFILE_UNKNOWN } from '../table/schoolRows';
import type { ActiveIndicator } from './indicatorSet';
import { attainmentTermOf, measure, measureInto, NO_STATUS, shareOrNaN, type Measure, type MeasureValues } from './measure';

/** Yes / no / unknown from their codes: 1, 0, −1. */
const fromTriState = (value: number): boolean | null => (value < 0 ? null : value === 1);

/**
 * A school's profile: active (1), not (0) or unknown (−1). From its status code (RowStore.statuses)
 * when the row has one, else by the rule from its users and classes (NaN: none).
 */
export function profileActivity(status: number, users: number, classes: number): number {
  if (status !== PROFILE_UNKNOWN) return status === PROFILE_ACTIVE ? 1 : 0;
  if (Number.isNaN(users) || Number.isNaN(classes)) return -1;
  return isProfileActive(users, classes) ? 1 : 0;
}

/** Indicator 2.3 for one school: 1, 0, or −1 when either share is missing (NaN for a count it lacks). */
export function access50Of(teachers: number, staffTotal: number, students: number, studentsTotal: number): number {
  const teachersShare = shareOrNaN(teachers, staffTotal);
  const studentsShare = shareOrNaN(students, studentsTotal);
  if (Number.isNaN(teachersShare) || Number.isNaN(studentsShare)) return -1;
  return meetsAccess50(teachersShare, studentsShare) ? 1 : 0;
}

export class SchoolColumns {
  /**
   * Per school: 1 when some indicator lags. The one array a school's results keep (profiles and
   * 2.3 are worked out again when asked): the report keeps it, and such memory is fresh from the
   * system on every run until the collector's next full collection.
   */
  readonly lagging: Uint8Array;
  /** Number of schools. */
  readonly schools: number;
  private readonly parts: readonly CountArray[];
  private readonly bases: readonly CountArray[];
  private readonly values: MeasureValues = { share: NaN, status: NO_STATUS, gap: NaN };
  private ranks: { readonly attainment: Float64Array; readonly totalGap: Float64Array } | undefined;

  private countedRecords: readonly SchoolRecord[] | undefined;

  constructor(
    readonly indicators: readonly ActiveIndicator[],
    private readonly table: SchoolTable,
    /**
     * Position k (a counted school, in sheet order) is row recordOf[k] of the table; null when
     * every row is counted (nearly every sheet), position k being row k: no array of a country's
     * positions to make on every evaluation.
     */
    private readonly recordOf: Int32Array | null,
    /** The counted schools' counts, school k at index k. */
    readonly counts: CountColumns,
    /** The counted schools' profile status codes (RowStore.statuses), school k at index k; null when no school has one. */
    private readonly statuses: Uint8Array | null,
    private readonly tolerance: number,
  ) {
    const schools = recordOf === null ? table.rows.length : recordOf.length;
    this.schools = schools;
    this.lagging = new Uint8Array(schools);
    // activeIndicators keeps only indicators whose columns are in the sheet, so both exist.
    this.parts = indicators.map((i) => counts[i.numerator] ?? new Float64Array(0));
    this.bases = indicators.map((i) => counts[i.base] ?? new Float64Array(0));
  }

  /** Per school: attainment (NaN: none). Worked out when first asked for: only the lists of schools rank them. */
  get attainment(): Float64Array {
    return (this.ranks ??= this.rank()).attainment;
  }

  /** Per school: the gap in people summed over targeted indicators. */
  get totalGap(): Float64Array {
    return (this.ranks ??= this.rank()).totalGap;
  }

  /** The counted schools' records: position k is records[k]. Made when first asked for. */
  get records(): readonly SchoolRecord[] {
    return (this.countedRecords ??= this.table.leftOut === 0 ? this.table.records : this.table.records.filter((r) => r.counted));
  }

  /** The table's row index (in table.rows and table.countColumns) of a school position. */
  indexOf(position: number): number {
    return this.recordOf === null ? position : (this.recordOf[position] as number);
  }

  /** Attainment of a school position, or null when no targeted indicator has a share. */
  attainmentAt(position: number): number | null {
    const value = this.attainment[position] as number;
    return Number.isNaN(value) ? null : value;
  }

  /** A school's profile activity (profileActivity) as yes / no / unknown. */
  activeAt(position: number): boolean | null {
    return fromTriState(this.activityAt(position));
  }

  /** Where a school's profile activity came from: its status cell, the rule, or nowhere (unknown). */
  activeSourceAt(position: number): 'status' | 'rule' | null {
    if (this.statusAt(position) !== PROFILE_UNKNOWN) return 'status';
    return this.activityAt(position) < 0 ? null : 'rule';
  }

  access50At(position: number): boolean | null {
    const { teachers, staffTotal, students, studentsTotal } = this.counts;
    if (!teachers || !staffTotal || !students || !studentsTotal) return null;
    return fromTriState(access50Of(teachers[position] as number, staffTotal[position] as number, students[position] as number, studentsTotal[position] as number));
  }

  private activityAt(position: number): number {
    const { usersLinked, classesCreated } = this.counts;
    return profileActivity(this.statusAt(position), usersLinked?.[position] ?? NaN, classesCreated?.[position] ?? NaN);
  }

  /** A school's profile status code (PROFILE_UNKNOWN when the sheet gives none). */
  statusAt(position: number): number {
    return this.statuses === null ? PROFILE_UNKNOWN : (this.statuses[position] as number);
  }

  /** Share, status code and gap of indicator i at a school position. The object is reused: read it at once. */
  measureAt(position: number, i: number): Readonly<MeasureValues> {
    const part = (this.parts[i] as CountArray)[position] as number;
    const base = (this.bases[i] as CountArray)[position] as number;
    measureInto(this.values, (this.indicators[i] as ActiveIndicator).target, part, base, this.tolerance);
    return this.values;
  }

  /** One school's measures as objects. */
  measuresAt(position: number): Partial<Record<ActiveIndicator['key'], Measure>> {
    const measures: Partial<Record<ActiveIndicator['key'], Measure>> = {};
    const given = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);
    this.indicators.forEach((indicator, i) => {
      const part = (this.parts[i] as CountArray)[position] as number;
      const base = (this.bases[i] as CountArray)[position] as number;
      measures[indicator.key] = measure(indicator.target, given(part), given(base), this.tolerance);
    });
    return measures;
  }

  /** Every school's attainment (mean of attainmentTermOf over targeted indicators) and total gap, an indicator at a time. */
  private rank(): { attainment: Float64Array; totalGap: Float64Array } {
    const { schools, values } = this;
    const attainment = new Float64Array(schools);
    const totalGap = new Float64Array(schools);
    const terms = new Uint8Array(schools);
    this.indicators.forEach((indicator, i) => {
      const { target } = indicator;
      if (target === null) return;
      const parts = this.parts[i] as CountArray;
      const bases = this.bases[i] as CountArray;
      for (let k = 0; k < schools; k++) {
        measureInto(values, target, parts[k] as number, bases[k] as number, this.tolerance);
        if (Number.isNaN(values.share)) continue;
        totalGap[k] = (totalGap[k] as number) + values.gap;
        const term = attainmentTermOf(values.share, target);
        if (Number.isNaN(term)) continue;
        attainment[k] = (attainment[k] as number) + term;
        terms[k] = (terms[k] as number) + 1;
      }
    });
    for (let k = 0; k < schools; k++) {
      const n = terms[k] as number;
      attainment[k] = n === 0 ? NO_NUMBER : (attainment[k] as number) / n;
    }
    return { attainment, totalGap };
  }
}
