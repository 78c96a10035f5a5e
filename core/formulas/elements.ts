/**
 * One element of each formula of the set. Each body reads its cells the same way
 * (coerce, return early on an error, compute with core/rules) and never throws.
 */
import { SCHOOL_COLUMNS } from '../catalogue/columns';
import { DEFAULT_TARGET_YEAR, SCHOOL_INDICATORS, SUMMARY_INDICATORS, type IndicatorKey } from '../catalogue/indicators';
import { messages } from '../messages';
import { gapInPeople, isProfileActive, meetsAccess50, share, statusOf, DEFAULT_TOLERANCE, STATUS_NO_DATA } from '../rules';
import { parseShare } from '../settings';
import { shareInBaseMessage, shareInCountCell, shareInCountMessage, type ShareCell } from '../table/cells';
import { recogniseColumns } from '../table/header';
import { normalizeHeader, normalizeText, cellText, shownValue } from '../text';
import { parseValue, type CellValue } from '../values';
import { formulaError, type FormulaError, type FormulaValue } from './types';

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly missing: true } | { readonly ok: false; readonly missing: false; readonly error: FormulaError };

const MISSING = { ok: false, missing: true } as const;
const fail = (message: string, code: FormulaError['code'] = 'value'): Read<never> => ({ ok: false, missing: false, error: formulaError(code, message) });

/**
 * The same error, said to be about the call's argument at `argument` (broadcast names it).
 * Only counts are named: a call has two or four of them, where a target, a year or an
 * indicator is the only one of its kind and its message says which it is.
 */
function about<T>(read: Read<T>, argument: number): Read<T> {
  if (read.ok || read.missing) return read;
  return { ok: false, missing: false, error: formulaError(read.error.code, read.error.message, argument) };
}

/** A head count: a non-negative number; a percentage is refused (it is not a count). */
export function readCountArg(raw: CellValue): Read<number> {
  const parsed = parseValue(raw);
  if (parsed.kind === 'missing') return MISSING;
  if (parsed.kind === 'invalid') return fail(messages.invalidValue(parsed.reason, parsed.text));
  if (parsed.percent) return fail(messages.invalidValue('процент вместо количества', cellText(raw)));
  if (parsed.value < 0) return fail(messages.negative(parsed.value));
  return { ok: true, value: parsed.value };
}

/** A target or tolerance: 0.35, «0,35», «35%»; outside 0…1 is refused. */
function readShareArg(raw: CellValue, outOfRange: (text: string) => string): Read<number> {
  const value = parseShare(raw);
  if (value === null) return MISSING;
  if (value === 'invalid') return fail(outOfRange(shownValue(raw)));
  return { ok: true, value };
}

/** A part's cell: a count, or a share of its base (written «25%», or 0,25 as a typed percentage arrives). */
type PartCell = { readonly count: number } | ShareCell;

/** A part as the report reads a count cell (cells.ts readCount): a share stands for that share of the base. */
function readPartArg(raw: CellValue): Read<PartCell> {
  const parsed = parseValue(raw);
  if (parsed.kind === 'missing') return MISSING;
  if (parsed.kind === 'invalid') return fail(messages.invalidValue(parsed.reason, parsed.text));
  if (parsed.value < 0) return fail(messages.negative(parsed.value));
  return { ok: true, value: shareInCountCell(raw, parsed.value, parsed.percent) ?? { count: parsed.value } };
}

/** A base: a count; a share is refused, as in the report (a base has no base of its own). */
function readBaseArg(raw: CellValue): Read<number> {
  const cell = readPartArg(raw);
  if (!cell.ok) return cell;
  if ('share' in cell.value) return fail(shareInBaseMessage(cell.value));
  return { ok: true, value: cell.value.count };
}

/**
 * Part and base read together (the first error wins, then missing); a part given as a share
 * counts as that share of the base. `first` is the part's position among the call's arguments.
 */
export function readPair(part: CellValue, total: CellValue, first = 0): Read<[number, number]> {
  const p = about(readPartArg(part), first);
  const t = about(readBaseArg(total), first + 1);
  if (!p.ok && !p.missing) return p;
  if (!t.ok && !t.missing) return t;
  if (!p.ok || !t.ok) return MISSING;
  return { ok: true, value: ['share' in p.value ? p.value.share * t.value : p.value.count, t.value] };
}

/** Two counts read together (users and classes): the first error wins, then missing. */
function readCounts(a: CellValue, b: CellValue): Read<[number, number]> {
  const x = about(readCountArg(a), 0);
  const y = about(readCountArg(b), 1);
  if (!x.ok && !x.missing) return x;
  if (!y.ok && !y.missing) return y;
  if (!x.ok || !y.ok) return MISSING;
  return { ok: true, value: [x.value, y.value] };
}

const valueOf = <T>(read: Read<T>): FormulaValue => (read.ok ? null : read.missing ? null : read.error);
const baseZero = (): FormulaError => formulaError('div0', messages.baseZero());

export function shareElement(part: CellValue, total: CellValue): FormulaValue {
  const pair = readPair(part, total);
  if (!pair.ok) return valueOf(pair);
  const [p, t] = pair.value;
  return share(p, t) ?? baseZero();
}

