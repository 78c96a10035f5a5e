/**
 * The functions.json that custom-functions-metadata-plugin wrote from functions.ts: exactly the
 * core formula set, with the registry's Russian texts, every parameter and result a matrix.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FORMULAS, formulaHelp, parameterHelp } from '../../core/formulas/registry';
import { ensureBuilt } from '../test-support/builtAddin';

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string; dimensionality?: string; optional?: boolean }[];
    result: { dimensionality?: string };
  }[];
}

let metadata: Metadata;
let bundle: string;

beforeAll(() => {
  const dist = ensureBuilt();
  metadata = JSON.parse(readFileSync(join(dist, 'functions.json'), 'utf8')) as Metadata;
  bundle = readFileSync(join(dist, 'functions.js'), 'utf8');
}, 180_000);

test('lists exactly the core formula set', () => {
  expect(metadata.functions.map((f) => f.id).sort()).toEqual(FORMULAS.map((f) => f.name).sort());
  for (const f of metadata.functions) expect(f.name).toBe(f.id);
});

test.each(FORMULAS.map((def) => [def.name, def] as const))('%s: the registry\'s Russian help, Russian parameter names and optional flags', (_name, def) => {
  const found = metadata.functions.find((f) => f.id === def.name);
  expect(found).toBeDefined();
  // What Excel shows in the autocomplete and the «Вставить функцию» dialog: what it gives, units, an example with Excel's name.
  expect(found?.description).toBe(formulaHelp(def, 'SFERUM.'));
  expect(found?.description).toContain(`Пример: SFERUM.${def.name}(${def.example.args}) → ${def.example.result}.`);
  // The names in the tooltip while typing the arguments: =SFERUM.SHARE(часть; база).
  expect(found?.parameters.map((p) => p.name)).toEqual(def.params.map((p) => p.name));
  expect(found?.parameters.map((p) => p.description)).toEqual(def.params.map(parameterHelp));
  expect(found?.parameters.map((p) => p.optional === true)).toEqual(def.params.map((p) => p.optional === true));
  // The unified manifest's schema caps descriptions at 128 characters and parameter names at 64.
  expect(found?.description.length).toBeLessThanOrEqual(128);
  for (const p of found?.parameters ?? []) {
    expect(p.name).toMatch(/^[а-яё_]{1,64}$/);
    expect(p.description.length).toBeLessThanOrEqual(128);
  }
});

test('the help users see, word for word (SHARE and STATUS)', () => {
  const share = metadata.functions.find((f) => f.id === 'SHARE');
  expect(share?.description).toBe('Доля: часть ÷ база, от 0 до 1 (включите процентный формат). Пример: SFERUM.SHARE(617; 636) → 0,9701 (97,01%).');
  expect(share?.parameters.map((p) => [p.name, p.description])).toEqual([
    ['часть', 'Сколько человек с признаком: ячейка или диапазон, например столбец «Учителя, создавшие групповые чаты» (G4:G805).'],
    ['база', 'Сколько всего (база доли): ячейка или диапазон той же высоты, например столбец «Учителей всего» (F4:F805).'],
  ]);
  const status = metadata.functions.find((f) => f.id === 'STATUS');
  expect(status?.parameters.map((p) => `${p.optional ? `[${p.name}]` : p.name}`)).toEqual(['часть', 'база', 'цель', '[допуск]']);
  expect(status?.parameters[3]?.description).toBe('Необязательно. На сколько ниже цели доля ещё «близко»: долей (0,05) или процентом (5%). Если не указан — 0,05, то есть 5 п.п.');
});

test('lets error cells in (allowErrorForDataTypeAny): one #N/A in a column must not turn the whole spill into #N/A', () => {
  expect((metadata as Metadata & { allowErrorForDataTypeAny?: boolean }).allowErrorForDataTypeAny).toBe(true);
});

test('every parameter and every result is a matrix (a range in, a spill out)', () => {
  for (const f of metadata.functions) {
    expect(f.result.dimensionality).toBe('matrix');
    for (const p of f.parameters) expect(`${f.id}.${p.name}: ${p.dimensionality}`).toBe(`${f.id}.${p.name}: matrix`);
  }
});

test('the bundle associates every function id (added by the plugin, not by hand)', () => {
  for (const def of FORMULAS) expect(bundle).toContain(`CustomFunctions.associate("${def.name}"`);
});
