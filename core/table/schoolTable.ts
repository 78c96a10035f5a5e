/**
 * The weekly monitoring sheet, one row per school, read into records. Every problem becomes a
 * finding with its row and column; only a missing header or required column stops the parse.
 */
import { REQUIRED_SCHOOL_COLUMNS, SCHOOL_COLUMNS, SCHOOL_COUNT_KEYS, type ColumnDef, type SchoolColumnKey, type SchoolCountKey, type SchoolTextKey } from '../catalogue/columns';
import { SCHOOL_INDICATORS } from '../catalogue/indicators';
import type { Finding } from '../findings';
import { formatNumber } from '../format';
import { messages } from '../messages';
import { foldedText, HashIndex, hashKey, scanName, type NameScan } from '../nameKey';
import { RowStore, type CountColumns } from './schoolRows';
import { cellText, normalizeText } from '../text';
import { isBlank, isSpreadsheetError, type CellValue } from '../values';
import { finding, readCount, shareInBaseMessage, shareInCountMessage, type CellPlace } from './cells';
import { applyMapping, findHeaderRow, firstTexts, headerAt, type ColumnMap, type ColumnMapping, type ColumnRef, type HeaderMatch } from './header';

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
  /** Position of the row in the table's count columns (and in its records). */
  readonly index: number;
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
  /** The header row's cells by column (of a two-row header, with the upper row's names: header.ts headerCells). */
  readonly headerCells: readonly CellValue[];
  /** Title rows above the header, joined, and the reporting period found in them. */
  readonly title: string;
  readonly week: string | null;
  readonly records: readonly SchoolRecord[];
  /** The same counts by column, record i at index i, NaN where a cell gives none: what evaluation loops over. */
  readonly countColumns: CountColumns;
  /** Districts (names as users type them, grouped by normalised name) in the order of their first school. */
  readonly districts: readonly DistrictName[];
  /** Each record's district, as an index into districts. */
  readonly districtOf: Int32Array;
  /** The rows as read, by column (records are views of it). */
  readonly rows: RowStore;
  /** Records left out of the totals: repeats of an earlier school, and subtotal rows without the word «Итого». */
  readonly leftOut: number;
  readonly findings: readonly Finding[];
}

export interface DistrictName {
  /** As written in the district's first row. */
  readonly name: string;
  /** normalizeText of it: what rows are grouped by. */
  readonly key: string;
}

export type { CountColumns } from './schoolRows';

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

export { REQUIRED_SCHOOL_COLUMNS };

/** Group name for schools whose district cell is empty. */
export const NO_DISTRICT = 'Район не указан';

/** Words that start a row of totals in the district or name cell: such rows are skipped (and not highlighted, highlight.ts). */
export const TOTAL_ROW_WORDS: readonly string[] = ['итого', 'всего'];
const TOTAL_ROW = new RegExp(`^(${TOTAL_ROW_WORDS.join('|')})( |$)`);
/** The same test on raw text, so school names need not be normalised first. */
const TOTAL_ROW_TEXT = new RegExp(`^\\s*(${TOTAL_ROW_WORDS.join('|')})([\\s:.,]|$)`, 'i');
/** Whether text may start with «Итого» / «Всего» (after spaces): most names are ruled out without the regexp. */
function startsLikeTotal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0xa0 || (code >= 0x09 && code <= 0x0d)) continue;
    return code === 0x418 || code === 0x438 || code === 0x412 || code === 0x432; // И и В в: TOTAL_ROW_WORDS' first letters
  }
  return false;
}
const PERIOD = /(\d{1,2}\.\d{1,2}(?:\.\d{2,4})?)\s*[–—-]\s*(\d{1,2}\.\d{1,2}\.\d{2,4})/;

/** For a count written as a percentage: the base it is a share of (from the catalogue). */
const PERCENT_BASE: Partial<Record<SchoolCountKey, SchoolCountKey>> = {};
for (const def of SCHOOL_INDICATORS) PERCENT_BASE[def.numerator] ??= def.base;

// Bases first, so a share given as a percentage can be turned into a count of its base.
const COUNT_ORDER = [...SCHOOL_COUNT_KEYS].sort((a, b) => Number(PERCENT_BASE[a] !== undefined) - Number(PERCENT_BASE[b] !== undefined));

