/**
 * The functions.json that custom-functions-metadata-plugin wrote from functions.ts: exactly the
 * core formula set, with the registry's Russian texts, every parameter and result a matrix.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FORMULAS } from '../../core/formulas/registry';
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

test.each(FORMULAS.map((def) => [def.name, def] as const))('%s: Russian description, parameters and help as in the registry', (_name, def) => {
  const found = metadata.functions.find((f) => f.id === def.name);
  expect(found).toBeDefined();
  expect(found?.description).toBe(def.description);
  expect(found?.parameters.map((p) => p.name)).toEqual(def.params.map((p) => p.name));
  expect(found?.parameters.map((p) => p.description)).toEqual(def.params.map((p) => p.description));
  expect(found?.parameters.map((p) => p.optional === true)).toEqual(def.params.map((p) => p.optional === true));
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
