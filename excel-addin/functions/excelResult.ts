/**
 * The one place where the formula set's results become Excel's: errors as data
 * ({kind: 'error', code, message}) turn into CustomFunctions.Error, empty into '', and a single
 * value into a 1×1 matrix (every function is declared to return a matrix, so one formula over a
 * range spills one result per element).
 */
import { formula, type FormulaName } from '../../core/formulas/registry';
import { isFormulaError, type FormulaArg, type FormulaError, type FormulaResult, type FormulaValue } from '../../core/formulas/types';

export type ExcelCell = number | string | boolean | CustomFunctions.Error;

function excelError(error: FormulaError): CustomFunctions.Error {
  switch (error.code) {
    // #DIV/0! takes no custom message (Excel shows none); the code says it all: «база равна 0».
    case 'div0':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    case 'na':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, error.message);
    case 'value':
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
  }
}

export function excelCell(value: FormulaValue): ExcelCell {
  if (value === null) return '';
  return isFormulaError(value) ? excelError(value) : value;
}

export function excelResult(result: FormulaResult): ExcelCell[][] {
  return Array.isArray(result) ? result.map((row) => row.map(excelCell)) : [[excelCell(result)]];
}

/**
 * Calls a formula of the core set with the arguments Excel passed (matrices; an omitted optional
 * argument arrives as null or undefined) and returns what Excel shows.
 */
export function callFormula(name: FormulaName, ...args: unknown[]): ExcelCell[][] {
  return excelResult(formula(name).run(...(args.map((arg) => arg ?? null) as FormulaArg[])));
}
