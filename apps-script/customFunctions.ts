/**
 * The one place where a formula of the core set becomes a Google Sheets custom function
 * result. Every `=SFERUM_*` global in main.ts is a one-line call to `callFormula`.
 *
 * Sheets' rules, translated here and nowhere else:
 * - a range argument arrives as a 2-D array, an empty cell as '' and an omitted optional
 *   argument as undefined; the core reads '' as "missing" already;
 * - a thrown Error shows its message on the cell's #ERROR!, so a single-value call with
 *   invalid input throws the core's Russian message;
 * - a returned 2-D array spills; it cannot hold an error per element, so an invalid element
 *   shows the error's Russian message as text (an empty cell would say nothing of why);
 * - null cannot be returned: empty is ''.
 */
import { formula, isFormulaError, type CellValue, type FormulaArg, type FormulaName, type FormulaValue } from '../core';

/** What Sheets passes for one argument. */
export type SheetsArg = CellValue | readonly (readonly CellValue[])[];

/** What Sheets accepts back in a cell. */
export type SheetsCell = string | number | boolean;

function cellOf(value: FormulaValue): SheetsCell {
  if (value === null) return '';
  return isFormulaError(value) ? value.message : value;
}

export function callFormula(name: FormulaName, args: readonly SheetsArg[]): SheetsCell | SheetsCell[][] {
  const result = formula(name).run(...args.map((arg): FormulaArg => (arg === undefined ? null : arg)));
  if (Array.isArray(result)) return result.map((row) => row.map(cellOf));
  if (isFormulaError(result)) throw new Error(result.message);
  return cellOf(result);
}
