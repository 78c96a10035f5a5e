/**
 * Every counted school added into its district's sums (the layout of groupSums.ts), a column at
 * a time: the counts, each indicator's part, base and schools meeting its target, profiles, 2.3
 * access and lagging schools. Loops over every school live in functions of their own: V8
 * compiles a long loop while it runs and reuses that code, and code after the loop that had not
 * run yet would send each call back to the interpreter.
 */
import type { SchoolCountKey } from '../catalogue/columns';
import { laggingBelow, metFrom } from '../rules';
import type { CountArray, CountColumns, GroupIndices } from '../table/schoolTable';
import type { ActiveIndicator } from './indicatorSet';
import { shareOrNaN } from './measure';
import {
  ACCESS50, ACCESS50_KNOWN, ACTIVE_PROFILES, COUNT_KEYS, COUNTS_AT, HAS_COUNT_AT, INDICATOR_SUMS, INDICATORS_AT,
  LAGGING_SCHOOLS, PROFILES_KNOWN, SCHOOLS, SUM_BASE, SUM_MET, SUM_PART, SUM_ROWS, SUM_WITH_DATA,
} from './groupSums';
import { access50Of, profileActivity, type SchoolColumns } from './schoolColumns';

/** Each counted school's district and the sums of all districts (see groupSums.ts). */
export interface Placement {
  readonly groupOf: GroupIndices;
  readonly sums: Float64Array;
  readonly groups: number;
}

/**
 * Measures every school on every indicator down its columns: adds each school to its district's
 * sums and marks the lagging ones. Gaps and attainment, which only rank schools in the lists, are
 * left to SchoolColumns until a list asks. Targeted indicators over whole columns that share a
 * base go four to a pass (measureFour); any other indicator has a pass of its own.
 */
function measureSchools(columns: SchoolColumns, place: Placement, tolerance: number, complete: ReadonlySet<SchoolCountKey>, zeroFree: (key: SchoolCountKey) => boolean): void {
  const single: number[] = [];
  const byBase = new Map<SchoolCountKey, number[]>();
  columns.indicators.forEach((indicator, i) => {
    const whole = complete.has(indicator.numerator) && complete.has(indicator.base);
    // Without a target and a zero base, a pass over whole columns would add nothing: addWholeSums does it all.
    if (whole && indicator.target === null && zeroFree(indicator.base)) return;
    if (!whole || indicator.target === null) single.push(i);
    else byBase.set(indicator.base, [...(byBase.get(indicator.base) ?? []), i]);
  });
  const alone = (i: number): void => {
    const indicator = columns.indicators[i] as ActiveIndicator;
    // activeIndicators keeps only indicators whose columns are in the sheet.
    const parts = columns.counts[indicator.numerator] as CountArray;
    const bases = columns.counts[indicator.base] as CountArray;
    const whole = complete.has(indicator.numerator) && complete.has(indicator.base);
    measureIndicator(parts, bases, indicator.target ?? NaN, tolerance, INDICATORS_AT + INDICATOR_SUMS * i, columns.lagging, place, whole);
  };
  for (const group of byBase.values()) inFours(group, (four) => measureFour(columns, four, place, tolerance), alone);
  single.forEach(alone);
}

/** Hands `items` to `four` four at a time and the rest, one by one, to `one`. */
function inFours<T>(items: readonly T[], four: (items: readonly [T, T, T, T]) => void, one: (item: T) => void): void {
  let start = 0;
  for (; start + 4 <= items.length; start += 4) four(items.slice(start, start + 4) as [T, T, T, T]);
  items.slice(start).forEach((item) => one(item));
}

/** Four targeted indicators over whole columns with one base (indices into columns.indicators), in one pass. */
function measureFour(columns: SchoolColumns, indicators: readonly number[], place: Placement, tolerance: number): void {
  const defs = indicators.map((i) => columns.indicators[i] as ActiveIndicator);
  const partsOf = (n: number): CountArray => columns.counts[(defs[n] as ActiveIndicator).numerator] as CountArray;
  const at = (n: number): number => INDICATORS_AT + INDICATOR_SUMS * (indicators[n] as number);
  const met = defs.map((def) => metFrom(def.target ?? NaN));
  const lags = defs.map((def) => laggingBelow(def.target ?? NaN, tolerance));
  measureFourLoop(
    columns.counts[(defs[0] as ActiveIndicator).base] as CountArray,
    [partsOf(0), partsOf(1), partsOf(2), partsOf(3)],
    Float64Array.from([...met, ...lags]),
    Int32Array.from([0, 1, 2, 3].flatMap((n) => [(at(n) + SUM_MET) * place.groups, (at(n) + SUM_WITH_DATA) * place.groups])),
    columns.lagging,
    place,
  );
}

