/**
 * Finding the header row of a pasted table and mapping its columns to keys by meaning. Real
 * sheets have title rows above the header and move columns between weeks, so nothing here
 * depends on positions except for repeated headers such as «В Сфере».
 */
import type { ColumnDef } from '../catalogue/columns';
import { columnIndexOf } from '../findings';
import { messages } from '../messages';
import { cellText, normalizeHeader } from '../text';
import type { CellValue } from '../values';
import { NO_COLUMN } from './noColumn';

export { NO_COLUMN };

/** Where a key was found: zero-based column index and the header as written. */
export interface ColumnRef {
  readonly index: number;
  readonly header: string;
}

export type ColumnMap<K extends string> = Partial<Record<K, ColumnRef>>;

/** A user's correction: a key → zero-based column index, header text, or column letter («E»). */
export type ColumnMapping<K extends string> = Partial<Record<K, number | string>>;

export interface HeaderMatch<K extends string> {
  /** Zero-based index of the header row in the values given. */
  readonly rowIndex: number;
  readonly columns: ColumnMap<K>;
  /** Non-empty header cells of that row, as written. */
  readonly headers: readonly string[];
  /** The header row's cells by column, those of a two-row header taken from the row above (headerCells). */
  readonly cells: readonly CellValue[];
}

/** How many rows from the top are searched for the header. */
export const HEADER_SCAN_ROWS = 30;

function matchesPatterns<K extends string>(def: ColumnDef<K>, header: string): boolean {
  if (def.exclude?.some((re) => re.test(header))) return false;
  return (def.patterns ?? []).some((all) => all.every((re) => re.test(header)));
}

/** Maps the cells of one row to keys; each key is used at most once. */
export function recogniseColumns<K extends string>(row: readonly CellValue[], defs: readonly ColumnDef<K>[]): ColumnMap<K> {
  const found: ColumnMap<K> = {};
  // A number is never a header (no synonym or pattern is digits only): data rows scanned for a header skip their counts.
  const normalized = row.map((cell) => (typeof cell === 'number' ? '' : normalizeHeader(cell)));
  const free = (def: ColumnDef<K>): boolean => found[def.key] === undefined;
  // Exact synonyms first across the row, so a pattern never steals a column that another cell names exactly.
  for (const pass of ['exact', 'pattern'] as const) {
    normalized.forEach((header, index) => {
      if (!header || Object.values(found).some((ref) => (ref as ColumnRef).index === index)) return;
      const candidates = defs.filter(
        (def) => free(def) && (pass === 'exact' ? def.synonyms.includes(header) : matchesPatterns(def, header)),
      );
      const chosen = chooseCandidate(candidates, found, index);
      if (chosen) found[chosen.key] = { index, header: cellText(row[index]) };
    });
  }
  return found;
}

/** A repeated header belongs to the nearest preceding column it names as `after`. */
function chooseCandidate<K extends string>(candidates: ColumnDef<K>[], found: ColumnMap<K>, index: number): ColumnDef<K> | undefined {
  const anchored = candidates.filter((def) => def.after !== undefined);
  if (anchored.length === 0) return candidates[0];
  let best: ColumnDef<K> | undefined;
  let bestAnchor = -1;
  for (const def of anchored) {
    const anchor = found[def.after as K];
    if (anchor && anchor.index < index && anchor.index > bestAnchor) {
      best = def;
      bestAnchor = anchor.index;
    }
  }
  return best ?? candidates.find((def) => def.after === undefined);
}

/** Cells of a row that could name a column: non-empty and not a number. */
function textCells(row: readonly CellValue[]): number {
  let count = 0;
  for (const cell of row) if (typeof cell !== 'number' && cellText(cell) !== '') count++;
  return count;
}

/**
 * The cells of a header row, where a header of two rows has its text in the upper row: «Район»
 * and «Наименование ОО» merged down both rows (Excel and Google Sheets give a merge's text in its
 * top cell only) or written above only, beside group headers whose sub-headers fill the lower
 * row. A blank cell takes the text above it only where that text names a column and the row
 * above names at least two with different texts: a title («План по показателю 2.3», a title
 * merged across the table) names one at most, and is never taken for a column's header.
 */
