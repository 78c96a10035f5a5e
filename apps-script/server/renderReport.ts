/**
 * The report model as Google Sheets: one tab per ReportSheet, written with batched calls only.
 * Per sheet the number of SpreadsheetApp calls is fixed by the model's shape (columns, rules,
 * chart), never by its rows: one setValues, one setNumberFormats, one setBackgrounds… for the
 * whole block. Everything shown (values, formats, tones, thresholds, chart) comes from the
 * model; this file only translates it.
 *
 * Sheets the add-in creates carry developer metadata naming the report sheet they hold, so a
 * re-run writes over its own sheet and never over a user's sheet that happens to have the same
 * name (that one is left alone and ours gets «… (2)», see freeSheetName).
 *
 * The metadata also records the extent the add-in wrote (rows, columns, charts). A tab whose
 * content has grown past it (notes typed beside or below the table, a chart of the user's) is
 * the user's from then on: it is neither cleared nor deleted, only our metadata is taken off it,
 * and the report goes to a new tab (see ownedSheetState).
 */
import {
  MARKER, NUMBER_FORMATS, TONE_COLORS, TONE_FONT_COLORS, addedToByUser, chartRows, freeSheetName, isGivenSheetName, parseWrittenExtent,
  sheetLayout, sheetTones, sheetValues, writtenExtent, type ReportModel, type ReportSheet, type SheetKind, type SheetLayout, type ThresholdRule,
  type WrittenExtent,
} from '../../core';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** Developer-metadata key on every sheet the add-in creates. */
export const SHEET_METADATA_KEY = `${MARKER}:sheet`;


/** What the metadata value records: which report sheet this tab holds, and what was written on it. */
interface SheetIdentity {
  readonly kind: SheetKind;
  /** The name the model asked for (the tab may carry another: «… (2)», or renamed by the user). */
  readonly name: string;
  /** Null in metadata written before the extent was recorded: such a tab is written over as it always was. */
  readonly extent: WrittenExtent | null;
}

export interface WorkbookSheet {
  readonly sheet: Sheet;
  readonly name: string;
  /** Set for sheets the add-in created. */
  readonly identity: SheetIdentity | null;
  /** Our metadata on the tab (null on the user's tabs): rewritten with each report, removed when the tab becomes the user's. */
  readonly tag: DeveloperMetadata | null;
}

/** A report tab the user added to (outside what the add-in wrote): kept as it is, no longer ours. */
export interface KeptSheet {
  readonly name: string;
  /** The tab the new report went to instead; null when this run had nothing to write there (a stale tab that is no longer deleted). */
  readonly replacedBy: string | null;
}

export interface RenderedReport {
  /** The names of the tabs written, in the model's order. */
  readonly sheets: string[];
  readonly kept: KeptSheet[];
}

const HEADER_BACKGROUND = '#F1F3F4';
const TITLE_FONT_SIZE = 14;
/** Sheets' default grid width: report tabs keep it so long title lines are not cut at the last column. */
const MIN_COLUMNS = 26;
/** Roughly one character of the default font, in pixels, plus the cell padding. */
const PIXELS_PER_CHARACTER = 7;
const CELL_PADDING = 12;
const CHART_WIDTH = 760;
const CHART_ROW_HEIGHT = 21;

function readIdentity(value: string | null): SheetIdentity | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const fields = parsed as Record<string, unknown>;
    const { kind, name } = fields;
    return typeof kind === 'string' && typeof name === 'string' ? { kind: kind as SheetKind, name, extent: parseWrittenExtent(fields) } : null;
  } catch {
    return null;
  }
}

function writeIdentity(identity: SheetIdentity): string {
  return JSON.stringify({ kind: identity.kind, name: identity.name, ...identity.extent });
}

/** Every tab with its name, and which report sheet it holds when the add-in made it. */
export function listSheets(spreadsheet: Spreadsheet): WorkbookSheet[] {
  return spreadsheet.getSheets().map((sheet) => {
    const own = sheet.getDeveloperMetadata().find((metadata) => metadata.getKey() === SHEET_METADATA_KEY);
    const identity = own ? readIdentity(own.getValue()) : null;
    return { sheet, name: sheet.getName(), identity, tag: identity ? own ?? null : null };
  });
}

/**
 * Whether an owned tab is still as the add-in left it, with its charts (read here, so the caller
 * can remove them without asking again). Three calls whatever the tab's size: getLastRow,
 * getLastColumn, getCharts; a tab whose metadata records no extent (written before it was
 * recorded) costs only getCharts and counts as untouched, as such tabs always did.
 *
 * Only content beyond the recorded block is seen: a value typed, changed or cleared inside the
 * table, or formatting anywhere, is not detected, and the next report writes over it. Charts are
 * counted, not compared: a user who deletes our chart and adds her own is not detected either.
 */
