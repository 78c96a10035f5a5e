/**
 * One indicator's value for a school or a group: share, status against the target and the
 * gap in people. Schools and districts are measured by the same function, the only
 * difference being that a group's part and base are sums.
 */
import { gapInPeople, NO_NUMBER, ratio, STATUS_BY_CODE, statusCodeOf, type Status } from '../rules';

export interface Measure {
  readonly part: number | null;
  readonly base: number | null;
  /** part ÷ base; null when either is missing or the base is 0. */
  readonly share: number | null;
  /** null when the indicator has no target. */
  readonly status: Status | null;
  /** People still needed to reach the target; null without target or data. */
  readonly gap: number | null;
}

/** Share, status code and gap of one part over one base (NaN and NO_STATUS for «none»): filled by measureInto. */
export interface MeasureValues {
  share: number;
  /** A STATUS_BY_CODE code, or NO_STATUS when the indicator has no target. */
  status: number;
  gap: number;
}

/** Status code of an indicator without a target. */
export const NO_STATUS = -1;

/**
 * The one place a part and a base become a share, a status and a gap, for a school or a group.
 * NaN is a missing part or base. Writes into `out`, so a loop over a country's schools allocates nothing.
 */
export function measureInto(out: MeasureValues, target: number | null, part: number, base: number, tolerance: number): void {
  const value = shareOrNaN(part, base);
  out.share = value;
  out.status = target === null ? NO_STATUS : statusCodeOf(value, target, tolerance);
  out.gap = target === null || Number.isNaN(value) ? NO_NUMBER : gapInPeople(part, base, target);
}

/** share(part, base) with NaN for «none»: a missing part or base, or a zero base. */
export function shareOrNaN(part: number, base: number): number {
  return Number.isNaN(part) || Number.isNaN(base) ? NO_NUMBER : ratio(part, base);
}

/** The Status of a code from measureInto. */
export function statusOfCode(code: number): Status | null {
  return code === NO_STATUS ? null : STATUS_BY_CODE[code] ?? null;
}

const scratch: MeasureValues = { share: NaN, status: NO_STATUS, gap: NaN };
const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

export function measure(target: number | null, part: number | undefined, base: number | undefined, tolerance: number): Measure {
  measureInto(scratch, target, part ?? NaN, base ?? NaN, tolerance);
  return { part: part ?? null, base: base ?? null, share: orNull(scratch.share), status: statusOfCode(scratch.status), gap: orNull(scratch.gap) };
}

/** One indicator's term of the attainment: min(1, share ÷ target); NaN when it does not count (no share, no target). NaN rather than null: it runs for every school. */
export function attainmentTermOf(share: number, target: number): number {
  return Number.isNaN(target) || target <= 0 || Number.isNaN(share) ? NO_NUMBER : Math.min(1, share / target);
}

