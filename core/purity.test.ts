import fs from 'fs';
import path from 'path';

// core/ must run unchanged in Node, a browser and Apps Script V8: no host API, no DOM, no Node
// built-ins, no imports from outside core/. tsconfig.core.json (no DOM or Node types) enforces
// the types; this test also catches globals that would type-check through `any`.
const FORBIDDEN = /\b(Excel|Office|SpreadsheetApp|HtmlService|PropertiesService|CustomFunctions|google|window|document|process|Buffer|require|__dirname|globalThis)\b/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('core purity', () => {
  const files = sources(__dirname);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files.map((f) => [path.relative(__dirname, f), f]))('%s uses no host, DOM or Node name', (_rel, file) => {
    const code = fs.readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
    expect(code).not.toMatch(FORBIDDEN);
  });

  it.each(files.map((f) => [path.relative(__dirname, f), f]))('%s imports only from inside core', (_rel, file) => {
    const imports = [...fs.readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
    for (const spec of imports) {
      expect(spec.startsWith('.')).toBe(true);
      expect(path.resolve(path.dirname(file), spec).startsWith(__dirname)).toBe(true);
    }
  });

  it('has no `any` in core', () => {
    for (const file of files) expect(fs.readFileSync(file, 'utf8')).not.toMatch(/:\s*any\b|as any\b|<any>/);
  });
});