export function headerCells<K extends string>(values: readonly (readonly CellValue[])[], rowIndex: number, defs: readonly ColumnDef<K>[]): readonly CellValue[] {
  const row = values[rowIndex] ?? [];
  const above = rowIndex > 0 ? values[rowIndex - 1] ?? [] : [];
  if (textCells(above) < 2) return row;
  const named = Object.values(recogniseColumns(above, defs)) as ColumnRef[];
  // Two different texts: a title merged across the table (the command line reads it in every cell) is one.
  if (new Set(named.map((ref) => ref.header)).size < 2) return row;
  const blanks = named.filter((ref) => cellText(row[ref.index]) === '');
  if (blanks.length === 0) return row;
  const width = Math.max(row.length, ...blanks.map((ref) => ref.index + 1));
  const cells = Array.from({ length: width }, (_, index) => row[index] ?? null);
  for (const ref of blanks) cells[ref.index] = above[ref.index] ?? null;
  return cells;
}

/** A row as the header, with its recognised columns. */
export function headerAt<K extends string>(values: readonly (readonly CellValue[])[], rowIndex: number, defs: readonly ColumnDef<K>[]): HeaderMatch<K> {
  const cells = headerCells(values, rowIndex, defs);
  return { rowIndex, columns: recogniseColumns(cells, defs), headers: cells.map(cellText).filter((h) => h !== ''), cells };
}

/** Finds the row that names the most known columns among the first rows. */
export function findHeaderRow<K extends string>(values: readonly (readonly CellValue[])[], defs: readonly ColumnDef<K>[]): HeaderMatch<K> | null {
  let best: HeaderMatch<K> | null = null;
  let bestScore = 1; // a single recognised word is a title, not a header
  const limit = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    // A row names at most one column per text cell (with a header of two rows, per text cell of
    // both): the school rows under the header, with two texts (district, name) and numbers,
    // cannot beat it and are not matched against every pattern.
    const row = values[rowIndex] ?? [];
    const above = rowIndex > 0 ? textCells(values[rowIndex - 1] ?? []) : 0;
    if (textCells(row) + (above >= 2 ? above : 0) <= bestScore) continue;
    const match = headerAt(values, rowIndex, defs);
    const score = Object.keys(match.columns).length;
    if (score > bestScore) {
      bestScore = score;
      best = match;
    }
  }
  return best;
}

/** Header texts of the first rows, to tell the user what the sheet holds when no header is found. */
export function firstTexts(values: readonly (readonly CellValue[])[], limit = 12): string[] {
  const texts: string[] = [];
  for (const row of values.slice(0, HEADER_SCAN_ROWS)) {
    for (const cell of row) {
      const text = cellText(cell);
      if (text && typeof cell === 'string' && !texts.includes(text)) texts.push(text);
      if (texts.length >= limit) return texts;
    }
  }
  return texts;
}

/** Applies the user's mapping over the recognised columns; errors name the header asked for. */
export function applyMapping<K extends string>(
  columns: ColumnMap<K>,
  headerRow: readonly CellValue[],
  mapping: ColumnMapping<K> | undefined,
  defs: readonly ColumnDef<K>[],
  firstColumn = 0,
): { columns: ColumnMap<K>; errors: string[] } {
  const result: ColumnMap<K> = { ...columns };
  const errors: string[] = [];
  if (!mapping) return { columns: result, errors };
  for (const def of defs) {
    const wanted = mapping[def.key];
    if (wanted === undefined || wanted === null || wanted === '') continue;
    if (wanted === NO_COLUMN) {
      delete result[def.key];
      continue;
    }
    const index = resolveColumn(wanted, headerRow, firstColumn);
    if (index === null) {
      errors.push(messages.mappingColumnNotFound(def.header, String(wanted)));
      continue;
    }
    // A column the user assigned is taken away from whatever recognition put there.
    for (const key of Object.keys(result) as K[]) if (result[key]?.index === index) delete result[key];
    result[def.key] = { index, header: cellText(headerRow[index]) || def.header };
  }
  return { columns: result, errors };
}

/** A number is an index into the values; a letter is the sheet's column, so it is shifted by where the values start. */
function resolveColumn(wanted: number | string, headerRow: readonly CellValue[], firstColumn: number): number | null {
  if (typeof wanted === 'number') return Number.isInteger(wanted) && wanted >= 0 ? wanted : null;
  const target = normalizeHeader(wanted);
  const byHeader = headerRow.findIndex((cell) => normalizeHeader(cell) === target && target !== '');
  if (byHeader >= 0) return byHeader;
  const letters = wanted.trim().toUpperCase();
  if (/^[A-Z]{1,3}$/.test(letters)) {
    const index = columnIndexOf(letters) - firstColumn;
    return index >= 0 ? index : null;
  }
  return null;
}