/**
 * measureIndicator's work for four indicators at once, which also reads the base and the
 * district once instead of four times. One indicator a pass took about three times as long:
 * each school's addition to its district's count waited on the division before it, and the
 * processor would not start the next school's until that store was done.
 * `limits` holds the four `met` bounds, then the four `lags` bounds; `slots` each indicator's
 * SUM_MET and SUM_WITH_DATA offsets in the sums.
 */
function measureFourLoop(bases: CountArray, parts: readonly CountArray[], limits: Float64Array, slots: Int32Array, lagging: Uint8Array, place: Placement): void {
  const { groupOf, sums } = place;
  const [p0, p1, p2, p3] = parts as [CountArray, CountArray, CountArray, CountArray];
  const met0 = limits[0] as number, met1 = limits[1] as number, met2 = limits[2] as number, met3 = limits[3] as number;
  const lag0 = limits[4] as number, lag1 = limits[5] as number, lag2 = limits[6] as number, lag3 = limits[7] as number;
  const s0 = slots[0] as number, s1 = slots[2] as number, s2 = slots[4] as number, s3 = slots[6] as number;
  for (let k = 0; k < bases.length; k++) {
    const base = bases[k] as number;
    const g = groupOf[k] as number;
    if (base === 0) {
      // No share for any of the four: whole columns count schools with a share as all less these.
      for (let n = 1; n < 8; n += 2) sums[(slots[n] as number) + g] = (sums[(slots[n] as number) + g] as number) - 1;
      continue;
    }
    const v0 = (p0[k] as number) / base;
    const v1 = (p1[k] as number) / base;
    const v2 = (p2[k] as number) / base;
    const v3 = (p3[k] as number) / base;
    const m0 = Number(v0 >= met0);
    const m1 = Number(v1 >= met1);
    const m2 = Number(v2 >= met2);
    const m3 = Number(v3 >= met3);
    sums[s0 + g] = (sums[s0 + g] as number) + m0;
    sums[s1 + g] = (sums[s1 + g] as number) + m1;
    sums[s2 + g] = (sums[s2 + g] as number) + m2;
    sums[s3 + g] = (sums[s3 + g] as number) + m3;
    lagging[k] =
      (lagging[k] as number) |
      ((1 - m0) & Number(!(v0 >= lag0))) |
      ((1 - m1) & Number(!(v1 >= lag1))) |
      ((1 - m2) & Number(!(v2 >= lag2))) |
      ((1 - m3) & Number(!(v3 >= lag3)));
  }
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
function measureIndicator(parts: CountArray, bases: CountArray, target: number, tolerance: number, at: number, lagging: Uint8Array, place: Placement, whole: boolean): void {
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
  const schools = SCHOOLS * groups;
  indicators.forEach((indicator, i) => {
    if (!complete.has(indicator.numerator) || !complete.has(indicator.base)) return;
    const at = INDICATORS_AT + INDICATOR_SUMS * i;
    copy(COUNTS_AT + COUNT_KEYS.indexOf(indicator.numerator), at + SUM_PART);
    copy(COUNTS_AT + COUNT_KEYS.indexOf(indicator.base), at + SUM_BASE);
    copy(SCHOOLS, at + SUM_ROWS);
    addRun(sums, schools, (at + SUM_WITH_DATA) * groups, groups);
  });
  for (const key of complete) flagRun(sums, schools, (HAS_COUNT_AT + COUNT_KEYS.indexOf(key)) * groups, groups);
}

/** sums[to + g] += sums[from + g] for every group (plain loops: a typed array's forEach calls back per element). */
function addRun(sums: Float64Array, from: number, to: number, groups: number): void {
  for (let g = 0; g < groups; g++) sums[to + g] = (sums[to + g] as number) + (sums[from + g] as number);
}

/** sums[to + g] = 1 where the group has schools (sums[from + g] > 0), else 0. */
function flagRun(sums: Float64Array, from: number, to: number, groups: number): void {
  for (let g = 0; g < groups; g++) sums[to + g] = (sums[from + g] as number) > 0 ? 1 : 0;
}

/**
 * Adds every count column into the district sums; returns the columns no school lacks. Columns
 * parsing found no gap in are added four to a pass without looking for one (addFourWholeCounts),
 * the rest a column at a time.
 */
function addCounts(counts: CountColumns, schools: number, place: Placement, hasGaps: (key: SchoolCountKey) => boolean): Set<SchoolCountKey> {
  const complete = new Set<SchoolCountKey>();
  const whole: { column: CountArray; countSums: number }[] = [];
  COUNT_KEYS.forEach((key, c) => {
    const column = counts[key];
    if (!column) return;
    const countSums = (COUNTS_AT + c) * place.groups;
    if (!hasGaps(key)) {
      whole.push({ column, countSums });
      complete.add(key);
    } else if (addCount(column, countSums, (HAS_COUNT_AT + c) * place.groups, schools, place)) {
      complete.add(key);
    }
  });
  inFours(
    whole,
    ([a, b, c, d]) => addFourWholeCounts(a.column, b.column, c.column, d.column, Int32Array.of(a.countSums, b.countSums, c.countSums, d.countSums), schools, place),
    ({ column, countSums }) => addWholeCount(column, countSums, schools, place),
  );
  return complete;
}

/**
 * Four count columns with a number in every row into their district sums, in one pass (their
 * flags are set by addWholeSums): the district is read once, and at 40 000 schools this took
 * about a third less time than four passes.
 */
function addFourWholeCounts(c0: CountArray, c1: CountArray, c2: CountArray, c3: CountArray, at: Int32Array, schools: number, place: Placement): void {
  const { groupOf, sums } = place;
  const a0 = at[0] as number, a1 = at[1] as number, a2 = at[2] as number, a3 = at[3] as number;
  for (let k = 0; k < schools; k++) {
    const g = groupOf[k] as number;
    sums[a0 + g] = (sums[a0 + g] as number) + (c0[k] as number);
    sums[a1 + g] = (sums[a1 + g] as number) + (c1[k] as number);
    sums[a2 + g] = (sums[a2 + g] as number) + (c2[k] as number);
    sums[a3 + g] = (sums[a3 + g] as number) + (c3[k] as number);
  }
}

/** A count column with a number in every row into its district sums (its flags are set by addWholeSums). */
function addWholeCount(column: CountArray, countSums: number, schools: number, place: Placement): void {
  const { groupOf, sums } = place;
  for (let k = 0; k < schools; k++) {
    const g = groupOf[k] as number;
    sums[countSums + g] = (sums[countSums + g] as number) + (column[k] as number);
  }
}

/** One count column into its district sums (a function of its own, so V8 optimises the loop); true when no cell was empty. */
function addCount(column: CountArray, countSums: number, hasCount: number, schools: number, place: Placement): boolean {
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
 * Profiles (profileActivity: the status column when the row has one, else the rule), 2.3 access
 * and lagging schools, counted into the district sums.
 */
function addSchools(columns: SchoolColumns, place: Placement): void {
  const { groupOf, sums, groups } = place;
  const { counts, schools, lagging } = columns;
  const users = counts.usersLinked;
  const classes = counts.classesCreated;
  const { teachers, staffTotal, students, studentsTotal } = counts;
  const withAccess = teachers !== undefined && staffTotal !== undefined && students !== undefined && studentsTotal !== undefined;
  for (let k = 0; k < schools; k++) {
    const g = groupOf[k] as number;
    const isActive = profileActivity(columns.statusAt(k), users ? (users[k] as number) : NaN, classes ? (classes[k] as number) : NaN);
    const access = withAccess ? access50Of(teachers[k] as number, staffTotal[k] as number, students[k] as number, studentsTotal[k] as number) : -1;
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
 * All sums of every district for the counted schools of `columns` (school k in district
 * groupOf[k]), and each school's lagging flag into the columns.
 * `hasGaps` tells a count column that parsing found an empty or unreadable cell in; `zeroFree`
 * one it found no zero in. Returns the count columns no counted school lacks (see SumsLayout).
 */
export function sumByDistrict(columns: SchoolColumns, place: Placement, tolerance: number, hasGaps: (key: SchoolCountKey) => boolean, zeroFree: (key: SchoolCountKey) => boolean): ReadonlySet<SchoolCountKey> {
  const complete = addCounts(columns.counts, columns.schools, place, hasGaps);
  measureSchools(columns, place, tolerance, complete, zeroFree);
  addSchools(columns, place);
  addWholeSums(columns.indicators, complete, place);
  return complete;
}
