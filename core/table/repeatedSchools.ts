/**
 * Repeated schools: a row with the same ИНН/id, or the same district and normalised name, as an
 * earlier row is left out of the totals, with a finding naming the first row. The row loop
 * stores each row's identity hash; the hashes are compared once all are read (firstEqualBefore):
 * inside the row loop each look-up of a country's worth of hashes missed the processor's cache
 * while the rows streamed past.
 */
import type { SchoolColumnKey } from '../catalogue/columns';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { firstEqualBefore, foldedText } from '../nameKey';
import { finding, type PlaceOf } from './cells';
import type { RowStore } from './schoolRows';

export class RepeatedSchools {
  /** Each row's identity hash (hash of the district's key, «|», and the normalised name), set by the row loop. */
  readonly hashes: Int32Array;
  /** Full identities: schools with an id, and the rare names whose hashes collide. */
  private readonly seenByKey = new Map<string, number>();

  constructor(capacity: number) {
    this.hashes = new Int32Array(capacity);
  }

  /** Marks every row that repeats an earlier school as not counted, with a finding; returns how many. */
  find(store: RowStore, place: PlaceOf<SchoolColumnKey>, findings: Finding[]): number {
    const ids = store.id;
    // Schools with an id are known by it alone: their hashes take no part.
    const withId = ids === null ? null : Uint8Array.from({ length: store.length }, (_, index) => (ids[index] ? 1 : 0));
    const sameHash = firstEqualBefore(this.hashes, store.length, withId);
    let repeated = 0;
    for (let index = 0; index < store.length; index++) {
      const first = sameHash[index] as number;
      const id = ids === null ? null : (ids[index] ?? null);
      // Nearly every row: no earlier row with its hash, and no id to remember.
      if (first < 0 && !id) continue;
      const firstSeen = this.firstSeen(store, index, id, first);
      if (firstSeen === undefined) continue;
      store.leaveOut(index);
      repeated++;
      findings.push(finding(place(store.rowAt(index), id ? 'id' : 'school'), 'duplicate', 'error', messages.duplicateSchool(firstSeen)));
    }
    return repeated;
  }

  /** Sheet row of the first school with the same identity as row `index` (`first`: the first row with its hash, or −1), or undefined for a school not seen yet (then remembered). */
  private firstSeen(store: RowStore, index: number, id: string | null, first: number): number | undefined {
    const row = store.rowAt(index);
    if (id) return this.remember(`id:${id.replace(/\s+/g, '')}`, row);
    if (first < 0) return undefined;
    const key = store.districts[store.districtOf[index] as number]?.key;
    const firstKey = store.districts[store.districtOf[first] as number]?.key;
    const school = foldedText(store.schoolAt(index));
    if (firstKey === key && foldedText(store.schoolAt(first)) === school) return store.rowAt(first);
    return this.remember(`name:${key}|${school}`, row);
  }

  private remember(identity: string, row: number): number | undefined {
    const first = this.seenByKey.get(identity);
    if (first === undefined) this.seenByKey.set(identity, row);
    return first;
  }
}
