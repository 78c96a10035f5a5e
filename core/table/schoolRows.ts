/**
 * The parsed rows of a weekly sheet, stored by column: one typed array or plain array per field
 * instead of an object per row. A country's table has 40 000 rows; objects that all live until
 * the report is built cost the collector more than reading them costs. SchoolRecord objects are
 * views made when something asks for the records.
 */
import type { SchoolCountKey } from '../catalogue/columns';
import { normalizeText } from '../text';
import type { CellValue } from '../values';
import type { DistrictName, ProfileStatus, SchoolRecord } from './schoolTable';

/**
 * One count column: whole numbers in a Uint16Array when every cell of the column holds one below
 * WIDE_COUNT (a school's teachers and students, in every sheet seen), else a Float64Array with NaN
 * where a cell gives no number. A Uint16Array column never has a gap.
 */
export type CountArray = Uint16Array | Float64Array;

/**
 * Each row's district, as an index into the store's districts: 16-bit (a country has some 2 300
 * districts), 32-bit once a sheet has more than 65 536 of them.
 */
export type GroupIndices = Uint16Array | Int32Array;

/** One array per count column present in the sheet (CountArray). */
export type CountColumns = Readonly<Partial<Record<SchoolCountKey, CountArray>>>;

/** In RowStore.block: the cell gave no number. */
export const NO_COUNT = 0xffff;
/**
 * In RowStore.block: the count is not a whole number below this code (a fraction, a share of a base,
 * a subtotal of more than 65 533) and is kept in the column's wide array. Whole counts below it are
 * stored as they are.
 */
export const WIDE_COUNT = 0xfffe;

/** Whether a count is stored in the block as it is: a whole number from 0 to below WIDE_COUNT. */
export function isInlineCount(value: number): boolean {
  return (value & 0xffff) === value && value < WIDE_COUNT;
}

/** Profile statuses by their codes in RowStore.status. */
const STATUS_CODES: readonly (ProfileStatus | null)[] = [null, 'active', 'inactive'];
export const PROFILE_UNKNOWN = 0;
export const PROFILE_ACTIVE = 1;
export const PROFILE_INACTIVE = 2;

/** Everything read from the rows, row i of the table at index i of every array. */
export class RowStore {
  /**
   * Column j of the counts is block[j × capacity …], as the row loop stores them: one array for
   * all, so it stores without looking up a column, and 16-bit, so a country's counts take a
   * quarter of the memory a Float64Array would. A report that is kept holds it until the
   * collector's next full collection, so the next parse may get it fresh from the system, mapped
   * in page by page (some 10 µs a page on a virtual machine): 640 KB at 40 000 schools instead of
   * 1,3 MB in 32 bits. A cell without a number is NO_COUNT; any count that is
   * not a whole number below WIDE_COUNT is WIDE_COUNT there and kept in `wide`.
   */
  readonly block: Uint16Array;
  /** Per count column, once a count of it is not a whole number below WIDE_COUNT: its values by row. */
  private readonly wide: (Float64Array | undefined)[];
  /** The count columns, made from the block by sealCounts once every row is read. */
  counts: CountArray[] = [];
  /**
   * Sheet rows, as runs: from index rowRunStart[r] on, row = index + rowRunOffset[r]. Rows follow
   * one another but where the sheet skips one (a subtotal, a note, a blank row), so a country's
   * table has a run per district at most; an Int32Array of every row was memory the report kept,
   * fresh from the system on every run until the collector's next full collection.
   */
  private readonly rowRunStart: number[] = [];
  private readonly rowRunOffset: number[] = [];
  /** Row i's district (GroupIndices): half the memory of 32 bits, which the report keeps. */
  districtOf: GroupIndices;
  /**
   * Profile status codes, made with the first row that has a status (most sheets have no status
   * column) and the left-out marks, made with the first row left out (most sheets repeat no
   * school): a country's worth of each was memory the report kept, fresh on every run.
   */
  private statusCodes: Uint8Array | null = null;
  private leftOutMarks: Uint8Array | null = null;
  /**
   * A row's district as written, only where it differs from its group's name (the first
   * spelling read): nearly every row has the same, and a country's worth of copies of the
   * pointer cost a pass of their own. districtAt reads it.
   */
  private readonly spelledDistrict = new Map<number, string>();
  /**
   * A school's name, only where it is not the text of its cell as it stands in the sheet's values
   * (spaces folded, a number or date as text, a row without a name): every other name is read
   * from the values when asked for. A country's names copied into an array of their own took a
   * fresh third of a megabyte per parse (too big for the collector's young space), which the
   * system had to map in again, page by page, every time.
   */
  private readonly renamedSchool = new Map<number, string>();
  /** Only when the sheet has an id column. */
  readonly id: (string | null)[] | null;
  readonly districts: DistrictName[] = [];
  /**
   * Per count column: 1 once a cell of it gave no number (stored NO_COUNT). A column still at 0 has
   * a number in every row, which lets evaluation add it up without looking for gaps.
   */
  readonly gaps: Uint8Array;
  /**
   * Per count column: 1 once checkBases has looked down it as a base and found no zero. An
   * indicator without a target over such a base has a share for every school that has both
   * numbers, which spares evaluation its pass.
   */
  readonly zeroFree: Uint8Array;
  length = 0;

