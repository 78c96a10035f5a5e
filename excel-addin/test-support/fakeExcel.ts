/**
 * A hand-written fake of the few Excel objects the add-in uses (excelApi.ts), with Office.js's
 * proxy semantics: calls are queued, nothing happens and nothing can be read until
 * `context.sync()`, a property is readable only after it was loaded, a missing sheet fails the
 * sync with ItemNotFound. It records every call, every sync and the bytes each sync sends and
 * receives (JSON in UTF-8, as Excel on the web transfers them), so tests can count round trips
 * and check the 5 MB limit.
 *
 * Self-contained on purpose (type imports only): the browser test transpiles this one file and
 * runs the real task pane against it in Chromium.
 */
import type {
  DocumentSettings, ExcelChart, ExcelChartCollection, ExcelChartSeries, ExcelConditionalFormat, ExcelConditionalFormatCollection,
  ExcelConditionalFormatRule, ExcelCustomConditionalFormat, ExcelFill, ExcelFont, ExcelFontColor, ExcelFreezePanes, ExcelMergedAreas, ExcelRange,
  ExcelRangeAreas, ExcelRangeFormat, ExcelRequestContext, ExcelRun, ExcelWorkbook, ExcelWorksheet, ExcelWorksheetCollection,
} from '../taskpane/excelApi';

export type FakeCell = string | number | boolean;

/** A block of cells, zero-based and inclusive. */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export interface FakeCellLook {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  size?: number;
  wrap?: boolean;
  verticalAlignment?: string;
}

