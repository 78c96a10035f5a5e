/**
 * Per-school results and their aggregation by district and region: weighted shares (sum of
 * counts over sum of bases, never a mean of percentages), statuses, gaps in people, profiles,
 * the 2.3 condition against the district plan, and a priority order.
 */
import type { SchoolCountKey } from '../catalogue/columns';
import type { SchoolIndicatorKey } from '../catalogue/indicators';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { isProfileActive, meetsAccess50, share, STATUS_LAGGING, STATUS_MET } from '../rules';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { looseDistrictKey, type DistrictPlan } from '../table/planTable';
import type { SchoolRecord, SchoolTable } from '../table/schoolTable';
import { activeIndicators, type ActiveIndicator } from './indicatorSet';
import { attainmentOf, measure, type Measure } from './measure';

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
  /** Districts, furthest behind first. */
  readonly districts: readonly GroupResult[];
  readonly region: GroupResult;
  readonly findings: readonly Finding[];
  /** Messages about the plan that do not belong to a row of the weekly sheet. */
  readonly planWarnings: readonly string[];
}

export const REGION_NAME = 'Итого по региону';

export function evaluateSchool(record: SchoolRecord, indicators: readonly ActiveIndicator[], settings: Settings): SchoolResult {
  const measures: Partial<Record<SchoolIndicatorKey, Measure>> = {};
  let lagging = false;
  let totalGap = 0;
  for (const indicator of indicators) {
    const m = measure(indicator.target, record.counts[indicator.numerator], record.counts[indicator.base], settings.tolerance);
    measures[indicator.key] = m;
    if (m.status === STATUS_LAGGING) lagging = true;
    totalGap += m.gap ?? 0;
  }
  const { active, activeSource } = profileActivity(record);
  return {
    record,
    measures,
    active,
    activeSource,
    access50: access50Of(record.counts),
    attainment: attainmentOf(indicators, measures),
    lagging,
    totalGap,
  };
}

function profileActivity(record: SchoolRecord): Pick<SchoolResult, 'active' | 'activeSource'> {
  if (record.profileStatus) return { active: record.profileStatus === 'active', activeSource: 'status' };
  const { usersLinked, classesCreated } = record.counts;
  if (usersLinked === undefined || classesCreated === undefined) return { active: null, activeSource: null };
  return { active: isProfileActive(usersLinked, classesCreated), activeSource: 'rule' };
}

function access50Of(counts: SchoolRecord['counts']): boolean | null {
  const { teachers, staffTotal, students, studentsTotal } = counts;
  if (teachers === undefined || staffTotal === undefined || students === undefined || studentsTotal === undefined) return null;
  const teachersShare = share(teachers, staffTotal);
  const studentsShare = share(students, studentsTotal);
  return teachersShare === null || studentsShare === null ? null : meetsAccess50(teachersShare, studentsShare);
}

/** Aggregates schools into one group: sums, weighted shares, counts of schools. */
export function aggregate(
  name: string,
  schools: readonly SchoolResult[],
  indicators: readonly ActiveIndicator[],
  settings: Settings,
  plan: number | null = null,
): Omit<GroupResult, 'priority'> {
  const counts: Partial<Record<SchoolCountKey, number>> = {};
  const meetingTarget: Partial<Record<SchoolIndicatorKey, number>> = {};
  const withData: Partial<Record<SchoolIndicatorKey, number>> = {};
  const measures: Partial<Record<SchoolIndicatorKey, Measure>> = {};
  let activeProfiles = 0, profilesKnown = 0, access50 = 0, access50Known = 0, laggingSchools = 0;

  for (const school of schools) {
    for (const [key, value] of Object.entries(school.record.counts) as [SchoolCountKey, number][]) {
      counts[key] = (counts[key] ?? 0) + value;
    }
    if (school.active !== null) {
      profilesKnown++;
      if (school.active) activeProfiles++;
    }
    if (school.access50 !== null) {
      access50Known++;
      if (school.access50) access50++;
    }
    if (school.lagging) laggingSchools++;
  }
  for (const indicator of indicators) {
    // Only rows holding both the part and the base enter either sum, as SHARE_BY does.
    let part = 0, base = 0, rows = 0, met = 0;
    for (const school of schools) {
      const m = school.measures[indicator.key];
      if (!m || m.part === null || m.base === null) continue;
      part += m.part;
      base += m.base;
      rows++;
      if (m.share !== null) withData[indicator.key] = (withData[indicator.key] ?? 0) + 1;
      if (m.status === STATUS_MET) met++;
    }
    measures[indicator.key] = measure(indicator.target, rows ? part : undefined, rows ? base : undefined, settings.tolerance);
    meetingTarget[indicator.key] = met;
    withData[indicator.key] ??= 0;
  }
  return {
    name,
    key: looseDistrictKey(name),
    schools: schools.length,
    counts,
    measures,
    meetingTarget,
    withData,
    activeProfiles,
    profilesKnown,
    access50,
    access50Known,
    plan,
    planMet: plan === null || access50Known === 0 ? null : access50 >= plan,
    laggingSchools,
    attainment: attainmentOf(indicators, measures),
  };
}

/** Furthest behind first: lowest attainment, then the largest gap in people, then by name. */
function byPriority(a: Omit<GroupResult, 'priority'>, b: Omit<GroupResult, 'priority'>): number {
  const ax = a.attainment ?? Infinity;
  const bx = b.attainment ?? Infinity;
  if (ax !== bx) return ax - bx;
  return totalGap(b) - totalGap(a) || a.name.localeCompare(b.name, 'ru');
}

export function totalGap(group: Pick<GroupResult, 'measures'>): number {
  return Object.values(group.measures).reduce((sum, m) => sum + ((m as Measure).gap ?? 0), 0);
}

export function evaluate(table: SchoolTable, settings: Settings = DEFAULT_SETTINGS, plan?: DistrictPlan): Evaluation {
  const indicators = activeIndicators(table, settings);
  const schools = table.records.filter((r) => r.counted).map((record) => evaluateSchool(record, indicators, settings));

  const byDistrict = new Map<string, SchoolResult[]>();
  const names = new Map<string, string>();
  for (const school of schools) {
    const key = school.record.districtKey;
    if (!byDistrict.has(key)) {
      byDistrict.set(key, []);
      names.set(key, school.record.district);
    }
    byDistrict.get(key)?.push(school);
  }

  const planWarnings: string[] = [];
  const planFor = planLookup(plan, [...names.values()], planWarnings);
  const groups = [...byDistrict.entries()].map(([key, members]) => {
    const name = names.get(key) ?? key;
    return aggregate(name, members, indicators, settings, planFor(name));
  });
  const districts = groups.sort(byPriority).map((group, index) => ({ ...group, priority: index + 1 }));
  const planTotal = plan ? districts.reduce((sum, d) => sum + (d.plan ?? 0), 0) : null;
  const region = { ...aggregate(REGION_NAME, schools, indicators, settings, planTotal), priority: 0 };

  return {
    table,
    settings,
    indicators,
    schools,
    districts,
    region,
    findings: [...table.findings, ...(plan?.findings ?? [])],
    planWarnings,
  };
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
