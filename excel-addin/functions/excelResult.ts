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

/** Excel's names of its errors by the data types API's errorType, for an error that arrives in that form. */
const ERROR_TYPES: Readonly<Record<string, string>> = {
  Div0: '#DIV/0!', NotAvailable: '#N/A', Value: '#VALUE!', Ref: '#REF!', Name: '#NAME?', Num: '#NUM!', Null: '#NULL!',
  Spill: '#SPILL!', Calc: '#CALC!', GettingData: '#GETTING_DATA',
};

/**
 * One cell of an argument as core reads it. functions.json lets errors in (allowErrorForDataTypeAny),
 * so one #N/A in a column no longer turns the whole spill into #N/A: the error arrives as an
 * object, and core is given its text («#N/A»), which it reads as «ошибка в ячейке», as the
 * text Google Sheets passes for an error cell.
 */
function argumentCell(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return value ?? null;
  const { code, errorType, type, basicValue } = value as { code?: unknown; errorType?: unknown; type?: unknown; basicValue?: unknown };
  if (typeof code === 'string' && code.startsWith('#')) return code;
  if (typeof errorType === 'string') return ERROR_TYPES[errorType] ?? `#${errorType.toUpperCase()}!`;
  // Other data types (functions.json also lets them in: allowCustomDataForDataTypeAny) carry
  // the value the cell shows, e.g. a formatted number's: that is what the user sees and means.
  if (type !== 'Error' && (typeof basicValue === 'number' || typeof basicValue === 'string' || typeof basicValue === 'boolean')) return basicValue;
  return '#VALUE!';
}

function argumentOf(arg: unknown): unknown {
  return Array.isArray(arg) ? arg.map((row: unknown) => (Array.isArray(row) ? row.map(argumentCell) : argumentCell(row))) : argumentCell(arg);
}

/**
 * Calls a formula of the core set with the arguments Excel passed (matrices; an omitted optional
 * argument arrives as null or undefined) and returns what Excel shows.
 */
export function callFormula(name: FormulaName, ...args: unknown[]): ExcelCell[][] {
  return excelResult(formula(name).run(...(args.map(argumentOf) as FormulaArg[])));
}
