/**
 * The weekly monitoring sheet, one row per school, read into records. Every problem becomes a
 * finding with its row and column; only a missing header or required column stops the parse.
 */
import { SCHOOL_COLUMNS, type ColumnDef, type SchoolColumnKey, type SchoolCountKey } from '../catalogue/columns';
import { SCHOOL_INDICATORS } from '../catalogue/indicators';
import type { Finding } from '../findings';
import { formatNumber } from '../format';
import { messages } from '../messages';
import { cellText, normalizeText } from '../text';
import { isBlank, type CellValue } from '../values';
import { finding, readCount, type CellPlace, type CountCell } from './cells';
import { applyMapping, findHeaderRow, firstTexts, recogniseColumns, type ColumnMap, type ColumnMapping, type HeaderMatch } from './header';

export type ProfileStatus = 'active' | 'inactive';

export interface SchoolRecord {
  /** Row number in the source sheet. */
  readonly row: number;
  readonly district: string;
  readonly districtKey: string;
  readonly school: string;
  readonly schoolKey: string;
  readonly id: string | null;
  /** From the «Статус» column, when there is one and it says «Активен» / «Не активен». */
  readonly profileStatus: ProfileStatus | null;
  readonly counts: Readonly<Partial<Record<SchoolCountKey, number>>>;
  /** False for a repeated school: shown in findings, left out of totals. */
  readonly counted: boolean;
}

export interface SchoolTable {
  readonly shape: 'school';
  /** Sheet row numbers of the header and of the last row read. */
  readonly headerRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly columns: ColumnMap<SchoolColumnKey>;
  readonly headers: readonly string[];
  /** Title rows above the header, joined, and the reporting period found in them. */
  readonly title: string;
  readonly week: string | null;
  readonly records: readonly SchoolRecord[];
  readonly findings: readonly Finding[];
}

export interface ParseOptions<K extends string> {
  /** The user's corrections of the recognised columns. */
  readonly mapping?: ColumnMapping<K>;
  /** Sheet row number of the header row, when the user gives it. */
  readonly headerRow?: number;
  /** Sheet row number of values[0] (default 1) and zero-based column of values[0][0] (default 0). */
  readonly firstRow?: number;
  readonly firstColumn?: number;
}

export type ParseResult<T> = { readonly ok: true; readonly table: T } | { readonly ok: false; readonly error: string };

export const REQUIRED_SCHOOL_COLUMNS: readonly SchoolColumnKey[] = ['district', 'school', 'teachers'];

/** Group name for schools whose district cell is empty. */
export const NO_DISTRICT = 'Район не указан';

const TOTAL_ROW = /^(итого|всего)( |$)/;
const PERIOD = /(\d{1,2}\.\d{1,2}(?:\.\d{2,4})?)\s*[–—-]\s*(\d{1,2}\.\d{1,2}\.\d{2,4})/;

/** For a count written as a percentage: the base it is a share of (from the catalogue). */
const PERCENT_BASE: Partial<Record<SchoolCountKey, SchoolCountKey>> = {};
for (const def of SCHOOL_INDICATORS) PERCENT_BASE[def.numerator] ??= def.base;

const COUNT_KEYS = SCHOOL_COLUMNS.filter((def) => def.kind === 'count').map((def) => def.key as SchoolCountKey);
// Bases first, so a share given as a percentage can be turned into a count of its base.
const COUNT_ORDER = [...COUNT_KEYS].sort((a, b) => Number(PERCENT_BASE[a] !== undefined) - Number(PERCENT_BASE[b] !== undefined));