function ownedSheetState(entry: WorkbookSheet): { edited: boolean; charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[] } {
  const charts = entry.sheet.getCharts();
  const extent = entry.identity?.extent;
  if (!extent) return { edited: false, charts };
  // Both read every time (no short-circuit), so the number of calls is the same for every tab.
  const lastRow = entry.sheet.getLastRow();
  const lastColumn = entry.sheet.getLastColumn();
  return { edited: addedToByUser(extent, { rows: lastRow, columns: lastColumn, charts: charts.length }), charts };
}

/**
 * Hands a tab over to the user: only the add-in's metadata goes (so no later run touches it);
 * every value, chart and format on it stays.
 */
function release(entry: WorkbookSheet): void {
  entry.tag?.remove();
}

const sameSheet = (identity: SheetIdentity | null, report: ReportSheet): boolean =>
  identity !== null && identity.kind === report.kind && identity.name === report.name;

/** Kinds that only the all-district report makes: a new all-district run replaces all of them. */
const ALL_DISTRICT_KINDS: readonly SheetKind[] = ['districts', 'lagging', 'changes'];

/**
 * Writes the report; returns the names of the tabs written, in the model's order, and the report
 * tabs the user had added to, which were kept as they are.
 */
export function renderReport(spreadsheet: Spreadsheet, model: ReportModel): RenderedReport {
  const workbook = listSheets(spreadsheet);
  const taken = new Set(workbook.map((entry) => entry.name));
  let position = workbook.length;
  const written: { sheet: Sheet; name: string }[] = [];
  const kept: KeptSheet[] = [];

  for (const report of model.sheets) {
    const extent = writtenExtent(report);
    const identity: SheetIdentity = { kind: report.kind, name: report.name, extent };
    // A tagged tab the user renamed or copied is the user's now: it is left as it is.
    const own = workbook.find((entry) => sameSheet(entry.identity, report) && isGivenSheetName(entry.name, report.name));
    const state = own ? ownedSheetState(own) : null;
    let sheet: Sheet;
    let name: string;
    if (own && state && !state.edited) {
      // Written over in place rather than deleted and re-inserted: formulas elsewhere that
      // point at the report keep working.
      sheet = own.sheet;
      name = own.name;
      sheet.clear();
      for (const chart of state.charts) sheet.removeChart(chart);
      // This run's extent, which the next run compares with.
      own.tag?.setValue(writeIdentity(identity));
    } else {
      name = freeSheetName(report.name, taken);
      taken.add(name);
      if (own) {
        release(own);
        kept.push({ name: own.name, replacedBy: name });
      }
      sheet = spreadsheet.insertSheet(name, position++);
      sheet.addDeveloperMetadata(SHEET_METADATA_KEY, writeIdentity(identity));
    }
    writeSheet(sheet, report);
    written.push({ sheet, name });
  }

  // Last run's «состав ОО» sheet would otherwise stay behind, stale, when this run has no
  // previous week. Only a tab still named as the add-in named it goes: a renamed or duplicated
  // one («Копия …») is the user's now, and so is one the user added to (kept, told, untagged).
  if (model.sheets.some((report) => report.kind === 'districts')) {
    for (const entry of workbook) {
      const identity = entry.identity;
      if (identity && ALL_DISTRICT_KINDS.includes(identity.kind) && !model.sheets.some((report) => sameSheet(identity, report))
        && isGivenSheetName(entry.name, identity.name)) {
        if (ownedSheetState(entry).edited) {
          release(entry);
          kept.push({ name: entry.name, replacedBy: null });
        } else {
          spreadsheet.deleteSheet(entry.sheet);
        }
      }
    }
  }
  written[0]?.sheet.activate();
  return { sheets: written.map((entry) => entry.name), kept };
}

/** Rows under the table that the chart covers. */
/** Grid rows the chart takes under the table. */
function rowsUnderChart(report: ReportSheet): number {
  return report.chart ? Math.ceil(chartHeight(report) / CHART_ROW_HEIGHT) + 2 : 0;
}

function chartHeight(report: ReportSheet): number {
  return Math.min(2000, 120 + 24 * chartRows(report));
}

function writeSheet(sheet: Sheet, report: ReportSheet): void {
  const layout = sheetLayout(report);
  const values = sheetValues(report).map((row) => row.map((cell) => cell ?? ''));
  const tones = sheetTones(report);
  const width = report.columns.length;
  const height = values.length;
  const firstData = layout.firstDataRow - 1;
  const totalRows = new Set(report.rows.flatMap((row, index) => (row.kind === 'total' ? [firstData + index] : [])));

  fitGrid(sheet, height + 1 + rowsUnderChart(report), Math.max(width, MIN_COLUMNS), layout.headerRow, report.frozenColumns);

  const formats = values.map((row, r) =>
    row.map((_, c) => (r < firstData ? NUMBER_FORMATS.text : NUMBER_FORMATS[report.columns[c]?.format ?? 'text'])));
  const backgrounds = tones.map((row, r) =>
    row.map((tone) => (tone ? TONE_COLORS[tone] : r === layout.headerRow - 1 ? HEADER_BACKGROUND : null)));
  const fontColors = tones.map((row) => row.map((tone) => (tone ? TONE_FONT_COLORS[tone] : null)));
  const bold = (r: number): boolean => r === layout.titleRow - 1 || r === layout.headerRow - 1 || totalRows.has(r);
  const fontWeights = values.map((row, r) => row.map(() => (bold(r) ? 'bold' : 'normal') as GoogleAppsScript.Spreadsheet.FontWeight));

  const block = sheet.getRange(1, 1, height, width);
  // Formats before values, so text columns (ИНН, names) stay text and are not read as numbers.
  block.setNumberFormats(formats);
  block.setValues(values);
  block.setBackgrounds(backgrounds);
  block.setFontColors(fontColors);
  block.setFontWeights(fontWeights);
  sheet.getRange(layout.titleRow, 1).setFontSize(TITLE_FONT_SIZE);
  sheet.getRange(layout.headerRow, 1, 1, width).setWrap(true).setVerticalAlignment('middle');
  setColumnWidths(sheet, report);
  // The tab is the add-in's own and is replaced whole, rules included.
  sheet.setConditionalFormatRules(report.rules.flatMap((rule) => (rule.kind === 'threshold' ? thresholdRules(sheet, rule, layout, report) : [])));
  if (report.chart) insertChart(sheet, report, layout);
}

