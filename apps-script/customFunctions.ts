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
import { FORMULAS, formula, formulaHelp, isFormulaError, parameterHelp, type CellValue, type FormulaArg, type FormulaDef, type FormulaName, type FormulaValue, type ParamDef } from '../core';

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

/**
 * The custom-function globals of main.ts, written from the core registry so the help Sheets shows
 * is declared once. Sheets builds a function's help card from the JSDoc right above the top-level
 * function gas-webpack-plugin makes of `global.NAME = (…) =>`: the text before the tags, then each
 * @param's name (from the function's parameters) and text. customFunctions.test.ts fails when
 * main.ts differs from this and rewrites it when run with UPDATE_WRAPPERS=1. (Unused by the bundle.)
 */
export const SHEETS_PREFIX = 'SFERUM_';
export const BEGIN = '// BEGIN GENERATED from core/formulas/registry.ts by customFunctions.ts (UPDATE_WRAPPERS=1 npx jest apps-script/customFunctions)';
export const END = '// END GENERATED';

function jsdocType(param: Pick<ParamDef, 'shape' | 'holds'> | { holds: FormulaDef['result']; shape: 'elementwise' }): string {
  const type = param.holds === 'text' ? 'string' : param.holds;
  return param.shape === 'range' ? `{${type}[][]}` : `{${type}|${type}[][]}`;
}

export function sheetsWrapper(def: FormulaDef): string {
  const params = def.params.map((p) => ` * @param ${jsdocType(p)} ${p.name} ${parameterHelp(p)}`);
  const signature = def.params.map((p) => `${p.name}${p.optional ? '?' : ''}: SheetsArg`).join(', ');
  return [
    '/**',
    ` * ${formulaHelp(def, SHEETS_PREFIX)}`,
    ' *',
    ...params,
    ` * @return ${jsdocType({ holds: def.result, shape: 'elementwise' })} ${def.returns}`,
    ' * @customfunction',
    ' */',
    `global.${SHEETS_PREFIX}${def.name} = (${signature}) => callFormula('${def.name}', [${def.params.map((p) => p.name).join(', ')}]);`,
  ].join('\n');
}

/** Everything between BEGIN and END in main.ts. */
export function sheetsWrappers(): string {
  return FORMULAS.map(sheetsWrapper).join('\n\n');
}
