/**
 * The arithmetic every indicator uses: share, status against a target, gap in people,
 * profile activity and the 2.3 access condition. Both add-ins, the formula set and the report
 * call these and nothing else, so a rule is changed here or nowhere.
 */

/** Status of a share against its target; the strings are what users see. */
export type Status = 'выполнено' | 'близко' | 'отстаёт' | 'нет данных';

export const STATUS_MET: Status = 'выполнено';
export const STATUS_NEAR: Status = 'близко';
export const STATUS_LAGGING: Status = 'отстаёт';
export const STATUS_NO_DATA: Status = 'нет данных';

/** «близко»: within this many share points below the target (5 percentage points). */
export const DEFAULT_TOLERANCE = 0.05;

/** Threshold of the regional project's indicator 2.3 (both teachers and students). */
export const ACCESS_THRESHOLD = 0.5;

/** An organisation profile is active with more than this many linked users… */
export const ACTIVE_MIN_USERS_EXCLUSIVE = 2;
/** …and at least this many classes created. */
export const ACTIVE_MIN_CLASSES = 1;

// Shares and targets come from different divisions (35/100 vs the literal 0.35); comparing
// with a margin far below any real difference keeps equal values equal.
const EPSILON = 1e-9;

/**
 * NaN, for «no number» in loops over a country's rows. V8 (Node 20) boxes every result of
 * `cond ? NaN : x` (the global NaN), one heap object per row; a constant of the module keeps
 * such results plain doubles.
 */
export const NO_NUMBER = 0 / 0;

/** part ÷ base, or NaN when the base is zero: the form loops use (a number | null result is boxed too). */
export function ratio(part: number, base: number): number {
  return base === 0 ? NO_NUMBER : part / base;
}

/** part ÷ base, or null when the base is zero (the caller reports that). */
export function share(part: number, base: number): number | null {
  return base === 0 ? null : ratio(part, base);
}

/** Statuses by their codes: what statusCodeOf returns indexes this list. */
export const STATUS_BY_CODE: readonly Status[] = [STATUS_NO_DATA, STATUS_MET, STATUS_NEAR, STATUS_LAGGING];
export const STATUS_CODE_NO_DATA = 0;
export const STATUS_CODE_MET = 1;
export const STATUS_CODE_NEAR = 2;
export const STATUS_CODE_LAGGING = 3;

/**
 * Compares a share to a target: met, near (within the tolerance below it) or lagging, as a
 * code (STATUS_BY_CODE), so loops over a country's schools store a byte. NaN has no data.
 */
export function statusCodeOf(value: number, target: number, tolerance: number = DEFAULT_TOLERANCE): number {
  if (!Number.isFinite(value)) return STATUS_CODE_NO_DATA;
  if (value >= metFrom(target)) return STATUS_CODE_MET;
  if (value >= laggingBelow(target, tolerance)) return STATUS_CODE_NEAR;
  return STATUS_CODE_LAGGING;
}

/** A finite share at or above this meets the target (statusCodeOf's first test). */
export function metFrom(target: number): number {
  return target - EPSILON;
}

/**
 * A finite share below this lags, unless it meets the target (statusCodeOf's second test): loops
 * over a country's schools compare with both once worked out. nearFrom is the same boundary
 * rounded for display and for spreadsheet rules.
 */
export function laggingBelow(target: number, tolerance: number): number {
  return target - tolerance - EPSILON;
}

/** Compares a share to a target: met, near (within the tolerance below it) or lagging. */
export function statusOf(value: number | null, target: number, tolerance: number = DEFAULT_TOLERANCE): Status {
  return STATUS_BY_CODE[statusCodeOf(value ?? NaN, target, tolerance)] ?? STATUS_NO_DATA;
}

/** Lowest share still «близко»: the boundary between yellow and red. */
export function nearFrom(target: number, tolerance: number = DEFAULT_TOLERANCE): number {
  return Math.max(0, Number((target - tolerance).toFixed(12)));
}

/** True when the share reaches the target. */
export function meetsTarget(value: number | null, target: number): boolean {
  return statusOf(value, target, 0) === STATUS_MET;
}

/**
 * People still needed to reach the target: max(0, ⌈target × base − part⌉). The product is
 * snapped to a whole number when it is one up to rounding error, so 25 of 100 at 25 % needs 0
 * and 35 of 100 at 35 % needs 0 (0.35 × 100 = 35.00000000000001 in binary).
 */
export function gapInPeople(part: number, base: number, target: number): number {
  const needed = target * base;
  const nearest = Math.round(needed);
  const exact = Math.abs(needed - nearest) <= EPSILON * Math.max(1, Math.abs(needed)) ? nearest : needed;
  return Math.max(0, Math.ceil(exact - part - EPSILON));
}

/**
 * Whether a count cell's number is a share of its base rather than a count: written as a
 * percentage, or between 0 and 1 (no count of people is 0,25, while a percentage typed in Excel
 * or Google Sheets reaches the add-ins as exactly that). The report and the formulas both read
 * count cells by this.
 */
export function isShareInCount(value: number, percent: boolean): boolean {
  return percent || (value > 0 && value < 1);
}

/** Profile rule of the official letters: more than two linked users and at least one class. */
export function isProfileActive(users: number, classes: number): boolean {
  return users > ACTIVE_MIN_USERS_EXCLUSIVE && classes >= ACTIVE_MIN_CLASSES;
}

/** Indicator 2.3: at least 50 % of teachers and at least 50 % of students have access. */
export function meetsAccess50(teachersShare: number, studentsShare: number): boolean {
  return teachersShare >= ACCESS_THRESHOLD - EPSILON && studentsShare >= ACCESS_THRESHOLD - EPSILON;
}

/** Change between two shares in percentage points, free of binary noise (0.3 − 0.1 → 20). */
export function changeInPoints(current: number, previous: number): number {
  return Number(((current - previous) * 100).toFixed(10));
}