  /**
   * `source` is the sheet's values, whose school cells the store reads names from (it is never
   * changed; a caller that changes it after the parse changes the names), row `firstRow` at index 0.
   */
  constructor(
    readonly countKeys: readonly SchoolCountKey[],
    readonly capacity: number,
    withId: boolean,
    private readonly source: readonly (readonly CellValue[])[],
    private readonly firstRow: number,
    private readonly schoolColumn: number,
  ) {
    this.block = new Uint16Array(countKeys.length * capacity);
    this.wide = countKeys.map(() => undefined);
    this.gaps = new Uint8Array(countKeys.length);
    this.zeroFree = new Uint8Array(countKeys.length);
    this.districtOf = new Uint16Array(capacity);
    this.id = withId ? new Array<string | null>(capacity) : null;
  }

  /**
   * Adds a row whose counts are already in the count columns at index `length`; counted until
   * RepeatedSchools.find says it repeats a school. `renamedSchool`: the school's name where it is
   * not its cell's value itself, else null (schoolAt reads the cell).
   */
  push(row: number, district: string, group: number, renamedSchool: string | null, id: string | null, status: ProfileStatus | null): void {
    const i = this.length++;
    const runs = this.rowRunOffset.length;
    if (runs === 0 || this.rowRunOffset[runs - 1] !== row - i) {
      this.rowRunStart.push(i);
      this.rowRunOffset.push(row - i);
    }
    if (group > 0xffff && this.districtOf instanceof Uint16Array) this.districtOf = Int32Array.from(this.districtOf);
    this.districtOf[i] = group;
    // Fresh arrays hold zeros: an unknown status is not written.
    if (status !== null) (this.statusCodes ??= new Uint8Array(this.capacity))[i] = status === 'active' ? PROFILE_ACTIVE : PROFILE_INACTIVE;
    if (district !== (this.districts[group] as DistrictName).name) this.spelledDistrict.set(i, district);
    if (renamedSchool !== null) this.renamedSchool.set(i, renamedSchool);
    if (this.id) this.id[i] = id;
  }

  /** Stores a count that the row loop does not store itself (see isInlineCount), or NaN for none. */
  storeUnusual(j: number, index: number, value: number): void {
    const at = j * this.capacity + index;
    if (Number.isNaN(value)) {
      this.block[at] = NO_COUNT;
      this.gaps[j] = 1;
    } else if (isInlineCount(value)) {
      this.block[at] = value;
    } else {
      this.block[at] = WIDE_COUNT;
      (this.wide[j] ??= new Float64Array(this.capacity))[index] = value;
    }
  }

  /** Count column j at row `index`, NaN for none, while the rows are read (before sealCounts). */
  countAt(j: number, index: number): number {
    const code = this.block[j * this.capacity + index] as number;
    if (code < WIDE_COUNT) return code;
    return code === NO_COUNT ? NaN : ((this.wide[j] as Float64Array)[index] as number);
  }

  /**
   * Makes the count columns once every row is read: a view of the block where the column holds
   * only whole numbers, else a Float64Array with NaN for the gaps.
   */
  sealCounts(): void {
    const { length, capacity } = this;
    this.counts = this.countKeys.map((_, j) => {
      const codes = this.block.subarray(j * capacity, j * capacity + length);
      if (this.gaps[j] !== 1 && this.wide[j] === undefined) return codes;
      const values = new Float64Array(length);
      for (let index = 0; index < length; index++) {
        const code = codes[index] as number;
        values[index] = code < WIDE_COUNT ? code : code === NO_COUNT ? NaN : ((this.wide[j] as Float64Array)[index] as number);
      }
      return values;
    });
  }

