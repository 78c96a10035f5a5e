/**
 * Per-school results and their aggregation by district and region: weighted shares (sum of
 * counts over sum of bases, never a mean of percentages), statuses, gaps in people, profiles,
 * the 2.3 condition against the district plan, and a priority order.
 */
import type { SchoolCountKey } from '../catalogue/columns';
import type { SchoolIndicatorKey } from '../catalogue/indicators';
import type { Finding } from '../findings';
import { normalizeText, russianOrder } from '../text';
import { messages } from '../messages';
import { isProfileActive, meetsAccess50, share, STATUS_CODE_LAGGING, STATUS_CODE_MET } from '../rules';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { looseDistrictKey, type DistrictPlan } from '../table/planTable';
import type { CountColumns, ProfileStatus, SchoolRecord, SchoolTable } from '../table/schoolTable';
import { activeIndicators, type ActiveIndicator } from './indicatorSet';
import { attainmentTerm, measureInto, NO_STATUS, type Measure, type MeasureValues } from './measure';
import {
  ACCESS50, ACCESS50_KNOWN, ACTIVE_PROFILES, COUNT_KEYS, COUNTS_AT, GroupSums, quantities, HAS_COUNT_AT, INDICATOR_SUMS, INDICATORS_AT,
  LAGGING_SCHOOLS, PROFILES_KNOWN, SCHOOLS, SUM_BASE, SUM_MET, SUM_PART, SUM_ROWS, SUM_WITH_DATA,
} from './groupSums';
import { ACTIVE_SOURCES, SchoolColumns, toTriState } from './schoolColumns';

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
  /** The same schools by position: what ranks them, profiles and 2.3 in typed arrays, shares measured on demand. */
  readonly schoolColumns: SchoolColumns;
  /** Districts, furthest behind first. */
  readonly districts: readonly GroupResult[];
  readonly region: GroupResult;
  readonly findings: readonly Finding[];
  /** Messages about the plan that do not belong to a row of the weekly sheet. */
  readonly planWarnings: readonly string[];
}