export interface FakeConditionalFormat {
  readonly id: string;
  readonly type: string;
  readonly rect: Rect;
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export interface FakeChart {
  /** The fake's own handle of the chart (not part of what the user sees). */
  readonly key: string;
  readonly type: string;
  readonly source: Rect;
  title: string;
  name: string;
  legendVisible: boolean;
  reversePlotOrder: boolean;
  valueAxisFormat: string;
  position: { start: string; end: string } | null;
  readonly series: { name: string; values: Rect; xValues: Rect | null }[];
}

export interface FakeSheet {
  readonly id: string;
  name: string;
  values: FakeCell[][];
  numberFormats: (string | undefined)[][];
  looks: Map<string, FakeCellLook>;
  columnWidths: Map<number, number>;
  autofitRows: Rect[];
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  freeze: { rows: number; columns: number } | null;
  /** Texts written through `values` that Excel would have taken for formulas («=…»). */
  formulasWritten: string[];
  /** Merged blocks of cells (FakeExcel.merge). */
  merges: Rect[];
}

/** Excel fails a merge look-up that meets more than this many merged areas. */
export const MERGED_AREAS_LIMIT = 512;

/** One queued call, as recorded. */
export interface FakeCall {
  readonly sync: number;
  readonly path: string;
  /** 'load', 'set' (a property), or 'call' (a method). */
  readonly kind: 'load' | 'set' | 'call';
  readonly member: string;
  readonly sheetId: string | null;
  readonly bytes: number;
}

export interface FakeSync {
  readonly calls: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly failed: string | null;
}

/** Errors as Office.js raises them: a code and a message. */
export class FakeOfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

const encoder = new TextEncoder();
function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

export function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

export function columnName(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** «B3», «B3:D9», «3:300», «B:B», with or without $. */
export function parseAddress(address: string): Rect {
  const text = address.replace(/\$/g, '').trim();
  const cell = /^([A-Z]+)(\d+)$/i;
  const [from, to = from] = text.split(':') as [string, string?];
  const a = from.trim();
  const b = (to ?? from).trim();
  const ca = cell.exec(a);
  const cb = cell.exec(b);
  if (ca && cb) {
    return normalize({ r0: Number(ca[2]) - 1, c0: columnIndex(ca[1] ?? 'A'), r1: Number(cb[2]) - 1, c1: columnIndex(cb[1] ?? 'A') });
  }
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return normalize({ r0: Number(a) - 1, c0: 0, r1: Number(b) - 1, c1: MAX_COLUMNS - 1 });
  if (/^[A-Z]+$/i.test(a) && /^[A-Z]+$/i.test(b)) return normalize({ r0: 0, c0: columnIndex(a), r1: MAX_ROWS - 1, c1: columnIndex(b) });
  throw new FakeOfficeError('InvalidArgument', `bad address «${address}»`);
}

export function formatAddress(rect: Rect): string {
  const a = `${columnName(rect.c0)}${rect.r0 + 1}`;
  const b = `${columnName(rect.c1)}${rect.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function normalize(rect: Rect): Rect {
  return { r0: Math.min(rect.r0, rect.r1), c0: Math.min(rect.c0, rect.c1), r1: Math.max(rect.r0, rect.r1), c1: Math.max(rect.c0, rect.c1) };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function cells(rect: Rect, each: (row: number, column: number) => void): void {
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) each(r, c);
}

function valueAt(sheet: FakeSheet, row: number, column: number): FakeCell {
  return sheet.values[row]?.[column] ?? '';
}

/** The bounding box of non-empty cells, or null. */
export function usedRect(sheet: FakeSheet): Rect | null {
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  sheet.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === '' || value === undefined || value === null) return;
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    });
  });
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

/** Office's settings bag: `set` changes memory, `saveAsync` writes it "into the file". */
export class FakeSettings implements DocumentSettings {
  readonly memory = new Map<string, unknown>();
  readonly saved = new Map<string, unknown>();
  saves = 0;
  get(name: string): unknown {
    return this.memory.has(name) ? this.memory.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.memory.set(name, value);
  }
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void {
    this.saves++;
    for (const [key, value] of this.memory) this.saved.set(key, value);
    setTimeout(() => callback?.({ status: 'succeeded' }), 0);
  }
}

interface Op {
  readonly path: string;
  readonly kind: FakeCall['kind'];
  readonly member: string;
  readonly args: unknown;
  /** Runs at sync time; returns the response data (loads), if any. */
  readonly apply: () => unknown;
  readonly sheetId: () => string | null;
}

/** The workbook behind every context. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new FakeSettings();
  readonly calls: FakeCall[] = [];
  readonly syncs: FakeSync[] = [];
  activeId: string | null = null;
  /**
   * Bytes a request or response may carry, as Excel on the web enforces (null: desktop Excel, no
   * limit). A request over it fails whole, before anything is applied.
   */
  payloadLimit: number | null = null;
  /** An operation to refuse once, as Excel refuses one (a cell in edit mode, a chart it cannot make). */
  private refusal: { member: string; code: string; skip: number } | null = null;

  /**
   * The next operation on `member` (after `skip` that pass) fails with `code`. As in Office, a
   * failed sync has already applied the operations queued before the one that failed.
   */
  refuseNext(member: string, code = 'GeneralException', skip = 0): void {
    this.refusal = { member, code, skip };
  }
  private nextId = 1;

  constructor(sheets: readonly { name: string; values?: readonly (readonly FakeCell[])[] }[] = []) {
    for (const sheet of sheets) this.addSheet(sheet.name, sheet.values ?? []);
  }

  /** Excel.run for the backend. */
  readonly run: ExcelRun = async <T>(batch: (context: ExcelRequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context);
    // Excel.run sends whatever is still queued when the batch returns.
    if (context.pending.length) await context.sync();
    return result;
  };

  newId(): string {
    return `{SHEET-${this.nextId++}}`;
  }

  addSheet(name: string, values: readonly (readonly FakeCell[])[] = [], id = this.newId()): FakeSheet {
    const sheet: FakeSheet = {
      id, name, values: values.map((row) => [...row]), numberFormats: [], looks: new Map(), columnWidths: new Map(), autofitRows: [],
      conditionalFormats: [], charts: [], freeze: null, formulasWritten: [], merges: [],
    };
    this.sheets.push(sheet);
    this.activeId ??= sheet.id;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const found = this.findSheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  findSheet(key: string): FakeSheet | undefined {
    const lower = key.toLocaleLowerCase();
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name.toLocaleLowerCase() === lower);
  }

  activate(name: string): void {
    this.activeId = this.sheet(name).id;
  }

  /** Merges cells as Excel does: the top-left value stays, the others are cleared. */
  merge(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const rect = parseAddress(address);
    cells(rect, (r, c) => {
      if ((r !== rect.r0 || c !== rect.c0) && sheet.values[r]) (sheet.values[r] as FakeCell[])[c] = '';
    });
    sheet.merges.push(rect);
  }

  /** A conditional format the user made himself. */
  addUserFormat(sheetName: string, address: string, formula: string, fill = '#FFFF00'): FakeConditionalFormat {
    const format: FakeConditionalFormat = { id: `user-${this.nextId++}`, type: 'Custom', rect: parseAddress(address), formula, fill, fontColor: null };
    this.sheet(sheetName).conditionalFormats.push(format);
    return format;
  }

  /** A chart the user made himself (a pie over one cell: only that it is there matters). */
  addUserChart(sheetName: string, title = 'моя диаграмма'): FakeChart {
    const chart: FakeChart = {
      key: `user-chart-${this.nextId++}`, type: 'Pie', source: { r0: 0, c0: 0, r1: 0, c1: 0 }, title, name: title, legendVisible: true,
      reversePlotOrder: false, valueAxisFormat: 'General', position: null, series: [],
    };
    this.sheet(sheetName).charts.push(chart);
    return chart;
  }

  clearLog(): void {
    this.calls.length = 0;
    this.syncs.length = 0;
  }

  largestPayload(): number {
    return Math.max(0, ...this.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)));
  }

  /** The workbook as a user sees it (no ids), to compare two runs. */
  snapshot(): unknown {
    const names = new Map(this.sheets.map((s) => [s.id, s.name]));
    const settings = [...this.settings.saved.entries()]
      .map(([key, value]) => [key, typeof value === 'string' ? value.replace(/\{SHEET-\d+\}/g, (id) => `#${names.get(id) ?? 'gone'}`) : value])
      .sort();
    return {
      active: this.activeId ? names.get(this.activeId) : null,
      settings,
      sheets: this.sheets.map((s) => ({
        name: s.name,
        values: s.values.map((row) => row.map((v) => v)),
        numberFormats: s.numberFormats,
        looks: [...s.looks.entries()].sort(),
        columnWidths: [...s.columnWidths.entries()].sort(),
        conditionalFormats: s.conditionalFormats.map((f) => ({ rect: f.rect, type: f.type, formula: f.formula, fill: f.fill, font: f.fontColor })),
        charts: s.charts.map(({ key, ...chart }) => (void key, chart)),
        freeze: s.freeze,
      })),
    };
  }

  executeSync(context: FakeContext): void {
    const ops = context.pending.splice(0);
    const index = this.syncs.length;
    let requestBytes = 0;
    let responseBytes = 0;
    let failed: string | null = null;
    context.deliveries.length = 0;
    try {
      const sizes = ops.map((op) => jsonBytes({ path: op.path, member: op.member, args: op.args }));
      requestBytes = sizes.reduce((sum, bytes) => sum + bytes, 0);
      if (this.payloadLimit !== null && requestBytes > this.payloadLimit) {
        throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes is over the ${this.payloadLimit}-byte limit`);
      }
      ops.forEach((op, i) => {
        if (this.refusal?.member === op.member && this.refusal.skip-- === 0) {
          const { code } = this.refusal;
          this.refusal = null;
          throw new FakeOfficeError(code, `${op.member} refused`);
        }
        this.calls.push({ sync: index, path: op.path, kind: op.kind, member: op.member, sheetId: safeSheetId(op), bytes: sizes[i] ?? 0 });
        const response = op.apply();
        if (response !== undefined) responseBytes += jsonBytes(response);
      });
      if (this.payloadLimit !== null && responseBytes > this.payloadLimit) {
        throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `response of ${responseBytes} bytes is over the ${this.payloadLimit}-byte limit`);
      }
      for (const deliver of context.deliveries.splice(0)) deliver();
    } catch (error) {
      failed = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      this.syncs.push({ calls: ops.length, requestBytes, responseBytes, failed });
    }
  }
}

function safeSheetId(op: Op): string | null {
  try {
    return op.sheetId();
  } catch {
    return null;
  }
}

class FakeContext implements ExcelRequestContext {
  readonly pending: Op[] = [];
  /** Loaded values of the sync under way, handed over only if it succeeds. */
  readonly deliveries: (() => void)[] = [];
  readonly workbook: ExcelWorkbook;
  constructor(readonly book: FakeExcel) {
    this.workbook = { worksheets: new WorksheetsProxy(this) };
  }
  async sync(): Promise<unknown> {
    await Promise.resolve();
    this.book.executeSync(this);
    return undefined;
  }
  queue(op: Op): void {
    this.pending.push(op);
  }
}

/** What every proxy shares: its path, loaded properties, and queuing. */
abstract class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly context: FakeContext, readonly path: string) {}

  protected abstract sheetId(): string | null;

  /** A loaded value, readable only once its sync succeeds: a failed sync returns no data at all. */
  protected deliver(name: string, value: unknown): void {
    this.context.deliveries.push(() => this.loaded.set(name, value));
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw new FakeOfficeError('PropertyNotLoaded', `${this.path}.${name} was not loaded (call load and sync first)`);
    return this.loaded.get(name) as T;
  }

  protected op(kind: Op['kind'], member: string, args: unknown, apply: () => unknown): void {
    this.context.queue({ path: this.path, kind, member, args, apply, sheetId: () => this.sheetId() });
  }

  /** Queues a load of plain properties; `value(name)` produces each at sync time. */
  protected queueLoad(names: string | string[] | undefined, value: (name: string) => unknown): void {
    const list = (Array.isArray(names) ? names : (names ?? '').split(',')).map((n) => n.trim()).filter(Boolean);
    this.op('load', list.join(','), null, () => {
      const data: Record<string, unknown> = {};
      for (const name of list) {
        data[name] = value(name);
        this.deliver(name, data[name]);
      }
      return data;
    });
  }
}

class WorksheetsProxy extends Proxy implements ExcelWorksheetCollection {
  constructor(context: FakeContext) {
    super(context, 'worksheets');
  }
  protected sheetId(): null {
    return null;
  }
  get items(): readonly ExcelWorksheet[] {
    return this.read<ExcelWorksheet[]>('items');
  }
  load(propertyNames?: string | string[]): unknown {
    const fields = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(','))
      .map((n) => n.trim().replace(/^items\//, ''))
      .filter(Boolean);
    this.op('load', `items(${fields.join(',')})`, null, () => {
      const items = this.context.book.sheets.map((sheet) => {
        const proxy = new SheetProxy(this.context, { id: sheet.id });
        proxy.preload(fields, sheet);
        return proxy;
      });
      this.deliver('items', items);
      return this.context.book.sheets.map((sheet) => Object.fromEntries(fields.map((f) => [f, f === 'id' ? sheet.id : f === 'name' ? sheet.name : null])));
    });
    return this;
  }
  getActiveWorksheet(): ExcelWorksheet {
    return new SheetProxy(this.context, { active: true });
  }
  getItem(key: string): ExcelWorksheet {
    return new SheetProxy(this.context, { key });
  }
  add(name?: string): ExcelWorksheet {
    const book = this.context.book;
    const id = book.newId();
    this.op('call', 'add', [name], () => {
      const wanted = name ?? `Лист${book.sheets.length + 1}`;
      if (wanted.length === 0 || wanted.length > 31 || /[:\\/?*[\]]/.test(wanted) || /^'|'$/.test(wanted)) {
        throw new FakeOfficeError('InvalidArgument', `bad sheet name «${wanted}»`);
      }
      if (book.findSheet(wanted)) throw new FakeOfficeError('ItemAlreadyExists', `a sheet «${wanted}» exists`);
      book.addSheet(wanted, [], id);
    });
    return new SheetProxy(this.context, { id });
  }
}

type SheetRef = { readonly id: string } | { readonly key: string } | { readonly active: true };

class SheetProxy extends Proxy implements ExcelWorksheet {
  readonly freezePanes: ExcelFreezePanes;
  readonly charts: ExcelChartCollection;

  constructor(context: FakeContext, private readonly ref: SheetRef) {
    super(context, 'id' in ref ? `worksheet(${ref.id})` : 'key' in ref ? `worksheet(${ref.key})` : 'activeWorksheet');
    const sheetProxy = this;
    this.freezePanes = {
      freezeRows: (count = 1) => this.op('call', 'freezePanes.freezeRows', [count], () => {
        this.resolve().freeze = { rows: count, columns: 0 };
      }),
      freezeAt: (frozen: ExcelRange | string) => this.op('call', 'freezePanes.freezeAt', [typeof frozen === 'string' ? frozen : (frozen as RangeProxy).path], () => {
        const sheet = this.resolve();
        const rect = typeof frozen === 'string' ? parseAddress(frozen) : (frozen as RangeProxy).rect();
        if (!rect) throw new FakeOfficeError('InvalidArgument', 'freeze at a null range');
        sheet.freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
      }),
      unfreeze: () => this.op('call', 'freezePanes.unfreeze', [], () => {
        this.resolve().freeze = null;
      }),
    };
    let loadedCharts: { delete(): void }[] | null = null;
    let loadedCount: number | null = null;
    this.charts = {
      add(type: 'BarClustered', sourceData: ExcelRange, seriesBy?: 'Columns'): ExcelChart {
        return new ChartProxy(context, sheetProxy, type, sourceData as RangeProxy, seriesBy ?? 'Auto');
      },
      load: (propertyNames?: string | string[]) => {
        const names = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(',')).map((n) => n.trim()).filter(Boolean);
        if (names.includes('count')) {
          this.op('load', 'charts.count', null, () => {
            const count = this.resolve().charts.length;
            this.context.deliveries.push(() => (loadedCount = count));
            return { count };
          });
          if (names.length === 1) return this.charts;
        }
        this.op('load', 'charts.items(name)', null, () => {
          loadedCharts = this.resolve().charts.map(({ key }) => ({
            delete: () => this.op('call', 'chart.delete', [], () => {
              const list = this.resolve().charts;
              const index = list.findIndex((c) => c.key === key);
              if (index < 0) throw new FakeOfficeError('ItemNotFound', 'chart does not exist');
              list.splice(index, 1);
            }),
          }));
          return this.resolve().charts.map(({ name }) => ({ name }));
        });
        return this.charts;
      },
      get items(): readonly { delete(): void }[] {
        if (!loadedCharts) throw new FakeOfficeError('PropertyNotLoaded', 'charts.items was not loaded');
        return loadedCharts;
      },
      get count(): number {
        if (loadedCount === null) throw new FakeOfficeError('PropertyNotLoaded', 'charts.count was not loaded');
        return loadedCount;
      },
    };
  }

  resolve(): FakeSheet {
    const book = this.context.book;
    const sheet = 'id' in this.ref ? book.findSheet(this.ref.id) : 'key' in this.ref ? book.findSheet(this.ref.key) : book.sheets.find((s) => s.id === book.activeId);
    if (!sheet) throw new FakeOfficeError('ItemNotFound', `${this.path} does not exist`);
    return sheet;
  }

  protected sheetId(): string {
    return this.resolve().id;
  }

  /** Properties known from a collection load. */
  preload(fields: readonly string[], sheet: FakeSheet): void {
    for (const field of fields) this.loaded.set(field, field === 'id' ? sheet.id : field === 'name' ? sheet.name : null);
  }

  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  get isNullObject(): boolean {
    return false;
  }

  load(propertyNames?: string | string[]): unknown {
    this.queueLoad(propertyNames, (name) => {
      const sheet = this.resolve();
      return name === 'id' ? sheet.id : name === 'name' ? sheet.name : null;
    });
    return this;
  }

  getRange(address?: string): ExcelRange {
    if (address !== undefined && address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'address longer than 8192');
    const rect = address === undefined ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } : parseAddress(address);
    return new RangeProxy(this.context, this, `${this.path}.range(${address ?? '*'})`, () => rect);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange {
    if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError('InvalidArgument', 'empty range');
    const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
    return new RangeProxy(this.context, this, `${this.path}.range(${formatAddress(rect)})`, () => rect);
  }

  getRanges(address?: string): ExcelRangeAreas {
    if (address === undefined || address.length > 8192) throw new FakeOfficeError('InvalidArgument', 'getRanges needs an address under 8192 characters');
    const rects = address.split(/[,;]/).map(parseAddress);
    return new AreasProxy(this.context, this, rects);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange {
    void valuesOnly; // the fake's used range is always by values
    return new RangeProxy(this.context, this, `${this.path}.usedRange`, () => usedRect(this.resolve()), true);
  }

  activate(): void {
    this.op('call', 'activate', [], () => {
      this.context.book.activeId = this.resolve().id;
    });
  }

  delete(): void {
    this.op('call', 'delete', [], () => {
      const book = this.context.book;
      const sheet = this.resolve();
      if (book.sheets.length === 1) throw new FakeOfficeError('InvalidOperation', 'cannot delete the last sheet');
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      if (book.activeId === sheet.id) book.activeId = book.sheets[0]?.id ?? null;
    });
  }
}

/** Cell looks of a range: the same setter for a Range and a RangeAreas. */
function lookSetter(proxy: { queueLook(member: string, value: unknown, set: (look: FakeCellLook) => void): void }, prefix: string): { fill: ExcelFill; font: ExcelFont } {
  const fill = {} as ExcelFill;
  Object.defineProperty(fill, 'color', { set: (v: string) => proxy.queueLook(`${prefix}fill.color`, v, (l) => (l.fill = v)), get: () => { throw new FakeOfficeError('PropertyNotLoaded', 'fill.color'); } });
  const font = {} as ExcelFont;
  Object.defineProperty(font, 'color', { set: (v: string) => proxy.queueLook(`${prefix}font.color`, v, (l) => (l.fontColor = v)), get: () => { throw new FakeOfficeError('PropertyNotLoaded', 'font.color'); } });
  Object.defineProperty(font, 'bold', { set: (v: boolean) => proxy.queueLook(`${prefix}font.bold`, v, (l) => (l.bold = v)), get: () => { throw new FakeOfficeError('PropertyNotLoaded', 'font.bold'); } });
  Object.defineProperty(font, 'size', { set: (v: number) => proxy.queueLook(`${prefix}font.size`, v, (l) => (l.size = v)), get: () => { throw new FakeOfficeError('PropertyNotLoaded', 'font.size'); } });
  return { fill, font };
}

function lookOf(sheet: FakeSheet, row: number, column: number): FakeCellLook {
  const key = `${row},${column}`;
  let look = sheet.looks.get(key);
  if (!look) sheet.looks.set(key, (look = {}));
  return look;
}

class RangeProxy extends Proxy implements ExcelRange {
  readonly format: ExcelRangeFormat;
  readonly conditionalFormats: ExcelConditionalFormatCollection;

  constructor(context: FakeContext, readonly sheet: SheetProxy, path: string, private readonly locate: () => Rect | null, private readonly nullable = false) {
    super(context, path);
    const { fill, font } = lookSetter(this, 'format.');
    const format = { fill, font, autofitRows: () => this.op('call', 'format.autofitRows', [], () => this.sheet.resolve().autofitRows.push(this.need())) } as ExcelRangeFormat;
    Object.defineProperty(format, 'columnWidth', {
      set: (v: number) => this.op('set', 'format.columnWidth', v, () => {
        const rect = this.need();
        for (let c = rect.c0; c <= rect.c1; c++) this.sheet.resolve().columnWidths.set(c, v);
      }),
    });
    Object.defineProperty(format, 'wrapText', { set: (v: boolean) => this.queueLook('format.wrapText', v, (l) => (l.wrap = v)) });
    Object.defineProperty(format, 'verticalAlignment', { set: (v: string) => this.queueLook('format.verticalAlignment', v, (l) => (l.verticalAlignment = v)) });
    this.format = format;
    this.conditionalFormats = new FormatsProxy(context, this);
  }

  protected sheetId(): string {
    return this.sheet.resolve().id;
  }

  rect(): Rect | null {
    return this.locate();
  }

  need(): Rect {
    const rect = this.locate();
    if (!rect) throw new FakeOfficeError('InvalidReference', `${this.path} is a null object`);
    return rect;
  }

  queueLook(member: string, value: unknown, set: (look: FakeCellLook) => void): void {
    this.op('set', member, value, () => {
      const sheet = this.sheet.resolve();
      cells(this.need(), (r, c) => set(lookOf(sheet, r, c)));
    });
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(values: unknown[][]) {
    this.op('set', 'values', values, () => this.write(values, (sheet, r, c, v) => {
      let value = v as FakeCell;
      if (typeof value === 'string' && value.startsWith("'")) value = value.slice(1); // Excel's "this is text" prefix
      else if (typeof value === 'string' && value.startsWith('=')) sheet.formulasWritten.push(value);
      (sheet.values[r] ??= [])[c] = value;
    }));
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }

  /** Excel's Range.clear: values, number formats and looks (fills, fonts) inside the range. */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.op('call', 'clear', [applyTo], () => {
      const rect = this.need();
      const sheet = this.sheet.resolve();
      const inside = (r: number, c: number): boolean => r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;
      // Only the cells that hold something are visited: the range may be the whole sheet. What
      // is left is stored as a sheet written afresh would be (no holes, no trailing empty rows),
      // so a rewritten sheet compares equal to a new one.
      const clearGrid = (grid: unknown[][]): void => {
        grid.forEach((row, r) => {
          if (!row) return;
          const kept = row.map((value, c) => (inside(r, c) ? undefined : value));
          while (kept.length > 0 && kept[kept.length - 1] === undefined) kept.pop();
          grid[r] = kept;
        });
        while (grid.length > 0 && (grid[grid.length - 1]?.length ?? 0) === 0) grid.pop();
      };
      if (applyTo !== 'Formats') clearGrid(sheet.values);
      if (applyTo === 'Contents') return;
      clearGrid(sheet.numberFormats);
      for (const key of [...sheet.looks.keys()]) {
        const [r = -1, c = -1] = key.split(',').map(Number);
        if (inside(r, c)) sheet.looks.delete(key);
      }
    });
  }
  set numberFormat(formats: unknown[][]) {
    this.op('set', 'numberFormat', formats, () => this.write(formats, (sheet, r, c, v) => {
      (sheet.numberFormats[r] ??= [])[c] = String(v);
    }));
  }

  /** A 2-D write: one value per cell, or a single value copied to every cell (Excel's "single input copy"). */
  private write(data: unknown[][], put: (sheet: FakeSheet, row: number, column: number, value: unknown) => void): void {
    const rect = this.need();
    const sheet = this.sheet.resolve();
    const rows = rect.r1 - rect.r0 + 1;
    const columns = rect.c1 - rect.c0 + 1;
    const single = data.length === 1 && data[0]?.length === 1;
    if (!single && (data.length !== rows || data.some((row) => row.length !== columns))) {
      throw new FakeOfficeError('InvalidArgument', `${this.path}: ${data.length}×${data[0]?.length ?? 0} values for ${rows}×${columns} cells`);
    }
    cells(rect, (r, c) => {
      const value = single ? data[0]?.[0] : data[r - rect.r0]?.[c - rect.c0];
      if (value === null || value === undefined) return; // null leaves a cell as it is
      put(sheet, r, c, value);
    });
  }

  load(propertyNames?: string | string[]): unknown {
    this.queueLoad(propertyNames, (name) => {
      const rect = this.locate();
      if (name === 'isNullObject') return rect === null;
      if (!rect) {
        if (this.nullable) return null;
        throw new FakeOfficeError('InvalidReference', `${this.path} is a null object`);
      }
      const sheet = this.sheet.resolve();
      switch (name) {
        case 'rowIndex': return rect.r0;
        case 'columnIndex': return rect.c0;
        case 'rowCount': return rect.r1 - rect.r0 + 1;
        case 'columnCount': return rect.c1 - rect.c0 + 1;
        case 'address': return `${sheet.name}!${formatAddress(rect)}`;
        case 'values': {
          const out: FakeCell[][] = [];
          for (let r = rect.r0; r <= rect.r1; r++) {
            const row: FakeCell[] = [];
            for (let c = rect.c0; c <= rect.c1; c++) row.push(valueAt(sheet, r, c));
            out.push(row);
          }
          return out;
        }
        default: throw new FakeOfficeError('InvalidArgument', `the fake cannot load Range.${name}`);
      }
    });
    // After any sync, a null object knows it is one.
    if (this.nullable) this.op('load', 'isNullObject', null, () => void this.deliver('isNullObject', this.locate() === null));
    return this;
  }

  getMergedAreasOrNullObject(): ExcelMergedAreas {
    return new MergedAreasProxy(this.context, this);
  }
}

/** The merged areas a look-up finds in a range: each area's position, as Excel's RangeAreas.areas gives them. */
class MergedAreasProxy extends Proxy implements ExcelMergedAreas {
  constructor(context: FakeContext, private readonly range: RangeProxy) {
    super(context, `${range.path}.mergedAreas`);
  }
  protected sheetId(): string {
    return this.range.sheet.resolve().id;
  }
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }
  get areas(): { readonly items: readonly ExcelRange[] } {
    const found = this.read<Rect[]>('areas');
    return { items: found.map((rect) => ({ rowIndex: rect.r0, columnIndex: rect.c0, rowCount: rect.r1 - rect.r0 + 1, columnCount: rect.c1 - rect.c0 + 1 }) as unknown as ExcelRange) };
  }
  load(propertyNames?: string | string[]): unknown {
    const names = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(',')).map((n) => n.trim());
    if (names.some((name) => !/^(isNullObject|areas\/items\/(rowIndex|columnIndex|rowCount|columnCount))$/.test(name))) {
      throw new FakeOfficeError('InvalidArgument', `the fake cannot load ${names.join(',')} of merged areas`);
    }
    this.op('load', names.join(','), null, () => {
      const rect = this.range.need();
      // As Excel does (office-js issue #3611): only merges whose top-left cell is in the range, whole.
      const found = this.range.sheet.resolve().merges.filter((merge) => merge.r0 >= rect.r0 && merge.r0 <= rect.r1 && merge.c0 >= rect.c0 && merge.c0 <= rect.c1);
      if (found.length > MERGED_AREAS_LIMIT) throw new FakeOfficeError('GeneralException', `${found.length} merged areas: more than ${MERGED_AREAS_LIMIT}`);
      this.deliver('isNullObject', found.length === 0);
      this.deliver('areas', found);
      return found.map(formatAddress);
    });
    return this;
  }
}

class AreasProxy extends Proxy implements ExcelRangeAreas {
  readonly format: { readonly fill: ExcelFill; readonly font: ExcelFontColor };
  constructor(context: FakeContext, private readonly sheet: SheetProxy, private readonly rects: readonly Rect[]) {
    super(context, `${sheet.path}.ranges(${rects.map(formatAddress).join(',')})`);
    this.format = lookSetter(this, 'format.');
  }
  protected sheetId(): string {
    return this.sheet.resolve().id;
  }
  queueLook(member: string, value: unknown, set: (look: FakeCellLook) => void): void {
    this.op('set', member, value, () => {
      const sheet = this.sheet.resolve();
      for (const rect of this.rects) cells(rect, (r, c) => set(lookOf(sheet, r, c)));
    });
  }
}

class FormatsProxy extends Proxy implements ExcelConditionalFormatCollection {
  constructor(context: FakeContext, private readonly range: RangeProxy) {
    super(context, `${range.path}.conditionalFormats`);
  }
  protected sheetId(): string {
    return this.range.sheet.resolve().id;
  }
  get items(): readonly ExcelConditionalFormat[] {
    return this.read('items');
  }
  load(propertyNames?: string | string[]): unknown {
    const fields = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(',')).map((n) => n.trim().replace(/^items\//, ''));
    if (fields.some((f) => f !== 'type')) throw new FakeOfficeError('InvalidArgument', 'the fake loads only items/type of conditional formats');
    this.op('load', 'items(type)', null, () => {
      const sheet = this.range.sheet.resolve();
      const rect = this.range.need();
      const found = sheet.conditionalFormats.filter((f) => intersects(f.rect, rect));
      this.deliver('items', found.map((f) => new FormatProxy(this.context, this.range.sheet, f.id, f.type, this.range)));
      return found.map((f) => ({ type: f.type }));
    });
    return this;
  }
  clearAll(): void {
    this.op('call', 'clearAll', [], () => {
      const list = this.range.sheet.resolve().conditionalFormats;
      const rect = this.range.need();
      for (let i = list.length - 1; i >= 0; i--) if (intersects((list[i] as FakeConditionalFormat).rect, rect)) list.splice(i, 1);
    });
  }
  /** As documented for ConditionalFormatCollection.add: the new format takes the first/top priority (index 0). */
  add(type: 'Custom'): ExcelConditionalFormat {
    const id = `cf-${this.context.book.newId()}`;
    this.op('call', 'add', [type], () => {
      this.range.sheet.resolve().conditionalFormats.unshift({ id, type, rect: this.range.need(), formula: '', fill: null, fontColor: null });
    });
    return new FormatProxy(this.context, this.range.sheet, id, type, this.range);
  }
}

class FormatProxy extends Proxy implements ExcelConditionalFormat {
  readonly custom: ExcelCustomConditionalFormat;
  /**
   * Set once `priority` was queued: Office.js says the object must then be fetched again before
   * further changes, so the fake refuses them (the add-in sets priority last).
   */
  private moved = false;
  constructor(context: FakeContext, readonly sheet: SheetProxy, readonly id: string, type: string, private readonly collection: RangeProxy) {
    super(context, `conditionalFormat(${id})`);
    this.loaded.set('type', type);
    const rule = new RuleProxy(context, this);
    const fill = {} as ExcelFill;
    Object.defineProperty(fill, 'color', { set: (v: string) => this.change('custom.format.fill.color', v, (f) => (f.fill = v)) });
    const font = {} as ExcelFontColor;
    Object.defineProperty(font, 'color', { set: (v: string) => this.change('custom.format.font.color', v, (f) => (f.fontColor = v)) });
    this.custom = { rule, format: { fill, font } };
  }
  protected sheetId(): string {
    return this.sheet.resolve().id;
  }
  get type(): string {
    return this.read('type');
  }
  state(): FakeConditionalFormat {
    const found = this.sheet.resolve().conditionalFormats.find((f) => f.id === this.id);
    if (!found) throw new FakeOfficeError('ItemNotFound', `${this.path} does not exist`);
    if (found.type !== 'Custom') throw new FakeOfficeError('InvalidArgument', `${this.path} is not a custom format`);
    return found;
  }
  change(member: string, value: unknown, set: (format: FakeConditionalFormat) => void): void {
    const moved = this.moved;
    this.op('set', member, value, () => set(this.current(moved)));
  }
  private current(moved: boolean): FakeConditionalFormat {
    if (moved) throw new FakeOfficeError('InvalidObjectPath', `${this.path} was moved by its priority: fetch it again before changing it`);
    return this.state();
  }
  get priority(): number {
    return this.read('priority');
  }
  /**
   * The index within the collection the format came from (the formats meeting that range, in
   * the sheet's order); a negative one counts from the back, one out of bounds goes to the end.
   */
  set priority(value: number) {
    const moved = this.moved;
    this.moved = true;
    this.op('set', 'priority', value, () => {
      const self = this.current(moved);
      const list = this.sheet.resolve().conditionalFormats;
      const scope = this.collection.need();
      const others = list.filter((f) => f !== self && intersects(f.rect, scope));
      const wanted = value < 0 ? others.length + 1 + value : value;
      const index = Math.min(Math.max(wanted, 0), others.length);
      list.splice(list.indexOf(self), 1);
      const before = others[index];
      const last = others[others.length - 1];
      list.splice(before ? list.indexOf(before) : last ? list.indexOf(last) + 1 : list.length, 0, self);
    });
  }
  delete(): void {
    const moved = this.moved;
    this.op('call', 'delete', [], () => {
      if (moved) this.current(moved);
      const list = this.sheet.resolve().conditionalFormats;
      const index = list.findIndex((f) => f.id === this.id);
      if (index < 0) throw new FakeOfficeError('ItemNotFound', `${this.path} does not exist`);
      list.splice(index, 1);
    });
  }
}

class RuleProxy extends Proxy implements ExcelConditionalFormatRule {
  constructor(context: FakeContext, private readonly format: FormatProxy) {
    super(context, `${format.path}.custom.rule`);
  }
  protected sheetId(): string {
    return this.format.sheet.resolve().id;
  }
  get formula(): string {
    return this.read('formula');
  }
  set formula(value: string) {
    this.format.change('custom.rule.formula', value, (f) => (f.formula = value));
  }
  load(propertyNames?: string | string[]): unknown {
    this.queueLoad(propertyNames, (name) => {
      if (name !== 'formula') throw new FakeOfficeError('InvalidArgument', `the fake cannot load rule.${name}`);
      return this.format.state().formula;
    });
    return this;
  }
}

class ChartProxy extends Proxy implements ExcelChart {
  private readonly id: string;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(index: number): ExcelChartSeries; add(name?: string): ExcelChartSeries };
  readonly axes: { readonly categoryAxis: { reversePlotOrder: boolean }; readonly valueAxis: { numberFormat: string } };

  constructor(context: FakeContext, readonly sheet: SheetProxy, type: string, source: RangeProxy, seriesBy: string) {
    super(context, `${sheet.path}.chart`);
    const id = (this.id = context.book.newId());
    this.op('call', 'charts.add', [type, source.path, seriesBy], () => {
      const rect = source.need();
      this.sheet.resolve().charts.push({
        key: id, type, source: rect, title: '', name: '', legendVisible: true, reversePlotOrder: false, valueAxisFormat: 'General', position: null,
        series: [{ name: '', values: rect, xValues: null }],
      });
    });
    const setter = <K extends string>(member: string, apply: (chart: FakeChart, value: never) => void): { [P in K]: never } => {
      const target = {} as { [P in K]: never };
      const key = member.split('.').pop() ?? member;
      Object.defineProperty(target, key, { set: (v: never) => this.op('set', member, v, () => apply(this.state(), v)) });
      return target;
    };
    this.title = setter('title.text', (c, v: string) => (c.title = v)) as unknown as { text: string };
    this.legend = setter('legend.visible', (c, v: boolean) => (c.legendVisible = v)) as unknown as { visible: boolean };
    this.axes = {
      categoryAxis: setter('axes.categoryAxis.reversePlotOrder', (c, v: boolean) => (c.reversePlotOrder = v)) as unknown as { reversePlotOrder: boolean },
      valueAxis: setter('axes.valueAxis.numberFormat', (c, v: string) => (c.valueAxisFormat = v)) as unknown as { numberFormat: string },
    };
    this.series = {
      getItemAt: (index: number) => new SeriesProxy(context, this, () => index),
      add: (name?: string) => {
        let index = -1;
        this.op('call', 'series.add', [name], () => {
          const chart = this.state();
          chart.series.push({ name: name ?? '', values: chart.source, xValues: null });
          index = chart.series.length - 1;
        });
        return new SeriesProxy(context, this, () => index);
      },
    };
  }
  protected sheetId(): string {
    return this.sheet.resolve().id;
  }
  state(): FakeChart {
    const chart = this.sheet.resolve().charts.find((c) => c.key === this.id);
    if (!chart) throw new FakeOfficeError('ItemNotFound', 'chart does not exist');
    return chart;
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.op('set', 'name', value, () => void (this.state().name = value));
  }
  setPosition(startCell: ExcelRange | string, endCell?: ExcelRange | string): void {
    const text = (cell: ExcelRange | string | undefined): string => (cell === undefined ? '' : typeof cell === 'string' ? cell : (cell as RangeProxy).path);
    this.op('call', 'setPosition', [text(startCell), text(endCell)], () => {
      this.state().position = { start: text(startCell), end: text(endCell) };
    });
  }
}

class SeriesProxy extends Proxy implements ExcelChartSeries {
  constructor(context: FakeContext, private readonly chart: ChartProxy, private readonly index: () => number) {
    super(context, `${chart.path}.series`);
  }
  protected sheetId(): string {
    return this.chart.sheet.resolve().id;
  }
  private state(): FakeChart['series'][number] {
    const series = this.chart.state().series[this.index()];
    if (!series) throw new FakeOfficeError('ItemNotFound', 'no such series');
    return series;
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.op('set', 'name', value, () => void (this.state().name = value));
  }
  setValues(sourceData: ExcelRange): void {
    this.op('call', 'setValues', [(sourceData as RangeProxy).path], () => void (this.state().values = (sourceData as RangeProxy).need()));
  }
  setXAxisValues(sourceData: ExcelRange): void {
    this.op('call', 'setXAxisValues', [(sourceData as RangeProxy).path], () => void (this.state().xValues = (sourceData as RangeProxy).need()));
  }
}
