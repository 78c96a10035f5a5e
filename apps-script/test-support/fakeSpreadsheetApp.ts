/**
 * A small in-memory Google Sheets for running the built Code.js in a Node `vm`: SpreadsheetApp,
 * HtmlService, PropertiesService, Session and Logger with just the methods the add-in uses,
 * behaving as Sheets does where it matters (ranges must lie inside the grid, a sheet keeps one
 * unfrozen row, setConditionalFormatRules replaces the whole list, tab names are unique).
 *
 * Every method the script calls goes through a recording proxy, so tests can count round trips;
 * tests read the spreadsheet's state through `book` (plain objects, never counted).
 *
 * Node only (no jest, no Apps Script types): the benchmark imports it too.
 */

export type Cell = string | number | boolean | Date;

export interface CallRecord {
  readonly method: string;
  readonly args: readonly unknown[];
}

export class CallLog {
  readonly calls: CallRecord[] = [];
  record(method: string, args: readonly unknown[]): void {
    this.calls.push({ method, args });
  }
  reset(): void {
    this.calls.length = 0;
  }
  count(method?: string): number {
    return method === undefined ? this.calls.length : this.calls.filter((c) => c.method === method).length;
  }
  byMethod(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) counts[call.method] = (counts[call.method] ?? 0) + 1;
    return counts;
  }
}

/** Failures a test asks for: «Type.method» → Google's message and how many more calls fail. */
export type FailureHooks = Map<string, { readonly message: string; times: number }>;

/** What runs once before the next call of «Type.method»: another user's action arriving meanwhile. */
export type BeforeHooks = Map<string, () => void>;

/**
 * Wraps an object so that each of its methods called from outside is recorded as «Type.method»;
 * a method with a failure hook throws its message instead of running (the call still counts).
 */
function tracked<T extends object>(log: CallLog, type: string, target: T, failures?: FailureHooks, before?: BeforeHooks): T {
  const proxy: T = new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor') return value;
      return (...args: unknown[]) => {
        const method = `${type}.${property}`;
        const first = before?.get(method);
        if (first) {
          before?.delete(method);
          first();
        }
        log.record(method, args);
        const failure = failures?.get(method);
        if (failure) {
          if (--failure.times <= 0) failures?.delete(method);
          throw new Error(failure.message);
        }
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
        return result === object ? proxy : result;
      };
    },
  });
  return proxy;
}

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';
/** What Sheets says to an editor who may not change a protected sheet. */
export const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Methods of Sheet and Range that change the sheet: a protected sheet refuses them. */
const WRITES = new Set([
  'setValues', 'setNumberFormats', 'setBackgrounds', 'setBackground', 'setFontColors', 'setFontWeights', 'setFontSize', 'setWrap',
  'setVerticalAlignment', 'setName', 'insertRowsAfter', 'insertColumnsAfter', 'deleteRows', 'deleteColumns', 'setFrozenRows',
  'setFrozenColumns', 'setColumnWidths', 'clear', 'setConditionalFormatRules', 'insertChart', 'removeChart', 'addDeveloperMetadata',
]);

