/**
 * What a cell of a real monitoring sheet means as a number. Sheets received by mail hold
 * numbers, numbers typed as Russian text («17 218», «97,01%», «0,5»), placeholders for "no
 * data" («—», «н/д») and garbage. "Missing" (nothing to compute) is kept apart from "invalid"
 * (something is there but is not a number), because only the latter is the user's mistake.
 */

import { dateText, safeString } from './text';

export type ParsedValue =
  | { readonly kind: 'number'; readonly value: number; readonly percent: boolean }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid'; readonly reason: string; readonly text: string };

/** Cell contents as both hosts deliver them: numbers, text, booleans, empty. */
export type CellValue = number | string | boolean | null | undefined | Date;

const MISSING_WORDS = new Set([
  '', '-', '—', '–', '−', '--', 'н/д', 'нд', 'н.д.', 'н.д', 'нет данных', 'n/a', 'na', 'x', 'х',
]);

const LONGEST_MISSING_WORD = Math.max(...[...MISSING_WORDS].map((word) => word.length));
const MISSING_FIRST_CHARS = new Set([...MISSING_WORDS].flatMap((word) => [word.charAt(0), word.charAt(0).toUpperCase()]));
/** 1 at the code of each letter or digit a placeholder starts with (н, n, x, х in either case). */
const PLACEHOLDER_START = new Uint8Array(0x500);
for (const ch of MISSING_FIRST_CHARS) if (ch.charCodeAt(0) < 0x500) PLACEHOLDER_START[ch.charCodeAt(0)] = 1;

/** Every kind of space used as a thousands separator: plain, no-break, thin, narrow no-break, figure. */
const GROUP_SPACES = /[ \u00a0\u2007\u2009\u202f']/g;

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const SPREADSHEET_ERROR = /^#(н\/д|n\/a|div\/0!|дел\/0!|value!|знач!|ref!|ссылка!|name\?|имя\?|num!|число!|null!|пусто!|error!?|calc!|spill!|getting_data)$/i;

export const MISSING: ParsedValue = { kind: 'missing' };

function invalid(reason: string, text: string): ParsedValue {
  return { kind: 'invalid', reason, text };
}

/** Whether a text is a spreadsheet's error value as a cell shows it («#N/A», «#ДЕЛ/0!»). */
export function isSpreadsheetError(text: string): boolean {
  return text.startsWith('#') && SPREADSHEET_ERROR.test(text.trim());
}

/** Parses one cell. Never throws. */
export function parseValue(raw: unknown): ParsedValue {
  if (raw === null || raw === undefined) return MISSING;
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { kind: 'number', value: raw, percent: false } : invalid('не конечное число', String(raw));
  }
  if (typeof raw === 'boolean') return invalid('логическое значение вместо числа', raw ? 'ИСТИНА' : 'ЛОЖЬ');
  if (raw instanceof Date) return invalid('дата вместо числа', Number.isNaN(raw.getTime()) ? '' : dateText(raw));
  if (typeof raw !== 'string') return invalid('значение не число', safeString(raw));
  return parseText(raw);
}

function parseText(raw: string): ParsedValue {
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (MISSING_WORDS.has(lower)) return MISSING;
  if (SPREADSHEET_ERROR.test(lower)) return invalid('ошибка в ячейке', text);
  // Only a file written by a program hands over a formula without its result.
  if (text.startsWith('=')) return invalid('формула без вычисленного значения (откройте файл в Excel и сохраните его)', text);

  let body = text.replace(/\u2212/g, '-').replace(GROUP_SPACES, '');
  let percent = false;
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1);
  }
  if (!NUMBER_TEXT.test(body)) {
    return invalid(/\d/.test(body) ? 'не удаётся прочитать число' : 'текст вместо числа', text);
  }
  const value = Number(body.replace(',', '.'));
  if (!Number.isFinite(value)) return invalid('не удаётся прочитать число', text);
  // Dividing by 100 in binary gives 0.9701000000000001 for «97,01%»; rounding to the digits
  // written keeps PARSE(«97,01%») equal to the literal 0.9701.
  return percent ? { kind: 'number', value: roundToDigits(value / 100, decimalsOf(body) + 2), percent } : { kind: 'number', value, percent };
}

function decimalsOf(numberText: string): number {
  const separator = numberText.search(/[.,]/);
  return separator < 0 ? 0 : numberText.length - separator - 1;
}

function roundToDigits(value: number, digits: number): number {
  return Number(value.toFixed(Math.min(digits, 20)));
}

/** ASCII letters and digits and the Cyrillic block: never trimmed as space. */
function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x400 && code <= 0x4ff);
}

/** True when the cell holds nothing to compute with and nothing to complain about. */
export function isBlank(raw: unknown): boolean {
  // Numbers are never blank: the common case answers without parsing.
  if (typeof raw === 'number') return false;
  if (raw === null || raw === undefined || raw === '') return true;
  if (typeof raw === 'string') {
    // Only the short placeholders («—», «н/д», «нет данных») are blank: a text that starts with a
    // letter or digit no placeholder starts with, or is longer than any and ends with one,
    // answers without trimming.
    const first = raw.charCodeAt(0);
    if (isWordChar(first) && (PLACEHOLDER_START[first] !== 1 || (raw.length > LONGEST_MISSING_WORD && isWordChar(raw.charCodeAt(raw.length - 1))))) return false;
    const text = raw.trim();
    return text.length <= LONGEST_MISSING_WORD && MISSING_FIRST_CHARS.has(text.charAt(0)) && MISSING_WORDS.has(text.toLowerCase());
  }
  return parseValue(raw).kind === 'missing';
}
