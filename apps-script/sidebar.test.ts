/**
 * The built sidebar.html in headless Chromium. google.script.run is stubbed in the page and
 * forwards each call to the built Code.js running against the fake Sheets, so a click goes
 * through the same path as in Sheets: panel → gasBackend → server function → SpreadsheetApp.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_STORED_SETTINGS, SHEET_NAMES } from '../core';
import { TEXTS } from '../ui/texts';
import { PROGRESS } from './sidebar/gasBackend';
import { SERVER_FUNCTIONS } from './serverFunctions';
import { sheetsFailed } from './sheetsMessages';
import { axNode, contrastProblems, focused, focusIndicator, overflowProblems, unnamedControls } from '../ui/test-support/a11y';
import { ensureBuilt, loadScript, monitoringSheet, repoRoot, sidebarHtml, type LoadedScript } from './test-support';

jest.setTimeout(60_000);

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PAGE_URL = 'https://sidebar.sferum.test/';
const XSS = '<img src=x onerror=alert(1)>';
const SOURCE = 'Мониторинг';

let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

interface Sidebar {
  readonly page: Page;
  readonly loaded: LoadedScript;
  /** Server calls made from the page, in order, with their JSON arguments. */
  readonly calls: { name: string; args: unknown[] }[];
  /** Requests the page made (only the page itself is allowed). */
  readonly requests: string[];
  readonly dialogs: string[];
  /** The next call of this server function fails as google.script.run does (the failure handler gets an Error). */
  failNext(name: string, message: string): void;
  /** Holds the next call of this function until `release` is called. */
  hold(name: string): { release: () => void };
}