/** Locates the header, either where the user says or by recognition, and applies the mapping. */
export function locateHeader<K extends string>(
  values: readonly (readonly CellValue[])[],
  defs: readonly ColumnDef<K>[],
  options: ParseOptions<K>,
  table?: string,
): { ok: true; header: HeaderMatch<K> } | { ok: false; error: string } {
  const firstRow = options.firstRow ?? 1;
  let header: HeaderMatch<K> | null;
  if (options.headerRow !== undefined) {
    header = headerAt(values, options.headerRow - firstRow, defs);
  } else {
    header = findHeaderRow(values, defs);
  }
  if (!header) {
    if (!options.mapping) return { ok: false, error: messages.headerNotFound(firstTexts(values), table) };
    // The user's mapping names the columns: take the first non-empty row as the header.
    header = headerAt(values, Math.max(0, values.findIndex((row) => row.some((cell) => cellText(cell) !== ''))), defs);
  }
  const mapped = applyMapping(header.columns, header.cells, options.mapping, defs, options.firstColumn ?? 0);
  if (mapped.errors.length) return { ok: false, error: mapped.errors.join('; ') };
  return { ok: true, header: { ...header, columns: mapped.columns } };
}

/** locateHeader, then a Russian message listing the headers found when a required column is missing. */
export function locateTable<K extends string>(
  values: readonly (readonly CellValue[])[],
  defs: readonly ColumnDef<K>[],
  required: readonly K[],
  options: ParseOptions<K>,
  /** What the table is, for the message when no header is found («таблицы плана 2.3»). */
  table?: string,
): { ok: true; header: HeaderMatch<K> } | { ok: false; error: string } {
  const located = locateHeader(values, defs, options, table);
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
  const reader = new RowReader(columns, firstColumn, Math.max(0, values.length - header.rowIndex - 1));
  readRows(reader, values, header.rowIndex + 1, firstRow);

  reader.checkBases();
  reader.findRepeats();
  reader.findSubtotals();
  reader.orderFindings();
  const store = reader.store;
  store.finish();
  let records: SchoolRecord[] | undefined;
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
      headerCells: header.cells,
      title,
      week: period ? `${period[1]}–${period[2]}` : null,
      // Views of the stored rows, made when first asked for: evaluation reads the columns.
      get records(): readonly SchoolRecord[] {
        return (records ??= store.records());
      },
      rows: store,
      countColumns: store.countColumns(),
      districts: store.districts,
      districtOf: store.districtOf.subarray(0, store.length),
      leftOut: reader.leftOut,
      findings: reader.findings,
    },
  };
}

/**
 * The row loop, in a function of its own: V8 compiles a long loop while it runs (on-stack
 * replacement) and reuses that code on the next call; code after the loop in the same function
 * had never run when it was compiled, so every parse of a whole country's table fell back to the
 * interpreter there.
 */
function readRows(reader: RowReader, values: readonly (readonly CellValue[])[], start: number, firstRow: number): void {
  for (let rowIndex = start; rowIndex < values.length; rowIndex++) {
    const cells = values[rowIndex] ?? [];
    if (!reader.isBlankRow(cells)) reader.read(cells, firstRow + rowIndex);
  }
}

/** Count columns present in the table, bases first, with where they are. */
interface CountColumn {
  readonly key: SchoolCountKey;
  readonly ref: ColumnRef;
  readonly percentBase: SchoolCountKey | undefined;
}

/** What every row of one district shares, worked out once per district name. */
interface DistrictInfo {
  /** The district cell's text (cellText of it). */
  readonly text: string;
  readonly key: string;
  /** «Итого…» / «Всего…» in the district column: a total row. */
  readonly total: boolean;
  /** A spreadsheet error («#REF!», «#Н/Д») in the district column. */
  readonly error: boolean;
  /** Hash of «key|», the start of the identity of each of its schools. */
  readonly seed: number;
  /** Index in the table's districts once a school of it is read, else −1. */
  group: number;
}

/** An indicator whose numerator and base are both in the sheet, by column slot in the store. */
interface BaseCheck {
  readonly numerator: number;
  readonly base: number;
  readonly numeratorKey: SchoolCountKey;
  readonly baseKey: SchoolCountKey;
}

