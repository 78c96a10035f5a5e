/**
 * What an analyst builds without this project: the weekly sheet plus a districts sheet of
 * SUMIFS / COUNTIFS formulas (sums, weighted shares, schools meeting each target, lagging
 * schools), computed by HyperFormula. Targets and tolerance come from core's catalogue, so
 * both sides compute the same aggregates.
 */
import { HyperFormula } from 'hyperformula';
import { columnLetter, DEFAULT_SETTINGS, SCHOOL_INDICATORS, type SchoolIndicatorDef } from '../core';
import { COUNT_COLUMN, COUNT_KEYS, HEADER_ROW_INDEX, type BenchCell, type GeneratedTable } from './generateTable';

/** Indicators the formula workbook computes: those whose columns the generated table has. */
const INDICATORS: readonly SchoolIndicatorDef[] = SCHOOL_INDICATORS.filter((def) => COUNT_KEYS.includes(def.numerator) && COUNT_KEYS.includes(def.base));
const TARGETED = INDICATORS.filter((def) => def.defaultTarget !== null);

const literal = (value: number): string => String(Number(value.toFixed(10)));

export interface FormulaLayout {
  /** Zero-based columns of the districts sheet. */
  readonly schools: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly shares: Readonly<Record<string, number>>;
  readonly meeting: Readonly<Record<string, number>>;
  readonly lagging: number;
}

export interface FormulaSheets {
  readonly data: BenchCell[][];
  readonly districts: (string | number)[][];
  readonly layout: FormulaLayout;
  readonly formulas: number;
}

/** The two sheets as HyperFormula takes them: values and formula strings. */
export function formulaSheets(table: GeneratedTable): FormulaSheets {
  const rows = table.values.slice(HEADER_ROW_INDEX + 1);
  const last = rows.length + 1; // data rows 2..last under one header row
  const letter = (key: string): string => columnLetter(COUNT_COLUMN[key as keyof typeof COUNT_COLUMN]);
  const shareColumn = new Map<string, string>();
  TARGETED.forEach((def, i) => shareColumn.set(def.key, columnLetter(COUNT_KEYS.length + 2 + i)));
  const laggingColumn = columnLetter(COUNT_KEYS.length + 2 + TARGETED.length);

  let formulas = 0;
  const data: BenchCell[][] = [[...(table.values[HEADER_ROW_INDEX] ?? []), ...TARGETED.map((d) => d.shortLabel), 'Отстаёт']];
  rows.forEach((row, i) => {
    const r = i + 2;
    const helpers = TARGETED.map((def) => `=IF(${letter(def.base)}${r}>0,${letter(def.numerator)}${r}/${letter(def.base)}${r},"")`);
    const lagging = TARGETED.map((def) => {
      const cell = `${shareColumn.get(def.key)}${r}`;
      return `AND(ISNUMBER(${cell}),${cell}<${literal(Math.max(0, (def.defaultTarget ?? 0) - DEFAULT_SETTINGS.tolerance))})`;
    });
    data.push([...row, ...helpers, `=IF(OR(${lagging.join(',')}),1,0)`]);
    formulas += helpers.length + 1;
  });

  const district = `Data!$A$2:$A$${last}`;
  const counts: Record<string, number> = {};
  const shares: Record<string, number> = {};
  const meeting: Record<string, number> = {};
  COUNT_KEYS.forEach((key, i) => (counts[key] = 2 + i));
  INDICATORS.forEach((def, i) => (shares[def.key] = 2 + COUNT_KEYS.length + i));
  TARGETED.forEach((def, i) => (meeting[def.key] = 2 + COUNT_KEYS.length + INDICATORS.length + i));
  const lagging = 2 + COUNT_KEYS.length + INDICATORS.length + TARGETED.length;
  const sumCell = (key: string, r: number): string => `${columnLetter(counts[key] as number)}${r}`;

  const districts = table.districts.map((name, i) => {
    const r = i + 1;
    const row: (string | number)[] = [name, `=COUNTIFS(${district},$A${r})`];
    for (const key of COUNT_KEYS) row.push(`=SUMIFS(Data!${letter(key)}$2:${letter(key)}$${last},${district},$A${r})`);
    for (const def of INDICATORS) row.push(`=IF(${sumCell(def.base, r)}>0,${sumCell(def.numerator, r)}/${sumCell(def.base, r)},"")`);
    for (const def of TARGETED) {
      const column = shareColumn.get(def.key) ?? '';
      row.push(`=COUNTIFS(${district},$A${r},Data!${column}$2:${column}$${last},">=${literal(def.defaultTarget ?? 0)}")`);
    }
    row.push(`=COUNTIFS(${district},$A${r},Data!$${laggingColumn}$2:$${laggingColumn}$${last},1)`);
    formulas += row.length - 1;
    return row;
  });
  return { data, districts, layout: { schools: 1, counts, shares, meeting, lagging }, formulas };
}

/** HyperFormula's default sheet is 40 000 rows: one short of 40 000 schools under a header. */
export const FORMULA_CONFIG = { licenseKey: 'gpl-v3', maxRows: 1_048_576 } as const;

/** Builds and computes the workbook; returns the districts sheet's values. */
export function computeFormulaWorkbook(sheets: FormulaSheets): unknown[][] {
  const hf = HyperFormula.buildFromSheets({ Data: sheets.data, Districts: sheets.districts }, FORMULA_CONFIG);
  try {
    const id = hf.getSheetId('Districts');
    if (id === undefined) throw new Error('Districts sheet missing');
    return hf.getSheetValues(id);
  } finally {
    hf.destroy();
  }
}
