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
import { readCountArg } from './elements';
import { formulaError, isMatrix, type FormulaArg, type FormulaError, type FormulaResult, type Matrix } from './types';

interface GroupSums {
  part: number;
  total: number;
  rows: number;
  error: FormulaError | null;
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
      if (!sum) sums.set(key, (sum = { part: 0, total: 0, rows: 0, error: null }));
      sum.rows++;
      const part = readCountArg(cellAt(p, r, c));
      const total = readCountArg(cellAt(t, r, c));
      for (const read of [part, total]) {
        if (!read.ok && !read.missing && !sum.error) {
          sum.error = formulaError('value', `строка ${r + 1} диапазона: ${read.error.message}`);
        }
      }
      // A row with a missing part or total is left out of both sums.
      if (part.ok && total.ok) {
        sum.part += part.value;
        sum.total += total.value;
      }
    }
  }

  return broadcast([group], (wanted) => {
    const key = normalizeText(wanted);
    if (!key) return formulaError('value', messages.emptyGroup());
    const sum = sums.get(key);
    if (!sum) return formulaError('na', messages.noRowsForGroup(cellText(wanted)));
    if (sum.error) return sum.error;
    return share(sum.part, sum.total) ?? formulaError('div0', messages.baseZero());
  });
}
