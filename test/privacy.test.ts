/**
 * The project's promise «no network at run time, the narrowest permissions», checked on what is
 * shipped rather than on the sources: the built bundles in dist/ (what Excel and Sheets load),
 * the two manifests, and the command line run in-process with every network door of Node shut.
 *
 * The browser tests (taskpane.browser.test.ts, sidebar.test.ts) already fail on any request a
 * page makes while it runs; this file catches what those runs may not reach: a network call on
 * a path no test clicks, an external script or style, a URL baked into a bundle, code built
 * from strings, a wider OAuth scope or manifest permission.
 */
import * as fs from 'fs';
import { join, relative, sep } from 'path';
import { ensureBuilt as ensureSheetsBuilt } from '../apps-script/test-support/bundle';
import { ensureBuilt as ensureExcelBuilt } from '../excel-addin/test-support/builtAddin';
import { main } from '../cli/main';
import { bundledSample } from '../cli/packagePaths';
import { recordingIo, sha256, tempDir } from '../cli/testFiles';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..');
const EXCEL = join(ROOT, 'dist', 'excel-addin');
const SHEETS = join(ROOT, 'dist', 'apps-script');

/**
 * The only absolute URLs a shipped file may contain, and where. Each is either loaded from
 * Microsoft by Office's own rule or is a name, not a place anything is fetched from.
 */
const ALLOWED_URLS: Record<string, readonly string[]> = {
  // Office.js must come from Microsoft's CDN (the npm copy is not supported in production).
  'excel-addin/taskpane.html': ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js'],
  'excel-addin/commands.html': ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js'],
  // The custom-functions runtime, from the same Microsoft CDN.
  'excel-addin/functions.html': ['https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js'],
  // OAuth scope identifiers: names of permissions, checked exactly below.
  'apps-script/appsscript.json': ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui'],
  // manifest.xml is the add-in's own address book (https://localhost:3000/… and XML namespaces):
  // excel-addin/manifest.test.ts checks every URL in it; here it only has to equal the source.
};

/**
 * Code that reaches the network, runs strings as code, or sends data out of the page. Searched
 * for in every script of the add-ins (bundles and inline scripts alike).
 */