async function openSidebar(): Promise<Sidebar> {
  const loaded = loadScript();
  const data = monitoringSheet(60);
  // A district whose name is markup: it must stay text in the panel.
  data.slice(2).forEach((row, i) => {
    if (i % 30 === 4) row[0] = XSS;
  });
  loaded.fake.book.addSheet(SOURCE, data);
  loaded.fake.book.addSheet('Прошлая неделя', monitoringSheet(60, { lower: 3 }));

  const calls: Sidebar['calls'] = [];
  const failures = new Map<string, string>();
  const holds = new Map<string, Promise<void>>();
  const page = await browser.newPage({ viewport: { width: 300, height: 900 }, locale: 'ru-RU' });
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await page.exposeFunction('__sferumServer', async (name: string, json: string) => {
    const args = JSON.parse(json) as unknown[];
    calls.push({ name, args });
    const held = holds.get(name);
    if (held) {
      holds.delete(name);
      await held;
    }
    const failure = failures.get(name);
    if (failure !== undefined) {
      failures.delete(name);
      return JSON.stringify({ error: failure });
    }
    const fn = loaded.script[name];
    if (typeof fn !== 'function') return JSON.stringify({ error: `Script function not found: ${name}` });
    try {
      const value: unknown = fn(...args);
      return JSON.stringify({ value: value === undefined ? null : value });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  // google.script.run as HtmlService provides it: a runner whose handler setters return a runner, and one method per server function.
  await page.addInitScript((names: string[]) => {
    type Handler = ((value: unknown) => void) | null;
    const server = (window as unknown as { __sferumServer: (name: string, json: string) => Promise<string> }).__sferumServer;
    const runner = (success: Handler, failure: Handler): Record<string, unknown> => {
      const r: Record<string, unknown> = {
        withSuccessHandler: (handler: Handler) => runner(handler, failure),
        withFailureHandler: (handler: Handler) => runner(success, handler),
      };
      for (const name of names) {
        r[name] = (...args: unknown[]) => {
          void server(name, JSON.stringify(args)).then((text) => {
            const reply = JSON.parse(text) as { value?: unknown; error?: string };
            if (reply.error !== undefined) failure?.(new Error(reply.error));
            else success?.(reply.value);
          });
        };
      }
      return r;
    };
    (window as unknown as { google: unknown }).google = { script: { run: runner(null, null) } };
  }, Object.values(SERVER_FUNCTIONS));

  const html = sidebarHtml();
  await page.route('**/*', (route) =>
    route.request().url() === PAGE_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort());
  await page.goto(PAGE_URL);
  await page.locator('#sm-sheet').waitFor();
  await expectIdle(page);

  return {
    page,
    loaded,
    calls,
    requests,
    dialogs,
    failNext: (name, message) => failures.set(name, message),
    hold(name) {
      let release = (): void => undefined;
      holds.set(name, new Promise<void>((resolve) => (release = resolve)));
      return { release: () => release() };
    },
  };
}

const last = <T>(items: readonly T[]): T | undefined => items[items.length - 1];

async function expectIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.sm-panel')?.getAttribute('data-busy') === 'false');
}

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(repoRoot(), 'test-output');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

describe('the sidebar in Chromium', () => {
  let sidebar: Sidebar;

  beforeAll(async () => {
    sidebar = await openSidebar();
  });

  afterAll(async () => {
    await sidebar?.page.close();
  });

  it('loads the active sheet through panelLoad and shows the Russian panel', async () => {
    const { page, calls } = sidebar;
    expect(calls[0]).toEqual({ name: SERVER_FUNCTIONS.load, args: [null] });
    await expect(page.locator('h1').textContent()).resolves.toBe(TEXTS.title);
    await expect(page.locator('button[data-action="build"]').textContent()).resolves.toBe(TEXTS.buildReport);
    await expect(page.locator('button[data-action="highlight"]').textContent()).resolves.toBe(TEXTS.highlight);
    await expect(page.locator('button[data-action="clear"]').textContent()).resolves.toBe(TEXTS.clearHighlight);
    await expect(page.locator('#sm-sheet').inputValue()).resolves.toBe(SOURCE);
    await expect(page.locator('.sm-note').first().textContent()).resolves.toBe(TEXTS.tableSummary(2, 60, 30));
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
    await screenshot(page, 'sheets-sidebar.png');
  });

  it('names every control, fits the 300 px sidebar and the same at 200 % zoom, with AA contrast in Google\'s colours', async () => {
    const { page } = sidebar;
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    await expect(page.title()).resolves.toBe(TEXTS.title);
    await expect(unnamedControls(page)).resolves.toEqual([]);
    await expect(axNode(page, '#sm-district')).resolves.toMatchObject({ role: 'combobox', name: TEXTS.districtLabel });
    await expect(axNode(page, '#sm-target-teachersCreatedChats')).resolves.toMatchObject({ role: 'textbox', name: 'Создали чаты', description: '%' });
    await expect(contrastProblems(page)).resolves.toEqual([]);
    await expect(overflowProblems(page)).resolves.toEqual([]);
    await page.locator('#sm-build').focus();
    await expect(focusIndicator(page)).resolves.toMatchObject({ ok: true });
    await page.locator('#sm-build').blur();
    // Sheets' sidebar is 300 px wide; zoomed to 200 % it leaves 150 CSS pixels.
    await page.setViewportSize({ width: 150, height: 900 });
    try {
      await expect(overflowProblems(page)).resolves.toEqual([]);
      await screenshot(page, 'sheets-sidebar-zoom200.png');
    } finally {
      await page.setViewportSize({ width: 300, height: 900 });
    }
  });

  it('keeps a district named like markup as plain text', async () => {
    const { page, dialogs } = sidebar;
    const labels = await page.locator('#sm-district option').allTextContents();
    expect(labels).toContain(XSS);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.body.innerHTML.includes('<img'))).resolves.toBe(false);
    expect(dialogs).toEqual([]);
  });

  it('builds the report through panelBuildReport, showing progress while the server works', async () => {
    const { page, calls, loaded } = sidebar;
    const held = sidebar.hold(SERVER_FUNCTIONS.buildReport);
    await page.locator('button[data-action="build"]').focus();
    await page.keyboard.press('Enter');
    // The progress line is a status region that was in the page before it spoke.
    await expect(page.getByRole('status').filter({ hasText: PROGRESS.report }).count()).resolves.toBe(1);
    await expect(page.locator('button[data-action="highlight"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('button[data-action="build"]').isDisabled()).resolves.toBe(true);
    held.release();
    await expectIdle(page);
    await expect(page.locator('button[data-action="build"]').isEnabled()).resolves.toBe(true);
    // Focus is back on the button pressed; the outcome is said politely.
    await expect(focused(page)).resolves.toBe('#sm-build');
    await expect(page.getByRole('status').filter({ hasText: 'Отчёт по районам построен' }).count()).resolves.toBe(1);
    await expect(contrastProblems(page)).resolves.toEqual([]);
    const call = calls.find((c) => c.name === SERVER_FUNCTIONS.buildReport);
    expect(call?.args).toEqual([{ sheet: SOURCE, district: null, settings: DEFAULT_STORED_SETTINGS }]);
    const result = page.locator('.sm-result');
    await expect(result.getAttribute('class')).resolves.toContain('sm-result--ok');
    await expect(result.textContent()).resolves.toContain('Отчёт по районам построен');
    expect(loaded.fake.book.sheet(SHEET_NAMES.districts)).toBeDefined();
    await screenshot(page, 'sheets-sidebar-report.png');
  });

  it('sends the chosen district, last week and a changed target with the request, and saves them', async () => {
    const { page, calls } = sidebar;
    await expect(page.locator('button[data-action="build"]').textContent()).resolves.toBe('Построить отчёт по районам');
    await page.locator('#sm-district').selectOption(XSS);
    // The button now names what it builds, in the words of the «Сферум» menu item.
    await expect(page.locator('button[data-action="build"]').textContent()).resolves.toBe('Построить отчёт по району');
    await page.locator('#sm-previous').selectOption('Прошлая неделя');
    await expectIdle(page);
    await page.locator('#sm-target-teachersCalled').fill('40');
    await page.locator('#sm-target-teachersCalled').dispatchEvent('change');
    await page.waitForFunction(() => document.querySelector('.sm-notice')?.textContent !== '');
    const saves = calls.filter((c) => c.name === SERVER_FUNCTIONS.save);
    expect(saves[saves.length - 1]?.args[0]).toMatchObject({ previousSheet: 'Прошлая неделя', targets: { teachersCalled: 0.4 } });
    await page.locator('button[data-action="build"]').click();
    await expectIdle(page);
    const request = last(calls.filter((c) => c.name === SERVER_FUNCTIONS.buildReport))?.args[0];
    expect(request).toMatchObject({ sheet: SOURCE, district: XSS, settings: { previousSheet: 'Прошлая неделя', targets: { teachersCalled: 0.4 } } });
    await expect(page.locator('.sm-result').textContent()).resolves.toContain(`Отчёт по району «${XSS}» построен`);
    await expect(page.locator('img').count()).resolves.toBe(0);
  });

  it('highlights and clears through panelHighlight and panelClearHighlight', async () => {
    const { page, calls, loaded } = sidebar;
    await page.locator('button[data-action="highlight"]').click();
    await expectIdle(page);
    expect(last(calls)?.name).toBe(SERVER_FUNCTIONS.highlight);
    await expect(page.locator('.sm-result').textContent()).resolves.toContain('Отстающие школы подсвечены');
    expect(loaded.fake.book.get(SOURCE).rules.length).toBeGreaterThan(0);
    await page.locator('button[data-action="clear"]').click();
    await expectIdle(page);
    expect(last(calls)).toEqual({ name: SERVER_FUNCTIONS.clearHighlight, args: [SOURCE] });
    await expect(page.locator('.sm-result').textContent()).resolves.toContain('Подсветка снята');
    expect(loaded.fake.book.get(SOURCE).rules).toEqual([]);
  });

  it('shows a failure the server reports, and one google.script.run reports', async () => {
    const { page } = sidebar;
    await page.locator('#sm-district').selectOption('');
    sidebar.loaded.fake.book.get(SOURCE).name = 'Переименован';
    await page.locator('button[data-action="build"]').click();
    await expectIdle(page);
    const result = page.locator('.sm-result');
    await expect(result.getAttribute('class')).resolves.toContain('sm-result--error');
    await expect(result.textContent()).resolves.toContain(`Лист «${SOURCE}» не найден: возможно, он переименован или удалён.`);
    sidebar.loaded.fake.book.get('Переименован').name = SOURCE;

    sidebar.failNext(SERVER_FUNCTIONS.highlight, 'Превышено максимальное время выполнения');
    await page.locator('button[data-action="highlight"]').click();
    await expectIdle(page);
    await expect(result.textContent()).resolves.toBe(TEXTS.failed(TEXTS.highlight, sheetsFailed('Превышено максимальное время выполнения')));
    // Said at once (an alert region), and focused, so the user reads it next.
    await expect(page.getByRole('alert').filter({ has: result }).count()).resolves.toBe(1);
    await expect(page.evaluate(() => document.activeElement?.classList.contains('sm-result--error'))).resolves.toBe(true);
    await expect(focusIndicator(page)).resolves.toMatchObject({ ok: true });
    await expect(contrastProblems(page)).resolves.toEqual([]);
    await screenshot(page, 'sheets-sidebar-failure.png');
  });

  it('shows a failed load, and loads nothing from the network', async () => {
    const { page, requests } = sidebar;
    sidebar.failNext(SERVER_FUNCTIONS.load, 'Нет доступа к таблице');
    await page.locator('#sm-sheet').selectOption('Прошлая неделя');
    await expectIdle(page);
    await expect(page.locator('.sm-alert').textContent()).resolves.toBe(TEXTS.failed(TEXTS.loadAction, sheetsFailed('Нет доступа к таблице')));
    expect(requests).toEqual([PAGE_URL]);
  });
});

describe('the built page', () => {
  it('is one file: no external script, style or font', () => {
    const html = sidebarHtml();
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('has no template literal with // or /* (HtmlService would strip them)', () => {
    const html = sidebarHtml();
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    const templates = script.match(/`(?:[^`\\]|\\.)*`/g) ?? [];
    expect(templates.filter((t) => t.includes('//') || t.includes('/*'))).toEqual([]);
  });
});