/** Makes the write methods of a Sheet or Range object refuse while its sheet is protected. */
function guardWrites<T extends object>(sheet: SheetState, target: T): T {
  const methods = target as Record<string, unknown>;
  for (const [name, method] of Object.entries(methods)) {
    if (!WRITES.has(name) || typeof method !== 'function') continue;
    methods[name] = function (this: unknown, ...args: unknown[]): unknown {
      if (sheet.protected) throw new Error(PROTECTED);
      return (method as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  return target;
}

/** A rectangle of a sheet, 1-based as in Apps Script. */
export interface Box {
  readonly sheet: SheetState;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export function a1(box: Omit<Box, 'sheet'>): string {
  const letters = (n: number): string => {
    let s = '';
    for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) s = String.fromCharCode(65 + ((rest - 1) % 26)) + s;
    return s;
  };
  const first = `${letters(box.column)}${box.row}`;
  return box.rows === 1 && box.columns === 1 ? first : `${first}:${letters(box.column + box.columns - 1)}${box.row + box.rows - 1}`;
}

/** A sparse layer of cell attributes (values, formats, colours…). */
class Layer<T> {
  rows: (T[] | undefined)[] = [];
  get(row: number, column: number): T | undefined {
    return this.rows[row - 1]?.[column - 1];
  }
  set(row: number, column: number, value: T | undefined): void {
    const line = (this.rows[row - 1] ??= []);
    if (value === undefined) delete line[column - 1];
    else line[column - 1] = value;
  }
  insertRows(after: number, count: number): void {
    this.rows.splice(after, 0, ...Array.from({ length: count }, () => undefined));
  }
  deleteRows(start: number, count: number): void {
    this.rows.splice(start - 1, count);
  }
  insertColumns(after: number, count: number): void {
    for (const line of this.rows) if (line && line.length > after) line.splice(after, 0, ...new Array<T>(count));
  }
  deleteColumns(start: number, count: number): void {
    for (const line of this.rows) line?.splice(start - 1, count);
  }
  clear(): void {
    this.rows = [];
  }
}

export type CriteriaType = 'CUSTOM_FORMULA' | 'NUMBER_GREATER_THAN_OR_EQUAL_TO' | 'NUMBER_LESS_THAN' | 'TEXT_CONTAINS';

export interface RuleState {
  readonly criteria: CriteriaType;
  readonly values: readonly (string | number)[];
  readonly background: string | null;
  readonly fontColor: string | null;
  readonly ranges: readonly Box[];
}

export interface ChartState {
  readonly id: number;
  readonly type: string;
  readonly ranges: readonly Box[];
  readonly numHeaders: number | null;
  readonly title: string | null;
  readonly options: Readonly<Record<string, unknown>>;
  readonly position: readonly [number, number, number, number] | null;
}

export interface MetadataState {
  readonly id: number;
  readonly key: string;
  readonly value: string | null;
}

let nextId = 1;

export class SheetState {
  readonly id = nextId++;
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  readonly values = new Layer<Cell>();
  readonly formats = new Layer<string>();
  readonly backgrounds = new Layer<string>();
  readonly fontColors = new Layer<string>();
  readonly fontWeights = new Layer<string>();
  readonly fontSizes = new Layer<number>();
  readonly wraps = new Layer<boolean>();
  readonly widths = new Map<number, number>();
  rules: RuleState[] = [];
  charts: ChartState[] = [];
  metadata: MetadataState[] = [];
  /** Merged blocks of cells (merge). */
  readonly merges: Omit<Box, 'sheet'>[] = [];
  /** When set, getMergedRanges throws it, as a service error would. */
  mergedRangesError: string | null = null;
  /** Protected against the script's user: every change of the sheet is refused (PROTECTED). */
  protected = false;

  constructor(public name: string) {}

  /** Merges a block as a user would (not recorded): the top-left value stays, the rest is cleared, as Sheets does. */
  merge(row: number, column: number, rows: number, columns = 1): void {
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) if (r > 0 || c > 0) this.values.set(row + r, column + c, undefined);
    this.merges.push({ row, column, rows, columns });
  }

  box(row: number, column: number, rows = 1, columns = 1): Box {
    if (![row, column, rows, columns].every(Number.isInteger) || row < 1 || column < 1 || rows < 1 || columns < 1
      || row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns) {
      throw new Error(OUTSIDE);
    }
    return { sheet: this, row, column, rows, columns };
  }

  lastRow(): number {
    for (let r = this.values.rows.length; r >= 1; r--) if (this.values.rows[r - 1]?.some((v) => v !== undefined && v !== '')) return r;
    return 0;
  }

  lastColumn(): number {
    return this.values.rows.reduce((max, line) => {
      if (!line) return max;
      for (let c = line.length; c > max; c--) if (line[c - 1] !== undefined && line[c - 1] !== '') return c;
      return max;
    }, 0);
  }

  /** The values of a rectangle as getValues gives them: '' for empty cells. */
  read(row: number, column: number, rows: number, columns: number): Cell[][] {
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => this.values.get(row + r, column + c) ?? ''));
  }

  /** Writes values as a user would type them (no call recorded): for seeding tests. */
  seed(values: readonly (readonly Cell[])[], row = 1, column = 1): void {
    const width = values.reduce((max, line) => Math.max(max, line.length), 0);
    this.maxRows = Math.max(this.maxRows, row + values.length - 1);
    this.maxColumns = Math.max(this.maxColumns, column + width - 1);
    values.forEach((line, r) => line.forEach((value, c) => this.values.set(row + r, column + c, value === '' ? undefined : value)));
  }

  layers(): Layer<unknown>[] {
    return [this.values, this.formats, this.backgrounds, this.fontColors, this.fontWeights, this.fontSizes, this.wraps];
  }

  /**
   * Inserts empty rows after row `after` (0: above the first), as Sheets does, for the script
   * (Sheet.insertRowsAfter) and for tests acting as the user (not recorded): the grid grows, cells
   * below move down, and a rule range the rows fall inside grows with them. Rows added right under
   * a range (at the end of the grid too) stay outside it.
   */
  insertRowsAfter(after: number, count: number): void {
    for (const layer of this.layers()) layer.insertRows(after, count);
    this.maxRows += count;
    this.moveRuleRanges((box) => (box.row > after ? { ...box, row: box.row + count }
      : box.row + box.rows - 1 > after ? { ...box, rows: box.rows + count } : box));
  }

  /** Deletes rows as Sheets does: the grid shrinks and rule ranges lose the deleted rows (a range left empty goes). */
  deleteRows(start: number, count: number): void {
    for (const layer of this.layers()) layer.deleteRows(start, count);
    this.maxRows -= count;
    const end = start + count - 1;
    this.moveRuleRanges((box) => {
      const last = box.row + box.rows - 1;
      const kept = box.rows - Math.max(0, Math.min(last, end) - Math.max(box.row, start) + 1);
      if (kept === 0) return null;
      return { ...box, row: box.row > end ? box.row - count : Math.min(box.row, start), rows: kept };
    });
  }

  private moveRuleRanges(move: (box: Box) => Box | null): void {
    this.rules = this.rules.flatMap((rule) => {
      const ranges = rule.ranges.map(move);
      if (ranges.every((box, i) => box === rule.ranges[i])) return [rule];
      const left = ranges.filter((box): box is Box => box !== null);
      return left.length ? [{ ...rule, ranges: left }] : [];
    });
  }
}

