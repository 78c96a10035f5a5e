/**
 * Per-school results and their aggregation by district and region: weighted shares (sum of
 * counts over sum of bases, never a mean of percentages), statuses, gaps in people, profiles,
 * the 2.3 condition against the district plan, and a priority order.
 */
import { SCHOOL_COLUMNS, type SchoolCountKey } from '../catalogue/columns';
import type { SchoolIndicatorKey } from '../catalogue/indicators';
import type { Finding } from '../findings';
import { normalizeText, russianOrder } from '../text';
import { messages } from '../messages';
import { isProfileActive, meetsAccess50, share } from '../rules';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { looseDistrictKey, type DistrictPlan } from '../table/planTable';
import type { CountColumns, SchoolRecord, SchoolTable } from '../table/schoolTable';
import { activeIndicators, type ActiveIndicator } from './indicatorSet';
import { attainmentOf, measure, type Measure } from './measure';
import { INDICATOR_SUMS, SchoolColumns, SUM_BASE, SUM_MET, SUM_PART, SUM_ROWS, SUM_WITH_DATA, type IndicatorSums } from './schoolColumns';

export type Measures = Readonly<Partial<Record<SchoolIndicatorKey, Measure>>>;

export interface SchoolResult {
  readonly record: SchoolRecord;
  readonly measures: Measures;
  /** From the status column when present, else by the rule (users > 2 and classes ≥ 1). */
  readonly active: boolean | null;
  readonly activeSource: 'status' | 'rule' | null;
  /** Indicator 2.3: ≥ 50 % of teachers and ≥ 50 % of students have access. */
  readonly access50: boolean | null;
  readonly attainment: number | null;
  /** Some indicator is «отстаёт». */
  readonly lagging: boolean;
  /** Sum of the gaps in people over indicators with a target. */
  readonly totalGap: number;
  /** Index in Evaluation.schools and in Evaluation.schoolColumns. */
  readonly position: number;
}

export interface GroupResult {
  readonly name: string;
  readonly key: string;
  readonly schools: number;
  readonly counts: Readonly<Partial<Record<SchoolCountKey, number>>>;
  readonly measures: Measures;
  /** Schools whose own share meets the target, and schools that have data, per indicator. */
  readonly meetingTarget: Readonly<Partial<Record<SchoolIndicatorKey, number>>>;
  readonly withData: Readonly<Partial<Record<SchoolIndicatorKey, number>>>;
  readonly activeProfiles: number;
  readonly profilesKnown: number;
  readonly access50: number;
  readonly access50Known: number;
  /** Schools required by the region's plan for 2.3 (input data), and whether the fact reaches it. */
  readonly plan: number | null;
  readonly planMet: boolean | null;
  readonly laggingSchools: number;
  readonly attainment: number | null;
  /** 1 for the district furthest behind; 0 for the region row. */
  readonly priority: number;
}

export interface Evaluation {
  readonly table: SchoolTable;
  readonly settings: Settings;
  readonly indicators: readonly ActiveIndicator[];
  /** Counted schools in sheet order (repeated rows are left out; see findings). */
  readonly schools: readonly SchoolResult[];
  /** The same schools' shares, statuses and gaps by indicator, for loops over all of them. */
  readonly schoolColumns: SchoolColumns;
  /** Districts, furthest behind first. */
  readonly districts: readonly GroupResult[];
  readonly region: GroupResult;
  readonly findings: readonly Finding[];
  /** Messages about the plan that do not belong to a row of the weekly sheet. */
  readonly planWarnings: readonly string[];
}

export const REGION_NAME = 'Итого по региону';

const ACTIVE_SOURCES: readonly SchoolResult['activeSource'][] = [null, 'status', 'rule'];
const fromTriState = (value: number): boolean | null => (value < 0 ? null : value === 1);
const toTriState = (value: boolean | null): number => (value === null ? -1 : value ? 1 : 0);

/** A school's result: a view of its position in the columns; Measure objects are made when first asked for. */
class EvaluatedSchool implements SchoolResult {
  private made: Measures | undefined;
  constructor(private readonly columns: SchoolColumns, readonly position: number) {}

  get record(): SchoolRecord {
    return this.columns.records[this.position] as SchoolRecord;
  }
  get measures(): Measures {
    return (this.made ??= this.columns.measuresAt(this.position));
  }
  get active(): boolean | null {
    return fromTriState(this.columns.active[this.position] as number);
  }
  get activeSource(): SchoolResult['activeSource'] {
    return ACTIVE_SOURCES[this.columns.activeSource[this.position] as number] ?? null;
  }
  get access50(): boolean | null {
    return fromTriState(this.columns.access50[this.position] as number);
  }
  get attainment(): number | null {
    const value = this.columns.attainment[this.position] as number;
    return Number.isNaN(value) ? null : value;
  }
  get lagging(): boolean {
    return this.columns.lagging[this.position] === 1;
  }
  get totalGap(): number {
    return this.columns.totalGap[this.position] as number;
  }
}