export function statusElement(part: CellValue, total: CellValue, target: CellValue, tolerance: CellValue): FormulaValue {
  const goal = readShareArg(target, messages.targetOutOfRange);
  if (!goal.ok) return goal.missing ? formulaError('value', messages.missingTarget()) : goal.error;
  const tol = readShareArg(tolerance, messages.toleranceOutOfRange);
  if (!tol.ok && !tol.missing) return tol.error;
  const pair = readPair(part, total);
  if (!pair.ok) return pair.missing ? STATUS_NO_DATA : pair.error;
  const [p, t] = pair.value;
  return statusOf(share(p, t), goal.value, tol.ok ? tol.value : DEFAULT_TOLERANCE);
}

export function gapElement(part: CellValue, total: CellValue, target: CellValue): FormulaValue {
  const goal = readShareArg(target, messages.targetOutOfRange);
  if (!goal.ok) return goal.missing ? formulaError('value', messages.missingTarget()) : goal.error;
  const pair = readPair(part, total);
  if (!pair.ok) return valueOf(pair);
  const [p, t] = pair.value;
  return t === 0 ? baseZero() : gapInPeople(p, t, goal.value);
}

export function activeElement(users: CellValue, classes: CellValue): FormulaValue {
  const pair = readCounts(users, classes);
  if (!pair.ok) return valueOf(pair);
  return isProfileActive(pair.value[0], pair.value[1]);
}

export function access50Element(teachers: CellValue, teachersTotal: CellValue, students: CellValue, studentsTotal: CellValue): FormulaValue {
  const a = readPair(teachers, teachersTotal, 0);
  const b = readPair(students, studentsTotal, 2);
  if (!a.ok && !a.missing) return a.error;
  if (!b.ok && !b.missing) return b.error;
  if (!a.ok || !b.ok) return null;
  const teachersShare = share(a.value[0], a.value[1]);
  const studentsShare = share(b.value[0], b.value[1]);
  if (teachersShare === null) return formulaError('div0', messages.baseZero(), 1);
  if (studentsShare === null) return formulaError('div0', messages.baseZero(), 3);
  return meetsAccess50(teachersShare, studentsShare);
}

export function parseElement(value: CellValue): FormulaValue {
  const parsed = parseValue(value);
  if (parsed.kind === 'missing') return null;
  if (parsed.kind === 'invalid') return formulaError('value', messages.invalidValue(parsed.reason, parsed.text));
  return parsed.value;
}

/**
 * The data-check message for one part and its base, as the report's data check gives it for
 * the cell, or empty when there is nothing to say. An empty cell or «н/д» is allowed data.
 */
export function checkElement(part: CellValue, total: CellValue): FormulaValue {
  const p = readPartArg(part);
  const t = readBaseArg(total);
  if (!p.ok && !p.missing) return p.error.message;
  if (!t.ok && !t.missing) return t.error.message;
  if (!p.ok || !t.ok) return null;
  if (t.value === 0) return messages.baseZero();
  if ('share' in p.value) return shareInCountMessage(p.value);
  const count = p.value.count;
  if (!Number.isInteger(count)) return messages.fractionalCount(count);
  if (!Number.isInteger(t.value)) return messages.fractionalCount(t.value);
  if (count > t.value) return messages.partAboveBase(count, t.value);
  return null;
}

const TARGET_INDICATORS = [...SCHOOL_INDICATORS, ...SUMMARY_INDICATORS];
/** Indicators with a default target, as a user can name them: «teachersCreatedChats (Создали чаты)». */
const KNOWN_TARGET_KEYS = [...new Map(TARGET_INDICATORS.filter((d) => d.defaultTarget !== null).map((d) => [d.key, `${d.key} (${d.shortLabel})`])).values()];
const YEARS = new Map<string, string>([['2022', DEFAULT_TARGET_YEAR], ['2023', DEFAULT_TARGET_YEAR], ['2022 2023', DEFAULT_TARGET_YEAR], ['2022 23', DEFAULT_TARGET_YEAR]]);

/** Finds an indicator by its key, its label, or the header text of its numerator column. */
export function findIndicator(text: string): IndicatorKey | null {
  const trimmed = text.trim();
  const byKey = TARGET_INDICATORS.find((d) => d.key.toLowerCase() === trimmed.toLowerCase());
  if (byKey) return byKey.key;
  const normalized = normalizeHeader(trimmed);
  if (!normalized) return null;
  const byLabel = TARGET_INDICATORS.find((d) => normalizeHeader(d.label) === normalized || normalizeHeader(d.shortLabel) === normalized);
  if (byLabel) return byLabel.key;
  const columns = recogniseColumns([trimmed], SCHOOL_COLUMNS);
  const column = Object.keys(columns)[0];
  const byColumn = SCHOOL_INDICATORS.find((d) => d.numerator === column);
  return byColumn ? byColumn.key : null;
}

export function targetElement(indicator: CellValue, year: CellValue): FormulaValue {
  // An empty cell asks for nothing, as in every other formula of the set (a list with gaps).
  if (indicator === null || indicator === undefined || cellText(indicator) === '') return null;
  if (typeof indicator !== 'string') return formulaError('value', messages.unknownIndicator(shownValue(indicator), KNOWN_TARGET_KEYS));
  const yearText = normalizeText(year);
  if (yearText && !YEARS.has(yearText)) return formulaError('na', messages.unknownYear(shownValue(year), [DEFAULT_TARGET_YEAR]));
  const key = findIndicator(indicator);
  if (!key) return formulaError('na', messages.unknownIndicator(cellText(indicator), KNOWN_TARGET_KEYS));
  const def = TARGET_INDICATORS.find((d) => d.key === key && d.defaultTarget !== null);
  if (!def) return formulaError('na', messages.noTarget(TARGET_INDICATORS.find((d) => d.key === key)?.label ?? key));
  return def.defaultTarget;
}
