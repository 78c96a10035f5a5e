/**
 * The part of the Excel JavaScript API (and of Office's document settings) the add-in uses,
 * written out as interfaces. The backend is typed against these, not against `Excel.*`:
 *  - taskpane.ts hands the real `Excel.run` to the backend, so the compiler checks that the real
 *    API has every member listed here with a compatible type;
 *  - the test fake (test-support/fakeExcel.ts) implements exactly these interfaces, so the fake
 *    and the real API cannot drift apart silently;
 *  - code that only computes costs (the benchmark) compiles without the Office typings.
 * String literals stand for Excel's enums ('Custom', 'BarClustered'…), which Office.js accepts,
 * so nothing here needs the `Excel` global at run time.
 */

export interface ExcelRequestContext {
  readonly workbook: ExcelWorkbook;
  sync(): Promise<unknown>;
}

/** `Excel.run` as the backend calls it. */
export type ExcelRun = <T>(batch: (context: ExcelRequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
}

export interface ExcelWorksheetCollection {
  readonly items: readonly ExcelWorksheet[];
  load(propertyNames?: string | string[]): unknown;
  getActiveWorksheet(): ExcelWorksheet;
  /**
   * By name or by id. A missing sheet fails the whole sync with ItemNotFound: the backend only
   * asks for sheets it has just seen, and explains a failure afterwards (see excelBackend.ts).
   * (`getItemOrNullObject` would not help: methods chained on a null object fail the same way.)
   */
  getItem(key: string): ExcelWorksheet;
  add(name?: string): ExcelWorksheet;
}

export interface ExcelWorksheet {
  readonly id: string;
  readonly name: string;
  readonly isNullObject: boolean;
  readonly freezePanes: ExcelFreezePanes;
  readonly charts: ExcelChartCollection;
  load(propertyNames?: string | string[]): unknown;
  /** Without an address: the whole sheet. */
  getRange(address?: string): ExcelRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange;
  /** Several blocks at once, «A1:A3, C5» (ExcelApi 1.9). */
  getRanges(address?: string): ExcelRangeAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  activate(): void;
  delete(): void;
}

export interface ExcelFreezePanes {
  freezeRows(count?: number): void;
  freezeAt(frozenRange: ExcelRange | string): void;
  /** ExcelApi 1.7. */
  unfreeze(): void;
}

export interface ExcelRange {
  readonly isNullObject: boolean;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Read: the cells' values ('' for empty). Written: one value per cell, or [[v]] for every cell. */
  values: unknown[][];
  numberFormat: unknown[][];
  readonly format: ExcelRangeFormat;
  readonly conditionalFormats: ExcelConditionalFormatCollection;
  load(propertyNames?: string | string[]): unknown;
  /** Values and formats (fills, fonts, number formats) of the range; ExcelApi 1.1. */
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  /** The merged areas that meet this range (ExcelApi 1.13); the sync fails if there are more than 512. */
  getMergedAreasOrNullObject(): ExcelMergedAreas;
}

/** A RangeAreas as the merge look-up loads it: its areas' positions. */
export interface ExcelMergedAreas {
  readonly isNullObject: boolean;
  readonly areas: { readonly items: readonly ExcelRange[] };
  load(propertyNames?: string | string[]): unknown;
}

export interface ExcelRangeFormat {
  readonly fill: ExcelFill;
  readonly font: ExcelFont;
  columnWidth: number;
  wrapText: boolean;
  verticalAlignment: string;
  autofitRows(): void;
}

export interface ExcelFill {
  color: string;
}

export interface ExcelFontColor {
  color: string;
}

export interface ExcelFont extends ExcelFontColor {
  bold: boolean;
  size: number;
}

export interface ExcelRangeAreas {
  readonly format: { readonly fill: ExcelFill; readonly font: ExcelFontColor };
}

export interface ExcelConditionalFormatCollection {
  readonly items: readonly ExcelConditionalFormat[];
  load(propertyNames?: string | string[]): unknown;
  add(type: 'Custom'): ExcelConditionalFormat;
  /** Every conditional format that meets the range (ExcelApi 1.6). */
  clearAll(): void;
}

export interface ExcelConditionalFormat {
  /** 'Custom' for formula-based rules. */
  readonly type: string;
  readonly custom: ExcelCustomConditionalFormat;
  /**
   * Index in the collection the format came from, 0 = evaluated first (ExcelApi 1.6); negative
   * counts from the back. After setting it, Office.js wants the object fetched again before any
   * other change, so it is set last.
   */
  priority: number;
  delete(): void;
}

export interface ExcelCustomConditionalFormat {
  readonly rule: ExcelConditionalFormatRule;
  readonly format: { readonly fill: ExcelFill; readonly font: ExcelFontColor };
}

export interface ExcelConditionalFormatRule {
  /** In English function names, whatever the user's locale. */
  formula: string;
  load(propertyNames?: string | string[]): unknown;
}

export interface ExcelChartCollection {
  /** After load('items/name') and a sync. */
  readonly items: readonly { delete(): void }[];
  /** The number of charts on the sheet, after load('count') and a sync (ExcelApi 1.1). */
  readonly count: number;
  load(propertyNames?: string | string[]): unknown;
  add(type: 'BarClustered', sourceData: ExcelRange, seriesBy?: 'Columns'): ExcelChart;
}

export interface ExcelChart {
  name: string;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(index: number): ExcelChartSeries; add(name?: string): ExcelChartSeries };
  readonly axes: { readonly categoryAxis: { reversePlotOrder: boolean }; readonly valueAxis: { numberFormat: string } };
  setPosition(startCell: ExcelRange | string, endCell?: ExcelRange | string): void;
}

export interface ExcelChartSeries {
  name: string;
  setValues(sourceData: ExcelRange): void;
  setXAxisValues(sourceData: ExcelRange): void;
}

/** Office.context.document.settings: a property bag saved inside the workbook. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}
