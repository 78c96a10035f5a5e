/**
 * The built Code.js as Sheets runs it: its globals, the JSDoc Sheets reads for autocomplete,
 * and the `=SFERUM_*` custom functions with hand-computed results.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { FORMULAS, formulaHelp, parameterHelp } from '../core';
import { BEGIN, END, SHEETS_PREFIX, sheetsWrappers } from './customFunctions';
import { SERVER_FUNCTIONS } from './serverFunctions';
import { MENU_ITEMS, MENU_TITLE } from './server/menu';
import { bundleText, ensureBuilt, loadScript, type LoadedScript, type ScriptGlobals } from './test-support';

let loaded: LoadedScript;
let script: ScriptGlobals;
let text: string;

beforeAll(() => {
  ensureBuilt();
  loaded = loadScript();
  script = loaded.script;
  text = bundleText();
});

/** Calls a global of the loaded script; results come from the vm's realm, so they are compared as JSON. */
function call(name: string, ...args: unknown[]): unknown {
  const fn = script[name];
  if (typeof fn !== 'function') throw new Error(`no global ${name}`);
  return JSON.parse(JSON.stringify(fn(...args)) ?? 'null');
}

const customFunctionNames = FORMULAS.map((f) => `SFERUM_${f.name}`);

describe('globals of the bundle', () => {
  const expected = [
    ...customFunctionNames, 'onOpen', 'onInstall', 'menuBuildReport', 'menuHighlight', 'menuClearHighlight', 'menuSettings',
    ...Object.values(SERVER_FUNCTIONS),
  ];

  it.each(expected)('%s is a top-level function', (name) => {
    expect(typeof script[name]).toBe('function');
    expect(text).toMatch(new RegExp(`(^|[\\s;}/])function ${name}\\(`));
  });

  it('calls no service while loading (custom functions load the script for every call)', () => {
    expect(loadScript().fake.log.count()).toBe(0);
  });

  it('declares exactly the formula set of the core registry as custom functions', () => {
    const declared = [...text.matchAll(/function (SFERUM_\w+)\(/g)].map((m) => m[1]);
    expect([...new Set(declared)].sort()).toEqual([...customFunctionNames].sort());
  });

  it('builds the «Сферум» menu on open, without touching properties or sheets (AuthMode.NONE)', () => {
    const { fake, script: fresh } = loadScript();
    fake.log.reset();
    fresh.onOpen?.();
    expect(fake.book.ui.menus).toEqual([{ title: MENU_TITLE, addon: false, items: MENU_ITEMS.map(([caption, fn]) => ({ caption, fn })) }]);
    expect(fake.book.ui.menus[0]?.items.map((i) => i.caption)).toEqual(['Построить отчёт по району', 'Подсветить отстающие школы', 'Снять подсветку', 'Настройки']);
    expect(fake.log.calls.every((c) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(c.method))).toBe(true);
  });

  it('points every menu item at a global function, and onInstall builds the same menu', () => {
    for (const [, fn] of MENU_ITEMS) expect(typeof script[fn]).toBe('function');
    const { fake, script: fresh } = loadScript();
    fresh.onInstall?.();
    expect(fake.book.ui.menus).toHaveLength(1);
  });

  it('opens the built sidebar page from the menu', () => {
    const { fake, script: fresh } = loadScript();
    fresh.menuBuildReport?.();
    fresh.menuSettings?.();
    expect(fake.book.ui.sidebars).toEqual([{ file: 'sidebar', title: 'Сферум' }, { file: 'sidebar', title: 'Сферум' }]);
  });
});


describe('JSDoc for Sheets autocomplete', () => {
  it('main.ts holds exactly the custom functions generated from core/formulas/registry.ts (UPDATE_WRAPPERS=1 rewrites it)', () => {
    const file = join(__dirname, 'main.ts');
    const source = readFileSync(file, 'utf8');
    const from = source.indexOf(BEGIN);
    const to = source.indexOf(END);
    expect(from).toBeGreaterThan(0);
    const expected = `${source.slice(0, from + BEGIN.length)}\n${sheetsWrappers()}\n${source.slice(to)}`;
    if (process.env.UPDATE_WRAPPERS === '1' && source !== expected) writeFileSync(file, expected);
    else expect(source).toBe(expected);
  });

  it.each(FORMULAS.map((f) => [f.name, f] as const))('SFERUM_%s in the built Code.js carries the registry help right above it', (_name, def) => {
    const stub = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function SFERUM_${def.name}\\(([^)]*)\\)\\{\\}`).exec(text);
    expect(stub).not.toBeNull();
    const [, doc = '', params = ''] = stub ?? [];
    const lines = doc.split('\n').map((l) => l.replace(/^\s*\*\s?/, '').trim()).filter(Boolean);
    expect(lines).toContain('@customfunction');
    // The text before the tags is the card's description: what it gives, in what units, and an example.
    expect(lines[0]).toBe(formulaHelp(def, SHEETS_PREFIX));
    expect(lines[0]).toContain(`Пример: SFERUM_${def.name}(`);
    const documented = lines.filter((l) => l.startsWith('@param')).map((l) => /^@param \{[^}]+\} (\S+) (.*)$/.exec(l)?.slice(1));
    expect(documented).toEqual(def.params.map((p) => [p.name, parameterHelp(p)]));
    expect(lines.find((l) => l.startsWith('@return'))).toMatch(new RegExp(`^@return \\{[^}]+\\} ${escape(def.returns)}$`));
    // The card names the parameters after the stub's own: the Russian names, not mangled.
    expect(params.split(',')).toEqual(def.params.map((p) => p.name));
  });

  it('names the parameters in Russian, as the help of Excel shows them, and marks optional ones in the text (Sheets has no other mark)', () => {
    expect(text).toContain('function SFERUM_SHARE(часть,база){}');
    expect(text).toContain('function SFERUM_STATUS(часть,база,цель,допуск){}');
    expect(text).toContain('@param {number|number[][]} допуск Необязательно. ');
  });
});

function escape(textToFind: string): string {
  return textToFind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('custom functions', () => {
  afterEach(() => {
    // Custom functions may not use services that need authorisation: they make no calls at all.
    expect(loaded.fake.log.count()).toBe(0);
  });

  describe('single values', () => {
    it('SFERUM_SHARE divides part by total', () => {
      expect(call('SFERUM_SHARE', 617, 636)).toBeCloseTo(0.970126, 6);
      expect(call('SFERUM_SHARE', '17 218', '18 013')).toBeCloseTo(17218 / 18013, 12);
      expect(call('SFERUM_SHARE', 18013, 17218)).toBeCloseTo(1.046173, 6);
    });

    it('gives empty for a missing part or total (Sheets passes an empty cell as "")', () => {
      expect(call('SFERUM_SHARE', '', 636)).toBe('');
      expect(call('SFERUM_SHARE', 617, 'н/д')).toBe('');
    });

    it('SFERUM_GAP counts people still needed, without floating-point artefacts', () => {
      expect(call('SFERUM_GAP', 20, 100, 0.25)).toBe(5);
      expect(call('SFERUM_GAP', 25, 100, '25%')).toBe(0);
      expect(call('SFERUM_GAP', 35, 100, 0.35)).toBe(0);
      expect(call('SFERUM_GAP', 7, 30, 0.35)).toBe(4);
    });

    it('SFERUM_STATUS compares with the target and the default 5-point tolerance', () => {
      expect(call('SFERUM_STATUS', 35, 100, 0.35)).toBe('выполнено');
      expect(call('SFERUM_STATUS', 33, 100, 0.35)).toBe('близко');
      expect(call('SFERUM_STATUS', 29, 100, 0.35)).toBe('отстаёт');
      expect(call('SFERUM_STATUS', 29, 100, 0.35, 0.1)).toBe('близко');
      expect(call('SFERUM_STATUS', '', 100, 0.35)).toBe('нет данных');
    });

    it('SFERUM_TARGET reads the catalogue by key or header text', () => {
      expect(call('SFERUM_TARGET', 'Учителя, создавшие групповые чаты')).toBe(0.35);
      expect(call('SFERUM_TARGET', 'teachers3Messages')).toBe(0.25);
      expect(call('SFERUM_TARGET', 'teachersCalled', 2023)).toBe(0.3);
    });

    it('SFERUM_ACTIVE and SFERUM_ACCESS50 apply the official rules', () => {
      expect(call('SFERUM_ACTIVE', 3, 1)).toBe(true);
      expect(call('SFERUM_ACTIVE', 2, 5)).toBe(false);
      expect(call('SFERUM_ACCESS50', 30, 50, 200, 400)).toBe(true);
      expect(call('SFERUM_ACCESS50', 24, 50, 200, 400)).toBe(false);
    });

    it('SFERUM_PARSE reads Russian-formatted text', () => {
      expect(call('SFERUM_PARSE', '17 218')).toBe(17218);
      expect(call('SFERUM_PARSE', '97,01%')).toBe(0.9701);
      expect(call('SFERUM_PARSE', 'н/д')).toBe('');
    });

    it('SFERUM_CHECK explains a bad pair and is empty for a good one', () => {
      expect(call('SFERUM_CHECK', 5, 10)).toBe('');
      expect(call('SFERUM_CHECK', 18013, 17218)).toBe('значение больше базы: 18\u00a0013 > 17\u00a0218');
      expect(call('SFERUM_CHECK', 5, 0)).toBe('база равна 0');
    });

    it('SFERUM_SHARE_BY weights a district: sum of parts over sum of totals', () => {
      const groups = [['Амурский район'], ['Хабаровский район'], ['амурский  район']];
      const parts = [[10], [5], [30]];
      const totals = [[100], [50], [100]];
      expect(call('SFERUM_SHARE_BY', groups, 'Амурский район', parts, totals)).toBe(0.2);
    });
  });

  describe('ranges (2-D arrays in, 2-D arrays out)', () => {
    it('combines columns element by element; an invalid element shows its message as text (Sheets has no error per element)', () => {
      const parts = [[1], [2], ['abc'], [3], [-4]];
      const totals = [[4], [0], [5], [''], [10]];
      expect(call('SFERUM_SHARE', parts, totals)).toEqual([[0.25], ['база равна 0'], ['часть: текст вместо числа: «abc»'], [''], ['часть: отрицательное значение: −4']]);
      expect(call('SFERUM_CHECK', parts, totals)).toEqual([
        [''], ['база равна 0'], ['текст вместо числа: «abc»'], [''], ['отрицательное значение: −4'],
      ]);
    });

    it('reads an error cell of a range (Sheets passes its text, «#N/A») as an error of that element only', () => {
      expect(call('SFERUM_SHARE', [[1], ['#N/A'], [3]], [[4], [10], [10]])).toEqual([[0.25], ['часть: ошибка в ячейке: «#N/A»'], [0.3]]);
      expect(call('SFERUM_SHARE_BY', [['А'], ['А']], 'А', [[1], ['#DIV/0!']], [[4], [10]])).toBe(0.25);
    });

    it('applies a single value to every element', () => {
      expect(call('SFERUM_GAP', [[20], [25], [40]], 100, 0.25)).toEqual([[5], [0], [0]]);
      expect(call('SFERUM_STATUS', [[35, 33, 10]], 100, 0.35)).toEqual([['выполнено', 'близко', 'отстаёт']]);
    });

    it('gives one SHARE_BY result per group of a group range', () => {
      const groups = [['А'], ['Б'], ['А'], ['Б']];
      expect(call('SFERUM_SHARE_BY', groups, [['А'], ['Б'], ['В']], [[1], [2], [3], [''] ], [[10], [10], [10], [10]]))
        .toEqual([[0.2], [0.2], ['района «В» нет в столбце районов — проверьте, как он написан']]);
    });

    it('computes a 40,000-row column in one call, well under the 30-second limit', () => {
      const rows = 40_000;
      const parts = Array.from({ length: rows }, (_, i) => [i % 101]);
      const totals = Array.from({ length: rows }, () => [100]);
      const started = Date.now();
      const shares = call('SFERUM_SHARE', parts, totals) as number[][];
      const gaps = call('SFERUM_GAP', parts, totals, 0.35) as number[][];
      const elapsed = Date.now() - started;
      expect(shares).toHaveLength(rows);
      expect(shares[12345]).toEqual([(12345 % 101) / 100]);
      expect(gaps[100]).toEqual([Math.max(0, 35 - (100 % 101))]);
      expect(gaps[1]).toEqual([34]);
      expect(elapsed).toBeLessThan(5_000);
    });
  });

  describe('bad input', () => {
    it('throws the Russian message for a single value (Sheets shows it on #ERROR!)', () => {
      expect(() => call('SFERUM_SHARE', 5, 0)).toThrow('база равна 0');
      expect(() => call('SFERUM_SHARE', -1, 10)).toThrow('отрицательное значение: −1');
      expect(() => call('SFERUM_PARSE', 'много')).toThrow('текст вместо числа: «много»');
      expect(() => call('SFERUM_TARGET', 'foo')).toThrow(/^неизвестный показатель «foo»; известны: teachersCreatedChats/);
      expect(() => call('SFERUM_GAP', 5, 10, '')).toThrow('не указана цель');
      expect(() => call('SFERUM_SHARE_BY', [['А']], 'Б', [[1]], [[2]])).toThrow('района «Б» нет в столбце районов — проверьте, как он написан');
    });

    it('throws when ranges of different shapes meet', () => {
      expect(() => call('SFERUM_SHARE', [[1], [2]], [[1], [2], [3]])).toThrow('размеры диапазонов не совпадают: часть 2×1 и база 3×1 — выделите диапазоны одной высоты, например G4:G805 и F4:F805');
    });
  });
});
