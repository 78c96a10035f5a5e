/**
 * manifest.xml checked offline (Microsoft's validator needs its web service): what Office needs
 * to load the task pane and the custom functions, and no host but the add-in's own.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { at, descendants, parseXml, type XmlElement } from './test-support/miniXml';

const ROOT = join(__dirname, '..');
const ORIGIN = 'https://localhost:3000';
const manifest = parseXml(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'));
const all = descendants(manifest);

function one(element: XmlElement, path: string): XmlElement {
  const found = at(element, path);
  expect(found).toHaveLength(1);
  return found[0] as XmlElement;
}

const resources = one(manifest, 'VersionOverrides/Resources');
const defined = new Map(
  ['bt:Images/bt:Image', 'bt:Urls/bt:Url', 'bt:ShortStrings/bt:String', 'bt:LongStrings/bt:String'].flatMap((path) =>
    at(resources, path).map((e) => [e.attributes.id ?? '', e] as const),
  ),
);

test('is a task pane add-in for workbooks with ReadWriteDocument and Russian texts', () => {
  expect(manifest.name).toBe('OfficeApp');
  expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
  expect(one(manifest, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(one(manifest, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(one(manifest, 'DefaultLocale').text).toBe('ru-RU');
  expect(one(manifest, 'Hosts/Host').attributes.Name).toBe('Workbook');
  // Not narrower: Office allows the Excel JavaScript API (reads included) only with ReadWriteDocument.
  expect(one(manifest, 'Permissions').text).toBe('ReadWriteDocument');
  const display = one(manifest, 'DisplayName').attributes.DefaultValue ?? '';
  const description = one(manifest, 'Description').attributes.DefaultValue ?? '';
  expect(display).toMatch(/[а-яё]/i);
  expect(description).toMatch(/[а-яё]/i);
  expect(display.length).toBeLessThanOrEqual(125);
  expect(description.length).toBeLessThanOrEqual(250);
});

test('every resid is defined, and every defined resource is used', () => {
  const used = all.flatMap((e) => (e.attributes.resid ? [e.attributes.resid] : []));
  expect(used.length).toBeGreaterThan(0);
  for (const resid of used) expect(defined.has(resid) ? resid : `undefined resid ${resid}`).toBe(resid);
  for (const id of defined.keys()) expect(used).toContain(id);
  for (const [id, element] of defined) expect(`${id}: ${element.attributes.DefaultValue ?? ''}`).not.toBe(`${id}: `);
});

test('strings fit Office limits (short 125, long 250 characters)', () => {
  for (const s of at(resources, 'bt:ShortStrings/bt:String')) expect((s.attributes.DefaultValue ?? '').length).toBeLessThanOrEqual(125);
  for (const s of at(resources, 'bt:LongStrings/bt:String')) expect((s.attributes.DefaultValue ?? '').length).toBeLessThanOrEqual(250);
});

test('every URL is https on the add-in\'s own host, and no other domain is declared', () => {
  // Namespace declarations (xmlns…) name schemas, not places Office loads from.
  const values = all.flatMap((e) => [e.text.trim(), ...Object.entries(e.attributes).filter(([name]) => !name.startsWith('xmlns')).map(([, v]) => v)]);
  const urls = values.filter((v) => /^[a-z]+:\/\//i.test(v));
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url.startsWith(`${ORIGIN}/`) ? ORIGIN : url).toBe(ORIGIN);
  expect(at(manifest, 'AppDomains/AppDomain')).toHaveLength(0);
});

test('custom functions: script, page, metadata and the SFERUM namespace', () => {
  const point = at(manifest, 'VersionOverrides/Hosts/Host/AllFormFactors/ExtensionPoint').find((e) => e.attributes['xsi:type'] === 'CustomFunctions');
  expect(point).toBeDefined();
  const url = (path: string): string => defined.get(one(point as XmlElement, path).attributes.resid ?? '')?.attributes.DefaultValue ?? '';
  expect(url('Script/SourceLocation')).toBe(`${ORIGIN}/functions.js`);
  expect(url('Page/SourceLocation')).toBe(`${ORIGIN}/functions.html`);
  expect(url('Metadata/SourceLocation')).toBe(`${ORIGIN}/functions.json`);
  const namespace = defined.get(one(point as XmlElement, 'Namespace').attributes.resid ?? '');
  expect(namespace?.attributes.DefaultValue).toBe('SFERUM');
  expect(one(manifest, 'Requirements/Sets/Set').attributes.Name).toBe('CustomFunctionsRuntime');
  // Errors with a message (CustomFunctions.Error(code, message)), as the functions return them, came with 1.2.
  expect(one(manifest, 'Requirements/Sets/Set').attributes.MinVersion).toBe('1.2');
});

test('the task pane page and every file the manifest names exist in the build or the sources', () => {
  expect(one(manifest, 'DefaultSettings/SourceLocation').attributes.DefaultValue).toBe(`${ORIGIN}/taskpane.html`);
  const sources: Record<string, string> = {
    'functions.js': 'excel-addin/functions/functions.ts',
    'functions.json': 'excel-addin/functions/functions.ts',
    'functions.html': 'excel-addin/functions/functions.html',
    'taskpane.html': 'excel-addin/taskpane/taskpane.html',
    'commands.html': 'excel-addin/taskpane/commands.html',
  };
  const files = all.flatMap((e) => Object.values(e.attributes)).filter((v) => v.startsWith(`${ORIGIN}/`)).map((v) => v.slice(ORIGIN.length + 1));
  for (const file of new Set(files)) {
    const source = file.startsWith('assets/') ? join('excel-addin', file) : sources[file];
    expect(source && existsSync(join(ROOT, source)) ? file : `missing source for ${file}`).toBe(file);
  }
});

test('no shared runtime and no Excel API set required to install: the functions run where the panel cannot', () => {
  // The functions and the task pane share nothing but the workbook, so the JavaScript-only
  // custom-functions runtime (faster with many formulas) is kept: no <Runtimes>, no SharedRuntime set.
  expect(all.filter((e) => e.name === 'Runtimes' || e.name === 'Runtime')).toEqual([]);
  const sets = at(manifest, 'Requirements/Sets/Set').map((e) => e.attributes.Name);
  expect(sets).toEqual(['CustomFunctionsRuntime']);
  // The panel checks its Excel API set at run time instead (taskpane.ts) and says so when it is missing.
  const taskpane = readFileSync(join(ROOT, 'excel-addin', 'taskpane', 'taskpane.ts'), 'utf8');
  expect(taskpane).toMatch(/isSetSupported\('ExcelApi', '1\.9'\)/);
});
