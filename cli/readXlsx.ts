/**
 * An .xlsx workbook as rows of plain cells. ExcelJS gives rich text, formulas with their
 * cached results, hyperlinks, dates, error values and merged cells; core wants numbers,
 * text, booleans and blanks, so each is turned into the value a user sees in the cell.
 */
import ExcelJS from 'exceljs';
import type { PlainCell } from './plainCell';

export interface PlainSheet {
  readonly name: string;
  readonly hidden: boolean;
  /** Row 1 of the sheet is rows[0]; column A is rows[r][0]. */
  readonly rows: PlainCell[][];
  /** «D4: =40*2» for each formula of a sheet that was never calculated (no formula has a result), read as empty. */
  readonly uncalculated: readonly string[];
}

/** «15.04.2023», as a Russian sheet shows a date (title rows carry the reporting period). */
function dateText(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  // ExcelJS returns spreadsheet dates as UTC midnight; local time could shift the day.
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whether a number format shows the number as a percentage: a «%» that is not literal text («"%"», «\\%»). */
export function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && format.replace(/"[^"]*"|\\./g, '').includes('%');
}

/**
 * The value a cell shows: a formula's cached result, a link's text, rich text joined, an error's
 * code. A number shown as a percentage becomes the text «25%»: the file stores 0,25, and core
 * reads a percentage in a count column as a share of its base, as the user meant it.
 */
export function plainCellValue(value: unknown, numberFormat?: string): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // Written as a Russian sheet shows it («97,01%»): findings quote it.
    return isPercentFormat(numberFormat) ? `${String(Number((value * 100).toPrecision(15))).replace('.', ',')}%` : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateText(value);
  if (!isObject(value)) return null;
  if (Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join('');
  }
  // A formula without a cached result reads as empty: ExcelJS gives the same for a formula that
  // returned "" (rows of =IF(A5="";"";A5) under a table), which must stay blank rows.
  if ('formula' in value || 'sharedFormula' in value) return plainCellValue(value.result, numberFormat);
  if ('hyperlink' in value) return plainCellValue(value.text);
  if (typeof value.error === 'string') return value.error;
  if ('text' in value) return plainCellValue(value.text);
  return null;
}

/** Reads every worksheet into plain rows; throws what ExcelJS throws for a file that is not .xlsx. */
export async function readXlsxSheets(bytes: Buffer): Promise<PlainSheet[]> {
  const workbook = new ExcelJS.Workbook();
  // Loading from bytes already in memory: the user's file is only ever opened for reading.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((worksheet) => ({
    name: worksheet.name,
    hidden: worksheet.state !== 'visible',
    ...sheetRows(worksheet),
  }));
}

function sheetRows(worksheet: ExcelJS.Worksheet): { rows: PlainCell[][]; uncalculated: string[] } {
  const rows: PlainCell[][] = [];
  const uncalculated: string[] = [];
  let calculated = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: PlainCell[] = [];
    // Merged cells report the merge's top-left value, so a district merged down its schools
    // reaches every school row.
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = plainCellValue(cell.value, cell.numFmt);
      if (!isFormula(cell.value)) return;
      if (cell.value.result !== undefined) calculated++;
      // ExcelJS gives the cell's own formula here, a shared one translated to its cell.
      else uncalculated.push(`${cell.address}: =${cell.formula}`);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  // A formula without a stored result reads as empty. Excel stores a result for every formula it
  // saves; the ones ExcelJS shows without one are those that returned "" (ExcelJS cannot tell
  // them apart). A sheet where no formula has a result was written by a program and never
  // calculated: its numbers are not in the file, which the command says instead of reporting
  // shares without them.
  return { rows, uncalculated: calculated === 0 ? uncalculated : [] };
}

function isFormula(value: unknown): value is { result?: unknown } {
  return isObject(value) && ('formula' in value || 'sharedFormula' in value);
}
