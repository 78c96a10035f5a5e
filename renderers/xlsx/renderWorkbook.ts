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
import { PassThrough } from 'stream';
import {
  columnLetter, formatPercent, freeSheetName, MARKER, NUMBER_FORMATS, sheetLayout, sheetTones, sheetValues,
  type ReportModel, type ReportSheet, type SheetRule, type Tone,
} from '../../core';
import { conditionalFormats, type RuleRows } from './conditionalFormats';
import { keepDataBarExtensions, type SheetWriter } from './streamingSheets';
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
 * One style object per kind of cell, shared by every cell of that kind. ExcelJS places a style
 * in the file's style table once per style object it meets: with an object of its own per
 * cell, a whole country's lagging list (760 000 cells) spent most of its writing time
 * serialising the same few styles again and again.
 */
class CellStyles {
  private readonly made = new Map<string, Partial<ExcelJS.Style>>();
  readonly title: Partial<ExcelJS.Style> = { font: TITLE_FONT };
  readonly subtitle: Partial<ExcelJS.Style> = { font: SUBTITLE_FONT };
  readonly header: Partial<ExcelJS.Style> = { font: HEADER_FONT, fill: HEADER_FILL, alignment: HEADER_ALIGNMENT, border: HEADER_BORDER };

  /** A data or total cell: its column's number format, its tone, the total row's font and border. */
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

/**
 * Writes one sheet row by row, top to bottom: the streaming writer sends a row to the file when
 * it is committed, so everything a row carries (title font, header band, the chart note) is set
 * before that. Widths, filter and rules are written when the sheet is committed.
 */
function renderSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ReportSheet, name: string, styles: CellStyles): void {
  const layout = sheetLayout(sheet);
  const frozen = sheet.frozenColumns > 0 ? `A:${columnLetter(sheet.frozenColumns - 1)}` : undefined;
  const worksheet: SheetWriter = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: layout.headerRow }],
    // District sheets are 30–50 columns wide: fitting them on one page makes them unreadable,
    // so pages repeat the header row and the frozen name columns instead.
    pageSetup: { orientation: 'landscape', printTitlesRow: `${layout.headerRow}:${layout.headerRow}`, ...(frozen ? { printTitlesColumn: frozen } : {}) },
  });
  keepDataBarExtensions(worksheet);
  worksheet.columns = sheet.columns.map((column) => ({ width: column.width + HEADER_WIDTH_PADDING }));
  const rows = dataRows(sheet);
  if (rows.last >= rows.first) {
    worksheet.autoFilter = { from: { row: layout.headerRow, column: 1 }, to: { row: rows.last, column: layout.lastColumn } };
  }
  for (const format of conditionalFormats(rulesWithChartBars(sheet), rows)) worksheet.addConditionalFormatting(format);

  const note = chartNote(sheet);
  const noteColumn = sheet.chart?.valueColumns[0];
  const tones = sheetTones(sheet);
  const formats = sheet.columns.map((column) => (column.format === 'boolean' ? null : NUMBER_FORMATS[column.format]));
  sheetValues(sheet).forEach((cells, index) => {
    const rowNumber = index + 1;
    const row = worksheet.getRow(rowNumber);
    cells.forEach((value, column) => {
      if (value !== null) row.getCell(column + 1).value = value;
    });
    const modelRow = rowNumber >= layout.firstDataRow ? sheet.rows[rowNumber - layout.firstDataRow] : undefined;
    if (modelRow) {
      const total = modelRow.kind === 'total';
      cells.forEach((_, column) => (row.getCell(column + 1).style = styles.of(formats[column] ?? null, tones[index]?.[column] ?? null, total)));
    } else if (rowNumber === layout.titleRow) {
      row.getCell(1).style = styles.title;
    } else if (rowNumber > layout.titleRow && rowNumber <= layout.titleRow + sheet.subtitle.length) {
      row.getCell(1).style = styles.subtitle;
    } else if (rowNumber === layout.headerRow) {
      row.height = HEADER_HEIGHT;
      for (let column = 1; column <= layout.lastColumn; column++) row.getCell(column).style = styles.header;
      if (note && noteColumn !== undefined && noteColumn >= 0) row.getCell(noteColumn + 1).note = note;
    }
    row.commit();
  });
  worksheet.commit();

  // The model's marker, as the add-ins keep it: a defined name per sheet, so a later run or
  // an add-in can recognise the sheets this tool made.
  workbook.definedNames.add(`${quoteSheet(name)}!$A$1`, markerName(sheet.marker));
}

/**
 * The report as .xlsx file bytes, written by ExcelJS's streaming writer: each row goes to the
 * file as it is made. Building the whole workbook of cell objects first, as ExcelJS's other
 * writer does, took a whole country's report (40 000 lagging schools) 8 s and a gigabyte.
 */
export async function renderXlsx(report: ReportModel, options: XlsxRenderOptions = {}): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const drained = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const created = options.created ?? new Date();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.creator = MARKER;
  workbook.lastModifiedBy = MARKER;
  workbook.title = report.title;
  workbook.keywords = MARKER;
  workbook.created = created;
  workbook.modified = created;
  const styles = new CellStyles();
  const taken = new Set<string>();
  for (const sheet of report.sheets) {
    const name = freeSheetName(sheet.name, taken);
    taken.add(name);
    renderSheet(workbook, sheet, name, styles);
  }
  await workbook.commit();
  await drained;
  return new Uint8Array(Buffer.concat(chunks));
}