/** A count of one row from its column, or undefined when the column is absent or the cell empty. */
function countAt(column: Float64Array | undefined, index: number): number | undefined {
  if (column === undefined) return undefined;
  const value = column[index] as number;
  return Number.isNaN(value) ? undefined : value;
}

/** Stores the profile activity: from the status column when there is one, else by the rule (users > 2 and classes ≥ 1). */
function recordActivity(columns: SchoolColumns, position: number, record: SchoolRecord, counts: CountColumns): void {
  if (record.profileStatus) {
    columns.active[position] = record.profileStatus === 'active' ? 1 : 0;
    columns.activeSource[position] = ACTIVE_SOURCES.indexOf('status');
    return;
  }
  const users = countAt(counts.usersLinked, record.index);
  const classes = countAt(counts.classesCreated, record.index);
  const known = users !== undefined && classes !== undefined;
  columns.active[position] = known ? toTriState(isProfileActive(users, classes)) : -1;
  columns.activeSource[position] = known ? ACTIVE_SOURCES.indexOf('rule') : 0;
}

function access50Of(counts: CountColumns, index: number): boolean | null {
  if (!counts.teachers || !counts.staffTotal || !counts.students || !counts.studentsTotal) return null;
  const teachers = countAt(counts.teachers, index);
  const staffTotal = countAt(counts.staffTotal, index);
  const students = countAt(counts.students, index);
  const studentsTotal = countAt(counts.studentsTotal, index);
  if (teachers === undefined || staffTotal === undefined || students === undefined || studentsTotal === undefined) return null;
  const teachersShare = share(teachers, staffTotal);
  const studentsShare = share(students, studentsTotal);
  return teachersShare === null || studentsShare === null ? null : meetsAccess50(teachersShare, studentsShare);
}

const COUNT_KEYS: readonly SchoolCountKey[] = SCHOOL_COLUMNS.filter((def) => def.kind === 'count').map((def) => def.key as SchoolCountKey);
const COUNTS = COUNT_KEYS.length;

/**
 * Running sums of one group (a district, or the region as the merge of its districts). One pass
 * over the schools fills it; nothing is summed twice. All sums sit in one Float64Array (a
 * country has 1 600 districts: one array each, not eight): the counts in COUNT_KEYS order, a
 * flag per count that some row had it, then five sums per indicator (IndicatorSums).
 */
export class GroupSums implements IndicatorSums {
  schools = 0;
  activeProfiles = 0;
  profilesKnown = 0;
  access50 = 0;
  access50Known = 0;
  laggingSchools = 0;
  readonly data: Float64Array;
  readonly indicatorOffset = 2 * COUNTS;

  constructor(private readonly indicators: readonly ActiveIndicator[]) {
    this.data = new Float64Array(2 * COUNTS + INDICATOR_SUMS * indicators.length);
  }

  /** Adds one row's counts (NaN for an empty cell) from the table's columns; `slots` are their COUNT_KEYS positions. */
  addCounts(columns: readonly Float64Array[], slots: readonly number[], index: number): void {
    this.schools++;
    const { data } = this;
    for (let c = 0; c < columns.length; c++) {
      const value = (columns[c] as Float64Array)[index] as number;
      if (Number.isNaN(value)) continue;
      const slot = slots[c] as number;
      data[slot] = (data[slot] as number) + value;
      data[COUNTS + slot] = 1;
    }
  }

  addSchool(active: boolean | null, access50: boolean | null, lagging: boolean): void {
    if (active !== null) {
      this.profilesKnown++;
      if (active) this.activeProfiles++;
    }
    if (access50 !== null) {
      this.access50Known++;
      if (access50) this.access50++;
    }
    if (lagging) this.laggingSchools++;
  }

  merge(other: GroupSums): void {
    this.schools += other.schools;
    this.activeProfiles += other.activeProfiles;
    this.profilesKnown += other.profilesKnown;
    this.access50 += other.access50;
    this.access50Known += other.access50Known;
    this.laggingSchools += other.laggingSchools;
    const { data } = this;
    for (let i = 0; i < data.length; i++) {
      const value = other.data[i] as number;
      // Sums add; the «some row had this count» flags combine as «either had it».
      data[i] = i >= COUNTS && i < 2 * COUNTS ? Math.max(data[i] as number, value) : (data[i] as number) + value;
    }
  }

