/**
 * Finding a table's header in a sheet's values, either where the user says or by recognition,
 * with the user's column corrections applied. Shared by the weekly school table, the plan for
 * indicator 2.3 and the region's weekly summary.
 */
import type { ColumnDef } from '../catalogue/columns';
import { messages } from '../messages';
import { cellText } from '../text';
import type { CellValue } from '../values';
import { applyMapping, findHeaderRow, firstTexts, headerAt, type ColumnMapping, type HeaderMatch } from './header';

export interface ParseOptions<K extends string> {
  /** The user's corrections of the recognised columns. */
  readonly mapping?: ColumnMapping<K>;
  /** Sheet row number of the header row, when the user gives it. */
  readonly headerRow?: number;
  /** Sheet row number of values[0] (default 1) and zero-based column of values[0][0] (default 0). */
  readonly firstRow?: number;
  readonly firstColumn?: number;
}

export type ParseResult<T> = { readonly ok: true; readonly table: T } | { readonly ok: false; readonly error: string };

/** Locates the header, either where the user says or by recognition, and applies the mapping. */
export function locateHeader<K extends string>(
  values: readonly (readonly CellValue[])[],
  defs: readonly ColumnDef<K>[],
  options: ParseOptions<K>,
  table?: string,
): { ok: true; header: HeaderMatch<K> } | { ok: false; error: string } {
  const firstRow = options.firstRow ?? 1;
  let header: HeaderMatch<K> | null;
  if (options.headerRow !== undefined) {
    header = headerAt(values, options.headerRow - firstRow, defs);
  } else {
    header = findHeaderRow(values, defs);
  }
  if (!header) {
    if (!options.mapping) return { ok: false, error: messages.headerNotFound(firstTexts(values), table) };
    // The user's mapping names the columns: take the first non-empty row as the header.
    header = headerAt(values, Math.max(0, values.findIndex((row) => row.some((cell) => cellText(cell) !== ''))), defs);
  }
  const mapped = applyMapping(header.columns, header.cells, options.mapping, defs, options.firstColumn ?? 0);
  if (mapped.errors.length) return { ok: false, error: mapped.errors.join('; ') };
  return { ok: true, header: { ...header, columns: mapped.columns } };
}

/** locateHeader, then a Russian message listing the headers found when a required column is missing. */
export function locateTable<K extends string>(
  values: readonly (readonly CellValue[])[],
  defs: readonly ColumnDef<K>[],
  required: readonly K[],
  options: ParseOptions<K>,
  /** What the table is, for the message when no header is found («таблицы плана 2.3»). */
  table?: string,
): { ok: true; header: HeaderMatch<K> } | { ok: false; error: string } {
  const located = locateHeader(values, defs, options, table);
  if (!located.ok) return located;
  const missing = required.filter((key) => located.header.columns[key] === undefined);
  if (missing.length === 0) return located;
  const names = missing.map((key) => defs.find((def) => def.key === key)?.header ?? key);
  return { ok: false, error: messages.requiredColumnsMissing(names, located.header.headers) };
}
