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
  rows: number;
}

function asMatrix(arg: FormulaArg): Matrix<CellValue> {
  const value = asScalar(arg);
  return isMatrix(value) ? value : [[value]];
}

export function shareBy(groups: FormulaArg, group: FormulaArg, parts: FormulaArg, totals: FormulaArg): FormulaResult {
  const g = asMatrix(groups);
  const p = asMatrix(parts);
  const t = asMatrix(totals);
  const mismatch = sameShape([g, p, t]);
  if (mismatch) return mismatch;

  const sums = new Map<string, GroupSums>();
  const { rows, columns } = shapeOf(g);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const key = normalizeText(cellAt(g, r, c));
      if (!key) continue;
      let sum = sums.get(key);
      if (!sum) sums.set(key, (sum = { part: 0, total: 0, rows: 0 }));
      sum.rows++;
      // As in the report: a row whose part or total is missing or unreadable is left out of both
      // sums (SFERUM.CHECK says what is wrong with it), and a part given as a percentage counts as
      // that share of the total.
      const pair = readPair(cellAt(p, r, c), cellAt(t, r, c));
      if (pair.ok) {
        sum.part += pair.value[0];
        sum.total += pair.value[1];
      }
    }
  }

  return broadcast([group], (wanted) => {
    const key = normalizeText(wanted);
    if (!key) return formulaError('value', messages.emptyGroup());
    const sum = sums.get(key);
    if (!sum) return formulaError('na', messages.noRowsForGroup(cellText(wanted)));
    return share(sum.part, sum.total) ?? formulaError('div0', messages.baseZero());
  });
}
