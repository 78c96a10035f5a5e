/**
 * The weekly monitoring sheet, one row per school, read into records. Every problem becomes a
 * finding with its row and column; only a missing header or required column stops the parse.
 */
import { REQUIRED_SCHOOL_COLUMNS, SCHOOL_COLUMNS, type SchoolColumnKey, type SchoolCountKey } from '../catalogue/columns';
import { putInRowOrder, type Finding } from '../findings';
import { cellText } from '../text';
import type { CellValue } from '../values';
import type { CellPlace } from './cells';
import { checkBases } from './baseChecks';
import type { ColumnMap } from './header';
import { locateTable, type ParseOptions, type ParseResult } from './locate';
import { readRows, RowReader } from './rowReader';
import type { CountColumns, GroupIndices, RowStore } from './schoolRows';
import { findSubtotals } from './subtotals';

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
  /** The same counts by column, record i at index i (CountArray: whole numbers in a Uint16Array, else NaN where a cell gives none): what evaluation loops over. */
  readonly countColumns: CountColumns;
  /** Districts (names as users type them, grouped by normalised name) in the order of their first school. */
  readonly districts: readonly DistrictName[];
  /** Each record's district, as an index into districts. */
  readonly districtOf: GroupIndices;
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

export type { CountArray, CountColumns, GroupIndices } from './schoolRows';
// Part of core's interface from this module before the row loop and the header search had modules of their own.
export { REQUIRED_SCHOOL_COLUMNS };
export { NO_DISTRICT, TOTAL_ROW_WORDS } from './totalRows';
export { locateHeader, locateTable, type ParseOptions, type ParseResult } from './locate';

const PERIOD = /(\d{1,2}\.\d{1,2}(?:\.\d{2,4})?)\s*[–—-]\s*(\d{1,2}\.\d{1,2}\.\d{2,4})/;

export function parseSchoolTable(values: readonly (readonly CellValue[])[], options: ParseOptions<SchoolColumnKey> = {}): ParseResult<SchoolTable> {
  const located = locateTable(values, SCHOOL_COLUMNS, REQUIRED_SCHOOL_COLUMNS, options);
  if (!located.ok) return located;
  const { header } = located;
  const { columns } = header;

  const firstRow = options.firstRow ?? 1;
  const firstColumn = options.firstColumn ?? 0;
  const reader = new RowReader(columns, firstColumn, Math.max(0, values.length - header.rowIndex - 1), values, firstRow);
  readRows(reader, values, header.rowIndex + 1, firstRow);

  const { store, findings } = reader;
  // A local closure, not one stored on the reader (see RowReader.place).
  const place = (row: number, key: SchoolColumnKey): CellPlace => reader.place(row, key);
  store.sealCounts();
  checkBases(store, place, findings);
  const leftOut = reader.repeats.find(store, place, findings) + findSubtotals(store, reader.nameless, place, findings);
  putInRowOrder(findings);
  store.finish();
  const title = values.slice(0, header.rowIndex).flatMap((row) => row.map(cellText).filter((t) => t !== '')).join(' ');
  const period = PERIOD.exec(title);
  return {
    ok: true,
    table: new StoredSchoolTable({
      shape: 'school',
      headerRow: firstRow + header.rowIndex,
      lastRow: firstRow + values.length - 1,
      firstColumn,
      columns,
      headers: header.headers,
      headerCells: header.cells,
      title,
      week: period ? `${period[1]}–${period[2]}` : null,
      rows: store,
      countColumns: store.countColumns(),
      districts: store.districts,
      districtOf: store.districtOf.subarray(0, store.length),
      leftOut,
      findings,
    }),
  };
}

// The class takes SchoolTable's fields as they are given (Object.assign) and adds `records`.
interface StoredSchoolTable extends Omit<SchoolTable, 'records'> {}

/**
 * A parsed table whose records, views of the stored rows, are made when first asked for
 * (evaluation reads the columns). A class, so that getter is on its prototype: a getter in an
 * object literal is a function V8 puts straight into the old generation, and it held every
 * parse's rows through each minor collection until the next full one.
 */
class StoredSchoolTable implements SchoolTable {
  private made: readonly SchoolRecord[] | undefined;

  constructor(fields: Omit<SchoolTable, 'records'>) {
    Object.assign(this, fields);
  }

  get records(): readonly SchoolRecord[] {
    return (this.made ??= this.rows.records());
  }
}