/**
 * Reads school rows one by one. It runs once per row of a whole country's table, so it keeps
 * what every row shares (column positions, districts, identities seen so far) and allocates
 * little per row: a school is recognised again by a hash of its normalised name, and only
 * rows whose hashes meet are compared as strings.
 */
class RowReader {
  readonly findings: Finding[] = [];
  readonly store: RowStore;
  private readonly counts: readonly CountColumn[];
  /** Index in the row of each count column's cell, in store order. */
  private readonly countCells: Int32Array;
  private readonly baseChecks: readonly BaseCheck[];
  private readonly districtIndex: number;
  private readonly schoolIndex: number;
  /** Each row's identity hash (district and normalised name), for findRepeats. */
  private readonly hashes: Int32Array;
  /** Identity hash → index in records of the first school with it. */
  private readonly seenByHash: HashIndex;
  /** Full identities: schools with an id, and the rare names whose hashes collide. */
  private readonly seenByKey = new Map<string, number>();
  private readonly districts = new Map<string, DistrictInfo>();
  private readonly scan: NameScan = { hash: 0, needsFolding: false };
  private readonly districtCells = new Map<CellValue, DistrictInfo>();
  /** Districts' indices in the store's districts, by normalised name. */
  private readonly groupByKey = new Map<string, number>();
  /** Rows with numbers but no school's name: subtotals, or schools whose name is missing (findSubtotals tells). */
  private readonly nameless: number[] = [];
  leftOut = 0;
  /** Cells with a finding, once checkBases needs to know (made then, from the row loop's findings). */
  private reportedCells: Set<string> | null = null;

  constructor(private readonly columns: ColumnMap<SchoolColumnKey>, private readonly firstColumn: number, capacity: number) {
    this.counts = COUNT_ORDER.flatMap((key) => {
      const ref = columns[key];
      return ref ? [{ key, ref, percentBase: PERCENT_BASE[key] }] : [];
    });
    const keys = this.counts.map((c) => c.key);
    this.countCells = Int32Array.from(this.counts, (c) => c.ref.index);
    this.store = new RowStore(keys, capacity, columns.id !== undefined);
    this.seenByHash = new HashIndex(capacity);
    this.hashes = new Int32Array(capacity);
    this.baseChecks = SCHOOL_INDICATORS.flatMap((def) => {
      const numerator = keys.indexOf(def.numerator);
      const base = keys.indexOf(def.base);
      return numerator < 0 || base < 0 ? [] : [{ numerator, base, numeratorKey: def.numerator, baseKey: def.base }];
    });
    // Required columns: recognition has found them before a reader is made.
    this.districtIndex = columns.district?.index ?? -1;
    this.schoolIndex = columns.school?.index ?? -1;
  }

  /** cells.every(isBlank), asking the district and school cells first: in a school's row they answer at once. */
  isBlankRow(cells: readonly CellValue[]): boolean {
    return isBlank(cells[this.districtIndex]) && isBlank(cells[this.schoolIndex]) && cells.every(isBlank);
  }

  private text(cells: readonly CellValue[], key: SchoolTextKey): string {
    const ref = this.columns[key];
    return ref ? cellText(cells[ref.index]) : '';
  }

  place(row: number, key: SchoolColumnKey): CellPlace {
    return { row, column: this.columns[key] ?? { index: 0, header: key }, firstColumn: this.firstColumn };
  }

  /** The district cell's text and facts, by the cell's value: rows of a district repeat it, so each value is read once. */
  private districtOfCell(raw: CellValue): DistrictInfo {
    let info = this.districtCells.get(raw);
    if (info === undefined) {
      info = this.districtInfo(cellText(raw));
      this.districtCells.set(raw, info);
    }
    return info;
  }

  private districtInfo(district: string): DistrictInfo {
    let info = this.districts.get(district);
    if (info === undefined) {
      const key = foldedText(district);
      info = { text: district, key, total: TOTAL_ROW.test(key), error: isSpreadsheetError(district), seed: hashKey(`${key}|`), group: -1 };
      this.districts.set(district, info);
    }
    return info;
  }

  /** The district's index in the store's districts; spellings that normalise alike share one. */
  private groupOf(info: DistrictInfo, district: string): number {
    if (info.group < 0) {
      let group = this.groupByKey.get(info.key);
      if (group === undefined) {
        group = this.store.districts.length;
        this.store.districts.push({ name: district, key: info.key });
        this.groupByKey.set(info.key, group);
      }
      info.group = group;
    }
    return info.group;
  }