/** Locates the header, either where the user says or by recognition, and applies the mapping. */
export function locateHeader<K extends string>(
  values: readonly (readonly CellValue[])[],
  defs: readonly ColumnDef<K>[],
  options: ParseOptions<K>,
): { ok: true; header: HeaderMatch<K> } | { ok: false; error: string } {
  const firstRow = options.firstRow ?? 1;
  let header: HeaderMatch<K> | null;
  if (options.headerRow !== undefined) {
    const rowIndex = options.headerRow - firstRow;
    const row = values[rowIndex] ?? [];
    header = { rowIndex, columns: recogniseColumns(row, defs), headers: row.map(cellText).filter((h) => h !== '') };
  } else {
    header = findHeaderRow(values, defs);
  }
  if (!header) {
    if (!options.mapping) return { ok: false, error: messages.headerNotFound(firstTexts(values)) };
    // The user's mapping names the columns: take the first non-empty row as the header.
    const rowIndex = Math.max(0, values.findIndex((row) => row.some((cell) => cellText(cell) !== '')));
    const row = values[rowIndex] ?? [];
    header = { rowIndex, columns: recogniseColumns(row, defs), headers: row.map(cellText).filter((h) => h !== '') };
  }
  const mapped = applyMapping(header.columns, values[header.rowIndex] ?? [], options.mapping, defs);
  if (mapped.errors.length) return { ok: false, error: mapped.errors.join('; ') };
  return { ok: true, header: { ...header, columns: mapped.columns } };
}

/** locateHeader, then a Russian message listing the headers found when a required column is missing. */
export function locateTable<K extends string>(
  values: readonly (readonly CellValue[])[],
  defs: readonly ColumnDef<K>[],
  required: readonly K[],
  options: ParseOptions<K>,
): { ok: true; header: HeaderMatch<K> } | { ok: false; error: string } {
  const located = locateHeader(values, defs, options);
  if (!located.ok) return located;
  const missing = required.filter((key) => located.header.columns[key] === undefined);
  if (missing.length === 0) return located;
  const names = missing.map((key) => defs.find((def) => def.key === key)?.header ?? key);
  return { ok: false, error: messages.requiredColumnsMissing(names, located.header.headers) };
}

export function parseSchoolTable(values: readonly (readonly CellValue[])[], options: ParseOptions<SchoolColumnKey> = {}): ParseResult<SchoolTable> {
  const located = locateTable(values, SCHOOL_COLUMNS, REQUIRED_SCHOOL_COLUMNS, options);
  if (!located.ok) return located;
  const { header } = located;
  const { columns } = header;

  const firstRow = options.firstRow ?? 1;
  const firstColumn = options.firstColumn ?? 0;
  const findings: Finding[] = [];
  const records: SchoolRecord[] = [];
  const seen = new Map<string, number>();

  for (let rowIndex = header.rowIndex + 1; rowIndex < values.length; rowIndex++) {
    const cells = values[rowIndex] ?? [];
    if (cells.every(isBlank)) continue;
    const record = readSchoolRow(cells, firstRow + rowIndex, columns, firstColumn, findings, seen);
    if (record) records.push(record);
  }

  const title = values.slice(0, header.rowIndex).flatMap((row) => row.map(cellText).filter((t) => t !== '')).join(' ');
  const period = PERIOD.exec(title);
  return {
    ok: true,
    table: {
      shape: 'school',
      headerRow: firstRow + header.rowIndex,
      lastRow: firstRow + values.length - 1,
      firstColumn,
      columns,
      headers: header.headers,
      title,
      week: period ? `${period[1]}–${period[2]}` : null,
      records,
      findings,
    },
  };
}

