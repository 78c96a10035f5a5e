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
import { isProfileActive, laggingBelow, meetsAccess50, metFrom } from '../rules';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { looseDistrictKey, type DistrictPlan } from '../table/planTable';
import type { CountColumns, SchoolRecord, SchoolTable } from '../table/schoolTable';
import { activeIndicators, type ActiveIndicator } from './indicatorSet';
import { shareOrNaN, type Measure } from './measure';
import {
  ACCESS50, ACCESS50_KNOWN, ACTIVE_PROFILES, COUNT_KEYS, COUNTS_AT, GroupSums, quantities, HAS_COUNT_AT, INDICATOR_SUMS, INDICATORS_AT,
  LAGGING_SCHOOLS, PROFILES_KNOWN, SCHOOLS, SUM_BASE, SUM_MET, SUM_PART, SUM_ROWS, SUM_WITH_DATA,
} from './groupSums';
import { GroupFigures } from './groupFigures';
import { ACTIVE_SOURCE_RULE, ACTIVE_SOURCE_STATUS, ACTIVE_SOURCES, SchoolColumns } from './schoolColumns';
import { PROFILE_ACTIVE, PROFILE_UNKNOWN } from '../table/schoolRows';

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
  readonly districts: readonly GroupFigures[];
  readonly region: GroupFigures;
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

/**
 * Furthest behind first: lowest attainment, then the largest gap in people, then by name.
 * Districts almost never share an attainment, so they are put in order by it with the typed
 * array's own sort, and only districts that share one are compared in full: sorting 1 600
 * districts with a JavaScript comparator makes some 17 000 calls through the engine's generic sort.
 */
function byPriority(groups: readonly GroupFigures[]): GroupFigures[] {
  const rank = Float64Array.from(groups, (group) => group.attainment ?? Infinity);
  const byRank = new Map<number, number[]>();
  rank.forEach((value, i) => {
    const alike = byRank.get(value);
    if (alike) alike.push(i);
    else byRank.set(value, [i]);
  });
  const order: GroupFigures[] = [];
  const ranks = Float64Array.from(byRank.keys()).sort();
  for (const value of ranks) {
    const alike = byRank.get(value) as number[];
    if (alike.length > 1) alike.sort((a, b) => (groups[b] as GroupFigures).totalGap - (groups[a] as GroupFigures).totalGap || russianOrder((groups[a] as GroupFigures).name, (groups[b] as GroupFigures).name));
    for (const i of alike) order.push(groups[i] as GroupFigures);
  }
  return order;
}

/** Each counted school's district and the sums of all districts (see groupSums.ts). */
interface Placement {
  readonly groupOf: Int32Array;
  readonly sums: Float64Array;
  readonly groups: number;
}

/**
 * Measures every school on every indicator, one indicator at a time down its columns: adds each
 * school to its district's sums and marks the lagging ones. Gaps and attainment, which only rank
 * schools in the lists, are left to SchoolColumns until a list asks.
 */
function measureSchools(columns: SchoolColumns, place: Placement, tolerance: number, complete: ReadonlySet<SchoolCountKey>): void {
  columns.indicators.forEach((indicator, i) => {
    // activeIndicators keeps only indicators whose columns are in the sheet.
    const parts = columns.counts[indicator.numerator] as Float64Array;
    const bases = columns.counts[indicator.base] as Float64Array;
    const whole = complete.has(indicator.numerator) && complete.has(indicator.base);
    measureIndicator(parts, bases, indicator.target ?? NaN, tolerance, INDICATORS_AT + INDICATOR_SUMS * i, columns.lagging, place, whole);
  });
}

/**
 * One indicator down its columns (a function of its own, so V8 optimises the loop with the rules
 * inlined). When both columns are `whole` (no school lacks either), the sums of the part, the
 * base and the rows holding both are the count sums and the number of schools: addWholeSums
 * copies them afterwards instead of adding them here again.
 *
 * Whether a school meets the target or lags is added as a 0 or 1, not branched on: statuses
 * follow no order down a sheet, and the processor guessed such a branch wrong for about every
 * other school. The two comparisons are statusCodeOf's (rules.ts); counts are finite (parsing
 * refuses others), so a share is finite whenever its base is not zero.
 */
