import fc from 'fast-check';
import { parseValue } from '../values';
import { FORMULAS } from './registry';
import { isFormulaError, type FormulaArg } from './types';

// What a spreadsheet cell can hand over: numbers of every kind, Russian-formatted text,
// placeholders, garbage, booleans and empties.
const cell = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom('17 218', '97,01%', '25 %', 'н/д', '—', '', '-', '#DIV/0!', '0,5', '1e3', 'Infinity', 'NaN', ' ', '%', ',', '1 2 3'),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const matrix = fc.integer({ min: 1, max: 4 }).chain((columns) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 4 }));
const arg: fc.Arbitrary<FormulaArg> = fc.oneof(cell, matrix, fc.array(fc.array(cell)));

function isResultValue(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number') || isFormulaError(value);
}

describe('property: nothing escapes, every result is a value', () => {
  it('parseValue never throws and always classifies (10 000 inputs)', () => {
    fc.assert(fc.property(fc.oneof(cell, fc.anything()), (raw) => {
      const parsed = parseValue(raw);
      if (parsed.kind === 'number') return Number.isFinite(parsed.value);
      return parsed.kind === 'missing' || (parsed.kind === 'invalid' && parsed.reason.length > 0);
    }), { numRuns: 10_000 });
  });

  it.each(FORMULAS.map((f) => [f.name, f] as const))('%s answers every input with a value (10 000 inputs)', (_name, def) => {
    fc.assert(fc.property(fc.array(arg, { minLength: def.params.length, maxLength: def.params.length }), (args) => {
      const result = def.run(...args);
      if (Array.isArray(result)) return result.every((row) => row.every(isResultValue));
      return isResultValue(result);
    }), { numRuns: 10_000 });
  });
});
