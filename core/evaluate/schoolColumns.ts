/**
 * Every school's indicator values in typed arrays: share, status and gap of indicator i for the
 * school at position k sit at [k × indicators + i], so one school's values share a cache line
 * when a report reads schools in its own order. A country's table has
 * 40 000 schools × 8 indicators; one object per value would cost more to collect as garbage
 * than to compute. A Measure object is made only when something asks for one school's.
 */
import { STATUS_CODE_LAGGING, STATUS_CODE_MET, type Status } from '../rules';
import type { CountColumns, SchoolRecord } from '../table/schoolTable';
import type { ActiveIndicator } from './indicatorSet';
import { attainmentTerm, measureInto, NO_STATUS, statusOfCode, type Measure, type MeasureValues } from './measure';

/** A group's running sums per indicator (GroupSums): Σpart, Σbase, rows holding both, rows with a share, rows meeting the target. */
export interface IndicatorSums {
  readonly part: Float64Array;
  readonly base: Float64Array;
  readonly rows: Uint32Array;
  readonly withData: Uint32Array;
  readonly met: Uint32Array;
}

export class SchoolColumns {
  readonly share: Float64Array;
  readonly gap: Float64Array;
  /** measureInto's status codes (NO_STATUS −1: no target). */
  readonly status: Int8Array;
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
  ) {
    const schools = records.length;
    this.schools = schools;
    const size = indicators.length * schools;
    this.share = new Float64Array(size);
    this.gap = new Float64Array(size);
    this.status = new Int8Array(size);
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
   * Measures the school at `position` (row `recordIndex` of the count columns) on every indicator,
   * stores the results and adds the school to its group's sums.
   */
  evaluate(position: number, recordIndex: number, sums: IndicatorSums, tolerance: number): void {
    const { values } = this;
    const width = this.indicators.length;
    let lagging = 0;
    let totalGap = 0;
    let attainment = 0;
    let terms = 0;
    for (let i = 0; i < this.indicators.length; i++) {
      const target = (this.indicators[i] as ActiveIndicator).target;
      const part = (this.parts[i] as Float64Array)[recordIndex] as number;
      const base = (this.bases[i] as Float64Array)[recordIndex] as number;
      measureInto(values, target, part, base, tolerance);
      const at = position * width + i;
      this.share[at] = values.share;
      this.gap[at] = values.gap;
      const code = values.status;
      this.status[at] = code;
      if (code === STATUS_CODE_LAGGING) lagging = 1;
      if (!Number.isNaN(values.gap)) totalGap += values.gap;
      const term = attainmentTerm(Number.isNaN(values.share) ? null : values.share, target);
      if (term !== null) {
        attainment += term;
        terms++;
      }
      // Only rows holding both the part and the base enter either sum, as SHARE_BY does.
      if (Number.isNaN(part) || Number.isNaN(base)) continue;
      sums.part[i] = (sums.part[i] as number) + part;
      sums.base[i] = (sums.base[i] as number) + base;
      sums.rows[i] = (sums.rows[i] as number) + 1;
      if (!Number.isNaN(values.share)) sums.withData[i] = (sums.withData[i] as number) + 1;
      if (code === STATUS_CODE_MET) sums.met[i] = (sums.met[i] as number) + 1;
    }
    this.attainment[position] = terms === 0 ? NaN : attainment / terms;
    this.totalGap[position] = totalGap;
    this.lagging[position] = lagging;
  }

  /** Share of indicator i at a school position, or null. */
  shareAt(position: number, i: number): number | null {
    const value = this.share[position * this.indicators.length + i] as number;
    return Number.isNaN(value) ? null : value;
  }

  gapAt(position: number, i: number): number | null {
    const value = this.gap[position * this.indicators.length + i] as number;
    return Number.isNaN(value) ? null : value;
  }

  statusAt(position: number, i: number): Status | null {
    return statusOfCode(this.status[position * this.indicators.length + i] as number);
  }

  /** One school's measures as objects; recordIndex is its row in the table's count columns. */
  measuresAt(position: number, recordIndex: number): Partial<Record<ActiveIndicator['key'], Measure>> {
    const measures: Partial<Record<ActiveIndicator['key'], Measure>> = {};
    this.indicators.forEach((indicator, i) => {
      const part = (this.parts[i] as Float64Array)[recordIndex] as number;
      const base = (this.bases[i] as Float64Array)[recordIndex] as number;
      measures[indicator.key] = {
        part: Number.isNaN(part) ? null : part,
        base: Number.isNaN(base) ? null : base,
        share: this.shareAt(position, i),
        status: this.statusAt(position, i),
        gap: this.gapAt(position, i),
      };
    });
    return measures;
  }
}