  /**
   * Marks every row that repeats an earlier school (same ИНН/id, or same district and normalised
   * name) as not counted, with a finding naming the first row. Done after all rows are read, in
   * row order: the index of name hashes is then the only thing in the processor's cache, where
   * inside the row loop each look-up missed it while a country's rows streamed past.
   */
  findRepeats(): void {
    const { store } = this;
    for (let index = 0; index < store.length; index++) {
      const id = store.id?.[index] ?? null;
      const firstSeen = this.firstSeen(index, id);
      if (firstSeen === undefined) continue;
      store.counted[index] = 0;
      this.leftOut++;
      this.findings.push(finding(this.place(store.row[index] as number, id ? 'id' : 'school'), 'duplicate', 'error', messages.duplicateSchool(firstSeen)));
    }
  }

  /**
   * Rows with numbers but no school's name, once every row is read: a row whose every number is
   * the sum of its district's named schools (or of all named schools) is a subtotal without the
   * word «Итого» and is left out of the totals; any other is a school whose name is missing.
   */
  findSubtotals(): void {
    if (this.nameless.length === 0) return;
    const { store } = this;
    const { block, capacity } = store;
    const width = store.countKeys.length;
    const isNameless = new Uint8Array(store.length);
    for (const index of this.nameless) isNameless[index] = 1;
    const groups = store.districts.length;
    // Per group, then the whole table at the end: each count summed over the named rows, without
    // and with repeated schools (a sheet's own SUM takes them in), and how many rows have it.
    const counted = new Float64Array((groups + 1) * width);
    const all = new Float64Array((groups + 1) * width);
    const filled = new Int32Array((groups + 1) * width);
    for (let index = 0; index < store.length; index++) {
      if (isNameless[index] === 1) continue;
      const group = store.districtOf[index] as number;
      for (let j = 0; j < width; j++) {
        const value = block[j * capacity + index] as number;
        if (Number.isNaN(value)) continue;
        for (const at of [group * width + j, groups * width + j]) {
          all[at] = (all[at] as number) + value;
          filled[at] = (filled[at] as number) + 1;
          if (store.counted[index] === 1) counted[at] = (counted[at] as number) + value;
        }
      }
    }
    // A subtotal fills every count its schools have, with their sum, and is not all zeros.
    const isSumOf = (index: number, at: number, sums: Float64Array): boolean => {
      let nonzero = false;
      for (let j = 0; j < width; j++) {
        const value = block[j * capacity + index] as number;
        if ((filled[at * width + j] as number) === 0) {
          if (!Number.isNaN(value) && value !== 0) return false;
          continue;
        }
        const sum = sums[at * width + j] as number;
        if (Number.isNaN(value) || Math.abs(value - sum) > 1e-9 * Math.max(1, Math.abs(sum))) return false;
        if (value !== 0) nonzero = true;
      }
      return nonzero;
    };
    const subtotalOf = (index: number, at: number): boolean => isSumOf(index, at, counted) || isSumOf(index, at, all);
    const subtotals = new Set<number>();
    for (const index of this.nameless) {
      if (store.counted[index] !== 1) continue;
      const row = store.row[index] as number;
      const group = store.districtOf[index] as number;
      const ofDistrict = subtotalOf(index, group);
      if (ofDistrict || subtotalOf(index, groups)) {
        store.counted[index] = 0;
        this.leftOut++;
        subtotals.add(row);
        const district = store.districts[group]?.name ?? '';
        this.findings.push(finding({ row }, 'totalRow', 'info', messages.subtotalRowSkipped(ofDistrict ? `ОО района «${district}»` : 'всех ОО таблицы')));
      } else {
        this.findings.push(finding(this.place(row, 'school'), 'missingSchool', 'warning', messages.missingSchool()));
      }
    }
    // A subtotal without a district is not «a school grouped under Район не указан».
    const kept = this.findings.filter((f) => !(f.code === 'missingDistrict' && subtotals.has(f.row)));
    this.findings.splice(0, this.findings.length, ...kept);
  }

