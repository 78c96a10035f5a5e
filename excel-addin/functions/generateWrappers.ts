/**
 * Writes the wrappers of functions.ts from the core formula set (core/formulas/registry.ts), so
 * the Russian help Excel shows is declared once, in the registry: custom-functions-metadata-plugin
 * reads it from the JSDoc of functions.ts, which therefore has to hold it as text. Not part of the
 * bundle: generateWrappers.test.ts fails when functions.ts differs from what this gives, and
 * rewrites it when run with UPDATE_WRAPPERS=1.
 */
import { FORMULAS, formulaHelp, parameterHelp, type FormulaDef } from '../../core/formulas/registry';

/** The namespace of the manifest (manifest.xml) and its separator: `=SFERUM.SHARE(…)`. */
export const EXCEL_PREFIX = 'SFERUM.';

export const BEGIN = '// BEGIN GENERATED from core/formulas/registry.ts by generateWrappers.ts (UPDATE_WRAPPERS=1 npx jest excel-addin/functions/generateWrappers)';
export const END = '// END GENERATED';

/** The TypeScript name of a formula's wrapper: SHARE_BY → shareBy, ACCESS50 → access50. */
export function wrapperName(name: string): string {
  return name.toLowerCase().replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

export function excelWrapper(def: FormulaDef): string {
  const params = def.params.map((p) => ` * @param ${p.optional ? `[${p.name}]` : p.name} ${parameterHelp(p)}`);
  const signature = def.params.map((p) => `${p.name}${p.optional ? '?' : ''}: any[][]`).join(', ');
  return [
    '/**',
    ` * ${formulaHelp(def, EXCEL_PREFIX)}`,
    ` * @customfunction ${def.name}`,
    ...params,
    ` * @returns ${def.returns}`,
    ' */',
    `export function ${wrapperName(def.name)}(${signature}): any[][] {`,
    `  return callFormula(${[`'${def.name}'`, ...def.params.map((p) => p.name)].join(', ')});`,
    '}',
  ].join('\n');
}

/** Everything between BEGIN and END in functions.ts. */
export function excelWrappers(): string {
  return FORMULAS.map(excelWrapper).join('\n\n');
}

/** `source` with its generated part replaced by `generated`; throws when the markers are missing. */
export function withGenerated(source: string, generated: string, begin = BEGIN, end = END): string {
  const from = source.indexOf(begin);
  const to = source.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers «${begin}» … «${end}» not found`);
  return `${source.slice(0, from + begin.length)}\n${generated}\n${source.slice(to)}`;
}