function readSchoolRow(
  cells: readonly CellValue[],
  row: number,
  columns: ColumnMap<SchoolColumnKey>,
  firstColumn: number,
  findings: Finding[],
  seen: Map<string, number>,
): SchoolRecord | null {
  const text = (key: SchoolColumnKey): string => {
    const ref = columns[key];
    return ref ? cellText(cells[ref.index]) : '';
  };
  const place = (key: SchoolColumnKey): CellPlace => ({ row, column: columns[key] ?? { index: 0, header: key }, firstColumn });

  let district = text('district');
  let school = text('school');
  const districtKey0 = normalizeText(district);
  const schoolKey0 = normalizeText(school);
  if (TOTAL_ROW.test(districtKey0) || TOTAL_ROW.test(schoolKey0)) {
    findings.push(finding({ row }, 'totalRow', 'info', messages.totalRowSkipped(school || district)));
    return null;
  }

  const rowFindings: Finding[] = [];
  const raw: Partial<Record<SchoolCountKey, CountCell>> = {};
  for (const key of COUNT_ORDER) {
    const ref = columns[key];
    if (ref) raw[key] = readCount(cells[ref.index], place(key), rowFindings);
  }
  const counts = resolveCounts(raw, place, rowFindings);

  if (!school) {
    if (Object.keys(counts).length === 0 && !district) return null; // a note or stray text, not a school
    rowFindings.push(finding(place('school'), 'missingSchool', 'warning', messages.missingSchool()));
    school = `ОО в строке ${row}`;
  }
  if (!district) {
    rowFindings.push(finding(place('district'), 'missingDistrict', 'warning', messages.missingDistrict()));
    district = NO_DISTRICT;
  }
  checkBases(counts, place, rowFindings);

  const id = text('id') || null;
  const districtKey = normalizeText(district);
  const schoolKey = normalizeText(school);
  const identity = id ? `id:${normalizeText(id)}` : `name:${districtKey}|${schoolKey}`;
  const firstSeen = seen.get(identity);
  const counted = firstSeen === undefined;
  if (counted) seen.set(identity, row);
  else rowFindings.push(finding(place(id ? 'id' : 'school'), 'duplicate', 'error', messages.duplicateSchool(firstSeen)));

  findings.push(...rowFindings);
  return {
    row,
    district,
    districtKey,
    school,
    schoolKey,
    id,
    profileStatus: readStatus(text('status'), place('status'), findings),
    counts,
    counted,
  };
}

/** Turns shares written as percentages into counts of their base, saying so. */
function resolveCounts(
  raw: Partial<Record<SchoolCountKey, CountCell>>,
  place: (key: SchoolCountKey) => CellPlace,
  findings: Finding[],
): Partial<Record<SchoolCountKey, number>> {
  const counts: Partial<Record<SchoolCountKey, number>> = {};
  for (const key of COUNT_ORDER) {
    const cell = raw[key];
    if (!cell || cell.kind === 'none') continue;
    if (cell.kind === 'count') {
      counts[key] = cell.value;
      continue;
    }
    const baseKey = PERCENT_BASE[key];
    const base = baseKey === undefined ? undefined : counts[baseKey];
    if (base === undefined) {
      findings.push(finding(place(key), 'unparseable', 'error', messages.invalidValue('процент вместо количества', cell.text) + '; значение не учтено'));
      continue;
    }
    counts[key] = cell.value * base;
    findings.push(finding(place(key), 'percentInCount', 'warning', messages.percentInCount(cell.text, 1)));
  }
  return counts;
}

/** Counts above their default base and zero bases, for every indicator of the catalogue. */
function checkBases(counts: Partial<Record<SchoolCountKey, number>>, place: (key: SchoolCountKey) => CellPlace, findings: Finding[]): void {
  const zeroReported = new Set<SchoolCountKey>();
  for (const def of SCHOOL_INDICATORS) {
    const part = counts[def.numerator];
    const base = counts[def.base];
    if (part === undefined || base === undefined) continue;
    if (base === 0 && part > 0 && !zeroReported.has(def.base)) {
      zeroReported.add(def.base);
      findings.push(finding(place(def.base), 'baseZero', 'warning', `${messages.baseZero()}, а в «${place(def.numerator).column.header}» ${formatNumber(part)}; доля не считается`));
    } else if (base > 0 && part > base) {
      findings.push(finding(place(def.numerator), 'aboveBase', 'warning', `${messages.partAboveBase(part, base)} («${place(def.base).column.header}»)`));
    }
  }
}

const ACTIVE_WORDS = new Set(['активен', 'активна', 'активно', 'активный', 'да', 'active']);
const INACTIVE_WORDS = new Set(['не активен', 'не активна', 'не активно', 'неактивен', 'неактивна', 'неактивный', 'нет', 'inactive']);

function readStatus(text: string, place: CellPlace, findings: Finding[]): ProfileStatus | null {
  const key = normalizeText(text);
  if (!key) return null;
  if (ACTIVE_WORDS.has(key)) return 'active';
  if (INACTIVE_WORDS.has(key)) return 'inactive';
  findings.push(finding(place, 'unknownStatus', 'warning', messages.unknownStatus(text)));
  return null;
}
