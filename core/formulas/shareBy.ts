/**
 * SHARE_BY: the weighted share of a group (Σparts ÷ Σtotals over the rows of that group), the
 * spreadsheet counterpart of a district's share in the report. One pass over the rows serves
 * every group asked for, so a column of 30 districts over 40,000 rows costs one scan.
 */
import { messages } from '../messages';
import { share } from '../rules';
import { cellText, normalizeText } from '../text';
import type { CellValue } from '../values';
import { asScalar, broadcast, cellAt, sameShape, shapeOf } from './broadcast';
import { readPair } from './elements';
import { formulaError, isMatrix, type FormulaArg, type FormulaResult, type Matrix } from './types';

interface GroupSums {
  part: number;
  total: number;
  /** Rows whose part and total were both read: none means no data, not a zero base. */
  used: number;
}

function asMatrix(arg: FormulaArg): Matrix<CellValue> {
  const value = asScalar(arg);
  return isMatrix(value) ? value : [[value]];
}

/** `names` name the four arguments in messages, in order (registry.ts). */
export function shareBy(groups: FormulaArg, group: FormulaArg, parts: FormulaArg, totals: FormulaArg, names: readonly string[] = []): FormulaResult {
  const g = asMatrix(groups);
  const p = asMatrix(parts);
  const t = asMatrix(totals);
  const mismatch = sameShape([g, p, t], [names[0] ?? '', names[2] ?? '', names[3] ?? '']);
  if (mismatch) return mismatch;

  const sums = new Map<string, GroupSums>();
  const { rows, columns } = shapeOf(g);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const key = normalizeText(cellAt(g, r, c));
      if (!key) continue;
      let sum = sums.get(key);
      if (!sum) sums.set(key, (sum = { part: 0, total: 0, used: 0 }));
      // As in the report: a row whose part or total is missing or unreadable is left out of both
      // sums (SFERUM.CHECK says what is wrong with it), and a part given as a percentage counts as
      // that share of the total.
      const pair = readPair(cellAt(p, r, c), cellAt(t, r, c));
      if (pair.ok) {
        sum.part += pair.value[0];
        sum.total += pair.value[1];
        sum.used++;
      }
    }
  }

  return broadcast([group], (wanted) => {
    const key = normalizeText(wanted);
    // An empty cell in a list of groups asks for nothing, as an empty cell does in every formula of the set.
    if (!key) return null;
    const sum = sums.get(key);
    if (!sum) return formulaError('na', messages.noRowsForGroup(cellText(wanted)));
    // A group whose every row lacks a number has no data, as the report's «—» says; only a real zero base is #DIV/0!.
    if (sum.used === 0) return null;
    return share(sum.part, sum.total) ?? formulaError('div0', messages.baseZero());
  });
}
