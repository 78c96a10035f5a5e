/**
 * A district's or the region's figures (GroupResult), read from its sums when asked. A country
 * has 1 600 districts; objects for every count, share and flag of each cost more to make and to
 * collect than the district summary takes to read, so only what ranks districts is worked out at
 * once, and the objects (counts, measures…) are made on first use. The summary reads shares and
 * statuses through measureAt without making them.
 */
import type { SchoolCountKey } from '../catalogue/columns';
import type { SchoolIndicatorKey } from '../catalogue/indicators';
import { looseKeyOfNormalized } from '../table/planTable';
import type { GroupResult, Measures } from './evaluate';
import type { ActiveIndicator } from './indicatorSet';
import { attainmentTermOf, measure, measureInto, NO_STATUS, type Measure, type MeasureValues } from './measure';
import {
  ACCESS50, ACCESS50_KNOWN, ACTIVE_PROFILES, COUNT_KEYS, COUNTS_AT, HAS_COUNT_AT, INDICATOR_SUMS, INDICATORS_AT, LAGGING_SCHOOLS, PROFILES_KNOWN,
  SCHOOLS, SUM_BASE, SUM_MET, SUM_PART, SUM_ROWS, SUM_WITH_DATA, type GroupSums,
} from './groupSums';

interface Made {
  key?: string;
  counts?: Partial<Record<SchoolCountKey, number>>;
  measures?: Measures;
  meetingTarget?: Partial<Record<SchoolIndicatorKey, number>>;
  withData?: Partial<Record<SchoolIndicatorKey, number>>;
}

/**
 * What measureAt hands out, shared by every group: one object per district, alive as long as the
 * report, was memory the collector had to carry for each of a country's 1 600 districts.
 */
const SHARED_VALUES: MeasureValues = { share: NaN, status: NO_STATUS, gap: NaN };

export class GroupFigures implements GroupResult {
  /** 1 for the district furthest behind; 0 for the region. Set once districts are ranked. */
  priority = 0;
  readonly attainment: number | null;
  /** People still needed, summed over targeted indicators: ranks districts after attainment. */
  readonly totalGap: number;
  /** Objects made on first use (most districts never need them: no empty object each). */
  private made: Made | undefined;

  constructor(
    private readonly sums: GroupSums,
    private readonly indicators: readonly ActiveIndicator[],
    readonly name: string,
    /** normalizeText(name): the loose key is made from it on demand. */
    private readonly normalizedName: string,
    readonly plan: number | null,
    private readonly tolerance: number,
  ) {
    // Attainment (the mean over targeted indicators with a share of min(1, share ÷ target)) and
    // the gap in people rank districts, so they are worked out at once.
    let terms = 0;
    let sum = 0;
    let gap = 0;
    for (let i = 0; i < indicators.length; i++) {
      const values = this.measureAt(i);
      const term = attainmentTermOf(values.share, (indicators[i] as ActiveIndicator).target ?? NaN);
      if (!Number.isNaN(term)) {
        sum += term;
        terms++;
      }
      if (!Number.isNaN(values.gap)) gap += values.gap;
    }
    this.attainment = terms === 0 ? null : sum / terms;
    this.totalGap = gap;
  }

  /**
   * Share, status code and gap of indicator i (in the evaluation's indicators), measured from the
   * sums when asked: kept for every district they were memory the report carried, where measuring
   * again costs a division and two comparisons. The object is shared by every group: read it at once.
   */
  measureAt(i: number): Readonly<MeasureValues> {
    measureInto(SHARED_VALUES, (this.indicators[i] as ActiveIndicator).target, this.sumAt(i, SUM_PART), this.sumAt(i, SUM_BASE), this.tolerance);
    return SHARED_VALUES;
  }

  /** Σpart or Σbase (`slot`) of indicator i over the schools holding both, NaN when none does. */
  private sumAt(i: number, slot: typeof SUM_PART | typeof SUM_BASE): number {
    const at = INDICATORS_AT + INDICATOR_SUMS * i;
    return this.sums.at(at + SUM_ROWS) ? this.sums.at(at + slot) : NaN;
  }

  /** Schools whose own share meets the target of indicator i. */
  meetingAt(i: number): number {
    return this.sums.at(INDICATORS_AT + INDICATOR_SUMS * i + SUM_MET);
  }

  get key(): string {
    return (this.cache.key ??= looseKeyOfNormalized(this.normalizedName));
  }
  get schools(): number {
    return this.sums.at(SCHOOLS);
  }
  get activeProfiles(): number {
    return this.sums.at(ACTIVE_PROFILES);
  }
  get profilesKnown(): number {
    return this.sums.at(PROFILES_KNOWN);
  }
  get access50(): number {
    return this.sums.at(ACCESS50);
  }
  get access50Known(): number {
    return this.sums.at(ACCESS50_KNOWN);
  }
  get laggingSchools(): number {
    return this.sums.at(LAGGING_SCHOOLS);
  }
  get planMet(): boolean | null {
    return this.plan === null || this.access50Known === 0 ? null : this.access50 >= this.plan;
  }

  /** The sum of one count column, or null when no school had it (counts[key] without making counts). */
  countOf(key: SchoolCountKey): number | null {
    const c = COUNT_KEYS.indexOf(key);
    return c >= 0 && this.sums.at(HAS_COUNT_AT + c) ? this.sums.at(COUNTS_AT + c) : null;
  }

  get counts(): Readonly<Partial<Record<SchoolCountKey, number>>> {
    const { cache } = this;
    if (cache.counts) return cache.counts;
    const counts: Partial<Record<SchoolCountKey, number>> = {};
    for (let c = 0; c < COUNT_KEYS.length; c++) {
      if (this.sums.at(HAS_COUNT_AT + c)) counts[COUNT_KEYS[c] as SchoolCountKey] = this.sums.at(COUNTS_AT + c);
    }
    return (cache.counts = counts);
  }

  get measures(): Measures {
    const { cache } = this;
    if (cache.measures) return cache.measures;
    const measures: Partial<Record<SchoolIndicatorKey, Measure>> = {};
    const orUndefined = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);
    this.indicators.forEach((indicator, i) => {
      measures[indicator.key] = measure(indicator.target, orUndefined(this.sumAt(i, SUM_PART)), orUndefined(this.sumAt(i, SUM_BASE)), this.tolerance);
    });
    return (cache.measures = measures);
  }

  get meetingTarget(): Readonly<Partial<Record<SchoolIndicatorKey, number>>> {
    return (this.cache.meetingTarget ??= this.perIndicator(SUM_MET));
  }

  get withData(): Readonly<Partial<Record<SchoolIndicatorKey, number>>> {
    return (this.cache.withData ??= this.perIndicator(SUM_WITH_DATA));
  }

  private get cache(): Made {
    return (this.made ??= {});
  }

  private perIndicator(slot: number): Partial<Record<SchoolIndicatorKey, number>> {
    const values: Partial<Record<SchoolIndicatorKey, number>> = {};
    this.indicators.forEach((indicator, i) => (values[indicator.key] = this.sums.at(INDICATORS_AT + INDICATOR_SUMS * i + slot)));
    return values;
  }
}