  /**
   * After the passes over all rows: puts their findings among the row loop's, in row order (a
   * stable sort keeps each row's own order). Findings already in order, as when no pass added
   * any, are left as they are.
   */
  orderFindings(): void {
    const { findings } = this;
    for (let i = 1; i < findings.length; i++) {
      if ((findings[i] as Finding).row < (findings[i - 1] as Finding).row) {
        findings.sort((a, b) => a.row - b.row);
        return;
      }
    }
  }

  /** Sheet row of the first school with the same identity as row `index`, or undefined for a school not seen yet (then remembered). */
  private firstSeen(index: number, id: string | null): number | undefined {
    const { store } = this;
    const row = store.row[index] as number;
    if (id) return this.remember(`id:${id.replace(/\s+/g, '')}`, row);
    const first = this.seenByHash.getOrAdd(this.hashes[index] as number, index);
    if (first < 0) return undefined;
    const key = store.districts[store.districtOf[index] as number]?.key;
    const firstKey = store.districts[store.districtOf[first] as number]?.key;
    const school = foldedText(store.school[index] as string);
    if (firstKey === key && foldedText(store.school[first] as string) === school) return store.row[first];
    return this.remember(`name:${key}|${school}`, row);
  }

  private remember(identity: string, row: number): number | undefined {
    const first = this.seenByKey.get(identity);
    if (first === undefined) this.seenByKey.set(identity, row);
    return first;
  }

  read(cells: readonly CellValue[], row: number): void {
    const { findings } = this;
    let info = this.districtOfCell(cells[this.districtIndex]);
    let district = info.text;
    // One pass over the name gives its identity hash and whether it has spaces to fold.
    const rawSchool = cells[this.schoolIndex];
    let school = typeof rawSchool === 'string' ? rawSchool : cellText(rawSchool);
    const { scan } = this;
    scanName(school, info.seed, scan);
    if (scan.needsFolding) school = cellText(school);
    if (info.total || (startsLikeTotal(school) && TOTAL_ROW_TEXT.test(school))) {
      findings.push(finding({ row }, 'totalRow', 'info', messages.totalRowSkipped(school || district)));
      return;
    }

    // Every column gets a value (NaN for none) at this index: a row dropped below is overwritten by the next.
    const index = this.store.length;
    const { block, capacity } = this.store;
    let anyCount = false;
    const { countCells } = this;
    for (let j = 0, at = index; j < countCells.length; j++, at += capacity) {
      const raw = cells[countCells[j] as number];
      // The common cell, a whole non-negative number, is stored without a call.
      const value = typeof raw === 'number' && raw >= 0 && Number.isInteger(raw) ? raw : this.unusualCount(raw, j, index, row);
      block[at] = value;
      if (!Number.isNaN(value)) anyCount = true;
    }

    if (!anyCount && !school) {
      // Text in the district column only: a note under the table or a section heading, not a
      // school. (A name without a district may be a school under a merged district cell, which
      // the add-ins read as empty: it stays a school, with a warning.)
      if (district) findings.push(finding({ row }, 'skippedRow', 'info', messages.rowWithoutNumbers(district)));
      return;
    }
    if (!school) {
      // Numbers without a school's name: a subtotal or a school whose name is missing; findSubtotals tells which.
      this.nameless.push(index);
      school = `ОО в строке ${row}`;
      scanName(school, info.seed, scan);
    }
    if (info.error) {
      // «#ССЫЛКА!» in the district column is a broken formula, not a district of that name.
      findings.push(finding(this.place(row, 'district'), 'unparseable', 'error', messages.errorInDistrict(district, NO_DISTRICT)));
      district = NO_DISTRICT;
      info = this.districtInfo(district);
      scanName(school, info.seed, scan);
    } else if (!district) {
      findings.push(finding(this.place(row, 'district'), 'missingDistrict', 'warning', messages.missingDistrict()));
      district = NO_DISTRICT;
      info = this.districtInfo(district);
      scanName(school, info.seed, scan);
    }

    const id = this.columns.id ? this.text(cells, 'id') || null : null;
    this.hashes[index] = scan.hash;

    const status = this.columns.status ? this.text(cells, 'status') : '';
    const profileStatus = status ? readStatus(status, this.place(row, 'status'), findings) : null;
    this.store.push(row, district, this.groupOf(info, district), school, id, profileStatus);
  }

  /** Any count cell but a whole non-negative number: parsed, reported, and a percentage turned into a count of its base. NaN marks the column as having gaps. */
  private unusualCount(raw: CellValue, j: number, index: number, row: number): number {
    const value = this.readUnusual(raw, j, index, row);
    if (Number.isNaN(value)) this.store.gaps[j] = 1;
    return value;
  }

