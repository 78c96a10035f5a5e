/**
 * Counts above their base, zero bases and empty bases under a count, for every indicator of the
 * catalogue whose two columns the sheet has, once all rows are read.
 */
import type { SchoolColumnKey, SchoolCountKey } from '../catalogue/columns';
import { SCHOOL_INDICATORS } from '../catalogue/indicators';
import type { Finding } from '../findings';
import { formatNumber } from '../format';
import { messages } from '../messages';
import { finding, type PlaceOf } from './cells';
import type { CountArray, RowStore } from './schoolRows';

/** An indicator whose numerator and base are both in the sheet, by column slot in the store. */
interface BaseCheck {
  readonly numerator: number;
  readonly base: number;
  readonly numeratorKey: SchoolCountKey;
  readonly baseKey: SchoolCountKey;
}

/**
 * A comparison down two columns per indicator (NaN compares false), then only the rows with
 * something to report are looked at again, in row order.
 */
export function checkBases(store: RowStore, place: PlaceOf<SchoolColumnKey>, findings: Finding[]): void {
  const keys = store.countKeys;
  const checks: BaseCheck[] = SCHOOL_INDICATORS.flatMap((def) => {
    const numerator = keys.indexOf(def.numerator);
    const base = keys.indexOf(def.base);
    return numerator < 0 || base < 0 ? [] : [{ numerator, base, numeratorKey: def.numerator, baseKey: def.base }];
  });
  const columns = store.counts;
  let suspect: Uint8Array | null = null;
  for (const check of checks) {
    const parts = columns[check.numerator] as CountArray;
    const bases = columns[check.base] as CountArray;
    let zero = false;
    for (let index = 0; index < store.length; index++) {
      const part = parts[index] as number;
      const base = bases[index] as number;
      if (part > base || base === 0) {
        (suspect ??= new Uint8Array(store.length))[index] = 1;
        if (base === 0) zero = true;
      }
    }
    if (!zero) store.zeroFree[check.base] = 1;
    // A count whose base is empty is left out of that indicator's share: say so. Only a base
    // column with a gap can have one, so a full column costs nothing here.
    if (store.gaps[check.base] !== 1) continue;
    for (let index = 0; index < store.length; index++) {
      const base = bases[index] as number;
      if (base !== base && !Number.isNaN(parts[index] as number)) (suspect ??= new Uint8Array(store.length))[index] = 1;
    }
  }
  if (suspect === null) return;
  // Cells with a finding from the row loop, once a missing base needs to know.
  let reported: Set<string> | null = null;
  const reportedCells = (): Set<string> => (reported ??= new Set(findings.map((f) => f.cell)));
  for (let index = 0; index < store.length; index++) {
    if (suspect[index] === 1) reportRow(store, checks, index, place, findings, reportedCells);
  }
}

function reportRow(store: RowStore, checks: readonly BaseCheck[], index: number, place: PlaceOf<SchoolColumnKey>, findings: Finding[], reportedCells: () => Set<string>): void {
  const columns = store.counts;
  const row = store.rowAt(index);
  let zeroReported: SchoolCountKey | null = null;
  let missingReported: SchoolCountKey | null = null;
  for (const check of checks) {
    const part = (columns[check.numerator] as CountArray)[index] as number;
    const base = (columns[check.base] as CountArray)[index] as number;
    if (Number.isNaN(part)) continue;
    if (Number.isNaN(base)) {
      // Once per base cell, however many counts of the row stand on it.
      if (missingReported === check.baseKey) continue;
      missingReported = check.baseKey;
      const missing = finding(place(row, check.baseKey), 'missingBase', 'warning', messages.missingBase(place(row, check.numeratorKey).column.header));
      // A base that held something unreadable is already reported as such.
      if (!reportedCells().has(missing.cell)) findings.push(missing);
      continue;
    }
    if (base === 0) {
      if (zeroReported === check.baseKey) continue;
      zeroReported = check.baseKey;
      const detail = part > 0 ? `, а в «${place(row, check.numeratorKey).column.header}» ${formatNumber(part)}` : '';
      // The district's share is Σcounts ÷ Σbases as the methodology (and a SUMIFS workbook) has
      // it, so such a count still adds to the district: the message says so, to be checked.
      const effect = part > 0 ? 'доля школы не считается, а число учтено в сумме района как есть — проверьте' : 'доли школы по этой базе не считаются';
      findings.push(finding(place(row, check.baseKey), 'baseZero', 'warning', `${messages.baseZero()}${detail}; ${effect}`));
    } else if (part > base) {
      findings.push(finding(place(row, check.numeratorKey), 'aboveBase', 'warning', `${messages.partAboveBase(part, base)} («${place(row, check.baseKey).column.header}»)`));
    }
  }
}
