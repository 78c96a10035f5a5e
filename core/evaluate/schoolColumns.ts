/**
 * Every school's results in typed arrays, one entry per school: what ranks it (attainment, total
 * gap, lagging), its profile and 2.3 access. A country's table has 40 000 schools × 8
 * indicators; an object per value would cost more to collect as garbage than to compute, so a
 * school's shares, statuses and gaps are measured again from its counts when a row asks.
 */
import { STATUS_CODE_LAGGING, STATUS_CODE_MET } from '../rules';
import type { CountColumns, SchoolRecord } from '../table/schoolTable';
import type { ActiveIndicator } from './indicatorSet';
import { attainmentTerm, measureInto, NO_STATUS, statusOfCode, type Measure, type MeasureValues } from './measure';

/**
 * A group's running sums per indicator (GroupSums), five numbers from data[indicatorOffset + 5i]:
 * Σpart, Σbase (rows holding both), those rows, rows with a share, rows meeting the target.
 */
export interface IndicatorSums {
  readonly data: Float64Array;
  readonly indicatorOffset: number;
}
export const SUM_PART = 0;
export const SUM_BASE = 1;
export const SUM_ROWS = 2;
export const SUM_WITH_DATA = 3;
export const SUM_MET = 4;
export const INDICATOR_SUMS = 5;

export class SchoolColumns {
  /** Per school: attainment (NaN: none), gap over targeted indicators, 1 when some indicator lags. */
  readonly attainment: Float64Array;
  readonly totalGap: Float64Array;
  readonly lagging: Uint8Array;
  /** Per school: profile active (1), not (0), unknown (−1); where that came from (0 none, 1 status column, 2 rule); 2.3 access (1, 0, −1). */
  readonly active: Int8Array;
  readonly activeSource: Uint8Array;
  readonly access50: Int8Array;
  /** Number of schools. */
  readonly schools: number;
  private readonly parts: readonly Float64Array[];
  private readonly bases: readonly Float64Array[];
  private readonly values: MeasureValues = { share: NaN, status: NO_STATUS, gap: NaN };

  constructor(
    readonly indicators: readonly ActiveIndicator[],
    /** The counted schools' records, in sheet order: position k is records[k]. */
    readonly records: readonly SchoolRecord[],
    counts: CountColumns,
    private readonly tolerance: number,
  ) {
    const schools = records.length;
    this.schools = schools;
    this.attainment = new Float64Array(schools);
    this.totalGap = new Float64Array(schools);
    this.lagging = new Uint8Array(schools);
    this.active = new Int8Array(schools);
    this.activeSource = new Uint8Array(schools);
    this.access50 = new Int8Array(schools);
    // activeIndicators keeps only indicators whose columns are in the sheet, so both exist.
    this.parts = indicators.map((i) => counts[i.numerator] ?? new Float64Array(0));
    this.bases = indicators.map((i) => counts[i.base] ?? new Float64Array(0));
  }

  /**
   * Measures the school at `position` on every indicator, keeps what ranks it (attainment, total
   * gap, lagging) and adds it to its group's sums. Per-indicator values are not stored: they are
   * measured again from the counts when a report row asks (see measureAt).
   */
  evaluate(position: number, sums: IndicatorSums): void {
    const recordIndex = (this.records[position] as SchoolRecord).index;
    const { values } = this;
    const data = sums.data;
    let lagging = 0;
    let totalGap = 0;
    let attainment = 0;
    let terms = 0;
    for (let i = 0; i < this.indicators.length; i++) {
      const target = (this.indicators[i] as ActiveIndicator).target;
      const part = (this.parts[i] as Float64Array)[recordIndex] as number;
      const base = (this.bases[i] as Float64Array)[recordIndex] as number;
      measureInto(values, target, part, base, this.tolerance);
      const code = values.status;
      if (code === STATUS_CODE_LAGGING) lagging = 1;
      if (!Number.isNaN(values.gap)) totalGap += values.gap;
      const term = attainmentTerm(Number.isNaN(values.share) ? null : values.share, target);
      if (term !== null) {
        attainment += term;
        terms++;
      }
      // Only rows holding both the part and the base enter either sum, as SHARE_BY does.
      if (Number.isNaN(part) || Number.isNaN(base)) continue;
      const sum = sums.indicatorOffset + INDICATOR_SUMS * i;
      data[sum + SUM_PART] = (data[sum + SUM_PART] as number) + part;
      data[sum + SUM_BASE] = (data[sum + SUM_BASE] as number) + base;
      data[sum + SUM_ROWS] = (data[sum + SUM_ROWS] as number) + 1;
      if (!Number.isNaN(values.share)) data[sum + SUM_WITH_DATA] = (data[sum + SUM_WITH_DATA] as number) + 1;
      if (code === STATUS_CODE_MET) data[sum + SUM_MET] = (data[sum + SUM_MET] as number) + 1;
    }
    this.attainment[position] = terms === 0 ? NaN : attainment / terms;
    this.totalGap[position] = totalGap;
    this.lagging[position] = lagging;
  }

  /** Share, status code and gap of indicator i at a school position. The object is reused: read it at once. */
  measureAt(position: number, i: number): Readonly<MeasureValues> {
    const recordIndex = (this.records[position] as SchoolRecord).index;
    const part = (this.parts[i] as Float64Array)[recordIndex] as number;
    const base = (this.bases[i] as Float64Array)[recordIndex] as number;
    measureInto(this.values, (this.indicators[i] as ActiveIndicator).target, part, base, this.tolerance);
    return this.values;
  }

  /** One school's measures as objects. */
  measuresAt(position: number): Partial<Record<ActiveIndicator['key'], Measure>> {
    const recordIndex = (this.records[position] as SchoolRecord).index;
    const measures: Partial<Record<ActiveIndicator['key'], Measure>> = {};
    this.indicators.forEach((indicator, i) => {
      const part = (this.parts[i] as Float64Array)[recordIndex] as number;
      const base = (this.bases[i] as Float64Array)[recordIndex] as number;
      const { share, status, gap } = this.measureAt(position, i);
      measures[indicator.key] = {
        part: Number.isNaN(part) ? null : part,
        base: Number.isNaN(base) ? null : base,
        share: Number.isNaN(share) ? null : share,
        status: statusOfCode(status),
        gap: Number.isNaN(gap) ? null : gap,
      };
    });
    return measures;
  }
}