export const REGION_NAME = 'Итого по региону';

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
    return this.columns.activeAt(this.position);
  }
  get activeSource(): SchoolResult['activeSource'] {
    return ACTIVE_SOURCES[this.columns.activeSource[this.position] as number] ?? null;
  }
  get access50(): boolean | null {
    return this.columns.access50At(this.position);
  }
  get attainment(): number | null {
    return this.columns.attainmentAt(this.position);
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
function recordActivity(columns: SchoolColumns, position: number, status: ProfileStatus | null, counts: CountColumns, index: number): void {
  if (status) {
    columns.active[position] = status === 'active' ? 1 : 0;
    columns.activeSource[position] = ACTIVE_SOURCES.indexOf('status');
    return;
  }
  const users = countAt(counts.usersLinked, index);
  const classes = countAt(counts.classesCreated, index);
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

/** Furthest behind first: lowest attainment, then the largest gap in people, then by name. */
function byPriority<G extends Omit<GroupResult, 'priority'>>(groups: readonly G[]): G[] {
  const gaps = new Map(groups.map((group) => [group, totalGap(group)]));
  return [...groups].sort((a, b) => {
    const ax = a.attainment ?? Infinity;
    const bx = b.attainment ?? Infinity;
    if (ax !== bx) return ax - bx;
    return (gaps.get(b) as number) - (gaps.get(a) as number) || russianOrder(a.name, b.name);
  });
}

export function totalGap(group: Pick<GroupResult, 'measures'>): number {
  return Object.values(group.measures).reduce((sum, m) => sum + ((m as Measure).gap ?? 0), 0);
}

/** Where each counted school's counts are (record index), its district, and the sums of all districts (see groupSums.ts). */
interface Placement {
  readonly recordOf: Int32Array;
  readonly groupOf: Int32Array;
  readonly sums: Float64Array;
  readonly groups: number;
}

/**
 * Measures every school on every indicator, one indicator at a time down its columns: keeps what
 * ranks a school (attainment, total gap, lagging) and adds each row to its district's sums.
 */
function measureSchools(columns: SchoolColumns, counts: CountColumns, place: Placement, tolerance: number): void {
  const { recordOf, groupOf, sums, groups } = place;
  const { attainment, totalGap, lagging } = columns;
  const terms = new Uint8Array(columns.schools);
  const values: MeasureValues = { share: NaN, status: NO_STATUS, gap: NaN };
  columns.indicators.forEach((indicator, i) => {
    // activeIndicators keeps only indicators whose columns are in the sheet.
    const parts = counts[indicator.numerator] as Float64Array;
    const bases = counts[indicator.base] as Float64Array;
    const { target } = indicator;
    const at = INDICATORS_AT + INDICATOR_SUMS * i;
    const partSums = (at + SUM_PART) * groups;
    const baseSums = (at + SUM_BASE) * groups;
    const rowSums = (at + SUM_ROWS) * groups;
    const withDataSums = (at + SUM_WITH_DATA) * groups;
    const metSums = (at + SUM_MET) * groups;
    for (let k = 0; k < columns.schools; k++) {
      const row = recordOf[k] as number;
      const part = parts[row] as number;
      const base = bases[row] as number;
      measureInto(values, target, part, base, tolerance);
      if (values.status === STATUS_CODE_LAGGING) lagging[k] = 1;
      if (!Number.isNaN(values.gap)) totalGap[k] = (totalGap[k] as number) + values.gap;
      const term = attainmentTerm(Number.isNaN(values.share) ? null : values.share, target);
      if (term !== null) {
        attainment[k] = (attainment[k] as number) + term;
        terms[k] = (terms[k] as number) + 1;
      }
      // Only rows holding both the part and the base enter either sum, as SHARE_BY does.
      if (Number.isNaN(part) || Number.isNaN(base)) continue;
      const g = groupOf[k] as number;
      sums[partSums + g] = (sums[partSums + g] as number) + part;
      sums[baseSums + g] = (sums[baseSums + g] as number) + base;
      sums[rowSums + g] = (sums[rowSums + g] as number) + 1;
      if (!Number.isNaN(values.share)) sums[withDataSums + g] = (sums[withDataSums + g] as number) + 1;
      if (values.status === STATUS_CODE_MET) sums[metSums + g] = (sums[metSums + g] as number) + 1;
    }
  });
  for (let k = 0; k < columns.schools; k++) {
    const n = terms[k] as number;
    attainment[k] = n === 0 ? NaN : (attainment[k] as number) / n;
  }
}

/** Adds every count column into the district sums, a column at a time. */
function addCounts(counts: CountColumns, place: Placement): void {
  const { recordOf, groupOf, sums, groups } = place;
  COUNT_KEYS.forEach((key, c) => {
    const column = counts[key];
    if (!column) return;
    const countSums = (COUNTS_AT + c) * groups;
    const hasCount = (HAS_COUNT_AT + c) * groups;
    for (let k = 0; k < recordOf.length; k++) {
      const value = column[recordOf[k] as number] as number;
      if (Number.isNaN(value)) continue;
      const g = groupOf[k] as number;
      sums[countSums + g] = (sums[countSums + g] as number) + value;
      sums[hasCount + g] = 1;
    }
  });
}

/** Profiles, 2.3 access and lagging: per school into the columns, counted into the district sums. */
function addSchools(columns: SchoolColumns, table: SchoolTable, place: Placement): void {
  const { recordOf, groupOf, sums, groups } = place;
  const counts = table.countColumns;
  for (let k = 0; k < columns.schools; k++) {
    const index = recordOf[k] as number;
    const g = groupOf[k] as number;
    const add = (slot: number, value: number): void => {
      sums[slot * groups + g] = (sums[slot * groups + g] as number) + value;
    };
    recordActivity(columns, k, table.rows.profileStatus(index), counts, index);
    const access50 = access50Of(counts, index);
    columns.access50[k] = toTriState(access50);
    const active = columns.active[k] as number;
    add(SCHOOLS, 1);
    if (active >= 0) {
      add(PROFILES_KNOWN, 1);
      add(ACTIVE_PROFILES, active);
    }
    if (access50 !== null) {
      add(ACCESS50_KNOWN, 1);
      if (access50) add(ACCESS50, 1);
    }
    if (columns.lagging[k] === 1) add(LAGGING_SCHOOLS, 1);
  }
}

export function evaluate(table: SchoolTable, settings: Settings = DEFAULT_SETTINGS, plan?: DistrictPlan): Evaluation {
  const indicators = activeIndicators(table, settings);
  const counts = table.countColumns;
  const { rows } = table;
  // Positions are the counted rows (repeated schools left out), in sheet order.
  const recordOf = new Int32Array(rows.length - table.repeated);
  for (let index = 0, k = 0; index < rows.length; index++) if (rows.counted[index] === 1) recordOf[k++] = index;
  const groupOf = recordOf.map((index) => table.districtOf[index] as number);
  const columns = new SchoolColumns(indicators, table, recordOf, settings.tolerance);
  const groups = table.districts.length;
  const place: Placement = { recordOf, groupOf, sums: new Float64Array(quantities(indicators.length) * groups), groups };
  measureSchools(columns, counts, place, settings.tolerance);
  addCounts(counts, place);
  addSchools(columns, table, place);
  const byDistrict = table.districts.map((district, g) => ({ ...district, sums: new GroupSums(indicators, place.sums, g, groups) }));

  const planWarnings: string[] = [];
  const planFor = planLookup(plan, byDistrict.map((g) => g.name), planWarnings);
  const regionSums = new GroupSums(indicators);
  const results = byDistrict.map(({ name, key, sums }) => {
    regionSums.merge(sums);
    return sums.result(name, settings, planFor(name), key);
  });
  const districts = byPriority(results).map((group, index) => Object.assign(group, { priority: index + 1 }));
  const planTotal = plan ? districts.reduce((sum, d) => sum + (d.plan ?? 0), 0) : null;
  const region = { ...regionSums.result(REGION_NAME, settings, planTotal), priority: 0 };

  let schools: SchoolResult[] | undefined;
  return {
    table,
    settings,
    indicators,
    // Made on first use: the district summary and the lagging list read the columns instead.
    get schools(): readonly SchoolResult[] {
      return (schools ??= Array.from(recordOf, (_, position) => new EvaluatedSchool(columns, position)));
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
