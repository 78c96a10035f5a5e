/**
 * The built Apps Script project (dist/apps-script/), loaded the way Sheets runs it: Code.js in
 * one global scope that holds the Apps Script services, here the fakes.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { createFakeSheets, type FakeSheets, type FakeSheetsOptions } from './fakeSpreadsheetApp';

/** The repository root, found from here both in the sources and in the compiled dist/node copy. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'appsscript.json')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`repository root not found above ${__dirname}`);
  }
}

export const distDir = (): string => path.join(repoRoot(), 'dist', 'apps-script');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'test-support' || entry.name.endsWith('.test.ts')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const STALE_LOCK_MS = 5 * 60_000;

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * Builds dist/apps-script when it is missing or older than its sources, so tests always run the
 * code as it is now. Test files run in parallel workers: a lock directory lets one build while
 * the others wait.
 */
export function ensureBuilt(): void {
  const root = repoRoot();
  const outputs = ['Code.js', 'sidebar.html', 'appsscript.json'].map((file) => path.join(distDir(), file));
  const fresh = (): boolean => {
    if (!outputs.every((file) => fs.existsSync(file))) return false;
    const built = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
    const sources = Math.max(...['apps-script', 'core', 'ui'].map((dir) => newestSource(path.join(root, dir))), fs.statSync(path.join(root, 'appsscript.json')).mtimeMs);
    return built >= sources;
  };
  if (fresh()) return;
  const lock = path.join(root, 'dist', '.apps-script-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than any build is left from an interrupted run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`lock ${lock} held too long: remove it and run again`);
      sleep(250);
      if (fresh()) return;
    }
  }
  try {
    if (fresh()) return;
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--config', 'apps-script/webpack.part.js'], {
      cwd: root,
      stdio: 'pipe',
    });
  } finally {
    fs.rmdirSync(lock);
  }
}

/** The script's global scope after loading: every global function Sheets could call. */
export type ScriptGlobals = Record<string, (...args: unknown[]) => unknown>;

export function bundleText(): string {
  const file = path.join(distDir(), 'Code.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:sheets\` first`);
  return fs.readFileSync(file, 'utf8');
}

export function sidebarHtml(): string {
  return fs.readFileSync(path.join(distDir(), 'sidebar.html'), 'utf8');
}

export interface LoadedScript {
  readonly fake: FakeSheets;
  readonly script: ScriptGlobals;
}

/**
 * Node's sandbox answers every look-up of a global (Math, Number…) through a callback, so code
 * that calls Math.round in a loop ran a hundred times slower here than in Apps Script, whose
 * global object is a plain one. Script-level constants of the same names are bindings V8 reads
 * directly, as it reads the globals in Apps Script. (NaN and Infinity cannot be redeclared.)
 */
const BUILTINS_AS_CONSTANTS = `const { ${[
  'Math', 'Number', 'String', 'Array', 'Object', 'JSON', 'Map', 'Set', 'WeakMap', 'Error', 'TypeError', 'RangeError', 'Date', 'RegExp', 'Intl', 'Symbol',
  'Float64Array', 'Int32Array', 'Uint8Array', 'Uint16Array', 'Int8Array', 'isFinite', 'isNaN', 'parseInt', 'parseFloat',
].join(', ')} } = globalThis;`;

/** Loads Code.js into a fresh global scope with fake services (the sidebar file is the built one). */
export function loadScript(options: FakeSheetsOptions = {}): LoadedScript {
  const fake = createFakeSheets({ htmlFiles: builtHtmlFiles(), ...options });
  const context = vm.createContext({ ...fake.globals, console });
  vm.runInContext(BUILTINS_AS_CONSTANTS, context, { filename: 'builtins.js' });
  vm.runInContext(bundleText(), context, { filename: 'Code.js' });
  return { fake, script: context as ScriptGlobals };
}

/** The project's HTML files as Apps Script would have them after `clasp push`. */
function builtHtmlFiles(): Record<string, string> {
  const dir = distDir();
  const files: Record<string, string> = {};
  if (!fs.existsSync(dir)) return files;
  for (const file of fs.readdirSync(dir)) if (file.endsWith('.html')) files[file.slice(0, -'.html'.length)] = fs.readFileSync(path.join(dir, file), 'utf8');
  return files;
}
