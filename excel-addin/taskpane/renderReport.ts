/**
 * The report model written as Excel sheets: a translation table, no domain rule. Per sheet:
 * number formats one column at a time (before the values, so text columns stay text), the values
 * in as few blocks as the payload budget allows, header/total looks, live threshold colours as
 * one set of conditional formats per rule, the other tones as fills grouped into multi-area
 * ranges (one call per tone and column batch, never per row), frozen panes and the chart.
 * Everything is queued on one SyncBatch, which syncs only when a batch would pass the budget.
 */
import { columnLetter } from '../../core/findings';
import {
  NUMBER_FORMATS, sheetLayout, sheetValues, TONE_COLORS, TONE_FONT_COLORS, type ReportModel, type ReportSheet, type SheetLayout, type Tone,
} from '../../core/report/model';
import { thresholdConditions } from '../../core/report/highlight';
import { excelValue } from './excelValue';
import type { ExcelRequestContext, ExcelWorksheet } from './excelApi';
import type { ReplacementPlan } from './ownedSheets';
import { jsonBytes, OPERATION_BYTES, rowBlocks, type SyncBatch } from './payload';
import { chartRows } from '../../core/report/writtenExtent';

/** Looks of the parts of a sheet that carry no tone (Office's neutral greys). */
const HEADER_FILL = '#F3F2F1';
const SUBTITLE_COLOR = '#605E5C';
const TITLE_SIZE = 14;
/** Points per character of a column's width in the model, plus padding. */
const POINTS_PER_CHARACTER = 5.6;
const COLUMN_PADDING = 8;
/** Longest address list handed to one getRanges call (Excel caps addresses at 8,192 characters). */
const MAX_AREAS_ADDRESS = 4000;

export interface WrittenSheet {
  readonly sheet: ReportSheet;
  readonly name: string;
  readonly worksheet: ExcelWorksheet;
}

/**
 * Deletes the add-in's sheets the plan drops, clears the ones it rewrites in place (values,
 * looks, rules, frozen panes, the chart) and adds the rest (empty), and syncs, so every id is
 * known; hands them to `created` before writing them: the add-in records them as its own first,
 * and a failure while writing (the user editing a cell, a chart Excel refuses) leaves sheets the
 * next run recognises and rewrites, not strays it must treat as the user's.
 */
export async function renderReport(
  context: ExcelRequestContext,
  batch: SyncBatch,
  report: ReportModel,
  plan: ReplacementPlan,
  progress: (text: string) => void = () => undefined,
  created: (sheets: readonly WrittenSheet[]) => Promise<void> = async () => undefined,
): Promise<WrittenSheet[]> {
  for (const old of plan.remove) {
    await batch.reserve();
    context.workbook.worksheets.getItem(old.id).delete();
  }
  const sheets: WrittenSheet[] = [];
  for (const [index, sheet] of report.sheets.entries()) {
    const name = plan.names[index] ?? sheet.name;
    const reused = plan.reuse[index];
    await batch.reserve(OPERATION_BYTES * 5);
    const worksheet = reused ? cleared(context.workbook.worksheets.getItem(reused.id)) : context.workbook.worksheets.add(name);
    worksheet.load('id,name');
    sheets.push({ sheet, name, worksheet });
  }
  await batch.sync();
  for (const [index, { worksheet }] of sheets.entries()) {
    if (!plan.reuse[index]) continue;
    // Last run's chart, loaded by cleared(): the sheet gets a new one.
    for (const chart of worksheet.charts.items) {
      await batch.reserve();
      chart.delete();
    }
  }
  await created(sheets);
  for (const [index, { sheet, name, worksheet }] of sheets.entries()) {
    progress(`Запись листа «${name}» (${index + 1} из ${sheets.length})…`);
    await writeSheet(worksheet, sheet, batch);
  }
  const first = sheets[0];
  if (first) {
    await batch.reserve();
    first.worksheet.activate();
  }
  await batch.flush();
  return sheets;
}

/** Queues the clearing of a report sheet written before, and the load of its charts (deleted after the sync). */
function cleared(worksheet: ExcelWorksheet): ExcelWorksheet {
  const all = worksheet.getRange();
  all.conditionalFormats.clearAll();
  all.clear('All');
  worksheet.freezePanes.unfreeze();
  worksheet.charts.load('items/name');
  return worksheet;
}

