/**
 * One indicator's value for a school or a group: share, status against the target and the
 * gap in people. Schools and districts are measured by the same function, the only
 * difference being that a group's part and base are sums.
 */
import { gapInPeople, share, statusOf, type Status } from '../rules';

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

export function measure(target: number | null, part: number | undefined, base: number | undefined, tolerance: number): Measure {
  const p = part ?? null;
  const b = base ?? null;
  const value = p === null || b === null ? null : share(p, b);
  return {
    part: p,
    base: b,
    share: value,
    status: target === null ? null : statusOf(value, target, tolerance),
    gap: target === null || value === null || p === null || b === null ? null : gapInPeople(p, b, target),
  };
}

/** Mean over targeted indicators of min(1, share ÷ target): 1 means every target met. Ranks schools and districts. */
export function attainmentOf(indicators: readonly { readonly key: string; readonly target: number | null }[], measures: Readonly<Partial<Record<string, Measure>>>): number | null {
  let sum = 0;
  let count = 0;
  for (const indicator of indicators) {
    const m = measures[indicator.key];
    if (indicator.target === null || indicator.target <= 0 || !m || m.share === null) continue;
    sum += Math.min(1, m.share / indicator.target);
    count++;
  }
  return count === 0 ? null : sum / count;
}
