/**
 * Spreadsheet array arithmetic for the formula set: every argument may be a single value or a
 * range; ranges of one shape combine element by element and a single value (or a 1×1 range)
 * applies to every element. Written once here so each formula body handles one element only.
 */
import { messages } from '../messages';
import { safeString } from '../text';
import type { CellValue } from '../values';
import { formulaError, isFormulaError, isMatrix, type FormulaArg, type FormulaError, type FormulaResult, type FormulaValue, type Matrix } from './types';

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

/**
 * The error as the user reads it: an element's error about one argument is prefixed with that
 * argument's name («total (база): отрицательное значение: −3»), so a call with several numbers
 * says which one is wrong.
 */
function named(value: FormulaValue, names: readonly string[]): FormulaValue {
  if (!isFormulaError(value) || value.argument === undefined) return value;
  const name = names[value.argument];
  return formulaError(value.code, name ? `${name}: ${value.message}` : value.message);
}

/** «part (часть) 2×1»: a range of a call as a shape message names it. */
function rangeText(names: readonly string[], at: number, shape: Shape): string {
  return `${names[at] ? `${names[at]} ` : ''}${shapeText(shape)}`;
}

/** How a range of `shape` meets the call's shape: the same size, or one row or one column stretched across, as spreadsheet array arithmetic does. */
function fits(size: number, wanted: number): boolean {
  return size === wanted || size === 1;
}

/**
 * Calls `fn` once per element; returns one value when every argument is a single value.
 * Ranges of one shape combine element by element. A single value applies to every element, and
 * a one-column range to every column (a row to every row), as Excel's `=G4:J9/F4:F9` does:
 * four indicator columns over one column of teachers give four columns of shares.
 * `names` («part (часть)» …) name the arguments in messages.
 */
export function broadcast(args: readonly FormulaArg[], fn: (...values: CellValue[]) => FormulaValue, names: readonly string[] = []): FormulaResult {
  const normalized = args.map(asScalar);
  const shapes = normalized.map((arg) => (isMatrix(arg) ? shapeOf(arg) : null));
  let rows = 0;
  let columns = 0;
  for (const shape of shapes) {
    if (!shape) continue;
    rows = Math.max(rows, shape.rows);
    columns = Math.max(columns, shape.columns);
  }
  const ranges = shapes.flatMap((shape, i) => (shape ? [{ shape, i }] : []));
  for (const { shape, i } of ranges) {
    if (fits(shape.rows, rows) && fits(shape.columns, columns)) continue;
    // Name the range that does not fit next to the first one that sets the call's size.
    const other = ranges.find((r) => r.i !== i && (r.shape.rows === rows || r.shape.columns === columns)) ?? ranges[0];
    const [a, b] = other && other.i < i ? [other, { shape, i }] : [{ shape, i }, other ?? { shape, i }];
    return formulaError('value', messages.shapeMismatch(rangeText(names, a.i, a.shape), rangeText(names, b.i, b.shape)));
  }
  const call = (values: CellValue[]): FormulaValue => named(guard(() => fn(...values)), names);
  if (ranges.length === 0) return call(normalized as CellValue[]);
  const result: FormulaValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: FormulaValue[] = [];
    for (let c = 0; c < columns; c++) {
      const values = normalized.map((arg, i) => {
        if (!isMatrix(arg)) return arg;
        const shape = shapes[i] as Shape;
        return cellAt(arg, shape.rows === 1 ? 0 : r, shape.columns === 1 ? 0 : c);
      });
      line.push(call(values));
    }
    result.push(line);
  }
  return result;
}

/** The same check for a whole-call error, for formulas whose arguments are not elementwise: every range of one shape. */
export function sameShape(ranges: readonly Matrix<CellValue>[], names: readonly string[] = []): FormulaError | null {
  const shapes = ranges.map(shapeOf);
  const first = shapes[0];
  for (let i = 1; i < shapes.length; i++) {
    const next = shapes[i] as Shape;
    if (first && (first.rows !== next.rows || first.columns !== next.columns)) {
      return formulaError('value', messages.shapeMismatch(rangeText(names, 0, first), rangeText(names, i, next)));
    }
  }
  return null;
}