async function writeSheet(worksheet: ExcelWorksheet, sheet: ReportSheet, batch: SyncBatch): Promise<void> {
  const layout = sheetLayout(sheet);
  const width = sheet.columns.length;
  if (width === 0) return;
  const firstData = layout.firstDataRow - 1;
  const dataRows = sheet.rows.length;

  if (dataRows > 0) {
    for (const [column, def] of sheet.columns.entries()) {
      await batch.reserve();
      // One format for the whole column block: Excel copies a single value to every cell.
      worksheet.getRangeByIndexes(firstData, column, dataRows, 1).numberFormat = [[NUMBER_FORMATS[def.format]]];
    }
  }

  const values = sheetValues(sheet).map((row) => row.map(excelValue));
  for (const block of rowBlocks(values, jsonBytes, batch.budget - OPERATION_BYTES)) {
    await batch.reserve(block.bytes + OPERATION_BYTES);
    worksheet.getRangeByIndexes(block.start, 0, block.rows.length, width).values = block.rows;
  }

  await writeLooks(worksheet, sheet, layout, batch);
  await writeTones(worksheet, sheet, layout, batch);
  await writeThresholds(worksheet, sheet, layout, batch);
  await batch.reserve();
  if (sheet.frozenColumns > 0) worksheet.freezePanes.freezeAt(worksheet.getRangeByIndexes(0, 0, layout.headerRow, sheet.frozenColumns));
  else worksheet.freezePanes.freezeRows(layout.headerRow);
  await writeChart(worksheet, sheet, layout, batch);
}

async function writeLooks(worksheet: ExcelWorksheet, sheet: ReportSheet, layout: SheetLayout, batch: SyncBatch): Promise<void> {
  const width = sheet.columns.length;
  await batch.reserve();
  const title = worksheet.getRangeByIndexes(layout.titleRow - 1, 0, 1, 1).format.font;
  title.bold = true;
  title.size = TITLE_SIZE;
  if (sheet.subtitle.length) {
    await batch.reserve();
    worksheet.getRangeByIndexes(layout.titleRow, 0, sheet.subtitle.length, 1).format.font.color = SUBTITLE_COLOR;
  }
  await batch.reserve(OPERATION_BYTES * 4);
  const header = worksheet.getRangeByIndexes(layout.headerRow - 1, 0, 1, width).format;
  header.font.bold = true;
  header.fill.color = HEADER_FILL;
  header.wrapText = true;
  header.verticalAlignment = 'Top';
  for (const [column, def] of sheet.columns.entries()) {
    await batch.reserve();
    worksheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = def.width * POINTS_PER_CHARACTER + COLUMN_PADDING;
  }
  await batch.reserve();
  header.autofitRows();
  // Totals in bold, one call per run of consecutive total rows.
  for (const run of runs(sheet.rows.map((row) => (row.kind === 'total' ? 'total' : null)))) {
    await batch.reserve();
    worksheet.getRangeByIndexes(layout.firstDataRow - 1 + run.start, 0, run.length, width).format.font.bold = true;
  }
}

/** Consecutive equal non-null values: [start, length, value]. */
function runs<T>(values: readonly (T | null)[]): { start: number; length: number; value: T }[] {
  const found: { start: number; length: number; value: T }[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    const last = found[found.length - 1];
    if (last && last.value === value && last.start + last.length === index) last.length++;
    else found.push({ start: index, length: 1, value });
  });
  return found;
}

/**
 * Tones of the columns no threshold rule covers (plan met, profile, severity…) as fills. Runs of
 * one tone in a column become one area; areas of a tone are sent together through getRanges.
 */
