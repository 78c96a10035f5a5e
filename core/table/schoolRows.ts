/**
 * The parsed rows of a weekly sheet, stored by column: one typed array or plain array per field
 * instead of an object per row. A country's table has 40 000 rows; objects that all live until
 * the report is built cost the collector more than reading them costs. SchoolRecord objects are
 * views made when something asks for the records.
 */
import type { SchoolCountKey } from '../catalogue/columns';
import { normalizeText } from '../text';
import type { DistrictName, ProfileStatus, SchoolRecord } from './schoolTable';

/** One Float64Array per count column present in the sheet, NaN where a cell gives no number. */
export type CountColumns = Readonly<Partial<Record<SchoolCountKey, Float64Array>>>;

/** Profile statuses by their codes in RowStore.status. */
const STATUS_CODES: readonly (ProfileStatus | null)[] = [null, 'active', 'inactive'];
export const PROFILE_UNKNOWN = 0;
export const PROFILE_ACTIVE = 1;
export const PROFILE_INACTIVE = 2;

/** Everything read from the rows, row i of the table at index i of every array. */
export class RowStore {
  /** Column j of the counts is block[j × capacity …]; `counts` are views of it. One array for all: the row loop stores into it without looking up a column. */
  readonly block: Float64Array;
  readonly counts: Float64Array[];
  readonly row: Int32Array;
  readonly districtOf: Int32Array;
  readonly status: Uint8Array;
  readonly counted: Uint8Array;
  /**
   * A row's district as written, only where it differs from its group's name (the first
   * spelling read): nearly every row has the same, and a country's worth of copies of the
   * pointer cost a pass of their own. districtAt reads it.
   */
  private readonly spelledDistrict = new Map<number, string>();
  readonly school: string[];
  /** Only when the sheet has an id column. */
  readonly id: (string | null)[] | null;
  readonly districts: DistrictName[] = [];
  /**
   * Per count column: 1 once a cell of it gave no number (stored NaN). A column still at 0 has
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

  constructor(readonly countKeys: readonly SchoolCountKey[], readonly capacity: number, withId: boolean) {
    this.block = new Float64Array(countKeys.length * capacity);
    this.counts = countKeys.map((_, j) => this.block.subarray(j * capacity, (j + 1) * capacity));
    this.gaps = new Uint8Array(countKeys.length);
    this.zeroFree = new Uint8Array(countKeys.length);
    this.row = new Int32Array(capacity);
    this.districtOf = new Int32Array(capacity);
    this.status = new Uint8Array(capacity);
    this.counted = new Uint8Array(capacity);
    // Sized once: growing by push copied a country's 40 000 names several times over.
    this.school = new Array<string>(capacity);
    this.id = withId ? new Array<string | null>(capacity) : null;
  }

  /** Adds a row whose counts are already in the count columns at index `length`; counted until RepeatedSchools.find says it repeats a school. */
  push(row: number, district: string, group: number, school: string, id: string | null, status: ProfileStatus | null): void {
    const i = this.length++;
    this.row[i] = row;
    this.districtOf[i] = group;
    // Fresh arrays hold zeros: an unknown status (most sheets have no status column) is not written.
    if (status !== null) this.status[i] = status === 'active' ? PROFILE_ACTIVE : PROFILE_INACTIVE;
    this.counted[i] = 1;
    if (district !== (this.districts[group] as DistrictName).name) this.spelledDistrict.set(i, district);
    this.school[i] = school;
    if (this.id) this.id[i] = id;
  }

  /** Drops the unused capacity of the text columns once every row is read. */
  finish(): void {
    this.school.length = this.length;
    if (this.id) this.id.length = this.length;
  }

  /** Row `index`'s district as written in the sheet. */
  districtAt(index: number): string {
    return this.spelledDistrict.get(index) ?? (this.districts[this.districtOf[index] as number] as DistrictName).name;
  }

  profileStatus(index: number): ProfileStatus | null {
    return STATUS_CODES[this.status[index] as number] ?? null;
  }

  /** The counts of one row as an object with only the cells that hold a number. */
  countsAt(index: number): Partial<Record<SchoolCountKey, number>> {
    const counts: Partial<Record<SchoolCountKey, number>> = {};
    this.countKeys.forEach((key, j) => {
      const value = (this.counts[j] as Float64Array)[index] as number;
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
    const result: Partial<Record<SchoolCountKey, Float64Array>> = {};
    this.countKeys.forEach((key, j) => (result[key] = (this.counts[j] as Float64Array).subarray(0, this.length)));
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
    return this.store.row[this.index] as number;
  }
  get district(): string {
    return this.store.districtAt(this.index);
  }
  get districtKey(): string {
    return (this.store.districts[this.store.districtOf[this.index] as number] as DistrictName).key;
  }
  get school(): string {
    return this.store.school[this.index] as string;
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
    return this.store.counted[this.index] === 1;
  }
}
