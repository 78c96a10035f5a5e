/**
 * This week against last week: the change of every share in percentage points, per school,
 * per district and for the region. Schools are matched by «ИНН» when both rows have one,
 * else by district and normalised name; schools that appear or disappear are listed.
 */
import type { SchoolIndicatorKey } from '../catalogue/indicators';
import { changeInPoints } from '../rules';
import type { Evaluation, GroupResult, Measures, SchoolResult } from './evaluate';

export type Changes = Readonly<Partial<Record<SchoolIndicatorKey, number | null>>>;

export interface SchoolChange {
  readonly current: SchoolResult;
  readonly previous: SchoolResult;
  readonly matchedBy: 'id' | 'name';
  readonly changes: Changes;
}

export interface GroupChange {
  readonly name: string;
  readonly current: GroupResult;
  readonly previous: GroupResult | null;
  readonly changes: Changes;
}

export interface SchoolRef {
  readonly row: number;
  readonly district: string;
  readonly school: string;
}

export interface Comparison {
  readonly schools: readonly SchoolChange[];
  readonly districts: readonly GroupChange[];
  readonly region: GroupChange;
  /** In this week's sheet only (row of this week), and in last week's only (row of last week). */
  readonly appeared: readonly SchoolRef[];
  readonly disappeared: readonly SchoolRef[];
}

export function changesBetween(current: Measures, previous: Measures | null, keys: readonly SchoolIndicatorKey[]): Changes {
  const result: Partial<Record<SchoolIndicatorKey, number | null>> = {};
  for (const key of keys) {
    const now = current[key]?.share ?? null;
    const before = previous?.[key]?.share ?? null;
    result[key] = now === null || before === null ? null : changeInPoints(now, before);
  }
  return result;
}

const nameKey = (s: SchoolResult): string => `${s.record.districtKey}|${s.record.schoolKey}`;
const idKey = (s: SchoolResult): string | null => (s.record.id ? s.record.id.replace(/\s+/g, '') : null);
const ref = (s: SchoolResult): SchoolRef => ({ row: s.record.row, district: s.record.district, school: s.record.school });

export function compareWeeks(current: Evaluation, previous: Evaluation): Comparison {
  const keys = current.indicators.map((i) => i.key);
  const byId = new Map<string, SchoolResult>();
  const byName = new Map<string, SchoolResult>();
  for (const school of previous.schools) {
    const id = idKey(school);
    if (id) byId.set(id, school);
    byName.set(nameKey(school), school);
  }
  const matched = new Set<SchoolResult>();
  const schools: SchoolChange[] = [];
  const appeared: SchoolRef[] = [];
  for (const school of current.schools) {
    const id = idKey(school);
    let before = id ? byId.get(id) : undefined;
    const matchedBy: 'id' | 'name' = before ? 'id' : 'name';
    before ??= byName.get(nameKey(school));
    if (!before || matched.has(before)) {
      appeared.push(ref(school));
      continue;
    }
    matched.add(before);
    schools.push({ current: school, previous: before, matchedBy, changes: changesBetween(school.measures, before.measures, keys) });
  }
  const disappeared = previous.schools.filter((s) => !matched.has(s)).map(ref);

  const previousDistricts = new Map(previous.districts.map((d) => [d.key, d]));
  const districts = current.districts.map((district) => {
    const before = previousDistricts.get(district.key) ?? null;
    return { name: district.name, current: district, previous: before, changes: changesBetween(district.measures, before?.measures ?? null, keys) };
  });
  const region = {
    name: current.region.name,
    current: current.region,
    previous: previous.region,
    changes: changesBetween(current.region.measures, previous.region.measures, keys),
  };
  return { schools, districts, region, appeared, disappeared };
}