export interface UiState {
  readonly menus: { title: string; items: { caption: string; fn: string }[]; addon: boolean }[];
  readonly sidebars: { file: string; title: string | null }[];
  readonly alerts: string[];
  readonly toasts: string[];
}

export class BookState {
  readonly sheets: SheetState[] = [];
  active: SheetState | null = null;
  readonly properties = new Map<string, string>();
  readonly ui: UiState = { menus: [], sidebars: [], alerts: [], toasts: [] };

  addSheet(name: string, values: readonly (readonly Cell[])[] = []): SheetState {
    if (this.sheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new SheetState(name);
    sheet.seed(values);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A sheet that must exist (throws otherwise): for assertions. */
  get(name: string): SheetState {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet «${name}»; sheets: ${this.sheets.map((s) => s.name).join(', ')}`);
    return sheet;
  }
}

export interface FakeSheetsOptions {
  /** HTML files of the project, by name without .html (HtmlService.createHtmlOutputFromFile). */
  readonly htmlFiles?: Readonly<Record<string, string>>;
}

export interface FakeSheets {
  readonly book: BookState;
  readonly log: CallLog;
  /** The services to put into the script's global scope. */
  readonly globals: Record<string, unknown>;
  /** The next `times` calls of «Type.method» (e.g. «Sheet.insertChart») throw `message`, as Google would. */
  failNext(method: string, message: string, times?: number): void;
  /**
   * Runs `meanwhile` once, just before the next call of «Type.method»: what another execution (a
   * second methodist pressing the same button) does while this one is half-way.
   */
  beforeNext(method: string, meanwhile: () => void): void;
  /** Builds a conditional format rule as a user would (not recorded). */
  userRule(sheet: SheetState, rule: Omit<RuleState, 'ranges'> & { range: Omit<Box, 'sheet'> }): RuleState;
}

export function createFakeSheets(options: FakeSheetsOptions = {}): FakeSheets {
  const log = new CallLog();
  const book = new BookState();
  const failures: FailureHooks = new Map();
  const before: BeforeHooks = new Map();
  const t = <T extends object>(type: string, target: T): T => tracked(log, type, target, failures, before);

  const sameShape = (what: string, box: Box, data: readonly (readonly unknown[])[]): void => {
    if (!Array.isArray(data) || data.length !== box.rows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${box.rows}. (${what})`);
    }
    for (const line of data) {
      if (!Array.isArray(line) || line.length !== box.columns) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${box.columns}. (${what})`);
      }
    }
  };

  const write = <T>(box: Box, layer: Layer<T>, data: readonly (readonly (T | null)[])[], what: string, empty?: T): void => {
    sameShape(what, box, data);
    data.forEach((line, r) => line.forEach((value, c) => layer.set(box.row + r, box.column + c, value === null || value === empty ? undefined : value)));
  };

  const readLayer = <T>(box: Box, layer: Layer<T>, fallback: T): T[][] =>
    Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.columns }, (_, c) => layer.get(box.row + r, box.column + c) ?? fallback));

  const fill = <T>(box: Box, layer: Layer<T>, value: T | null): void => {
    for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) layer.set(box.row + r, box.column + c, value ?? undefined);
  };

  function range(box: Box): object {
    return t('Range', guardWrites(box.sheet, {
      getValues: () => box.sheet.read(box.row, box.column, box.rows, box.columns),
      setValues(values: readonly (readonly (Cell | null)[])[]) {
        write(box, box.sheet.values, values, 'setValues', '');
        return this;
      },
      getNumberFormats: () => readLayer(box, box.sheet.formats, 'General'),
      setNumberFormats(formats: string[][]) {
        write(box, box.sheet.formats, formats, 'setNumberFormats');
        return this;
      },
      getBackgrounds: () => readLayer(box, box.sheet.backgrounds, '#ffffff'),
      setBackgrounds(colors: (string | null)[][]) {
        write(box, box.sheet.backgrounds, colors, 'setBackgrounds');
        return this;
      },
      setBackground(color: string | null) {
        fill(box, box.sheet.backgrounds, color);
        return this;
      },
      getFontColors: () => readLayer(box, box.sheet.fontColors, '#000000'),
      setFontColors(colors: (string | null)[][]) {
        write(box, box.sheet.fontColors, colors, 'setFontColors');
        return this;
      },
      getFontWeights: () => readLayer(box, box.sheet.fontWeights, 'normal'),
      setFontWeights(weights: (string | null)[][]) {
        write(box, box.sheet.fontWeights, weights, 'setFontWeights');
        return this;
      },
      setFontSize(size: number) {
        fill(box, box.sheet.fontSizes, size);
        return this;
      },
      setWrap(wrap: boolean) {
        fill(box, box.sheet.wraps, wrap);
        return this;
      },
      setVerticalAlignment() {
        return this;
      },
      getRow: () => box.row,
      getColumn: () => box.column,
      getNumRows: () => box.rows,
      getNumColumns: () => box.columns,
      getA1Notation: () => a1(box),
      getSheet: () => sheetApi(box.sheet),
      // Merges within the range or meeting it, whole (as Apps Script documents getMergedRanges).
      getMergedRanges: () => {
        if (box.sheet.mergedRangesError) throw new Error(box.sheet.mergedRangesError);
        return box.sheet.merges
        .filter((m) => m.row <= box.row + box.rows - 1 && box.row <= m.row + m.rows - 1 && m.column <= box.column + box.columns - 1 && box.column <= m.column + m.columns - 1)
        .map((m) => makeRange({ sheet: box.sheet, ...m }));
      },
    }));
  }

  const rangeBox = (value: unknown): Box => {
    const box = boxes.get(value as object);
    if (!box) throw new Error('Exception: Invalid argument: range');
    return box;
  };
  const boxes = new WeakMap<object, Box>();
  const makeRange = (box: Box): object => {
    const r = range(box);
    boxes.set(r, box);
    return r;
  };

  function rule(state: RuleState): object {
    const condition = t('BooleanCondition', {
      getCriteriaType: () => state.criteria,
      getCriteriaValues: () => [...state.values],
      getBackground: () => state.background,
      getFontColor: () => state.fontColor,
    });
    const api = t('ConditionalFormatRule', {
      getBooleanCondition: () => condition,
      getGradientCondition: () => null,
      getRanges: () => state.ranges.map(makeRange),
    });
    rules.set(api, state);
    return api;
  }
  const rules = new WeakMap<object, RuleState>();

  function ruleBuilder(): object {
    let criteria: CriteriaType | null = null;
    let values: (string | number)[] = [];
    let background: string | null = null;
    let fontColor: string | null = null;
    let ranges: Box[] = [];
    return t('ConditionalFormatRuleBuilder', {
      whenFormulaSatisfied(formula: string) {
        criteria = 'CUSTOM_FORMULA';
        values = [formula];
        return this;
      },
      whenNumberGreaterThanOrEqualTo(n: number) {
        criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
        values = [n];
        return this;
      },
      whenNumberLessThan(n: number) {
        criteria = 'NUMBER_LESS_THAN';
        values = [n];
        return this;
      },
      setBackground(color: string) {
        background = color;
        return this;
      },
      setFontColor(color: string) {
        fontColor = color;
        return this;
      },
      setRanges(list: unknown[]) {
        ranges = list.map(rangeBox);
        return this;
      },
      build() {
        if (!criteria) throw new Error('Exception: the rule has no condition');
        if (ranges.length === 0) throw new Error('Exception: the rule has no ranges');
        return rule({ criteria, values, background, fontColor, ranges });
      },
    });
  }

  const charts = new WeakMap<object, ChartState>();
  function chartBuilder(sheet: SheetState): object {
    let type = 'NONE';
    const ranges: Box[] = [];
    let numHeaders: number | null = null;
    let title: string | null = null;
    const chartOptions: Record<string, unknown> = {};
    let position: [number, number, number, number] | null = null;
    return t('EmbeddedChartBuilder', {
      asBarChart() {
        type = 'BAR';
        return this;
      },
      addRange(r: unknown) {
        ranges.push(rangeBox(r));
        return this;
      },
      setNumHeaders(n: number) {
        numHeaders = n;
        return this;
      },
      setTitle(text: string) {
        title = text;
        return this;
      },
      setOption(key: string, value: unknown) {
        chartOptions[key] = value;
        return this;
      },
      setPosition(row: number, column: number, x: number, y: number) {
        sheet.box(row, column);
        position = [row, column, x, y];
        return this;
      },
      build() {
        const state: ChartState = { id: nextId++, type, ranges: [...ranges], numHeaders, title, options: { ...chartOptions }, position };
        const api = t('EmbeddedChart', { getChartId: () => state.id, getRanges: () => state.ranges.map(makeRange) });
        charts.set(api, state);
        return api;
      },
    });
  }

  function metadataApi(sheet: SheetState, state: MetadataState): object {
    return t('DeveloperMetadata', {
      getId: () => state.id,
      getKey: () => state.key,
      getValue: () => sheet.metadata.find((m) => m.id === state.id)?.value ?? state.value,
      setValue(value: string) {
        sheet.metadata = sheet.metadata.map((m) => (m.id === state.id ? { ...m, value } : m));
        return this;
      },
      remove: () => {
        sheet.metadata = sheet.metadata.filter((m) => m.id !== state.id);
      },
    });
  }

  const sheetApis = new Map<SheetState, object>();
  const sheetOf = new WeakMap<object, SheetState>();
  function sheetApi(sheet: SheetState): object {
    const existing = sheetApis.get(sheet);
    if (existing) return existing;
    const rowCheck = (start: number, count: number, max: number): void => {
      if (!Number.isInteger(start) || !Number.isInteger(count) || start < 1 || count < 1 || start + count - 1 > max) throw new Error(OUTSIDE);
    };
    const api = t('Sheet', guardWrites(sheet, {
      getName: () => sheet.name,
      setName(name: string) {
        if (book.sheets.some((s) => s !== sheet && s.name === name)) throw new Error(`A sheet with the name "${name}" already exists.`);
        sheet.name = name;
        return this;
      },
      getSheetId: () => sheet.id,
      getIndex: () => book.sheets.indexOf(sheet) + 1,
      getMaxRows: () => sheet.maxRows,
      getMaxColumns: () => sheet.maxColumns,
      getLastRow: () => sheet.lastRow(),
      getLastColumn: () => sheet.lastColumn(),
      getDataRange: () => makeRange(sheet.box(1, 1, Math.max(1, sheet.lastRow()), Math.max(1, sheet.lastColumn()))),
      getRange(row: number | string, column?: number, rows?: number, columns?: number) {
        if (typeof row === 'string') throw new Error('the fake takes numeric ranges only');
        return makeRange(sheet.box(row, column ?? 1, rows ?? 1, columns ?? 1));
      },
      insertRowsAfter(after: number, count: number) {
        if (!Number.isInteger(count) || count < 1 || after < 1 || after > sheet.maxRows) throw new Error(OUTSIDE);
        sheet.insertRowsAfter(after, count);
        return this;
      },
      insertColumnsAfter(after: number, count: number) {
        if (!Number.isInteger(count) || count < 1 || after < 1 || after > sheet.maxColumns) throw new Error(OUTSIDE);
        for (const layer of sheet.layers()) layer.insertColumns(after, count);
        sheet.maxColumns += count;
        return this;
      },
      deleteRows(start: number, count: number) {
        rowCheck(start, count, sheet.maxRows);
        if (sheet.maxRows - count <= sheet.frozenRows) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
        sheet.deleteRows(start, count);
      },
      deleteColumns(start: number, count: number) {
        rowCheck(start, count, sheet.maxColumns);
        if (sheet.maxColumns - count <= sheet.frozenColumns) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
        for (const layer of sheet.layers()) layer.deleteColumns(start, count);
        sheet.maxColumns -= count;
      },
      setFrozenRows(n: number) {
        if (n < 0 || n >= sheet.maxRows) throw new Error('Sorry, it is not possible to freeze all rows.');
        sheet.frozenRows = n;
      },
      setFrozenColumns(n: number) {
        if (n < 0 || n >= sheet.maxColumns) throw new Error('Sorry, it is not possible to freeze all columns.');
        sheet.frozenColumns = n;
      },
      getFrozenRows: () => sheet.frozenRows,
      getFrozenColumns: () => sheet.frozenColumns,
      setColumnWidths(start: number, count: number, width: number) {
        rowCheck(start, count, sheet.maxColumns);
        for (let c = start; c < start + count; c++) sheet.widths.set(c, width);
        return this;
      },
      getColumnWidth: (column: number) => sheet.widths.get(column) ?? 100,
      clear() {
        for (const layer of sheet.layers()) layer.clear();
        return this;
      },
      getConditionalFormatRules: () => sheet.rules.map(rule),
      setConditionalFormatRules(list: unknown[]) {
        sheet.rules = list.map((item) => {
          const state = rules.get(item as object);
          if (!state) throw new Error('Exception: Invalid argument: rules');
          return state;
        });
      },
      newChart: () => chartBuilder(sheet),
      insertChart(chart: unknown) {
        const state = charts.get(chart as object);
        if (!state) throw new Error('Exception: Invalid argument: chart');
        sheet.charts.push(state);
      },
      getCharts: () => sheet.charts.map((state) => {
        const api = t('EmbeddedChart', { getChartId: () => state.id });
        charts.set(api, state);
        return api;
      }),
      removeChart(chart: unknown) {
        const state = charts.get(chart as object);
        sheet.charts = sheet.charts.filter((c) => c.id !== state?.id);
      },
      addDeveloperMetadata(key: string, value?: string) {
        sheet.metadata.push({ id: nextId++, key, value: value ?? null });
        return this;
      },
      getDeveloperMetadata: () => sheet.metadata.map((state) => metadataApi(sheet, state)),
      activate() {
        book.active = sheet;
        return this;
      },
    }));
    sheetApis.set(sheet, api);
    sheetOf.set(api, sheet);
    return api;
  }

  const spreadsheet = t('Spreadsheet', {
    getId: () => 'fake-spreadsheet',
    getName: () => 'Мониторинг Сферума',
    getSheets: () => book.sheets.map(sheetApi),
    getNumSheets: () => book.sheets.length,
    getSheetByName: (name: string) => {
      const sheet = book.sheet(name);
      return sheet ? sheetApi(sheet) : null;
    },
    getActiveSheet: () => {
      if (!book.active) throw new Error('no active sheet');
      return sheetApi(book.active);
    },
    setActiveSheet(sheet: unknown) {
      const state = sheetOf.get(sheet as object);
      if (state) book.active = state;
      return sheet;
    },
    insertSheet(name: string, index?: number) {
      const sheet = book.addSheet(name);
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      book.sheets.splice(index ?? book.sheets.length, 0, sheet);
      book.active = sheet;
      return sheetApi(sheet);
    },
    deleteSheet(sheet: unknown) {
      const state = sheetOf.get(sheet as object);
      if (!state) throw new Error('Exception: Invalid argument: sheet');
      if (book.sheets.length === 1) throw new Error('Sorry, it is not possible to delete all sheets.');
      book.sheets.splice(book.sheets.indexOf(state), 1);
      if (book.active === state) book.active = book.sheets[0] ?? null;
    },
    toast(message: string) {
      book.ui.toasts.push(message);
    },
  });

  const menu = (title: string, addon: boolean): object => {
    const items: { caption: string; fn: string }[] = [];
    return t('Menu', {
      addItem(caption: string, fn: string) {
        items.push({ caption, fn });
        return this;
      },
      addSeparator() {
        return this;
      },
      addToUi() {
        book.ui.menus.push({ title, items, addon });
      },
    });
  };

  const ui = t('Ui', {
    ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' },
    Button: { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' },
    createMenu: (title: string) => menu(title, false),
    createAddonMenu: () => menu('', true),
    showSidebar(output: unknown) {
      const html = outputs.get(output as object);
      if (!html) throw new Error('Exception: Invalid argument: userInterface');
      book.ui.sidebars.push({ ...html });
    },
    alert(...args: unknown[]) {
      book.ui.alerts.push(args.filter((a) => typeof a === 'string' && !['OK', 'OK_CANCEL', 'YES_NO'].includes(a)).join(': '));
      return 'OK';
    },
  });

  const outputs = new WeakMap<object, { file: string; title: string | null }>();
  const htmlService = t('HtmlService', {
    createHtmlOutputFromFile(name: string) {
      if (options.htmlFiles && !(name in options.htmlFiles)) throw new Error(`Exception: No HTML file named ${name} was found.`);
      const state = { file: name, title: null as string | null };
      const output = t('HtmlOutput', {
        setTitle(title: string) {
          state.title = title;
          return this;
        },
        setWidth() {
          return this;
        },
        getTitle: () => state.title,
        getContent: () => options.htmlFiles?.[name] ?? '',
      });
      outputs.set(output, state);
      return output;
    },
  });

  const documentProperties = t('Properties', {
    getProperty: (key: string) => book.properties.get(key) ?? null,
    setProperty(key: string, value: string) {
      book.properties.set(key, String(value));
      return this;
    },
    deleteProperty(key: string) {
      book.properties.delete(key);
      return this;
    },
    getProperties: () => Object.fromEntries(book.properties),
  });

  const spreadsheetApp = t('SpreadsheetApp', {
    getActiveSpreadsheet: () => spreadsheet,
    getActive: () => spreadsheet,
    getActiveSheet: () => {
      if (!book.active) throw new Error('no active sheet');
      return sheetApi(book.active);
    },
    getUi: () => ui,
    newConditionalFormatRule: () => ruleBuilder(),
    flush() {},
    BooleanCriteria: { CUSTOM_FORMULA: 'CUSTOM_FORMULA', NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', NUMBER_LESS_THAN: 'NUMBER_LESS_THAN' },
  });

  const globals: Record<string, unknown> = {
    SpreadsheetApp: spreadsheetApp,
    HtmlService: htmlService,
    PropertiesService: t('PropertiesService', {
      getDocumentProperties: () => documentProperties,
      getUserProperties: () => documentProperties,
      getScriptProperties: () => documentProperties,
    }),
    Session: t('Session', { getScriptTimeZone: () => 'Europe/Moscow', getActiveUserLocale: () => 'ru' }),
    Logger: t('Logger', { log: () => undefined }),
    ScriptApp: t('ScriptApp', { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL' } }),
  };

  return {
    book,
    log,
    globals,
    failNext(method, message, times = 1) {
      failures.set(method, { message, times });
    },
    beforeNext(method, meanwhile) {
      before.set(method, meanwhile);
    },
    userRule(sheet, { range: where, ...spec }) {
      const state: RuleState = { ...spec, ranges: [sheet.box(where.row, where.column, where.rows, where.columns)] };
      sheet.rules.push(state);
      return state;
    },
  };
}
