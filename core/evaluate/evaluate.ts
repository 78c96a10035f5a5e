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
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { looseDistrictKey, type DistrictPlan } from '../table/planTable';
import type { CountArray, CountColumns, GroupIndices, SchoolRecord, SchoolTable } from '../table/schoolTable';
import { activeIndicators, type ActiveIndicator } from './indicatorSet';
import type { Measure } from './measure';
import { COUNT_KEYS, GroupSums, quantities, SumsLayout } from './groupSums';
import { GroupFigures } from './groupFigures';
import { SchoolColumns } from './schoolColumns';
import { sumByDistrict, type Placement } from './sumByDistrict';
import { borrowSums, releaseSums } from './workingSums';

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
  /** Messages about the plan (rows of the plan sheet left out, its districts not in the table): none is about a row of the weekly sheet. */
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
    return this.columns.activeSourceAt(this.position);
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
 * A Map from attainment to districts cost more than the sort (a heap number per key).
 */
function byPriority(groups: readonly GroupFigures[]): GroupFigures[] {
  const count = groups.length;
  const rank = new Float64Array(count);
  for (let i = 0; i < count; i++) rank[i] = (groups[i] as GroupFigures).attainment ?? Infinity;
  const sorted = rank.slice().sort();
  // Each district goes to the first free place of its attainment's run in the sorted ranks, in
  // sheet order; a run of more than one district is then put in order in full.
  const order = new Array<GroupFigures>(count);
  const taken = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const first = firstAtLeast(sorted, rank[i] as number);
    order[first + (taken[first] as number)++] = groups[i] as GroupFigures;
  }
  for (let start = 0; start < count; ) {
    let end = start + 1;
    while (end < count && sorted[end] === sorted[start]) end++;
    if (end - start > 1) {
      const run = order.slice(start, end).sort((a, b) => b.totalGap - a.totalGap || russianOrder(a.name, b.name));
      for (let k = start; k < end; k++) order[k] = run[k - start] as GroupFigures;
    }
    start = end;
  }
  return order;
}

/** The index of the first number in ascending `sorted` not below `value`. */
function firstAtLeast(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Positions are the counted rows (repeated schools left out), in sheet order. Loops over every
 * school live in functions of their own: V8 compiles a long loop while it runs and reuses that
 * code, and code after the loop that had not run yet would send each call back to the interpreter.
 */
function countedRows(table: SchoolTable): Int32Array {
  const { rows } = table;
  const recordOf = new Int32Array(rows.length - table.leftOut);
  for (let index = 0, k = 0; index < rows.length; index++) if (rows.isCounted(index)) recordOf[k++] = index;
  return recordOf;
}

/** A column's entries at the given row indices (the counted schools'). */
function pick<T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(column: T, rows: Int32Array, make: (length: number) => T): T {
  const picked = make(rows.length);
  for (let k = 0; k < rows.length; k++) picked[k] = column[rows[k] as number] as number;
  return picked;
}

/** The counted schools' districts, in an array of the table's kind. */
function pickGroups(groups: GroupIndices, rows: Int32Array): GroupIndices {
  return groups instanceof Uint16Array ? pick(groups, rows, (n) => new Uint16Array(n)) : pick(groups, rows, (n) => new Int32Array(n));
}

/** The counted schools' counts, school k at k: the table's own columns when every row is counted (recordOf null). */
function countedCounts(table: SchoolTable, recordOf: Int32Array | null): CountColumns {
  if (recordOf === null) return table.countColumns;
  const counts: Partial<Record<SchoolCountKey, CountArray>> = {};
  for (const key of COUNT_KEYS) {
    const column = table.countColumns[key];
    if (column instanceof Uint16Array) counts[key] = pick(column, recordOf, (n) => new Uint16Array(n));
    else if (column) counts[key] = pick(column, recordOf, (n) => new Float64Array(n));
  }
  return counts;
}

export function evaluate(table: SchoolTable, settings: Settings = DEFAULT_SETTINGS, plan?: DistrictPlan): Evaluation {
  const indicators = activeIndicators(table, settings);
  const { rows } = table;
  // Positions are the rows themselves when every row is counted.
  const recordOf = table.leftOut === 0 ? null : countedRows(table);
  const groupOf = recordOf === null ? table.districtOf : pickGroups(table.districtOf, recordOf);
  const { statuses: allStatuses } = rows;
  const statuses = recordOf === null || allStatuses === null ? allStatuses : pick(allStatuses, recordOf, (n) => new Uint8Array(n));
  const columns = new SchoolColumns(indicators, table, recordOf, countedCounts(table, recordOf), statuses, settings.tolerance);
  const groups = table.districts.length;
  const place: Placement = { groupOf, sums: borrowSums(quantities(indicators.length) * groups), groups };
  const complete = sumByDistrict(columns, place, settings.tolerance, (key) => rows.hasGaps(key), (key) => rows.isZeroFree(key));
  const planWarnings: string[] = (plan?.findings ?? []).map((f) => messages.planRowFinding(f.row, f.cell, f.message));
  const planFor = planLookup(plan, table.districts.map((district) => district.name), planWarnings);
  const sums = GroupSums.byGroup(new SumsLayout(indicators, complete), place.sums, groups);
  releaseSums(place.sums);
  // A district all of whose rows were left out (a subtotal row naming the region, say) is no district.
  const results = table.districts
    .map(({ name, key }, g) => new GroupFigures(sums.groups[g] as GroupSums, indicators, name, key, planFor(name), settings.tolerance))
    .filter((group) => group.schools > 0);
  const districts = byPriority(results);
  districts.forEach((district, index) => (district.priority = index + 1));
  const planTotal = plan ? districts.reduce((sum, d) => sum + (d.plan ?? 0), 0) : null;
  const region = new GroupFigures(sums.total, indicators, REGION_NAME, normalizeText(REGION_NAME), planTotal, settings.tolerance);

  return new EvaluationOfTable({
    table,
    settings,
    indicators,
    schoolColumns: columns,
    districts,
    region,
    // The plan's own findings name rows of the plan sheet: among the weekly sheet's they would be
    // taken for its rows (and land in the report of whichever district has a school there).
    findings: table.findings,
    planWarnings,
  });
}

// The class takes Evaluation's fields as they are given (Object.assign) and adds `schools`.
interface EvaluationOfTable extends Omit<Evaluation, 'schools'> {}

/**
 * An evaluation whose school results are made on first use: the district summary and the lagging
 * list read the columns instead. A class, so that getter is on its prototype (see
 * StoredSchoolTable in schoolTable.ts: a getter in an object literal kept every run's columns
 * through each minor collection).
 */
class EvaluationOfTable implements Evaluation {
  private made: readonly SchoolResult[] | undefined;

  constructor(fields: Omit<Evaluation, 'schools'>) {
    Object.assign(this, fields);
  }

  get schools(): readonly SchoolResult[] {
    const columns = this.schoolColumns;
    return (this.made ??= Array.from({ length: columns.schools }, (_, position) => new EvaluatedSchool(columns, position)));
  }
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
