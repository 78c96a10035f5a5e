/**
 * What the panel's inputs mean, without the DOM: percent fields ↔ stored fractions, and the
 * immutable edits of StoredSettings each control makes. Targets are whatever the user types;
 * their defaults and meaning come from the core catalogue.
 */
import { SCHOOL_INDICATORS } from '../core/catalogue/indicators';
import { formatNumber } from '../core/format';
import type { StoredSettings, TeacherBase } from '../core/settings';
import { parseValue } from '../core/values';
import { TEXTS } from './texts';

export interface TargetField {
  readonly key: string;
  readonly label: string;
  /** The target as the input shows it: percent text, '' for no target. */
  readonly text: string;
}

/** A fraction as the percent text of an input: 0.35 → «35», 0.125 → «12,5», null → ''. */
export function percentText(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '';
  return formatNumber(fraction * 100, 2).replace(/,?0+$/, '');
}

export type PercentInput = { readonly ok: true; readonly value: number | null } | { readonly ok: false; readonly error: string };

/** Reads a percent field: «35», «12,5», «35 %» → 0.35…; empty → null (no target). */
/**
 * `target`: a target field, where a number up to 1 without «%» is the share written as a
 * fraction (0,35 = 35 %, 1 = 100 %), as formulas and files take it; no target is 0,35 % or 1 %.
 * The tolerance is not: 0,5 п.п. is a tolerance one may want.
 */
export function readPercent(text: string, target = false): PercentInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const parsed = parseValue(trimmed);
  if (parsed.kind !== 'number') return { ok: false, error: TEXTS.percentInvalid(trimmed) };
  // A fraction without «%» is a share written the way formulas and files take it (0,35 = 35 %):
  // read as the percent field reads it, it would silently be a target of 0,35 %.
  if (target && !parsed.percent && parsed.value > 0 && parsed.value <= 1) {
    return { ok: false, error: TEXTS.percentLooksLikeShare(trimmed, String(Number((parsed.value * 100).toFixed(8))).replace('.', ',')) };
  }
  // The field is in percent: «35» and «35%» both mean 0.35.
  const value = parsed.percent ? parsed.value : parsed.value / 100;
  if (value < 0 || value > 1) return { ok: false, error: TEXTS.percentInvalid(trimmed) };
  return { ok: true, value: Number(value.toFixed(10)) };
}

/** The targets the panel offers: the school indicators of the catalogue, in its order. */
export function targetFields(settings: StoredSettings): TargetField[] {
  return SCHOOL_INDICATORS.map((def) => ({ key: def.key, label: def.shortLabel, text: percentText(settings.targets[def.key]) }));
}

export function withTarget(settings: StoredSettings, key: string, value: number | null): StoredSettings {
  return { ...settings, targets: { ...settings.targets, [key]: value } };
}

export function withTolerance(settings: StoredSettings, value: number): StoredSettings {
  return { ...settings, tolerance: value };
}

export function withTeacherBase(settings: StoredSettings, value: TeacherBase): StoredSettings {
  return { ...settings, teacherBase: value };
}

/**
 * A column correction, saved by the header text of the chosen column (so it still points at the
 * right column when next week's sheet moves it), or by index for a column without a header;
 * null gives the column back to automatic recognition.
 */
export function withMapping(settings: StoredSettings, key: string, column: number | string | null): StoredSettings {
  const mapping: Record<string, number | string> = { ...settings.mapping };
  if (column === null || column === '') delete mapping[key];
  else mapping[key] = column;
  return { ...settings, mapping };
}

export function withPreviousSheet(settings: StoredSettings, sheet: string | null): StoredSettings {
  return { ...settings, previousSheet: sheet };
}

export function withPlanSheet(settings: StoredSettings, sheet: string | null): StoredSettings {
  return { ...settings, planSheet: sheet };
}

export { isTeacherBase } from '../core/teacherBase';
