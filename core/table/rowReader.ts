/**
 * The row loop of the weekly sheet: reads each school's row into the row store, with a finding
 * for anything unusual in its cells. What needs all rows (repeated schools, subtotals, bases)
 * is done after it, by the passes parseSchoolTable runs.
 */
import type { SchoolColumnKey, SchoolCountKey, SchoolTextKey } from '../catalogue/columns';
import { SCHOOL_COUNT_KEYS } from '../catalogue/columns';
import { SCHOOL_INDICATORS } from '../catalogue/indicators';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { districtSeed, foldedText, scanName, type NameScan } from '../nameKey';
import { cellText, normalizeText } from '../text';
import { isBlank, isSpreadsheetError, type CellValue } from '../values';
import { finding, readCount, shareInBaseMessage, shareInCountMessage, type CellPlace } from './cells';
import type { ColumnMap, ColumnRef } from './header';
import { RepeatedSchools } from './repeatedSchools';
import { isInlineCount, RowStore } from './schoolRows';
import type { ProfileStatus } from './schoolTable';
import { isTotalText, NO_DISTRICT, TOTAL_ROW } from './totalRows';

/** For a count written as a percentage: the base it is a share of (from the catalogue). */
const PERCENT_BASE: Partial<Record<SchoolCountKey, SchoolCountKey>> = {};
for (const def of SCHOOL_INDICATORS) PERCENT_BASE[def.numerator] ??= def.base;

// Bases first, so a share given as a percentage can be turned into a count of its base.
const COUNT_ORDER = [...SCHOOL_COUNT_KEYS].sort((a, b) => Number(PERCENT_BASE[a] !== undefined) - Number(PERCENT_BASE[b] !== undefined));

/**
 * The row loop, in a function of its own: V8 compiles a long loop while it runs (on-stack
 * replacement) and reuses that code on the next call; code after the loop in the same function
 * had never run when it was compiled, so every parse of a whole country's table fell back to the
 * interpreter there.
 */
