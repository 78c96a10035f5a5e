/**
 * Merged cells. Excel and Google Sheets hand an add-in a merged cell's value in its top-left
 * cell only; the rest of the merge reads as empty. Regional sheets often merge a district's name
 * down the rows of its schools, and read as they come, every school but the first would have no
 * district. Hosts find the merges (where the table has empty district cells, see
 * districtGaps) and fill them here, by one rule for all three hosts.
 */
import { columnIndexOf, type Finding } from '../findings';
import { isBlank, type CellValue } from '../values';

/** A merged block of cells: sheet row number of its top row (1 = the first row), zero-based sheet column of its left column, and its size. */
export interface MergedArea {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** Rows of one column where a host should look for merged cells (sheet row numbers, zero-based sheet column). */
export interface CellSpan {
  readonly column: number;
  readonly fromRow: number;
  readonly toRow: number;
}

/**
 * The values with each merge's text repeated down its first column, as a user reads the sheet:
 * «Северный район» merged over five schools' rows is the district of all five. Only text is
 * repeated. A number merged over several rows stays in its first row, as Excel's SUM counts it
 * once, and a merge across columns only (a title over the table) adds nothing. The user's
 * values are not changed: rows that gain a value are copies.
 *
 * A merge the host returned in pieces (Excel's look-up is made in blocks of rows) whose top cell
 * is empty takes the value of the piece right above it.
 */
export function fillMergedCells<T extends CellValue>(
  values: readonly (readonly T[])[],
  areas: readonly MergedArea[],
  firstRow = 1,
  firstColumn = 0,
): readonly (readonly T[])[] {
  if (areas.length === 0) return values;
  const filled = values.slice();
  const copied = new Set<number>();
  /** The text each filled column carries down, by the sheet row below the last piece filled: for a merge returned in pieces. */
  const carried = new Map<string, T & string>();
  const ordered = [...areas].sort((a, b) => a.row - b.row || a.column - b.column);
  for (const area of ordered) {
    const top = area.row - firstRow;
    const column = area.column - firstColumn;
    if (area.rows < 1 || top < 0 || column < 0 || top >= values.length) continue;
    const own = values[top]?.[column];
    // A piece continuing the one above fills from its own top row.
    const continued = isBlank(own);
    const text = continued ? carried.get(`${area.row}:${area.column}:${area.columns}`) : own;
    if (!isText(text)) continue;
    const end = Math.min(values.length, top + area.rows);
    for (let index = continued ? top : top + 1; index < end; index++) {
      const row = filled[index] ?? [];
      if (!isBlank(row[column])) continue; // a value under a merge (a file written by a program): the cell's own value stands
      if (!copied.has(index)) {
        filled[index] = row.slice();
        copied.add(index);
      }
      (filled[index] as T[])[column] = text;
    }
    // Excel's look-up is split by rows, so only a merge down one column is ever cut in pieces
    // (a title merged across columns must not pass to a blank merged row under it).
    if (area.columns === 1) carried.set(`${area.row + area.rows}:${area.column}:1`, text);
  }
  return filled;
}

const A1_AREA = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

/** «A4:A9» (a merged range as Google Sheets names it) as a MergedArea, or null for anything else. */
export function mergedAreaOf(a1: string): MergedArea | null {
  const match = A1_AREA.exec(a1.trim());
  if (!match) return null;
  const [, left = 'A', top = '1', right = left, bottom = top] = match;
  const row = Number(top);
  const column = columnIndexOf(left);
  return { row, column, rows: Number(bottom) - row + 1, columns: columnIndexOf(right) - column + 1 };
}

function isText<T extends CellValue>(value: T | undefined): value is T & string {
  return typeof value === 'string' && !isBlank(value);
}

/**
 * Where a parsed table has schools whose district cell is empty: from the row above the first
 * (a merge's text sits in its top row) to the last, in the district column. Null when every
 * school names its district.
 */
export function emptyDistrictSpan(table: { readonly findings: readonly Finding[]; readonly columns: { readonly district?: { readonly index: number } }; readonly firstColumn: number }): CellSpan | null {
  const district = table.columns.district;
  if (district === undefined) return null;
  let fromRow = Infinity;
  let toRow = -Infinity;
  for (const finding of table.findings) {
    if (finding.code !== 'missingDistrict') continue;
    fromRow = Math.min(fromRow, finding.row - 1);
    toRow = Math.max(toRow, finding.row);
  }
  if (toRow < 0) return null;
  return { column: table.firstColumn + district.index, fromRow: Math.max(1, fromRow), toRow };
}
