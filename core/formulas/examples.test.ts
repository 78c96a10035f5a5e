/**
 * The examples users read are computed by the formulas themselves: each one in the help
 * (registry.ts, shown by Excel and Sheets) and each `=SFERUM.…` example of the README's formula
 * section, on the bundled sample samples/weekly-current.csv (the same cells as the .xlsx).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseCsv } from '../../cli/readCsv';
import type { CellValue } from '../values';
import { FORMULAS, formula, formulaHelp, parameterHelp, type FormulaName } from './registry';
import { isFormulaError, type FormulaArg, type FormulaResult } from './types';

const ROOT = join(__dirname, '..', '..');
const sheet = parseCsv(readFileSync(join(ROOT, 'samples', 'weekly-current.csv'), 'utf8').replace(/^\uFEFF/, ''));

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function cell(ref: string): CellValue {
  const [, letters = '', row = ''] = /^([A-Z]+)(\d+)$/.exec(ref) ?? [];
  return sheet[Number(row) - 1]?.[columnIndex(letters)] ?? null;
}

function range(from: string, to: string): CellValue[][] {
  const [, c1 = '', r1 = ''] = /^([A-Z]+)(\d+)$/.exec(from) ?? [];
  const [, c2 = '', r2 = ''] = /^([A-Z]+)(\d+)$/.exec(to) ?? [];
  const rows: CellValue[][] = [];
  for (let r = Number(r1); r <= Number(r2); r++) {
    const line: CellValue[] = [];
    for (let c = columnIndex(c1); c <= columnIndex(c2); c++) line.push(sheet[r - 1]?.[c] ?? null);
    rows.push(line);
  }
  return rows;
}

/** The arguments of a call, split at the top-level «;». */
function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ';') {
      args.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) args.push(current.trim());
  return args;
}

/** Evaluates one argument as a spreadsheet would: a number with a decimal comma, "text", a cell, a range or a nested call. */
function argument(text: string): FormulaArg {
  if (/^-?\d+(,\d+)?$/.test(text)) return Number(text.replace(',', '.'));
  if (/^".*"$/.test(text)) return text.slice(1, -1);
  const cells = /^([A-Z]+\d+):([A-Z]+\d+)$/.exec(text);
  if (cells) return range(cells[1] ?? '', cells[2] ?? '');
  if (/^[A-Z]+\d+$/.test(text)) return cell(text);
  const result = evaluate(text);
  if (Array.isArray(result) || isFormulaError(result)) throw new Error(`unexpected nested result of ${text}`);
  return result;
}

/** `SFERUM.NAME(args)` or `SFERUM_NAME(args)`, computed by the core formula set. */
function evaluate(call: string): FormulaResult {
  const match = /^=?SFERUM[._]([A-Z0-9_]+)\((.*)\)$/.exec(call.trim());
  if (!match) throw new Error(`not a call: ${call}`);
  return formula(match[1] as FormulaName).run(...splitArgs(match[2] ?? '').map(argument));
}

/** The result as the help and the README write it: «0,2703 (27,03%)», «6», «ИСТИНА», ««близко»», «пусто». */
function expectShown(result: FormulaResult, shown: string): void {
  const text = shown.replace(/^«(.*)»$/, '$1');
  if (text === 'ИСТИНА' || text === 'ЛОЖЬ') return expect(result).toBe(text === 'ИСТИНА');
  if (text === 'пусто') return expect(result).toBeNull();
  const number = /^(-?\d+(?:,(\d+))?)( \((\d+(?:,(\d+))?)%\))?$/.exec(text);
  if (number) {
    expect(typeof result).toBe('number');
    expect((result as number).toFixed(number[2]?.length ?? 0)).toBe((number[1] ?? '').replace(',', '.'));
    if (number[4]) expect(((result as number) * 100).toFixed(number[5]?.length ?? 0)).toBe(number[4].replace(',', '.'));
    return undefined;
  }
  expect(result).toBe(text);
}

describe('the help of every formula', () => {
  it.each(FORMULAS.map((f) => [f.name, f] as const))('%s: its example gives the result the help shows', (_name, def) => {
    expectShown(evaluate(`SFERUM.${def.name}(${def.example.args})`), def.example.result);
  });

  it.each(FORMULAS.map((f) => [f.name, f] as const))('%s: Russian names and texts, short enough for Excel\'s metadata', (_name, def) => {
    // The unified manifest's schema for custom functions caps a function's and a parameter's
    // description at 128 characters; staying under it keeps the help whole in every Excel.
    for (const prefix of ['SFERUM.', 'SFERUM_']) expect(formulaHelp(def, prefix).length).toBeLessThanOrEqual(128);
    for (const param of def.params) {
      // A JavaScript identifier (Sheets declares it) of Russian words, as Excel's own functions name theirs.
      expect(param.name).toMatch(/^[а-яё]+(_[а-яё]+)*$/);
      expect(param.name.length).toBeLessThanOrEqual(64);
      expect(parameterHelp(param).length).toBeLessThanOrEqual(128);
      expect(param.description).toMatch(/[А-Яа-я]/);
      if (param.optional) expect(parameterHelp(param)).toMatch(/^Необязательно\. .*Если не указан/);
    }
    expect(new Set(def.params.map((p) => p.name)).size).toBe(def.params.length);
  });

  it('says which columns to select for counts, and that shares and targets are fractions', () => {
    const share = formula('SHARE');
    expect(parameterHelp(share.params[0]!)).toContain('«Учителя, создавшие групповые чаты»');
    expect(parameterHelp(share.params[1]!)).toContain('«Учителей всего»');
    expect(formulaHelp(share, 'SFERUM.')).toContain('от 0 до 1');
    expect(parameterHelp(formula('STATUS').params[3]!)).toContain('5 п.п.');
  });
});

describe('the README\'s «Формулы» section', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Формулы'), readme.indexOf('\n## ', readme.indexOf('## Формулы') + 1));
  const rows = [...section.matchAll(/^\| `([A-Z0-9_]+)\(([^)]*)\)` \| [^|]+ \| `(=SFERUM\.[^`]+)` \| `([^`]+)` \|$/gm)];

  it('lists every formula once, with the arguments its help shows (optional ones in brackets)', () => {
    expect(rows.map((r) => r[1])).toEqual(FORMULAS.map((f) => f.name));
    for (const [, name, params] of rows) {
      const def = formula(name as FormulaName);
      expect(params).toBe(def.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; '));
    }
  });

  it.each(rows.map((r) => [r[3] ?? '', r[4] ?? '']))('%s → %s, computed on samples/weekly-current.csv', (call, shown) => {
    expectShown(evaluate(call), shown);
  });

  it('quotes error messages as the formulas give them', () => {
    const prose = section.replace(/\s+/g, ' ');
    expect(prose).toContain('«база: отрицательное значение: −3»');
    expect(evaluate('SFERUM.SHARE(1; -3)')).toEqual({ kind: 'error', code: 'value', message: 'база: отрицательное значение: −3' });
    const wrongTarget = evaluate('SFERUM.GAP(G4; F4; 35)');
    expect(isFormulaError(wrongTarget) && wrongTarget.message).toBe('цель должна быть долей от 0 до 1 (например 0,35 или 35%), а не «35»');
    expect(prose).toContain(`«${isFormulaError(wrongTarget) ? wrongTarget.message : ''}»`);
  });
});
