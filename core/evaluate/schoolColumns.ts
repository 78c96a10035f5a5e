/**
 * Every school's indicator values, stored by indicator in typed arrays: share, status and gap
 * of indicator i for the school at position k sit at [i × schools + k]. A country's table has
 * 40 000 schools × 8 indicators; one object per value would cost more to collect as garbage
 * than to compute. A Measure object is made only when something asks for one school's.
 */
import { STATUS_LAGGING, STATUS_MET, STATUS_NEAR, STATUS_NO_DATA, type Status } from '../rules';
import type { CountColumns } from '../table/schoolTable';
import type { ActiveIndicator } from './indicatorSet';
import { attainmentTerm, measureInto, type Measure, type MeasureValues } from './measure';

/** Status codes in the status array; 0 is «no target, no status». */
export const NO_STATUS = 0;
const STATUSES: readonly (Status | null)[] = [null, STATUS_MET, STATUS_NEAR, STATUS_LAGGING, STATUS_NO_DATA];

export function statusCode(status: Status | null): number {
  // Statuses are interned constants: an identity chain beats indexOf in a loop over every cell.
  if (status === null) return NO_STATUS;
  if (status === STATUS_MET) return 1;
  if (status === STATUS_NEAR) return 2;
  if (status === STATUS_LAGGING) return 3;
  return 4;
}

export const STATUS_CODE_MET = statusCode(STATUS_MET);
export const STATUS_CODE_LAGGING = statusCode(STATUS_LAGGING);

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
  readonly status: Uint8Array;
  /** Per school: attainment (NaN: none), gap over targeted indicators, 1 when some indicator lags. */
  readonly attainment: Float64Array;
  readonly totalGap: Float64Array;
  readonly lagging: Uint8Array;
  private readonly parts: readonly Float64Array[];
  private readonly bases: readonly Float64Array[];
  private readonly values: MeasureValues = { share: NaN, status: null, gap: NaN };

  constructor(
    readonly indicators: readonly ActiveIndicator[],
    /** Number of schools. */
    readonly schools: number,
    counts: CountColumns,
  ) {
    const size = indicators.length * schools;
    this.share = new Float64Array(size);
    this.gap = new Float64Array(size);
    this.status = new Uint8Array(size);
    this.attainment = new Float64Array(schools);
    this.totalGap = new Float64Array(schools);
    this.lagging = new Uint8Array(schools);
    // activeIndicators keeps only indicators whose columns are in the sheet, so both exist.
    this.parts = indicators.map((i) => counts[i.numerator] ?? new Float64Array(0));
    this.bases = indicators.map((i) => counts[i.base] ?? new Float64Array(0));
  }

  /**
   * Measures the school at `position` (row `recordIndex` of the count columns) on every indicator,
   * stores the results and adds the school to its group's sums.
   */
  evaluate(position: number, recordIndex: number, sums: IndicatorSums, tolerance: number): void {
    const { values, schools } = this;
    let lagging = 0;
    let totalGap = 0;
    let attainment = 0;
    let terms = 0;
    for (let i = 0; i < this.indicators.length; i++) {
      const target = (this.indicators[i] as ActiveIndicator).target;
      const part = (this.parts[i] as Float64Array)[recordIndex] as number;
      const base = (this.bases[i] as Float64Array)[recordIndex] as number;
      measureInto(values, target, part, base, tolerance);
      const at = i * schools + position;
      this.share[at] = values.share;
      this.gap[at] = values.gap;
      const code = statusCode(values.status);
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
    const value = this.share[i * this.schools + position] as number;
    return Number.isNaN(value) ? null : value;
  }

  gapAt(position: number, i: number): number | null {
    const value = this.gap[i * this.schools + position] as number;
    return Number.isNaN(value) ? null : value;
  }

  statusAt(position: number, i: number): Status | null {
    return STATUSES[this.status[i * this.schools + position] as number] ?? null;
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
