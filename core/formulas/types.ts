/**
 * Values that cross the boundary between the formula set and a spreadsheet host. Errors are
 * values, not exceptions: each host turns them into its own error representation in one place.
 */
import type { CellValue } from '../values';

/** Language-neutral error kinds; hosts map them (div0 → #DIV/0!, value → #VALUE!, na → #N/A). */
export type ErrorCode = 'div0' | 'value' | 'na';

export interface FormulaError {
  readonly kind: 'error';
  readonly code: ErrorCode;
  readonly message: string;
  /**
   * Which argument of the call (by position) the error is about, while it travels from a
   * formula's element to broadcast, which names that argument in the message and drops this.
   */
  readonly argument?: number;
}

/** One result cell: a number, text, a boolean, empty (null) or an error. */
export type FormulaValue = number | string | boolean | null | FormulaError;

/** A 2-D block of cells, row by row, as both hosts pass ranges. */
export type Matrix<T> = readonly (readonly T[])[];

/** One argument: a single cell or a range. */
export type FormulaArg = CellValue | Matrix<CellValue>;

/** A call's result: one value, or one value per element when a range was given. */
export type FormulaResult = FormulaValue | FormulaValue[][];

export function formulaError(code: ErrorCode, message: string, argument?: number): FormulaError {
  return argument === undefined ? { kind: 'error', code, message } : { kind: 'error', code, message, argument };
}

export function isFormulaError(value: unknown): value is FormulaError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'error'
    && typeof (value as { message?: unknown }).message === 'string';
}

export function isMatrix(value: unknown): value is Matrix<CellValue> {
  return Array.isArray(value);
}