async function writeTones(worksheet: ExcelWorksheet, sheet: ReportSheet, layout: SheetLayout, batch: SyncBatch): Promise<void> {
  const live = new Set(sheet.rules.flatMap((rule) => (rule.kind === 'threshold' ? [rule.column] : [])));
  const areas: Record<Tone, string[]> = { good: [], near: [], bad: [] };
  for (let column = 0; column < sheet.columns.length; column++) {
    if (live.has(column)) continue;
    const letter = columnLetter(column);
    for (const run of runs(sheet.rows.map((row) => row.tones[column] ?? null))) {
      const top = layout.firstDataRow + run.start;
      const bottom = top + run.length - 1;
      areas[run.value].push(run.length === 1 ? `${letter}${top}` : `${letter}${top}:${letter}${bottom}`);
    }
  }
  for (const tone of ['good', 'near', 'bad'] as const) {
    for (const address of joinAddresses(areas[tone])) {
      await batch.reserve(address.length + OPERATION_BYTES * 2);
      const format = worksheet.getRanges(address).format;
      format.fill.color = TONE_COLORS[tone];
      format.font.color = TONE_FONT_COLORS[tone];
    }
  }
}

/** Joins areas into comma-separated address lists no longer than MAX_AREAS_ADDRESS. */
function joinAddresses(areas: readonly string[]): string[] {
  const lists: string[] = [];
  let current = '';
  for (const area of areas) {
    if (current && current.length + area.length + 1 > MAX_AREAS_ADDRESS) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${area}` : area;
  }
  if (current) lists.push(current);
  return lists;
}

/** Each threshold rule: three formula-based conditional formats over its column's data rows. */
async function writeThresholds(worksheet: ExcelWorksheet, sheet: ReportSheet, layout: SheetLayout, batch: SyncBatch): Promise<void> {
  if (sheet.rows.length === 0) return;
  for (const rule of sheet.rules) {
    if (rule.kind !== 'threshold') continue; // data bars are for files; the add-ins use colours
    const range = worksheet.getRangeByIndexes(layout.firstDataRow - 1, rule.column, sheet.rows.length, 1);
    const conditions = thresholdConditions(rule, `${columnLetter(rule.column)}${layout.firstDataRow}`);
    // `add` puts each new format first: added in reverse, Excel lists them bad, near, good.
    for (const tone of ['good', 'near', 'bad'] as const) {
      await batch.reserve(OPERATION_BYTES * 4);
      const format = range.conditionalFormats.add('Custom').custom;
      format.rule.formula = `=${conditions[tone]}`;
      format.format.fill.color = TONE_COLORS[tone];
      format.format.font.color = TONE_FONT_COLORS[tone];
    }
  }
}

/**
 * The chart of the ChartSpec: a clustered bar per data row (the total row is left out), the first
 * row at the top, placed under the table. The target is in the title the model gives.
 */
async function writeChart(worksheet: ExcelWorksheet, sheet: ReportSheet, layout: SheetLayout, batch: SyncBatch): Promise<void> {
  const spec = sheet.chart;
  const bars = chartRows(sheet);
  if (!spec || bars === 0) return;
  const firstData = layout.firstDataRow - 1;
  const categories = worksheet.getRangeByIndexes(firstData, spec.categoryColumn, bars, 1);
  await batch.reserve(OPERATION_BYTES * 8);
  const [firstColumn, ...otherColumns] = spec.valueColumns;
  const chart = worksheet.charts.add('BarClustered', worksheet.getRangeByIndexes(firstData, firstColumn ?? 0, bars, 1), 'Columns');
  chart.title.text = spec.title;
  const first = chart.series.getItemAt(0);
  first.setXAxisValues(categories);
  first.name = sheet.columns[firstColumn ?? 0]?.header ?? '';
  for (const column of otherColumns) {
    await batch.reserve(OPERATION_BYTES * 3);
    const series = chart.series.add(sheet.columns[column]?.header ?? '');
    series.setValues(worksheet.getRangeByIndexes(firstData, column, bars, 1));
    series.setXAxisValues(categories);
  }
  chart.legend.visible = spec.valueColumns.length > 1;
  chart.axes.categoryAxis.reversePlotOrder = true;
  chart.axes.valueAxis.numberFormat = NUMBER_FORMATS.percent;
  // Under the table, wide enough for district names, tall enough for one bar per district.
  const top = layout.lastDataRow + 2;
  const lastColumn = Math.min(Math.max(sheet.columns.length - 1, 5), 9);
  const height = Math.max(16, Math.ceil(bars * 0.9) + 6);
  chart.setPosition(`A${top}`, `${columnLetter(lastColumn)}${top + height}`);
}

