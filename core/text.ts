/**
 * Text normalisation shared by header recognition, district/school matching and group
 * comparisons. Real sheets differ in case, «ё»/«е», quotes, dashes and spacing between weeks,
 * so every comparison of names goes through here.
 */

const SPACES = /[\s\u00a0\u2007\u2009\u202f\u200b]+/g;
/** Quotes, punctuation and every kind of space: each run becomes one space (one pass, it runs per row). */
const SEPARATORS = /[\s\u00a0\u2007\u2009\u202f\u200b«»"'“”„`.,;:!?()[\]{}\\/|_\-–—−№#*]+/g;

/** Russian alphabetical order, for lists shown to users. */
export const russianOrder = new Intl.Collator('ru').compare;

/** String(value) that never throws: objects from a host may have a broken toString. */
/**
 * The message of anything thrown. Duck-typed rather than `instanceof Error`: an error from
 * another realm (Node built-ins under jest, a test's fake host services) is one too.
 */
export function errorText(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
}

export function safeString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // A date cell (Google Sheets, ExcelJS) as the sheet shows it, not «Fri Apr 14 2023 …». Tested
  // by its tag: a date made in another realm (a test's vm) is not an instanceof this one's Date.
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    return Number.isNaN(date.getTime()) ? '' : dateText(date);
  }
  try {
    return String(value);
  } catch {
    return '';
  }
}

/**
 * «14.04.2023», as the sheet shows the date. Google Sheets hands over dates at midnight of the
 * script's time zone: the date in UTC could be the day before.
 */
export function dateText(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** A cell's value as a Russian sheet shows it, for messages: ИСТИНА / ЛОЖЬ, «1,2». */
export function shownValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'ИСТИНА' : 'ЛОЖЬ';
  if (typeof value === 'number') return String(value).replace('.', ',').replace('-', '−');
  return cellText(value);
}

/** Lower case, «ё» → «е», quotes and punctuation → spaces, runs of spaces → one. */
export function normalizeText(value: unknown): string {
  return safeString(value)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** Header normalisation: as {@link normalizeText}, but a parenthetical tail is dropped first
 * («Учеников всего (кол-во учеников в Сферуме)» → «учеников всего»). */
export function normalizeHeader(value: unknown): string {
  const text = safeString(value).replace(/\([^()]*\)/g, ' ').replace(/\[[^\][]*\]/g, ' ');
  return normalizeText(text);
}

/** Trimmed display text of a cell, with inner runs of spaces folded. */
export function cellText(value: unknown): string {
  // Most cells need no folding: answer them without building a new string (this runs per cell).
  if (typeof value === 'string' && !needsFolding(value)) return value;
  return safeString(value).replace(SPACES, ' ').trim();
}

/** A character \s matches other than the plain space, or the zero-width space: cellText folds it. */
export function isOtherSpace(code: number): boolean {
  // Ordered so that letters (ASCII, Cyrillic) answer after two or three comparisons: this runs per character.
  if (code < 0x20) return code >= 0x09 && code <= 0x0d;
  if (code < 0x1680) return code === 0xa0;
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whether cellText would change the text: a leading or trailing space, two in a row, or a space other than the plain one. */
function needsFolding(text: string): boolean {
  const last = text.length - 1;
  let previousSpace = true; // a leading space needs folding
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (previousSpace || i === last) return true;
      previousSpace = true;
    } else if (isOtherSpace(code)) {
      return true;
    } else {
      previousSpace = false;
    }
  }
  return false;
}