/**
 * Makes the grid exactly as large as the report (rows) or at least the default width (columns),
 * freezing the header on the way. Always one insert and one delete per dimension, whatever the
 * current size, so the number of calls does not depend on how many rows the report has; the
 * freeze comes between them because a sheet must keep at least one unfrozen row and column.
 */
function fitGrid(sheet: Sheet, rows: number, columns: number, frozenRows: number, frozenColumns: number): void {
  const maxRows = sheet.getMaxRows();
  const addRows = Math.max(0, rows - maxRows) + 1;
  sheet.insertRowsAfter(maxRows, addRows);
  const maxColumns = sheet.getMaxColumns();
  const addColumns = Math.max(0, columns - maxColumns) + 1;
  sheet.insertColumnsAfter(maxColumns, addColumns);
  sheet.setFrozenRows(frozenRows);
  sheet.setFrozenColumns(frozenColumns);
  sheet.deleteRows(rows + 1, maxRows + addRows - rows);
  sheet.deleteColumns(columns + 1, maxColumns + addColumns - columns);
}

/** One setColumnWidths per run of neighbouring columns of the same width. */
function setColumnWidths(sheet: Sheet, report: ReportSheet): void {
  const pixels = report.columns.map((column) => Math.round(column.width * PIXELS_PER_CHARACTER + CELL_PADDING));
  let start = 0;
  for (let i = 1; i <= pixels.length; i++) {
    if (i === pixels.length || pixels[i] !== pixels[start]) {
      sheet.setColumnWidths(start + 1, i - start, pixels[start] ?? 100);
      start = i;
    }
  }
}

/**
 * The model's live colour rule for a share column, as Sheets rules: green at or above the
 * target, red below target − tolerance, yellow in between. Sheets applies the first rule that
 * matches, hence this order.
 */
function thresholdRules(sheet: Sheet, rule: ThresholdRule, layout: SheetLayout, report: ReportSheet): ConditionalFormatRule[] {
  if (report.rows.length === 0) return [];
  const range = sheet.getRange(layout.firstDataRow, rule.column + 1, report.rows.length, 1);
  const low = rule.nearFrom;
  const make = (): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder => SpreadsheetApp.newConditionalFormatRule().setRanges([range]);
  return [
    make().whenNumberGreaterThanOrEqualTo(rule.target).setBackground(TONE_COLORS.good).setFontColor(TONE_FONT_COLORS.good).build(),
    make().whenNumberLessThan(low).setBackground(TONE_COLORS.bad).setFontColor(TONE_FONT_COLORS.bad).build(),
    make().whenNumberLessThan(rule.target).setBackground(TONE_COLORS.near).setFontColor(TONE_FONT_COLORS.near).build(),
  ];
}

/** A bar chart of the data rows (not the total): one bar per category, one series per value column, under the table. */
function insertChart(sheet: Sheet, report: ReportSheet, layout: SheetLayout): void {
  const spec = report.chart;
  const rows = chartRows(report);
  if (!spec || rows === 0) return;
  const column = (index: number): GoogleAppsScript.Spreadsheet.Range => sheet.getRange(layout.headerRow, index + 1, rows + 1, 1);
  const builder = sheet.newChart().asBarChart();
  for (const index of [spec.categoryColumn, ...spec.valueColumns]) builder.addRange(column(index));
  const chart = builder
    .setTitle(spec.title)
    .setNumHeaders(1)
    // One series needs no legend: the title names it.
    .setOption('legend', { position: spec.valueColumns.length > 1 ? 'top' : 'none' })
    // Shares are fractions: the axis shows them as percentages, from zero, so bars compare honestly.
    .setOption('hAxis', { format: 'percent', viewWindow: { min: 0 } })
    .setOption('width', CHART_WIDTH)
    .setOption('height', chartHeight(report))
    .setPosition(layout.lastDataRow + 2, 2, 0, 0)
    .build();
  sheet.insertChart(chart);
}
