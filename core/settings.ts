/**
 * User settings: targets per indicator, the «близко» tolerance, the base of teacher
 * indicators. Defaults come from the catalogue; add-ins save the user's values in the
 * workbook and hand them back here, where they are checked.
 */
import { SCHOOL_INDICATORS, SUMMARY_INDICATORS, type IndicatorKey } from './catalogue/indicators';
import { messages } from './messages';
import { DEFAULT_TOLERANCE } from './rules';
import { safeString, shownValue } from './text';
import { parseValue } from './values';
import { REQUIRED_SCHOOL_COLUMNS, type SchoolColumnKey } from './catalogue/columns';
import { NO_COLUMN } from './table/noColumn';
import { isTeacherBase, type TeacherBase } from './teacherBase';

/** Base of the teacher indicators: teachers in «Сферум» (default) or the school's staff total. */
export type { TeacherBase };

export interface Settings {
  readonly targets: Readonly<Partial<Record<IndicatorKey, number | null>>>;
  readonly tolerance: number;
  readonly teacherBase: TeacherBase;
}

export const DEFAULT_SETTINGS: Settings = {
  targets: Object.fromEntries(
    [...SCHOOL_INDICATORS, ...SUMMARY_INDICATORS].map((def) => [def.key, def.defaultTarget]),
  ) as Partial<Record<IndicatorKey, number | null>>,
  tolerance: DEFAULT_TOLERANCE,
  teacherBase: 'teachers',
};

export interface SettingsInput {
  readonly targets?: Readonly<Record<string, unknown>>;
  readonly tolerance?: unknown;
  readonly teacherBase?: unknown;
}

/** Reads a share typed by a user: 0.35, «0,35», «35%», «35 %». Numbers above 1 are refused. */
export function parseShare(raw: unknown): number | null | 'invalid' {
  const parsed = parseValue(raw);
  if (parsed.kind === 'missing') return null;
  if (parsed.kind === 'invalid' || parsed.value < 0 || parsed.value > 1) return 'invalid';
  return parsed.value;
}

/** Merges a user's settings over the defaults; what cannot be read is reported and left default. */
export function resolveSettings(input: SettingsInput | undefined): { settings: Settings; errors: string[] } {
  const errors: string[] = [];
  const targets: Partial<Record<IndicatorKey, number | null>> = { ...DEFAULT_SETTINGS.targets };
  const known = new Set<string>(Object.keys(DEFAULT_SETTINGS.targets));
  for (const [key, raw] of Object.entries(input?.targets ?? {})) {
    if (!known.has(key)) {
      errors.push(messages.unknownIndicator(key, [...known]));
      continue;
    }
    const value = parseShare(raw);
    if (value === 'invalid') errors.push(messages.targetOutOfRange(shownValue(raw)));
    else targets[key as IndicatorKey] = value;
  }
  let tolerance = DEFAULT_SETTINGS.tolerance;
  if (input?.tolerance !== undefined) {
    const value = parseShare(input.tolerance);
    if (value === 'invalid' || value === null) errors.push(messages.toleranceOutOfRange(shownValue(input.tolerance)));
    else tolerance = value;
  }
  const teacherBase: TeacherBase = isTeacherBase(input?.teacherBase) ? input.teacherBase : 'teachers';
  if (input?.teacherBase !== undefined && !isTeacherBase(input.teacherBase)) {
    errors.push(messages.unknownTeacherBase(safeString(input.teacherBase)));
  }
  return { settings: { targets, tolerance, teacherBase }, errors };
}

export function targetOf(settings: Settings, key: IndicatorKey): number | null {
  const value = settings.targets[key];
  return value === undefined ? null : value;
}

/**
 * What the add-ins save in the workbook (Excel settings, Sheets document properties) so the
 * user's choices are there next week. Stored as JSON; read back through parseStoredSettings.
 */
export interface StoredSettings {
  readonly targets: Readonly<Record<string, number | null>>;
  readonly tolerance: number;
  readonly teacherBase: TeacherBase;
  /**
   * Column corrections: key → the header text of the chosen column (it follows the column when
   * next week's sheet moves it), or a zero-based column index when the header cell is empty.
   */
  readonly mapping: Readonly<Record<string, number | string>>;
  readonly previousSheet: string | null;
  readonly planSheet: string | null;
}

export const DEFAULT_STORED_SETTINGS: StoredSettings = {
  targets: { ...DEFAULT_SETTINGS.targets } as Record<string, number | null>,
  tolerance: DEFAULT_SETTINGS.tolerance,
  teacherBase: DEFAULT_SETTINGS.teacherBase,
  mapping: {},
  previousSheet: null,
  planSheet: null,
};

/** Reads saved settings; anything unreadable falls back to the default, never throws. */
export function parseStoredSettings(json: string | null | undefined): StoredSettings {
  if (!json) return DEFAULT_STORED_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_STORED_SETTINGS;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_STORED_SETTINGS;
  const input = raw as Record<string, unknown>;
  const { settings } = resolveSettings({
    targets: typeof input.targets === 'object' && input.targets !== null ? (input.targets as Record<string, unknown>) : undefined,
    tolerance: input.tolerance,
    teacherBase: input.teacherBase,
  });
  const mapping: Record<string, number | string> = {};
  if (typeof input.mapping === 'object' && input.mapping !== null) {
    for (const [key, value] of Object.entries(input.mapping as Record<string, unknown>)) {
      // −1 (NO_COLUMN): the user said the sheet has no such column; a required one cannot be ruled out.
      const ruledOut = value === NO_COLUMN && !REQUIRED_SCHOOL_COLUMNS.includes(key as SchoolColumnKey);
      if (typeof value === 'number' && Number.isInteger(value) && (value >= 0 || ruledOut)) mapping[key] = value;
      if (typeof value === 'string' && value.trim() !== '') mapping[key] = value;
    }
  }
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
  return {
    targets: settings.targets as Record<string, number | null>,
    tolerance: settings.tolerance,
    teacherBase: settings.teacherBase,
    mapping,
    previousSheet: text(input.previousSheet),
    planSheet: text(input.planSheet),
  };
}