  result(name: string, settings: Settings, plan: number | null): Omit<GroupResult, 'priority'> {
    const { data } = this;
    const counts: Partial<Record<SchoolCountKey, number>> = {};
    COUNT_KEYS.forEach((key, i) => {
      if (data[COUNTS + i]) counts[key] = data[i] as number;
    });
    const measures: Partial<Record<SchoolIndicatorKey, Measure>> = {};
    const meetingTarget: Partial<Record<SchoolIndicatorKey, number>> = {};
    const withData: Partial<Record<SchoolIndicatorKey, number>> = {};
    this.indicators.forEach((indicator, i) => {
      const at = this.indicatorOffset + INDICATOR_SUMS * i;
      const rows = data[at + SUM_ROWS] as number;
      measures[indicator.key] = measure(indicator.target, rows ? data[at + SUM_PART] : undefined, rows ? data[at + SUM_BASE] : undefined, settings.tolerance);
      meetingTarget[indicator.key] = data[at + SUM_MET] as number;
      withData[indicator.key] = data[at + SUM_WITH_DATA] as number;
    });
    return {
      name,
      key: looseDistrictKey(name),
      schools: this.schools,
      counts,
      measures,
      meetingTarget,
      withData,
      activeProfiles: this.activeProfiles,
      profilesKnown: this.profilesKnown,
      access50: this.access50,
      access50Known: this.access50Known,
      plan,
      planMet: plan === null || this.access50Known === 0 ? null : this.access50 >= plan,
      laggingSchools: this.laggingSchools,
      attainment: attainmentOf(this.indicators, measures),
    };
  }
}

/** Furthest behind first: lowest attainment, then the largest gap in people, then by name. */
function byPriority(a: Omit<GroupResult, 'priority'>, b: Omit<GroupResult, 'priority'>): number {
  const ax = a.attainment ?? Infinity;
  const bx = b.attainment ?? Infinity;
  if (ax !== bx) return ax - bx;
  return totalGap(b) - totalGap(a) || russianOrder(a.name, b.name);
}

export function totalGap(group: Pick<GroupResult, 'measures'>): number {
  return Object.values(group.measures).reduce((sum, m) => sum + ((m as Measure).gap ?? 0), 0);
}

export function evaluate(table: SchoolTable, settings: Settings = DEFAULT_SETTINGS, plan?: DistrictPlan): Evaluation {
  const indicators = activeIndicators(table, settings);
  // Repeated schools are rare: most tables count every record, and the array is shared.
  const counted = table.records.every((record) => record.counted) ? table.records : table.records.filter((record) => record.counted);
  const counts = table.countColumns;
  const columns = new SchoolColumns(indicators, counted, counts, settings.tolerance);
  const byDistrict = new Map<string, { name: string; sums: GroupSums }>();
  const countSlots = COUNT_KEYS.flatMap((key, slot) => (counts[key] ? [slot] : []));
  const countColumns = countSlots.map((slot) => counts[COUNT_KEYS[slot] as SchoolCountKey] as Float64Array);
  for (let position = 0; position < counted.length; position++) {
    const record = counted[position] as SchoolRecord;
    let group = byDistrict.get(record.districtKey);
    if (!group) byDistrict.set(record.districtKey, (group = { name: record.district, sums: new GroupSums(indicators) }));
    const { sums } = group;
    columns.evaluate(position, sums);
    recordActivity(columns, position, record, counts);
    const access50 = access50Of(counts, record.index);
    columns.access50[position] = toTriState(access50);
    sums.addCounts(countColumns, countSlots, record.index);
    sums.addSchool(fromTriState(columns.active[position] as number), access50, columns.lagging[position] === 1);
  }

  const planWarnings: string[] = [];
  const planFor = planLookup(plan, [...byDistrict.values()].map((g) => g.name), planWarnings);
  const regionSums = new GroupSums(indicators);
  const groups = [...byDistrict.values()].map(({ name, sums }) => {
    regionSums.merge(sums);
    return sums.result(name, settings, planFor(name));
  });
  const districts = groups.sort(byPriority).map((group, index) => ({ ...group, priority: index + 1 }));
  const planTotal = plan ? districts.reduce((sum, d) => sum + (d.plan ?? 0), 0) : null;
  const region = { ...regionSums.result(REGION_NAME, settings, planTotal), priority: 0 };

  let schools: SchoolResult[] | undefined;
  return {
    table,
    settings,
    indicators,
    // Made on first use: the district summary and the lagging list read the columns instead.
    get schools(): readonly SchoolResult[] {
      return (schools ??= counted.map((_, position) => new EvaluatedSchool(columns, position)));
    },
    schoolColumns: columns,
    districts,
    region,
    findings: [...table.findings, ...(plan?.findings ?? [])],
    planWarnings,
  };
}

/** The counted schools of one district (name compared as users type it: case, «ё», spaces). */
export function schoolsOf(evaluation: Pick<Evaluation, 'schools'>, district: string): SchoolResult[] {
  const key = normalizeText(district);
  return evaluation.schools.filter((s) => s.record.districtKey === key);
}

/** Matches plan rows to the table's districts by name, exactly or without «район», «г.» and the like. */
function planLookup(plan: DistrictPlan | undefined, districtNames: readonly string[], warnings: string[]): (name: string) => number | null {
  if (!plan) return () => null;
  const byLoose = new Map<string, number>();
  for (const entry of plan.entries) byLoose.set(looseDistrictKey(entry.district), entry.required);
  const known = new Set(districtNames.map(looseDistrictKey));
  for (const entry of plan.entries) {
    if (!known.has(looseDistrictKey(entry.district))) warnings.push(messages.unknownPlanDistrict(entry.district));
  }
  return (name) => byLoose.get(looseDistrictKey(name)) ?? null;
}
