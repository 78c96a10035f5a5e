/**
 * Merged cells. Excel and Google Sheets hand an add-in a merged cell's value in its top-left
 * cell only; the rest of the merge reads as empty. Regional sheets often merge a district's name
 * down the rows of its schools, and read as they come, every school but the first would have no
 * district. The add-ins look up the merges where a table has empty district cells
 * (emptyDistrictSpan) and fill them here, the same way in both. (The command line needs none of
 * this: ExcelJS gives every cell of a merge its value.)
 */
import { columnIndexOf } from '../findings';
import type { SchoolTable } from './schoolTable';
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
 * A host may return a merge more than once (Excel's look-up is made in blocks of rows): filling
 * it again changes nothing.
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
  for (const area of areas) {
    const top = area.row - firstRow;
    const column = area.column - firstColumn;
    if (area.rows < 1 || top < 0 || column < 0 || top >= values.length) continue;
    const text = values[top]?.[column];
    // A merge left empty stays empty: its schools are not the district above's.
    if (!isText(text)) continue;
    const end = Math.min(values.length, top + area.rows);
    for (let index = top + 1; index < end; index++) {
      const row = filled[index] ?? [];
      if (!isBlank(row[column])) continue; // a value under a merge (a file written by a program): the cell's own value stands
      if (!copied.has(index)) {
        filled[index] = row.slice();
        copied.add(index);
      }
      (filled[index] as T[])[column] = text;
    }
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
 * Where a parsed table has schools whose district cell is empty: the district column from the
 * first row under the header (a merge's text sits in its top row, which may be above a total or
 * blank row) to the last such school. Null when every school names its district.
 */
export function emptyDistrictSpan(table: Pick<SchoolTable, 'findings' | 'columns' | 'firstColumn' | 'headerRow'>): CellSpan | null {
  const district = table.columns.district;
  if (district === undefined) return null;
  let toRow = -Infinity;
  for (const finding of table.findings) if (finding.code === 'missingDistrict') toRow = Math.max(toRow, finding.row);
  if (toRow < 0) return null;
  return { column: table.firstColumn + district.index, fromRow: table.headerRow + 1, toRow };
}