function measureIndicator(parts: Float64Array, bases: Float64Array, target: number, tolerance: number, at: number, lagging: Uint8Array, place: Placement, whole: boolean): void {
  const { groupOf, sums, groups } = place;
  const partSums = (at + SUM_PART) * groups;
  const baseSums = (at + SUM_BASE) * groups;
  const rowSums = (at + SUM_ROWS) * groups;
  const withDataSums = (at + SUM_WITH_DATA) * groups;
  const metSums = (at + SUM_MET) * groups;
  const targeted = !Number.isNaN(target);
  const met = metFrom(target);
  const lags = laggingBelow(target, tolerance);
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as number;
    const base = bases[k] as number;
    const g = groupOf[k] as number;
    if (!whole) {
      // Only rows holding both the part and the base enter either sum, as SHARE_BY does.
      if (Number.isNaN(part) || Number.isNaN(base)) continue;
      sums[partSums + g] = (sums[partSums + g] as number) + part;
      sums[baseSums + g] = (sums[baseSums + g] as number) + base;
      sums[rowSums + g] = (sums[rowSums + g] as number) + 1;
    }
    const value = shareOrNaN(part, base);
    if (Number.isNaN(value)) {
      // A zero base, so no share. Whole columns count the schools with a share as all of them
      // less these (addWholeSums adds the rest), which spares an addition per school.
      if (whole) sums[withDataSums + g] = (sums[withDataSums + g] as number) - 1;
      continue;
    }
    if (!whole) sums[withDataSums + g] = (sums[withDataSums + g] as number) + 1;
    if (!targeted) continue;
    // statusCodeOf: met at or above `met`, else near at or above `lags`, else lagging.
    const isMet = Number(value >= met);
    sums[metSums + g] = (sums[metSums + g] as number) + isMet;
    lagging[k] = (lagging[k] as number) | ((1 - isMet) & Number(!(value >= lags)));
  }
}

/**
 * What the passes over whole columns left out, once the schools are counted: for indicators
 * whose two columns are whole, Σpart, Σbase and the rows holding both (the count sums and the
 * number of schools), and the rows with a share (all of them less the zero bases measureIndicator
 * took away); for whole count columns, the flag that a district has the count.
 */
function addWholeSums(indicators: readonly ActiveIndicator[], complete: ReadonlySet<SchoolCountKey>, place: Placement): void {
  const { sums, groups } = place;
  const copy = (from: number, to: number): void => {
    sums.copyWithin(to * groups, from * groups, (from + 1) * groups);
  };
  const schools = sums.subarray(SCHOOLS * groups, (SCHOOLS + 1) * groups);
  indicators.forEach((indicator, i) => {
    if (!complete.has(indicator.numerator) || !complete.has(indicator.base)) return;
    const at = INDICATORS_AT + INDICATOR_SUMS * i;
    copy(COUNTS_AT + COUNT_KEYS.indexOf(indicator.numerator), at + SUM_PART);
    copy(COUNTS_AT + COUNT_KEYS.indexOf(indicator.base), at + SUM_BASE);
    copy(SCHOOLS, at + SUM_ROWS);
    const withData = (at + SUM_WITH_DATA) * groups;
    schools.forEach((count, g) => (sums[withData + g] = (sums[withData + g] as number) + count));
  });
  for (const key of complete) {
    const flags = (HAS_COUNT_AT + COUNT_KEYS.indexOf(key)) * groups;
    schools.forEach((count, g) => (sums[flags + g] = count > 0 ? 1 : 0));
  }
}

/**
 * Adds every count column into the district sums, a column at a time; returns the columns no
 * school lacks. A column parsing found no gap in is added without looking for one (addWholeCount).
 */
function addCounts(counts: CountColumns, schools: number, place: Placement, hasGaps: (key: SchoolCountKey) => boolean): Set<SchoolCountKey> {
  const complete = new Set<SchoolCountKey>();
  COUNT_KEYS.forEach((key, c) => {
    const column = counts[key];
    if (!column) return;
    const countSums = (COUNTS_AT + c) * place.groups;
    if (!hasGaps(key)) {
      addWholeCount(column, countSums, schools, place);
      complete.add(key);
    } else if (addCount(column, countSums, (HAS_COUNT_AT + c) * place.groups, schools, place)) {
      complete.add(key);
    }
  });
  return complete;
}

/** A count column with a number in every row into its district sums (its flags are set by addWholeSums). */
function addWholeCount(column: Float64Array, countSums: number, schools: number, place: Placement): void {
  const { groupOf, sums } = place;
  for (let k = 0; k < schools; k++) {
    const g = groupOf[k] as number;
    sums[countSums + g] = (sums[countSums + g] as number) + (column[k] as number);
  }
}

/** One count column into its district sums (a function of its own, so V8 optimises the loop); true when no cell was empty. */
function addCount(column: Float64Array, countSums: number, hasCount: number, schools: number, place: Placement): boolean {
  const { groupOf, sums } = place;
  let whole = true;
  for (let k = 0; k < schools; k++) {
    const value = column[k] as number;
    if (Number.isNaN(value)) {
      whole = false;
      continue;
    }
    const g = groupOf[k] as number;
    sums[countSums + g] = (sums[countSums + g] as number) + value;
    sums[hasCount + g] = 1;
  }
  return whole;
}

/**
 * Profiles (from the status column when the row has one, else by the rule: users > 2 and
 * classes ≥ 1), 2.3 access and lagging: per school into the columns, counted into the district sums.
 */
