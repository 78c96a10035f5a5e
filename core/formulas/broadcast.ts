/**
 * Spreadsheet array arithmetic for the formula set: every argument may be a single value or a
 * range; ranges of one shape combine element by element and a single value (or a 1×1 range)
 * applies to every element. Written once here so each formula body handles one element only.
 */
import { messages } from '../messages';
import { safeString } from '../text';
import type { CellValue } from '../values';
import { formulaError, isMatrix, type FormulaArg, type FormulaError, type FormulaResult, type FormulaValue, type Matrix } from './types';

export interface Shape {
  readonly rows: number;
  readonly columns: number;
}

export function shapeOf(matrix: Matrix<unknown>): Shape {
  return { rows: matrix.length, columns: matrix.reduce((max, row) => Math.max(max, Array.isArray(row) ? row.length : 1), 0) };
}

export function shapeText(shape: Shape): string {
  return `${shape.rows}×${shape.columns}`;
}

/** A 1×1 range is a single value; an empty range is an empty value. */
export function asScalar(arg: FormulaArg): CellValue | Matrix<CellValue> {
  if (!isMatrix(arg)) return arg;
  const shape = shapeOf(arg);
  if (shape.rows === 0 || shape.columns === 0) return null;
  if (shape.rows === 1 && shape.columns === 1) return cellAt(arg, 0, 0);
  return arg;
}

export function cellAt(matrix: Matrix<CellValue>, row: number, column: number): CellValue {
  const line = matrix[row];
  if (!Array.isArray(line)) return column === 0 ? (line as unknown as CellValue) : null;
  return line[column] ?? null;
}

/** Turns an exception from a formula body into an error value: nothing escapes to the host. */
export function guard(body: () => FormulaValue): FormulaValue {
  try {
    return body();
  } catch (error) {
    return formulaError('value', error instanceof Error ? error.message : safeString(error));
  }
}

/** Calls `fn` once per element; returns one value when every argument is a single value. */
export function broadcast(args: readonly FormulaArg[], fn: (...values: CellValue[]) => FormulaValue): FormulaResult {
  const normalized = args.map(asScalar);
  let shape: Shape | null = null;
  for (const arg of normalized) {
    if (!isMatrix(arg)) continue;
    const next = shapeOf(arg);
    if (shape && (shape.rows !== next.rows || shape.columns !== next.columns)) {
      return formulaError('value', messages.shapeMismatch(shapeText(shape), shapeText(next)));
    }
    shape = next;
  }
  if (!shape) return guard(() => fn(...(normalized as CellValue[])));
  const result: FormulaValue[][] = [];
  for (let r = 0; r < shape.rows; r++) {
    const line: FormulaValue[] = [];
    for (let c = 0; c < shape.columns; c++) {
      const values = normalized.map((arg) => (isMatrix(arg) ? cellAt(arg, r, c) : arg));
      line.push(guard(() => fn(...values)));
    }
    result.push(line);
  }
  return result;
}

/** The same check for a whole-call error, for formulas whose arguments are not elementwise. */
export function sameShape(named: readonly Matrix<CellValue>[]): FormulaError | null {
  const shapes = named.map(shapeOf);
  const first = shapes[0];
  for (const next of shapes.slice(1)) {
    if (first && (first.rows !== next.rows || first.columns !== next.columns)) {
      return formulaError('value', messages.shapeMismatch(shapeText(first), shapeText(next)));
    }
  }
  return null;
}
