/**
 * What the shared panel must hold to for the Google Sheets sidebar, checked on the sources: no
 * host API, no HTML parsing of strings, and no double slash or slash-star inside template
 * literals (Apps Script's HtmlService strips them from inlined scripts, breaking the code).
 * core/ is bundled into the same sidebar, so its template literals are checked too.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Template literal texts (every piece of each) with their file and line. */
function templateTexts(file: string): { where: string; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  const found: { where: string; text: string }[] = [];
  const where = (node: ts.Node): string => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isNoSubstitutionTemplateLiteral(node)) found.push({ where: where(node), text: node.rawText ?? node.text });
    if (ts.isTemplateExpression(node)) {
      found.push({ where: where(node), text: node.head.rawText ?? node.head.text });
      for (const span of node.templateSpans) found.push({ where: where(span), text: span.literal.rawText ?? span.literal.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const UI = sources(__dirname);
const CORE = sources(join(ROOT, 'core'));

test('no template literal in ui/ or core/ contains // or /*', () => {
  const bad = [...UI, ...CORE].flatMap(templateTexts).filter(({ text }) => text.includes('//') || text.includes('/*'));
  expect(bad).toEqual([]);
});

test('ui/ uses no host API and never parses strings as HTML', () => {
  for (const file of UI) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(`${relative(ROOT, file)}: ${/\b(Office|Excel|google|SpreadsheetApp|CustomFunctions)\./.exec(text)?.[0] ?? 'ok'}`).toBe(`${relative(ROOT, file)}: ok`);
    expect(`${relative(ROOT, file)}: ${/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/.exec(text)?.[0] ?? 'ok'}`).toBe(`${relative(ROOT, file)}: ok`);
  }
});