export function readRows(reader: RowReader, values: readonly (readonly CellValue[])[], start: number, firstRow: number): void {
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

/**
 * Reads school rows one by one. It runs once per row of a whole country's table, so it keeps
 * what every row shares (column positions, districts, identities seen so far) and allocates
 * little per row: a school is recognised again by a hash of its normalised name, and only
 * rows whose hashes meet are compared as strings.
 */
export class RowReader {
  readonly findings: Finding[] = [];
  readonly store: RowStore;
  private readonly counts: readonly CountColumn[];
  /** Index in the row of each count column's cell, in store order. */
  private readonly countCells: Int32Array;
  private readonly districtIndex: number;
  private readonly schoolIndex: number;
  /** Identities of the rows read, for the pass that finds repeated schools. */
  readonly repeats: RepeatedSchools;
  /** repeats.hashes: each row's identity hash, stored by the row loop. */
  private readonly hashes: Int32Array;
  private readonly scan: NameScan = { hash: 0, needsFolding: false };
  /**
   * District cells that are text, and the texts of all district cells (cellText), by the text:
   * a dictionary object, whose look-up of a string took two thirds of a Map's in a
   * micro-benchmark of a country's rows (V8 finds the text through its table of interned
   * strings). No prototype, so any text is only a key.
   */
  private readonly districtTexts: Record<string, DistrictInfo | undefined> = Object.create(null) as Record<string, DistrictInfo | undefined>;
  /** District cells of any other kind (numbers, dates, empty), by value. */
  private readonly districtCells = new Map<CellValue, DistrictInfo>();
  /** Districts' indices in the store's districts, by normalised name. */
  private readonly groupByKey = new Map<string, number>();
  /** Rows with numbers but no school's name: subtotals, or schools whose name is missing (findSubtotals tells). */
  readonly nameless: number[] = [];

  /** `values` is the whole sheet, row `firstRow` at index 0 (the store reads school names from it). */
  constructor(
    private readonly columns: ColumnMap<SchoolColumnKey>,
    private readonly firstColumn: number,
    capacity: number,
    values: readonly (readonly CellValue[])[],
    firstRow: number,
  ) {
    this.counts = COUNT_ORDER.flatMap((key) => {
      const ref = columns[key];
      return ref ? [{ key, ref, percentBase: PERCENT_BASE[key] }] : [];
    });
    const keys = this.counts.map((c) => c.key);
    this.countCells = Int32Array.from(this.counts, (c) => c.ref.index);
    // Required columns: recognition has found them before a reader is made.
    this.districtIndex = columns.district?.index ?? -1;
    this.schoolIndex = columns.school?.index ?? -1;
    this.store = new RowStore(keys, capacity, columns.id !== undefined, values, firstRow, this.schoolIndex);
    this.repeats = new RepeatedSchools(capacity);
    this.hashes = this.repeats.hashes;
  }

  /** cells.every(isBlank), asking the district and school cells first: in a school's row they answer at once. */
  isBlankRow(cells: readonly CellValue[]): boolean {
    return isBlank(cells[this.districtIndex]) && isBlank(cells[this.schoolIndex]) && cells.every(isBlank);
  }

  private text(cells: readonly CellValue[], key: SchoolTextKey): string {
    const ref = this.columns[key];
    return ref ? cellText(cells[ref.index]) : '';
  }

  /**
   * Where a row's cell of a column sits, for findings (the passes after the row loop use it too).
   * A method, not an arrow-function field: V8 puts a function assigned to a property
   * (`this.place = …`, which a field compiles to) straight into the old generation, and that
   * closure held every parse's reader, with its row store and hashes, through each minor
   * collection until the next full one: a country's parse then needed a megabyte of fresh pages.
   */
  place(row: number, key: SchoolColumnKey): CellPlace {
    return { row, column: this.columns[key] ?? { index: 0, header: key }, firstColumn: this.firstColumn };
  }

  /** The district cell's text and facts, by the cell's value: rows of a district repeat it, so each value is read once. */
  private districtOfCell(raw: CellValue): DistrictInfo {
    if (typeof raw === 'string') return (this.districtTexts[raw] ??= this.districtInfo(cellText(raw)));
    let info = this.districtCells.get(raw);
    if (info === undefined) {
      info = this.districtInfo(cellText(raw));
      this.districtCells.set(raw, info);
    }
    return info;
  }

  /**
   * A district text's facts, in the dictionary of district cells by text: a text is the cell of
   * its own (cellText leaves it as it is), so most districts take one entry there, not one in
   * another map as well.
   */
  private districtInfo(district: string): DistrictInfo {
    let info = this.districtTexts[district];
    if (info === undefined) {
      const key = foldedText(district);
      info = { text: district, key, total: TOTAL_ROW.test(key), error: isSpreadsheetError(district), seed: districtSeed(key), group: -1 };
      this.districtTexts[district] = info;
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
   * Reads one row: its district, the name (hashed for the search for repeated schools, which runs
   * once all rows are read: RepeatedSchools), the counts, id and status, with a finding for
   * anything unusual. A total row, or a note with no numbers and no name, is reported and skipped.
   */
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
    if (info.total || isTotalText(school)) {
      findings.push(finding({ row }, 'totalRow', 'info', messages.totalRowSkipped(school || district)));
      return;
    }

    // Every column gets a value (NO_COUNT for none) at this index: a row dropped below is overwritten by the next.
    const index = this.store.length;
    const { block, capacity } = this.store;
    let anyCount = false;
    const { countCells } = this;
    for (let j = 0, at = index; j < countCells.length; j++, at += capacity) {
      const raw = cells[countCells[j] as number];
      // The common cell, a whole number from 0 to 65 533 (isInlineCount), is stored without a call.
      if (typeof raw === 'number' && isInlineCount(raw)) {
        block[at] = raw;
        anyCount = true;
      } else if (this.unusualCount(raw, j, index, row)) {
        anyCount = true;
      }
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
    this.store.push(row, district, this.groupOf(info, district), school === rawSchool ? null : school, id, profileStatus);
  }

  /** Any count cell but a whole number the block holds as it is: parsed, reported, a percentage turned into a count of its base, and stored. Whether it gave a number. */
  private unusualCount(raw: CellValue, j: number, index: number, row: number): boolean {
    const value = this.readUnusual(raw, j, index, row);
    this.store.storeUnusual(j, index, value);
    return !Number.isNaN(value);
  }

  private readUnusual(raw: CellValue, j: number, index: number, row: number): number {
    const { key, ref, percentBase } = this.counts[j] as CountColumn;
    const cell = readCount(raw, row, ref, this.firstColumn, this.findings);
    if (cell === null) return NaN;
    if (typeof cell === 'number') return cell;
    // Bases come first in the store, so the base of this row is already read.
    const slot = percentBase === undefined ? -1 : this.store.countKeys.indexOf(percentBase);
    const base = slot < 0 ? NaN : this.store.countAt(slot, index);
    if (Number.isNaN(base)) {
      this.findings.push(finding(this.place(row, key), 'unparseable', 'error', shareInBaseMessage(cell) + '; значение не учтено'));
      return NaN;
    }
    this.findings.push(finding(this.place(row, key), 'percentInCount', 'warning', shareInCountMessage(cell)));
    return cell.share * base;
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
