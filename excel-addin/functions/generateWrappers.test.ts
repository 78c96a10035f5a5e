/**
 * functions.ts is what generateWrappers.ts writes from the core registry: the help Excel shows is
 * declared once. Run with UPDATE_WRAPPERS=1 to rewrite functions.ts after changing the registry.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { excelWrappers, withGenerated } from './generateWrappers';

const FILE = join(__dirname, 'functions.ts');

test('functions.ts holds exactly the wrappers generated from core/formulas/registry.ts', () => {
  const source = readFileSync(FILE, 'utf8');
  const expected = withGenerated(source, excelWrappers());
  if (process.env.UPDATE_WRAPPERS === '1' && source !== expected) writeFileSync(FILE, expected);
  else expect(source).toBe(expected);
});