function addSchools(columns: SchoolColumns, statuses: Uint8Array, place: Placement): void {
  const { groupOf, sums, groups } = place;
  const { counts, schools, active, activeSource, access50, lagging } = columns;
  const users = counts.usersLinked;
  const classes = counts.classesCreated;
  const { teachers, staffTotal, students, studentsTotal } = counts;
  for (let k = 0; k < schools; k++) {
    const g = groupOf[k] as number;
    const status = statuses[k] as number;
    let isActive = -1;
    if (status !== PROFILE_UNKNOWN) {
      isActive = status === PROFILE_ACTIVE ? 1 : 0;
      activeSource[k] = ACTIVE_SOURCE_STATUS;
    } else if (users && classes) {
      const u = users[k] as number;
      const c = classes[k] as number;
      if (!Number.isNaN(u) && !Number.isNaN(c)) {
        isActive = isProfileActive(u, c) ? 1 : 0;
        activeSource[k] = ACTIVE_SOURCE_RULE;
      }
    }
    active[k] = isActive;
    let access = -1;
    if (teachers && staffTotal && students && studentsTotal) {
      const teachersShare = shareOrNaN(teachers[k] as number, staffTotal[k] as number);
      const studentsShare = shareOrNaN(students[k] as number, studentsTotal[k] as number);
      if (!Number.isNaN(teachersShare) && !Number.isNaN(studentsShare)) access = meetsAccess50(teachersShare, studentsShare) ? 1 : 0;
    }
    access50[k] = access;
    sums[SCHOOLS * groups + g] = (sums[SCHOOLS * groups + g] as number) + 1;
    if (isActive >= 0) {
      sums[PROFILES_KNOWN * groups + g] = (sums[PROFILES_KNOWN * groups + g] as number) + 1;
      sums[ACTIVE_PROFILES * groups + g] = (sums[ACTIVE_PROFILES * groups + g] as number) + isActive;
    }
    if (access >= 0) {
      sums[ACCESS50_KNOWN * groups + g] = (sums[ACCESS50_KNOWN * groups + g] as number) + 1;
      sums[ACCESS50 * groups + g] = (sums[ACCESS50 * groups + g] as number) + access;
    }
    if (lagging[k] === 1) sums[LAGGING_SCHOOLS * groups + g] = (sums[LAGGING_SCHOOLS * groups + g] as number) + 1;
  }
}

/**
 * Positions are the counted rows (repeated schools left out), in sheet order. Loops over every
 * school live in functions of their own: V8 compiles a long loop while it runs and reuses that
 * code, and code after the loop that had not run yet would send each call back to the interpreter.
 */
function countedRows(table: SchoolTable): Int32Array {
  const { rows } = table;
  const recordOf = new Int32Array(rows.length - table.leftOut);
  for (let index = 0, k = 0; index < rows.length; index++) if (rows.counted[index] === 1) recordOf[k++] = index;
  return recordOf;
}

/** A column's entries at the given row indices (the counted schools'). */
function pick<T extends Float64Array | Int32Array | Uint8Array>(column: T, rows: Int32Array, make: (length: number) => T): T {
  const picked = make(rows.length);
  for (let k = 0; k < rows.length; k++) picked[k] = column[rows[k] as number] as number;
  return picked;
}

/** The counted schools' counts, school k at k: the table's own columns when no school repeats. */
function countedCounts(table: SchoolTable, recordOf: Int32Array): CountColumns {
  if (table.leftOut === 0) return table.countColumns;
  const counts: Partial<Record<SchoolCountKey, Float64Array>> = {};
  for (const key of COUNT_KEYS) {
    const column = table.countColumns[key];
    if (column) counts[key] = pick(column, recordOf, (n) => new Float64Array(n));
  }
  return counts;
}

export function evaluate(table: SchoolTable, settings: Settings = DEFAULT_SETTINGS, plan?: DistrictPlan): Evaluation {
  const indicators = activeIndicators(table, settings);
  const { rows } = table;
  const recordOf = countedRows(table);
  const whole = table.leftOut === 0;
  const groupOf = whole ? table.districtOf : pick(table.districtOf, recordOf, (n) => new Int32Array(n));
  const statuses = whole ? rows.status.subarray(0, rows.length) : pick(rows.status, recordOf, (n) => new Uint8Array(n));
  const columns = new SchoolColumns(indicators, table, recordOf, countedCounts(table, recordOf), settings.tolerance);
  const groups = table.districts.length;
  const place: Placement = { groupOf, sums: new Float64Array(quantities(indicators.length) * groups), groups };
  const complete = addCounts(columns.counts, columns.schools, place, (key) => rows.hasGaps(key));
  measureSchools(columns, place, settings.tolerance, complete);
  addSchools(columns, statuses, place);
  addWholeSums(indicators, complete, place);
  const planWarnings: string[] = [];
  const planFor = planLookup(plan, table.districts.map((district) => district.name), planWarnings);
  const sums = GroupSums.byGroup(indicators, place.sums, groups);
  // A district all of whose rows were left out (a subtotal row naming the region, say) is no district.
  const results = table.districts
    .map(({ name, key }, g) => new GroupFigures(sums.groups[g] as GroupSums, indicators, name, key, planFor(name), settings.tolerance))
    .filter((group) => group.schools > 0);
  const districts = byPriority(results);
  districts.forEach((district, index) => (district.priority = index + 1));
  const planTotal = plan ? districts.reduce((sum, d) => sum + (d.plan ?? 0), 0) : null;
  const region = new GroupFigures(sums.total, indicators, REGION_NAME, normalizeText(REGION_NAME), planTotal, settings.tolerance);

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
