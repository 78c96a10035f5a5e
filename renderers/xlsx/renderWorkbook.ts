/**
 * The report model as an .xlsx workbook (ExcelJS): each sheet at the places sheetLayout gives,
 * values as numbers with the model's number formats, the header band, frozen panes, column
 * widths, tone fills, and the sheet rules as live conditional formats. No figure is computed
 * here: everything comes from the model.
 *
 * Charts: ExcelJS cannot write charts. A sheet's ChartSpec is rendered as data bars on its
 * value columns (the model already asks for them on share columns) and a note on the header of
 * the first value column that names the chart and its target.
 */
import ExcelJS from 'exceljs';
import {
  columnLetter, formatPercent, freeSheetName, MARKER, NUMBER_FORMATS, sheetLayout, sheetTones, sheetValues,
  type ReportModel, type ReportSheet, type SheetRule, type Tone,
} from '../../core';
import { conditionalFormats, type RuleRows } from './conditionalFormats';
import {
  HEADER_ALIGNMENT, HEADER_BORDER, HEADER_FILL, HEADER_FONT, HEADER_HEIGHT, HEADER_WIDTH_PADDING, SUBTITLE_FONT, TITLE_FONT, TONE_FILLS, TONE_FONTS,
  TONE_FONTS_BOLD, TOTAL_BORDER, TOTAL_FONT,
} from './styles';

export interface XlsxRenderOptions {
  /** Stored as the file's creation time (tests pass a fixed one). */
  readonly created?: Date;
}

/** A defined name that marks a sheet as ours: «sferum-monitor:districts» → «sferum_monitor_districts». */
export function markerName(marker: string): string {
  return marker.replace(/[^A-Za-z0-9_.]/g, '_');
}

/** The rows a rule covers: the data rows the sheet starts with, not the total row under them. */
export function dataRows(sheet: ReportSheet): RuleRows {
  const layout = sheetLayout(sheet);
  const leading = sheet.rows.findIndex((row) => row.kind !== 'data');
  const count = leading < 0 ? sheet.rows.length : leading;
  return { first: layout.firstDataRow, last: layout.firstDataRow + count - 1 };
}

/** Chart value columns get a data bar when the model did not already ask for one. */
function rulesWithChartBars(sheet: ReportSheet): SheetRule[] {
  const rules = [...sheet.rules];
  for (const column of sheet.chart?.valueColumns ?? []) {
    if (column >= 0 && !rules.some((r) => r.kind === 'dataBar' && r.column === column)) rules.push({ kind: 'dataBar', column });
  }
  return rules;
}

function chartNote(sheet: ReportSheet): string | null {
  const chart = sheet.chart;
  if (!chart) return null;
  const target = chart.target === null ? '' : ` Цель — ${formatPercent(chart.target, 0)}.`;
  return `Диаграмма «${chart.title}» в файл .xlsx не записывается; длина полосы в ячейке показывает долю.${target}`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * One style object per kind of data cell (number format, tone, total row), shared by every cell
 * of that kind. ExcelJS works out a style's place in the file's style table once per style
 * object it meets: with an object of its own per cell, writing a whole country's lagging list
 * (760 000 cells) took 12 s, most of it serialising the same few styles again and again.
 * Cells given a shared object must not have their style changed one by one afterwards.
 */
class CellStyles {
  private readonly made = new Map<string, Partial<ExcelJS.Style>>();

  of(format: string | null, tone: Tone | null, total: boolean): Partial<ExcelJS.Style> {
    const key = `${format ?? ''}|${tone ?? ''}|${total ? 1 : 0}`;
    let style = this.made.get(key);
    if (!style) {
      style = {};
      if (format) style.numFmt = format;
      if (tone) {
        style.fill = TONE_FILLS[tone];
        style.font = total ? TONE_FONTS_BOLD[tone] : TONE_FONTS[tone];
      } else if (total) style.font = TOTAL_FONT;
      if (total) style.border = TOTAL_BORDER;
      this.made.set(key, style);
    }
    return style;
  }
}

function renderSheet(workbook: ExcelJS.Workbook, sheet: ReportSheet, name: string, styles: CellStyles): void {
  const layout = sheetLayout(sheet);
  const frozen = sheet.frozenColumns > 0 ? `A:${columnLetter(sheet.frozenColumns - 1)}` : undefined;
  const worksheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: layout.headerRow }],
    // District sheets are 30–50 columns wide: fitting them on one page makes them unreadable,
    // so pages repeat the header row and the frozen name columns instead.
    pageSetup: { orientation: 'landscape', printTitlesRow: `${layout.headerRow}:${layout.headerRow}`, ...(frozen ? { printTitlesColumn: frozen } : {}) },
  });
  worksheet.columns = sheet.columns.map((column) => ({ width: column.width + HEADER_WIDTH_PADDING }));

  const values = sheetValues(sheet);
  const tones = sheetTones(sheet);
  const formats = sheet.columns.map((column) => (column.format === 'boolean' ? null : NUMBER_FORMATS[column.format]));
  values.forEach((cells, index) => {
    const rowNumber = index + 1;
    const row = worksheet.getRow(rowNumber);
    const modelRow = rowNumber >= layout.firstDataRow ? sheet.rows[rowNumber - layout.firstDataRow] : undefined;
    const total = modelRow?.kind === 'total';
    cells.forEach((value, column) => {
      const cell = row.getCell(column + 1);
      if (value !== null) cell.value = value;
      if (modelRow) cell.style = styles.of(formats[column] ?? null, tones[index]?.[column] ?? null, total);
    });
  });

  worksheet.getCell(layout.titleRow, 1).font = TITLE_FONT;
  sheet.subtitle.forEach((_, i) => (worksheet.getCell(layout.titleRow + 1 + i, 1).font = SUBTITLE_FONT));
  const header = worksheet.getRow(layout.headerRow);
  header.height = HEADER_HEIGHT;
  for (let column = 1; column <= layout.lastColumn; column++) {
    const cell = header.getCell(column);
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = HEADER_ALIGNMENT;
    cell.border = HEADER_BORDER;
  }

  const rows = dataRows(sheet);
  if (rows.last >= rows.first) {
    worksheet.autoFilter = { from: { row: layout.headerRow, column: 1 }, to: { row: rows.last, column: layout.lastColumn } };
  }
  for (const format of conditionalFormats(rulesWithChartBars(sheet), rows)) worksheet.addConditionalFormatting(format);

  const note = chartNote(sheet);
  const firstValueColumn = sheet.chart?.valueColumns[0];
  if (note && firstValueColumn !== undefined && firstValueColumn >= 0) header.getCell(firstValueColumn + 1).note = note;

  // The model's marker, as the add-ins keep it: a defined name per sheet, so a later run or
  // an add-in can recognise the sheets this tool made.
  workbook.definedNames.add(`${quoteSheet(name)}!$A$1`, markerName(sheet.marker));
}

export function renderWorkbook(report: ReportModel, options: XlsxRenderOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = MARKER;
  workbook.title = report.title;
  workbook.keywords = MARKER;
  workbook.created = options.created ?? new Date();
  workbook.modified = workbook.created;
  const taken = new Set<string>();
  const styles = new CellStyles();
  for (const sheet of report.sheets) {
    const name = freeSheetName(sheet.name, taken);
    taken.add(name);
    renderSheet(workbook, sheet, name, styles);
  }
  return workbook;
}

/** The workbook as file bytes. */
export async function renderXlsx(report: ReportModel, options: XlsxRenderOptions = {}): Promise<Uint8Array> {
  const buffer = await renderWorkbook(report, options).xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