  /** Drops the unused capacity of the id column once every row is read. */
  finish(): void {
    if (this.id) this.id.length = this.length;
  }

  /** Each row's profile status code (PROFILE_…), or null when no row has a status. */
  get statuses(): Uint8Array | null {
    return this.statusCodes === null ? null : this.statusCodes.subarray(0, this.length);
  }

  /** Whether row `index` counts in the totals (RepeatedSchools and findSubtotals leave rows out). */
  isCounted(index: number): boolean {
    return this.leftOutMarks === null || this.leftOutMarks[index] !== 1;
  }

  /** Leaves row `index` out of the totals. */
  leaveOut(index: number): void {
    (this.leftOutMarks ??= new Uint8Array(this.capacity))[index] = 1;
  }

  /** Row `index`'s sheet row (1-based). */
  rowAt(index: number): number {
    const starts = this.rowRunStart;
    // The last run starting at or before index.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((starts[middle] as number) <= index) low = middle;
      else high = middle - 1;
    }
    return index + (this.rowRunOffset[low] as number);
  }

  /** Row `index`'s school name (spaces folded). */
  schoolAt(index: number): string {
    return this.renamedSchool.get(index) ?? ((this.source[this.rowAt(index) - this.firstRow] as readonly CellValue[])[this.schoolColumn] as string);
  }

  /** Row `index`'s district as written in the sheet. */
  districtAt(index: number): string {
    return this.spelledDistrict.get(index) ?? (this.districts[this.districtOf[index] as number] as DistrictName).name;
  }

  profileStatus(index: number): ProfileStatus | null {
    return STATUS_CODES[this.statusCodes?.[index] ?? PROFILE_UNKNOWN] ?? null;
  }

  /** The counts of one row as an object with only the cells that hold a number. */
  countsAt(index: number): Partial<Record<SchoolCountKey, number>> {
    const counts: Partial<Record<SchoolCountKey, number>> = {};
    this.countKeys.forEach((key, j) => {
      const value = (this.counts[j] as CountArray)[index] as number;
      if (!Number.isNaN(value)) counts[key] = value;
    });
    return counts;
  }

  /** Whether some row has no number in this count column (false for a column the sheet lacks). */
  hasGaps(key: SchoolCountKey): boolean {
    const j = this.countKeys.indexOf(key);
    return j >= 0 && this.gaps[j] === 1;
  }

  /** Whether checkBases found no zero in this count column. */
  isZeroFree(key: SchoolCountKey): boolean {
    const j = this.countKeys.indexOf(key);
    return j >= 0 && this.zeroFree[j] === 1;
  }

  countColumns(): CountColumns {
    const result: Partial<Record<SchoolCountKey, CountArray>> = {};
    this.countKeys.forEach((key, j) => (result[key] = this.counts[j] as CountArray));
    return result;
  }

  records(): SchoolRecord[] {
    return Array.from({ length: this.length }, (_, i) => new RecordView(this, i));
  }
}

/** One row of the store as a SchoolRecord. */
class RecordView implements SchoolRecord {
  private key: string | undefined;
  private countsObject: Partial<Record<SchoolCountKey, number>> | undefined;
  constructor(private readonly store: RowStore, readonly index: number) {}

  get row(): number {
    return this.store.rowAt(this.index);
  }
  get district(): string {
    return this.store.districtAt(this.index);
  }
  get districtKey(): string {
    return (this.store.districts[this.store.districtOf[this.index] as number] as DistrictName).key;
  }
  get school(): string {
    return this.store.schoolAt(this.index);
  }
  get schoolKey(): string {
    return (this.key ??= normalizeText(this.school));
  }
  get id(): string | null {
    return this.store.id?.[this.index] ?? null;
  }
  get profileStatus(): ProfileStatus | null {
    return this.store.profileStatus(this.index);
  }
  get counts(): Readonly<Partial<Record<SchoolCountKey, number>>> {
    return (this.countsObject ??= this.store.countsAt(this.index));
  }
  get counted(): boolean {
    return this.store.isCounted(this.index);
  }
}