const FORBIDDEN_CODE: readonly [string, RegExp][] = [
  ['fetch()', /\bfetch\s*\(/],
  ['XMLHttpRequest', /XMLHttpRequest/],
  ['WebSocket', /WebSocket/],
  ['EventSource', /EventSource/],
  ['navigator.sendBeacon', /sendBeacon/],
  ['importScripts', /importScripts/],
  ['a worker', /\b(Shared)?Worker\s*\(/],
  ['WebRTC', /RTCPeerConnection|RTCDataChannel/],
  ['dynamic import()', /\bimport\s*\(/],
  ['eval', /\beval\s*\(/],
  ['code from a string (Function)', /\bFunction\s*\(/],
  ['string timers', /\bset(Timeout|Interval)\s*\(\s*["'`]/],
  ['window.open', /\bwindow\.open\s*\(/],
  ['navigation', /\blocation\s*\.\s*(href\s*=|assign|replace)/],
  ['postMessage', /postMessage/],
  ['document.cookie', /document\.cookie/],
  ['UrlFetchApp (Apps Script network)', /UrlFetchApp/],
  ['a script or frame made at run time', /createElement\(\s*["'`](script|iframe|link|img|object|embed)["'`]/i],
];

/**
 * Apps Script services the server code may use, each covered by the two scopes: the active
 * spreadsheet (spreadsheets.currentonly), the menu and sidebar (script.container.ui), the
 * sidebar's HTML and the document's own properties (no scope of their own).
 */
const APPS_SCRIPT_SERVICES = ['HtmlService', 'PropertiesService', 'SpreadsheetApp'];

interface ShippedFile {
  /** Relative to dist/, with forward slashes. */
  readonly name: string;
  readonly text: string;
}

function shipped(dir: string): ShippedFile[] {
  const files: ShippedFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.(png|map)$/.test(entry.name)) files.push({ name: relative(join(ROOT, 'dist'), full).split(sep).join('/'), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return files;
}

/** The JavaScript of a file: the file itself, or the inline scripts of a page. */
function scriptsOf(file: ShippedFile): string[] {
  if (file.name.endsWith('.js')) return [file.text];
  if (file.name.endsWith('.html')) return [...file.text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1] ?? '');
  return [];
}

function urlsIn(text: string): string[] {
  // Any scheme://, and protocol-relative //host in attributes and CSS url().
  const absolute = [...text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>)\\]*/gi)].map((m) => m[0]);
  const protocolRelative = [...text.matchAll(/(?:=\s*["']|url\(\s*["']?)(\/\/[^\s"'`<>)]+)/gi)].map((m) => m[1] ?? '');
  return [...absolute, ...protocolRelative];
}

let files: ShippedFile[];

beforeAll(() => {
  ensureExcelBuilt();
  ensureSheetsBuilt();
  files = [...shipped(EXCEL), ...shipped(SHEETS)];
});

describe('built bundles', () => {
  test('every shipped file of both add-ins is scanned', () => {
    const names = files.map((f) => f.name);
    for (const name of ['excel-addin/functions.js', 'excel-addin/taskpane.js', 'excel-addin/taskpane.html', 'excel-addin/functions.html',
      'excel-addin/commands.html', 'excel-addin/functions.json', 'apps-script/Code.js', 'apps-script/sidebar.html', 'apps-script/appsscript.json']) {
      expect(names).toContain(name);
    }
  });

  test('no network API, no code from strings, nothing sent out of the page', () => {
    const found: string[] = [];
    for (const file of files) {
      for (const script of scriptsOf(file)) {
        for (const [what, pattern] of FORBIDDEN_CODE) {
          const match = pattern.exec(script);
          if (match) found.push(`${file.name}: ${what} at «${script.slice(Math.max(0, match.index - 40), match.index + 40)}»`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  test('no URL but the allowed ones: no CDN, no analytics, no remote fonts', () => {
    const found: string[] = [];
    for (const file of files) {
      if (file.name === 'excel-addin/manifest.xml') continue;
      const allowed = ALLOWED_URLS[file.name] ?? [];
      for (const url of urlsIn(file.text)) if (!allowed.includes(url)) found.push(`${file.name}: ${url}`);
    }
    expect(found).toEqual([]);
    // The allow-list holds nothing stale: each allowed URL is still where it is said to be.
    for (const [name, urls] of Object.entries(ALLOWED_URLS)) {
      const file = files.find((f) => f.name === name);
      for (const url of urls) expect(file && urlsIn(file.text).includes(url) ? url : `${name} no longer has ${url}`).toBe(url);
    }
  });

  test('pages load their own files only, besides Microsoft\'s Office.js', () => {
    for (const file of files.filter((f) => f.name.endsWith('.html'))) {
      const allowed = ALLOWED_URLS[file.name] ?? [];
      const references = [...file.text.matchAll(/<(\w+)\b[^>]*?\s(src|href|action|data|poster|srcset)\s*=\s*["']?([^"'\s>]+)/gi)]
        .map((m) => ({ tag: (m[1] ?? '').toLowerCase(), url: m[3] ?? '' }));
      for (const { tag, url } of references) {
        const own = !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);
        expect(own || allowed.includes(url) ? 'ok' : `${file.name}: <${tag}> loads ${url}`).toBe('ok');
      }
      expect(file.text).not.toMatch(/<(iframe|object|embed|form)\b/i);
      expect(file.text).not.toMatch(/@import|url\(/i);
    }
  });

  test('the Sheets sidebar is one self-contained page: no file is loaded at all', () => {
    // HtmlService serves project files, not URLs; everything is inlined (apps-script/webpack.part.js).
    const sidebar = files.find((f) => f.name === 'apps-script/sidebar.html');
    const reference = /<[^>]*\s(src|href)\s*=[^>]*>/i.exec(sidebar?.text ?? '');
    expect(reference?.[0] ?? 'none').toBe('none');
  });

  test('Code.js uses only the Apps Script services the two scopes cover, and writes no logs', () => {
    const code = files.find((f) => f.name === 'apps-script/Code.js')?.text ?? '';
    const services = new Set([...code.matchAll(/\b([A-Z][A-Za-z]*(?:App|Service))\s*\./g)].map((m) => m[1]));
    expect([...services].sort()).toEqual(APPS_SCRIPT_SERVICES);
    // Another spreadsheet (openById/openByUrl/create) needs the full spreadsheets scope; user e-mail needs userinfo.email.
    expect(code).not.toMatch(/SpreadsheetApp\s*\.\s*(open\w*|create)\s*\(/);
    expect(code).not.toMatch(/\bSession\s*\.|\bScriptApp\b|\bLockService\b|\bCacheService\b|\bUtilities\b/);
    // console.* and Logger go to the project's Cloud Logging, read by the script's owner, not by the user.
    expect(code).not.toMatch(/\bconsole\s*\.|\bLogger\s*\./);
  });
});

describe('manifests', () => {
  test('appsscript.json: exactly the current spreadsheet and the menu/sidebar, nothing else', () => {
    const source = fs.readFileSync(join(ROOT, 'appsscript.json'), 'utf8');
    const built = fs.readFileSync(join(SHEETS, 'appsscript.json'), 'utf8');
    expect(built === source ? 'same' : 'dist/apps-script/appsscript.json is not appsscript.json: run `npm run build`').toBe('same');
    const manifest = JSON.parse(source) as Record<string, unknown>;
    // No urlFetchWhitelist, no advanced services or libraries (dependencies), no web app or API executable, no add-on block.
    expect(Object.keys(manifest).sort()).toEqual(['exceptionLogging', 'oauthScopes', 'runtimeVersion', 'timeZone']);
    expect(manifest.oauthScopes).toEqual([
      // This spreadsheet only: not `spreadsheets` (every sheet of the user), not drive.
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      // The «Сферум» menu and the sidebar.
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(manifest.runtimeVersion).toBe('V8');
    // Uncaught errors are not copied to Cloud Logging: the user sees them in the cell or the panel.
    expect(manifest.exceptionLogging).toBe('NONE');
  });

  test('manifest.xml as shipped: ReadWriteDocument and no other domain', () => {
    const source = fs.readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    const built = fs.readFileSync(join(EXCEL, 'manifest.xml'), 'utf8');
    expect(built === source ? 'same' : 'dist/excel-addin/manifest.xml is not manifest.xml: run `npm run build`').toBe('same');
    // Office allows the Excel JavaScript API (reads included) only with ReadWriteDocument: it is the narrowest that works.
    expect(source.match(/<Permissions>([^<]*)<\/Permissions>/g)).toEqual(['<Permissions>ReadWriteDocument</Permissions>']);
    expect(source).not.toMatch(/<AppDomains?\b/);
  });
});

describe('command line', () => {
  type Door = { readonly name: string; readonly restore: () => void };
  type Patchable = Record<string, unknown>;
  // The modules themselves (an `import * as` copy has read-only getters): the command's code looks
  // their functions up on these objects at each call, so replacing them here reaches it.
  const node = (name: string): Patchable => require(name) as Patchable;
  const [net, tls, dgram, dns, http, https, http2, childProcess, nodeFs] =
    ['net', 'tls', 'dgram', 'dns', 'http', 'https', 'http2', 'child_process', 'fs'].map(node) as Patchable[] as [Patchable, Patchable, Patchable, Patchable, Patchable, Patchable, Patchable, Patchable, Patchable];

  /** Replaces every way Node reaches the network or starts a program with one that records and throws. */
  function shutNetwork(calls: string[]): Door[] {
    const doors: [object, string, string][] = [
      [net, 'connect', 'net.connect'], [net, 'createConnection', 'net.createConnection'], [(net.Socket as { prototype: object }).prototype, 'connect', 'Socket.connect'],
      [net, 'createServer', 'net.createServer'], [tls, 'connect', 'tls.connect'], [dgram, 'createSocket', 'dgram.createSocket'],
      [dns, 'lookup', 'dns.lookup'], [dns, 'resolve', 'dns.resolve'], [dns.promises as object, 'lookup', 'dns.promises.lookup'],
      [http, 'request', 'http.request'], [http, 'get', 'http.get'], [https, 'request', 'https.request'], [https, 'get', 'https.get'],
      [http2, 'connect', 'http2.connect'],
      [childProcess, 'spawn', 'spawn'], [childProcess, 'exec', 'exec'], [childProcess, 'execFile', 'execFile'], [childProcess, 'fork', 'fork'],
      [childProcess, 'spawnSync', 'spawnSync'], [childProcess, 'execSync', 'execSync'], [childProcess, 'execFileSync', 'execFileSync'],
      [globalThis, 'fetch', 'fetch'],
    ];
    return doors.map(([owner, key, name]) => {
      const target = owner as Record<string, unknown>;
      const original = target[key];
      target[key] = function shut(): never {
        calls.push(name);
        throw new Error(`network or process use in the command: ${name}`);
      };
      return { name, restore: () => { target[key] = original; } };
    });
  }

  /** Every file under a folder, relative to it. */
  function listFiles(dir: string): string[] {
    return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
      .sort();
  }

  test('`report` reaches no network, starts no program, writes only its two outputs and leaves the inputs as they were', async () => {
    const dir = tempDir('sferum-privacy-');
    const sample = bundledSample();
    const inputs = [sample.current, sample.previous, sample.plan];
    const before = inputs.map((file) => sha256(file));
    const written: string[] = [];
    const promises = nodeFs.promises as Patchable;
    const writers: [Patchable, string][] = [
      [promises, 'writeFile'], [promises, 'rename'], [promises, 'mkdir'], [promises, 'rm'], [promises, 'open'], [promises, 'appendFile'],
      [nodeFs, 'writeFileSync'], [nodeFs, 'renameSync'], [nodeFs, 'mkdirSync'], [nodeFs, 'createWriteStream'],
    ];
    const originals = writers.map(([owner, key]) => {
      const original = owner[key] as (...args: unknown[]) => unknown;
      owner[key] = function recorded(this: unknown, ...args: unknown[]): unknown {
        const [path, second, third] = args;
        // fs.promises.open(path) with no flags only reads.
        const reads = key === 'open' && (second === undefined || second === 'r');
        if (!reads) written.push(String(path), ...(key === 'rename' ? [String(second)] : []));
        void third;
        return original.apply(this, args);
      };
      return () => { owner[key] = original; };
    });
    const calls: string[] = [];
    const doors = shutNetwork(calls);
    let code: number;
    const io = recordingIo(dir);
    try {
      code = await main(['report', '--json', join('out', 'report.json')], io);
    } finally {
      for (const door of doors) door.restore();
      for (const restore of originals) restore();
    }
    expect(io.err()).not.toMatch(/network or process use/);
    expect(calls).toEqual([]);
    expect(code).toBe(0);
    // The default --out (out/report.xlsx) and the JSON, put in place from temporary names beside them.
    expect(listFiles(dir)).toEqual(['out/report.json', 'out/report.xlsx']);
    // The recording reached the command: it saw the report put in place.
    expect(written).toContain(join(dir, 'out', 'report.xlsx'));
    const outside = written.filter((path) => !path.startsWith(join(dir, 'out')));
    expect(outside).toEqual([]);
    expect(inputs.map((file) => sha256(file))).toEqual(before);
  });
});
