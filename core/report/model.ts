/**
 * The report as plain data: sheets, columns with number formats, typed rows, which cells are
 * red / yellow / green, threshold rules and an optional chart. Renderers for Excel, Google
 * Sheets and .xlsx files only translate this into native calls; no domain rule lives in them.
 */

export type CellFormat = 'text' | 'integer' | 'number' | 'percent' | 'points' | 'boolean';

/** Traffic-light tones: met, near the target, lagging. */
export type Tone = 'good' | 'near' | 'bad';

export type ReportCell = string | number | boolean | null;

export interface ReportColumn {
  readonly key: string;
  readonly header: string;
  readonly format: CellFormat;
  /** Approximate width in characters. */
  readonly width: number;
}

export interface ReportRow {
  readonly kind: 'data' | 'total';
  readonly cells: readonly ReportCell[];
  /** One tone (or null) per cell. */
  readonly tones: readonly (Tone | null)[];
}

/** A live colour rule over one column of the data rows: red below target − tolerance, yellow below target, green otherwise. */
export interface ThresholdRule {
  readonly kind: 'threshold';
  readonly column: number;
  /** Green from here up. */
  readonly target: number;
  /** Yellow from here up to the target, red below: target − tolerance, computed by core. */
  readonly nearFrom: number;
  readonly tolerance: number;
}

/** A data bar over one column (files only; the add-ins use colours). */
export interface DataBarRule {
  readonly kind: 'dataBar';
  readonly column: number;
}

export type SheetRule = ThresholdRule | DataBarRule;

/** A clustered bar chart of the data rows: one category column, value columns, and a target line. */
export interface ChartSpec {
  readonly title: string;
  readonly categoryColumn: number;
  readonly valueColumns: readonly number[];
  readonly target: number | null;
}

export type SheetKind = 'districts' | 'lagging' | 'findings' | 'changes' | 'district' | 'summary';

export interface ReportSheet {
  readonly kind: SheetKind;
  /** Tab name (≤ 31 characters, none of : \ / ? * [ ]). */
  readonly name: string;
  /** Stored with the sheet so a re-run replaces only sheets the add-in made. */
  readonly marker: string;
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly rules: readonly SheetRule[];
  readonly chart: ChartSpec | null;
  /** Columns kept visible when scrolling right. */
  readonly frozenColumns: number;
}

export interface ReportModel {
  readonly title: string;
  readonly sheets: readonly ReportSheet[];
}

/** Marker prefix of everything the add-ins create (sheets, names, rules). */
export const MARKER = 'sferum-monitor';

/** Fill colours of the tones (light backgrounds readable with black text), as #RRGGBB. */
export const TONE_COLORS: Readonly<Record<Tone, string>> = { good: '#C6EFCE', near: '#FFEB9C', bad: '#FFC7CE' };
export const TONE_FONT_COLORS: Readonly<Record<Tone, string>> = { good: '#006100', near: '#9C5700', bad: '#9C0006' };

/** Number formats in the syntax both Excel and Google Sheets accept; the locale shows «97,01%». */
export const NUMBER_FORMATS: Readonly<Record<CellFormat, string>> = {
  text: '@',
  integer: '#,##0',
  number: '#,##0.##',
  percent: '0.00%',
  points: '+0.00" п.п.";-0.00" п.п.";0.00" п.п."',
  boolean: 'General',
};

/** Where things sit on a rendered sheet (1-based rows): title, subtitle lines, a blank row, the header, the data. */
export interface SheetLayout {
  readonly titleRow: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  readonly lastColumn: number;
}

export function sheetLayout(sheet: Pick<ReportSheet, 'subtitle' | 'rows' | 'columns'>): SheetLayout {
  const headerRow = 1 + sheet.subtitle.length + 2;
  return {
    titleRow: 1,
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow: headerRow + Math.max(sheet.rows.length, 1),
    lastColumn: sheet.columns.length,
  };
}

/** The whole sheet as a rectangle of values, row by row, for one batched write. */
export function sheetValues(sheet: ReportSheet): ReportCell[][] {
  const width = sheet.columns.length;
  const pad = (cells: readonly ReportCell[]): ReportCell[] => Array.from({ length: width }, (_, i) => cells[i] ?? null);
  return [
    pad([sheet.title]),
    ...sheet.subtitle.map((line) => pad([line])),
    pad([]),
    pad(sheet.columns.map((c) => c.header)),
    ...sheet.rows.map((row) => pad(row.cells)),
  ];
}

/** Tones of the whole sheet, aligned with sheetValues. */
export function sheetTones(sheet: ReportSheet): (Tone | null)[][] {
  const width = sheet.columns.length;
  const empty = (): (Tone | null)[] => Array.from({ length: width }, () => null);
  return [empty(), ...sheet.subtitle.map(empty), empty(), empty(), ...sheet.rows.map((row) => Array.from({ length: width }, (_, i) => row.tones[i] ?? null))];
}

/** Longest tab name Excel accepts (Google Sheets takes longer ones; the two hosts share names). */
const SHEET_NAME_LIMIT = 31;

function cleanSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A tab name Excel and Sheets both accept: forbidden characters dropped, at most 31 characters. */
export function safeSheetName(name: string): string {
  const cleaned = cleanSheetName(name);
  return cleaned.length <= SHEET_NAME_LIMIT ? cleaned : cleaned.slice(0, SHEET_NAME_LIMIT - 1).trimEnd() + '…';
}

/** Whether safeSheetName has to cut the name. */
export function isCutSheetName(name: string): boolean {
  return cleanSheetName(name).length > SHEET_NAME_LIMIT;
}

/** «… tag» at the end of a cut name (taggedSheetName): kept when a number is added («… tag (2)»). */
const NAME_TAG = /… [0-9a-z]{4}$/;

/** The name cut to leave room for «… tag», so that names that begin alike stay apart. */
export function taggedSheetName(name: string, tag: string): string {
  const end = `… ${tag}`;
  return cleanSheetName(name).slice(0, SHEET_NAME_LIMIT - end.length).trimEnd() + end;
}

/**
 * A free name for a sheet the add-in makes: a user's sheet of the same name is never replaced,
 * so «Сферум — районы» becomes «Сферум — районы (2)» when the user owns the first.
 */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  // Excel and Google Sheets refuse two tabs whose names differ only in case.
  const lower = new Set([...taken].map((name) => name.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const candidate = numberedSheetName(wanted, i);
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

function numberedSheetName(wanted: string, i: number): string {
  const suffix = ` (${i})`;
  const tag = NAME_TAG.exec(wanted);
  if (tag && wanted.length + suffix.length > SHEET_NAME_LIMIT) {
    // The tag tells districts apart: the name before it is cut instead.
    return wanted.slice(0, Math.min(tag.index, SHEET_NAME_LIMIT - suffix.length - tag[0].length)).trimEnd() + tag[0] + suffix;
  }
  return safeSheetName(wanted.slice(0, SHEET_NAME_LIMIT - suffix.length) + suffix);
}

/**
 * Whether a tab still carries a name the add-in gives (its own, or with « (2)»…). A report tab the
 * user renamed or copied is the user's from then on: a re-run writes a new tab and leaves it be.
 */
export function isGivenSheetName(name: string, wanted: string): boolean {
  const lower = name.toLowerCase();
  if (lower === wanted.toLowerCase()) return true;
  const number = / \((\d+)\)$/.exec(name);
  return number !== null && numberedSheetName(wanted, Number(number[1])).toLowerCase() === lower;
}