  private readUnusual(raw: CellValue, j: number, index: number, row: number): number {
    const { key, ref, percentBase } = this.counts[j] as CountColumn;
    const cell = readCount(raw, row, ref, this.firstColumn, this.findings);
    if (cell === null) return NaN;
    if (typeof cell === 'number') return cell;
    // Bases come first in the store, so the base of this row is already read.
    const slot = percentBase === undefined ? -1 : this.store.countKeys.indexOf(percentBase);
    const base = slot < 0 ? NaN : ((this.store.counts[slot] as Float64Array)[index] as number);
    if (Number.isNaN(base)) {
      this.findings.push(finding(this.place(row, key), 'unparseable', 'error', shareInBaseMessage(cell) + '; значение не учтено'));
      return NaN;
    }
    this.findings.push(finding(this.place(row, key), 'percentInCount', 'warning', shareInCountMessage(cell)));
    return cell.share * base;
  }

  /**
   * Counts above their default base and zero bases, for every indicator of the catalogue, after
   * all rows are read: a comparison down two columns per indicator (NaN compares false), then
   * only the rows with something to report are looked at again, in row order.
   */
  checkBases(): void {
    const { store } = this;
    const columns = store.counts;
    let suspect: Uint8Array | null = null;
    for (const check of this.baseChecks) {
      const parts = columns[check.numerator] as Float64Array;
      const bases = columns[check.base] as Float64Array;
      for (let index = 0; index < store.length; index++) {
        const part = parts[index] as number;
        const base = bases[index] as number;
        if (part > base || base === 0) (suspect ??= new Uint8Array(store.length))[index] = 1;
      }
      // A count whose base is empty is left out of that indicator's share: say so. Only a base
      // column with a gap can have one, so a full column costs nothing here.
      if (store.gaps[check.base] !== 1) continue;
      for (let index = 0; index < store.length; index++) {
        const base = bases[index] as number;
        if (base !== base && !Number.isNaN(parts[index] as number)) (suspect ??= new Uint8Array(store.length))[index] = 1;
      }
    }
    if (suspect === null) return;
    for (let index = 0; index < store.length; index++) if (suspect[index] === 1) this.reportBases(index, store.row[index] as number);
  }

  private reportBases(index: number, row: number): void {
    const columns = this.store.counts;
    let zeroReported: SchoolCountKey | null = null;
    let missingReported: SchoolCountKey | null = null;
    for (const check of this.baseChecks) {
      const part = (columns[check.numerator] as Float64Array)[index] as number;
      const base = (columns[check.base] as Float64Array)[index] as number;
      if (Number.isNaN(part)) continue;
      if (Number.isNaN(base)) {
        // Once per base cell, however many counts of the row stand on it.
        if (missingReported === check.baseKey) continue;
        missingReported = check.baseKey;
        const missing = finding(this.place(row, check.baseKey), 'missingBase', 'warning', messages.missingBase(this.place(row, check.numeratorKey).column.header));
        // A base that held something unreadable is already reported as such.
        this.reportedCells ??= new Set(this.findings.map((f) => f.cell));
        if (!this.reportedCells.has(missing.cell)) this.findings.push(missing);
        continue;
      }
      if (base === 0) {
        if (zeroReported === check.baseKey) continue;
        zeroReported = check.baseKey;
        const detail = part > 0 ? `, а в «${this.place(row, check.numeratorKey).column.header}» ${formatNumber(part)}` : '';
        // The district's share is Σcounts ÷ Σbases as the methodology (and a SUMIFS workbook) has
        // it, so such a count still adds to the district: the message says so, to be checked.
        const effect = part > 0 ? 'доля школы не считается, а число учтено в сумме района как есть — проверьте' : 'доли школы по этой базе не считаются';
        this.findings.push(finding(this.place(row, check.baseKey), 'baseZero', 'warning', `${messages.baseZero()}${detail}; ${effect}`));
      } else if (part > base) {
        this.findings.push(finding(this.place(row, check.numeratorKey), 'aboveBase', 'warning', `${messages.partAboveBase(part, base)} («${this.place(row, check.baseKey).column.header}»)`));
      }
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
