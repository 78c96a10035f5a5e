/**
 * Repeated schools: a row with the same ИНН/id, or the same district and normalised name, as an
 * earlier row is left out of the totals, with a finding naming the first row. The row loop
 * stores each row's identity hash; the hashes are compared once all are read (repeatedHashes):
 * inside the row loop each look-up of a country's worth of hashes missed the processor's cache
 * while the rows streamed past.
 */
import type { SchoolColumnKey } from '../catalogue/columns';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { foldedText, repeatedHashes } from '../nameKey';
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
    let repeated = 0;
    const leaveOut = (index: number, key: SchoolColumnKey, firstRow: number): void => {
      store.leaveOut(index);
      repeated++;
      findings.push(finding(place(store.rowAt(index), key), 'duplicate', 'error', messages.duplicateSchool(firstRow)));
    };
    // Schools with an id are known by it alone: their hashes take no part. Ids and names are
    // identities of their own kinds, so each kind is gone through in row order on its own.
    let withId: Uint8Array | null = null;
    if (ids !== null) {
      withId = new Uint8Array(store.length);
      for (let index = 0; index < store.length; index++) {
        const id = ids[index];
        if (!id) continue;
        withId[index] = 1;
        const firstRow = this.remember(`id:${id.replace(/\s+/g, '')}`, store.rowAt(index));
        if (firstRow !== undefined) leaveOut(index, 'id', firstRow);
      }
    }
    // Nearly every row has a hash of its own: only the rows whose hash an earlier row has are looked at.
    const pairs = repeatedHashes(this.hashes, store.length, withId);
    for (let p = 0; p < pairs.length; p += 2) {
      const index = pairs[p] as number;
      const firstRow = this.sameName(store, index, pairs[p + 1] as number);
      if (firstRow !== undefined) leaveOut(index, 'school', firstRow);
    }
    return repeated;
  }

  /**
   * Sheet row of the first school with the same district and name as row `index`, whose hash row
   * `first` had first; undefined for a name not seen yet (then remembered: hashes may collide).
   */
  private sameName(store: RowStore, index: number, first: number): number | undefined {
    const key = store.districts[store.districtOf[index] as number]?.key;
    const firstKey = store.districts[store.districtOf[first] as number]?.key;
    const school = foldedText(store.schoolAt(index));
    if (firstKey === key && foldedText(store.schoolAt(first)) === school) return store.rowAt(first);
    return this.remember(`name:${key}|${school}`, store.rowAt(index));
  }

  private remember(identity: string, row: number): number | undefined {
    const first = this.seenByKey.get(identity);
    if (first === undefined) this.seenByKey.set(identity, row);
    return first;
  }
}
