/**
 * What a host writes on a report sheet, known from the model before anything is written, and
 * how to tell a user's additions from it. Both add-ins record the extent with each report sheet
 * they make; at the next report a sheet whose values reach below or right of it, or that holds
 * more charts, is the user's from then on and is kept as it is.
 */
import { sheetLayout, type ReportSheet } from './model';

export interface WrittenExtent {
  /** Rows of the block from A1: title, subtitle, blank line, header, data rows. */
  readonly rows: number;
  /** The table's columns. */
  readonly columns: number;
  /** Charts the add-in inserted: 0 or 1. */
  readonly charts: number;
}

/** What a sheet holds now, as far as the check looks: the last row and column holding a value (0: none), and its charts. */
export type SheetContents = WrittenExtent;

/** The data rows above the first total row: what a report sheet's chart shows (0: the sheet gets no chart). */
export function chartRows(sheet: Pick<ReportSheet, 'chart' | 'rows'>): number {
  if (!sheet.chart || sheet.chart.valueColumns.length === 0) return 0;
  const total = sheet.rows.findIndex((row) => row.kind !== 'data');
  return total < 0 ? sheet.rows.length : total;
}

export function writtenExtent(sheet: ReportSheet): WrittenExtent {
  const columns = sheet.columns.length;
  if (columns === 0) return { rows: 0, columns: 0, charts: 0 };
  return { rows: sheetLayout(sheet).headerRow + sheet.rows.length, columns, charts: chartRows(sheet) > 0 ? 1 : 0 };
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** A stored extent, or null when it is missing or not three whole counts (a record from before extents were kept). */
export function parseWrittenExtent(value: unknown): WrittenExtent | null {
  if (typeof value !== 'object' || value === null) return null;
  const { rows, columns, charts } = value as Record<string, unknown>;
  return isCount(rows) && isCount(columns) && isCount(charts) ? { rows, columns, charts } : null;
}

/**
 * Whether the user added to a report sheet: a value below or right of the block the add-in
 * wrote, or more charts than it added. Only what lies outside that block is seen: a value typed
 * inside the report's table (a corrected number, a note in an empty cell of it) is not detected
 * and goes with the next rewrite, as do looks and rules set on the sheet. A sheet recorded
 * without an extent (by an older version) or not read is not checked: it is rewritten as before.
 */
export function addedToByUser(written: WrittenExtent | null | undefined, now: SheetContents | null | undefined): boolean {
  if (!written || !now) return false;
  return now.rows > written.rows || now.columns > written.columns || now.charts > written.charts;
}
