/**
 * Timing the formula workbook. Every district row of SUMIFS / COUNTIFS scans the whole data
 * column, so the cost grows with districts × schools: 400 districts over 10 000 schools take
 * HyperFormula well over a minute, 1 600 over 40 000 would take half an hour. Above a budget
 * the districts sheet is therefore timed on a sample of its rows and the rest extrapolated
 * linearly (each district row costs the same scan); the output says so.
 */
import { HyperFormula } from 'hyperformula';
import { computeFormulaWorkbook, FORMULA_CONFIG, formulaSheets, type FormulaSheets } from './formulaWorkbook';
import type { GeneratedTable } from './generateTable';
import { median, nowMs } from './timing';

/** District rows × school rows computed in full; above it, a sample (≈ 10 s of HyperFormula here). */
export const FULL_CELLS_BUDGET = 400_000;

export interface FormulaTiming {
  readonly ms: number;
  readonly formulas: number;
  /** null: measured in full; else the number of district rows actually computed. */
  readonly sampledDistricts: number | null;
  readonly runs: number;
}

function buildMs(sheets: Pick<FormulaSheets, 'data' | 'districts'>): number {
  const start = nowMs();
  const hf = HyperFormula.buildFromSheets({ Data: sheets.data, Districts: sheets.districts }, FORMULA_CONFIG);
  const ms = nowMs() - start;
  hf.destroy();
  return ms;
}

export function timeFormulaWorkbook(table: GeneratedTable, runs: number, budget = FULL_CELLS_BUDGET): FormulaTiming {
  const sheets = formulaSheets(table);
  const districts = sheets.districts.length;
  const sample = Math.max(2, Math.floor(budget / Math.max(1, table.schools)));
  if (sample >= districts) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = nowMs();
      computeFormulaWorkbook(sheets);
      times.push(nowMs() - start);
    }
    return { ms: median(times), formulas: sheets.formulas, sampledDistricts: null, runs };
  }
  const dataOnly = buildMs({ data: sheets.data, districts: [] });
  const sampled = buildMs({ data: sheets.data, districts: sheets.districts.slice(0, sample) });
  const perDistrict = Math.max(0, sampled - dataOnly) / sample;
  return { ms: dataOnly + perDistrict * districts, formulas: sheets.formulas, sampledDistricts: sample, runs: 1 };
}
