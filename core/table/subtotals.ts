/**
 * Rows with numbers but no school's name, once every row is read: a row whose every number is
 * the sum of its district's named schools (or of all named schools) is a subtotal without the
 * word «Итого» and is left out of the totals; any other is a school whose name is missing.
 */
import type { SchoolColumnKey } from '../catalogue/columns';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { finding, type PlaceOf } from './cells';
import type { CountArray, RowStore } from './schoolRows';

/** Tells the nameless rows (store indices) apart, with a finding for each; returns how many were subtotals (now not counted). */
export function findSubtotals(store: RowStore, nameless: readonly number[], place: PlaceOf<SchoolColumnKey>, findings: Finding[]): number {
  if (nameless.length === 0) return 0;
  const columns = store.counts;
  const width = store.countKeys.length;
  const isNameless = new Uint8Array(store.length);
  for (const index of nameless) isNameless[index] = 1;
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
      const value = (columns[j] as CountArray)[index] as number;
      if (Number.isNaN(value)) continue;
      for (const at of [group * width + j, groups * width + j]) {
        all[at] = (all[at] as number) + value;
        filled[at] = (filled[at] as number) + 1;
        if (store.isCounted(index)) counted[at] = (counted[at] as number) + value;
      }
    }
  }
  // A subtotal fills every count its schools have, with their sum, and is not all zeros.
  const isSumOf = (index: number, at: number, sums: Float64Array): boolean => {
    let nonzero = false;
    for (let j = 0; j < width; j++) {
      const value = (columns[j] as CountArray)[index] as number;
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
  for (const index of nameless) {
    if (!store.isCounted(index)) continue;
    const row = store.rowAt(index);
    const group = store.districtOf[index] as number;
    const ofDistrict = subtotalOf(index, group);
    if (ofDistrict || subtotalOf(index, groups)) {
      store.leaveOut(index);
      subtotals.add(row);
      const district = store.districts[group]?.name ?? '';
      findings.push(finding({ row }, 'totalRow', 'info', messages.subtotalRowSkipped(ofDistrict ? `ОО района «${district}»` : 'всех ОО таблицы')));
    } else {
      findings.push(finding(place(row, 'school'), 'missingSchool', 'warning', messages.missingSchool()));
    }
  }
  // A subtotal without a district is not «a school grouped under Район не указан».
  const kept = findings.filter((f) => !(f.code === 'missingDistrict' && subtotals.has(f.row)));
  findings.splice(0, findings.length, ...kept);
  return subtotals.size;
}
