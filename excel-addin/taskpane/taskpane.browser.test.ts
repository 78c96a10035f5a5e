/**
 * The built task pane (dist/excel-addin/taskpane.html + taskpane.js) in headless Chromium. Office.js
 * is replaced by a stub whose Excel.run drives the same fake workbook the unit tests use
 * (test-support/fakeExcel.ts, transpiled into the page), so the real panel and the real backend
 * run end to end without Office and without network. A screenshot goes to test-output/.
 */
import { mkdirSync, readFileSync } from 'fs';
import { extname, join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import ts from 'typescript';
import { axNode, contrastProblems, focused, focusIndicator, liveRegions, overflowProblems, unnamedControls } from '../../ui/test-support/a11y';
import { ensureBuilt, ROOT } from '../test-support/builtAddin';
import { monitoringSheet } from '../test-support/monitoringSheet';

// A browser step takes seconds on a busy machine (CI runs suites side by side): jest's 5 s per test
// failed the zoom and keyboard tests under load with nothing wrong in them.
jest.setTimeout(60_000);

const ORIGIN = 'https://localhost:3000';
const XSS = '<img src=x onerror=alert(1)>';
const SCREENSHOTS = join(ROOT, 'test-output');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png' };

/** fakeExcel.ts as a plain script that leaves its exports on window.SferumFake. */
function fakeExcelScript(): string {
  const source = readFileSync(join(ROOT, 'excel-addin', 'test-support', 'fakeExcel.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
  return `(function () { var exports = {}; var module = { exports: exports };\n${outputText}\nwindow.SferumFake = exports; })();`;
}

/** Office.js as the page sees it: ready at once, Excel 1.9, settings and Excel.run from the fake. */
const OFFICE_STUB = `
  window.Office = {
    onReady: function (callback) {
      return Promise.resolve().then(function () { if (callback) callback({ host: 'Excel', platform: 'OfficeOnline' }); return { host: 'Excel' }; });
    },
    context: { requirements: { isSetSupported: function () { return true; } }, document: { settings: window.workbook.settings } },
  };
  window.Excel = { run: window.workbook.run };
`;

let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

/** `width` in CSS pixels; `zoom` 2 is Excel's pane at 200 %: half the CSS pixels, two device pixels each. */
async function openTaskpane(sheets: { name: string; values: unknown[][] }[], { width = 360, zoom = 1 } = {}): Promise<void> {
  page = await browser.newPage({ viewport: { width, height: 1000 }, deviceScaleFactor: zoom, locale: 'ru-RU' });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js') return route.fulfill({ contentType: TYPES['.js'], body: OFFICE_STUB });
    if (url.startsWith(`${ORIGIN}/`)) {
      const file = join(ROOT, 'dist', 'excel-addin', new URL(url).pathname);
      try {
        return await route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    }
    foreignRequests.push(url);
    return route.abort();
  });
  await page.addInitScript(fakeExcelScript());
  await page.addInitScript((data) => {
    const fake = (window as unknown as { SferumFake: { FakeExcel: new (s: unknown) => unknown } }).SferumFake;
    (window as unknown as { workbook: unknown }).workbook = new fake.FakeExcel(data);
  }, sheets);
  await page.goto(`${ORIGIN}/taskpane.html`);
  await page.getByRole('heading', { name: 'Мониторинг «Сферума»' }).waitFor();
  await idle();
}

/** The panel has finished its job (it marks itself data-busy while one runs). */
async function idle(): Promise<void> {
  await page.locator('.sm-panel[data-busy="false"]').waitFor({ state: 'attached' });
}

async function workbookSheets(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { workbook: { sheets: { name: string }[] } }).workbook.sheets.map((s) => s.name));
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  expect(dialogs).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page?.close();
});

test('renders the panel in Russian; a district named like markup stays text', async () => {
  await openTaskpane([
    { name: 'Мониторинг', values: monitoringSheet(60, { firstDistrictName: XSS }) },
    { name: 'Прошлая неделя', values: monitoringSheet(58, { week: 2, firstDistrictName: XSS }) },
  ]);
  expect(await page.locator('html').getAttribute('lang')).toBe('ru');
  for (const text of ['Построить отчёт по районам', 'Подсветить отстающие школы', 'Снять подсветку']) {
    expect(await page.getByRole('button', { name: text }).isEnabled()).toBe(true);
  }
  expect(await page.locator('.sm-note').first().textContent()).toBe('Строка заголовков: 3 · школ: 60 · районов: 3');
  const districts = await page.locator('#sm-district option').allTextContents();
  expect(districts).toContain(XSS);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('#sm-target-teachersCreatedChats').inputValue()).toBe('35');
  expect(await page.locator('#sm-tolerance').inputValue()).toBe('5');
  expect(await page.locator('#sm-previous option').allTextContents()).toEqual(['— не сравнивать —', 'Прошлая неделя']);
});

test('the buttons reach the backend: report, highlight, clear; settings are saved in the workbook', async () => {
  await openTaskpane([
    { name: 'Мониторинг', values: monitoringSheet(60, { firstDistrictName: XSS }) },
    { name: 'Прошлая неделя', values: monitoringSheet(58, { week: 2, firstDistrictName: XSS }) },
  ]);
  await page.locator('#sm-previous').selectOption('Прошлая неделя');
  await page.locator('#sm-target-teachersCalled').fill('40');
  await page.locator('#sm-target-teachersCalled').press('Tab');
  await page.locator('.sm-notice:has-text("Настройки сохранены в файле таблицы.")').waitFor();
  const saved = await page.evaluate(() => (window as unknown as { workbook: { settings: { saved: Map<string, string> } } }).workbook.settings.saved.get('sferum-monitor.settings'));
  expect(JSON.parse(String(saved))).toMatchObject({ previousSheet: 'Прошлая неделя', targets: { teachersCalled: 0.4 } });

  await page.getByRole('button', { name: 'Построить отчёт по районам' }).click();
  const result = page.locator('.sm-result--ok');
  await result.waitFor();
  expect(await result.textContent()).toMatch(/^Отчёт по районам построен: районов — 3, школ — 60, отстающих — \d+\./);
  expect(await result.textContent()).toContain('Листы: «Сферум — районы», «Сферум — отстающие ОО», «Сферум — проверка данных», «Сферум — состав ОО»');
  expect(await workbookSheets()).toEqual(['Мониторинг', 'Прошлая неделя', 'Сферум — районы', 'Сферум — отстающие ОО', 'Сферум — проверка данных', 'Сферум — состав ОО']);
  await page.screenshot({ path: join(SCREENSHOTS, 'excel-taskpane.png'), fullPage: true });

  await page.getByRole('button', { name: 'Подсветить отстающие школы' }).click();
  await page.locator('.sm-result--ok:has-text("Отстающие школы подсвечены")').waitFor();
  await page.getByRole('button', { name: 'Снять подсветку' }).click();
  await page.locator('.sm-result--ok:has-text("Подсветка снята")').waitFor();
});

test('errors are shown in Russian: a sheet without the table, a wrong percent', async () => {
  await openTaskpane([
    { name: 'Мониторинг', values: monitoringSheet(30) },
    { name: 'Заметки', values: [['Район', 'Школа'], ['Амурский район', 'СОШ № 1']] },
  ]);
  await page.locator('#sm-sheet').selectOption('Заметки');
  const alert = page.locator('.sm-alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/^Не найдены обязательные столбцы: «Учителей всего»/);
  expect(await page.getByRole('button', { name: 'Построить отчёт по районам' }).isDisabled()).toBe(true);
  expect(await page.locator('details.sm-columns').getAttribute('open')).not.toBeNull();
  await page.screenshot({ path: join(SCREENSHOTS, 'excel-taskpane-error.png'), fullPage: true });

  await page.locator('#sm-sheet').selectOption('Мониторинг');
  await page.locator('.sm-note:has-text("школ: 30")').waitFor();
  await page.locator('#sm-target-teachers3Messages').fill('сто');
  await page.locator('#sm-target-teachers3Messages').press('Tab');
  expect(await page.locator('#sm-target-teachers3Messages-error').textContent()).toBe('«сто» — не процент: введите число от 0 до 100, например 35 или 12,5');
  expect(await page.locator('#sm-target-teachers3Messages').getAttribute('aria-invalid')).toBe('true');
  // The saved target is not what the field shows: the report is not built by it, and the cursor goes to the field.
  const calls = await page.evaluate(() => (window as unknown as { workbook: { syncs: unknown[] } }).workbook.syncs.length);
  await page.getByRole('button', { name: 'Построить отчёт по районам' }).click();
  const refused = page.locator('.sm-result--error');
  await refused.waitFor();
  expect(await refused.textContent()).toBe(
    'Построить отчёт по районам: не выполнено. Поле «≥3 сообщений» содержит «сто» — это значение нельзя принять: ' +
      'исправьте его, иначе расчёт шёл бы по прежнему сохранённому значению, а не по тому, что видно в панели',
  );
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('sm-target-teachers3Messages');
  expect(await page.evaluate(() => (window as unknown as { workbook: { syncs: unknown[] } }).workbook.syncs.length)).toBe(calls);
  await page.locator('#sm-target-teachers3Messages').fill('20');
  await page.locator('#sm-target-teachers3Messages').press('Tab');
  expect(await page.locator('#sm-target-teachers3Messages').getAttribute('aria-invalid')).toBeNull();

  // A failure inside the action comes back as a Russian message, not an exception.
  await page.evaluate(() => {
    const book = (window as unknown as { workbook: { sheets: { name: string }[] } }).workbook;
    const sheet = book.sheets.find((s) => s.name === 'Мониторинг');
    if (sheet) sheet.name = 'Мониторинг (старый)';
  });
  await page.getByRole('button', { name: 'Построить отчёт по районам' }).click();
  const failure = page.locator('.sm-result--error');
  await failure.waitFor();
  expect(await failure.textContent()).toBe('Лист «Мониторинг» не найден: возможно, он переименован или удалён. Выберите лист в списке заново.');
});

test('a column the panel did not recognise is chosen by hand, saved, and the table becomes usable', async () => {
  await openTaskpane([
    {
      name: 'Неделя',
      values: [
        ['Район', 'Школа', 'Педагоги (чел.)', 'Учителя, создавшие групповые чаты'],
        ['Амурский район', 'СОШ № 1', 40, 10],
        ['Бикинский район', 'СОШ № 2', 50, 30],
      ],
    },
  ]);
  expect(await page.locator('.sm-alert').textContent()).toMatch(/^Не найдены обязательные столбцы: «Учителей всего»/);
  await page.locator('#sm-column-teachers').selectOption('2');
  await page.locator('.sm-note:has-text("школ: 2")').waitFor();
  expect(await page.locator('.sm-alert').isHidden()).toBe(true);
  expect(await page.getByRole('button', { name: 'Построить отчёт по районам' }).isEnabled()).toBe(true);
  const saved = await page.evaluate(() => (window as unknown as { workbook: { settings: { saved: Map<string, string> } } }).workbook.settings.saved.get('sferum-monitor.settings'));
  expect(JSON.parse(String(saved)).mapping).toEqual({ teachers: 'Педагоги (чел.)' });
});

test('a look-alike column the report can do without is ruled out («нет в таблице»); the list stays open while the user works in it', async () => {
  await openTaskpane([
    {
      name: 'Неделя',
      values: [
        ['Район', 'Школа', 'Учителей всего', 'Учителя, создавшие групповые чаты'],
        ['Амурский район', 'СОШ № 1', 40, 10],
      ],
    },
  ]);
  await page.locator('details.sm-columns summary').click();
  await page.locator('#sm-column-teachersCreatedChats').selectOption('-1');
  await page.locator('#sm-column-teachersCreatedChats').waitFor();
  await page.waitForFunction(() => (document.querySelector('#sm-column-teachersCreatedChats') as HTMLSelectElement | null)?.value === '-1');
  expect(await page.locator('details.sm-columns').getAttribute('open')).not.toBeNull();
  // A required column cannot be ruled out.
  expect(await page.locator('#sm-column-teachers option[value="-1"]').count()).toBe(0);
  const saved = await page.evaluate(() => (window as unknown as { workbook: { settings: { saved: Map<string, string> } } }).workbook.settings.saved.get('sferum-monitor.settings'));
  expect(JSON.parse(String(saved)).mapping).toEqual({ teachersCreatedChats: -1 });
});

describe('keyboard and small screens', () => {
  const week = (): { name: string; values: unknown[][] }[] => [
    { name: 'Мониторинг', values: monitoringSheet(60) },
    { name: 'Прошлая неделя', values: monitoringSheet(58, { week: 2 }) },
  ];

  test('Tab reaches every control in reading order, each with a focus ring that can be seen (the green main button too)', async () => {
    await openTaskpane(week());
    const stops: string[] = [];
    for (let i = 0; i < 18; i++) {
      await page.keyboard.press('Tab');
      const ring = await focusIndicator(page);
      expect(ring).toMatchObject({ ok: true });
      stops.push(ring.element);
    }
    expect(stops).toEqual([
      '#sm-sheet', '#sm-district', '#sm-previous', '#sm-plan',
      '#sm-build', '#sm-highlight', '#sm-clear',
      '#sm-target-teachersCreatedChats', '#sm-target-teachers3Messages', '#sm-target-teachers10Messages', '#sm-target-teachersCalled',
      '#sm-target-teachersLinkedDiary', '#sm-target-studentsLinkedDiary', '#sm-target-teachersCoverage', '#sm-target-studentsCoverage',
      '#sm-tolerance', '#sm-teacher-base', '#sm-columns-title',
    ]);
  }, 30_000);

  test('Enter and Space work: the column list opens from the keyboard, a percent is taken on Enter', async () => {
    await openTaskpane(week());
    await page.locator('details.sm-columns summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('details.sm-columns').getAttribute('open')).not.toBeNull();
    await page.keyboard.press('Space');
    expect(await page.locator('details.sm-columns').getAttribute('open')).toBeNull();
    await page.locator('#sm-tolerance').fill('7,5');
    await page.locator('#sm-tolerance').press('Enter');
    await page.locator('.sm-notice:has-text("Настройки сохранены")').waitFor();
  });

  test('fits the 320 px task pane, and the same pane at 200 % zoom, without sideways scrolling or cut text', async () => {
    for (const [width, zoom, shot] of [[320, 1, 'excel-taskpane-320.png'], [160, 2, 'excel-taskpane-zoom200.png']] as const) {
      // Zoom 200 % of the 320 px pane leaves 160 CSS pixels.
      if (page) await page.close();
      await openTaskpane(week(), { width, zoom });
      expect(await overflowProblems(page)).toEqual([]);
      await page.locator('details.sm-columns summary').click();
      expect(await overflowProblems(page)).toEqual([]);
      await page.locator('details.sm-columns summary').click();
      await page.getByRole('button', { name: 'Построить отчёт по районам' }).click();
      await page.locator('.sm-result--ok').waitFor();
      expect(await overflowProblems(page)).toEqual([]);
      expect(await contrastProblems(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, shot), fullPage: true });
    }
  }, 30_000);
});

describe('what a screen reader hears', () => {
  test('every control has a name; sections, the target group and the fields say what they are', async () => {
    await openTaskpane([
      { name: 'Мониторинг', values: monitoringSheet(30) },
      { name: 'Прошлая неделя', values: monitoringSheet(28, { week: 2 }) },
    ]);
    await page.locator('details.sm-columns summary').click();
    expect(await unnamedControls(page)).toEqual([]);
    expect(await page.getByRole('main').count()).toBe(1);
    for (const name of ['Данные', 'Отчёт', 'Цели и допуск']) expect(await page.getByRole('region', { name }).count()).toBe(1);
    expect(await axNode(page, '#sm-sheet')).toMatchObject({ role: 'combobox', name: 'Лист с таблицей мониторинга' });
    expect(await axNode(page, '#sm-previous')).toMatchObject({ role: 'combobox', name: 'Прошлая неделя (лист для сравнения)' });
    expect(await axNode(page, '#sm-build')).toMatchObject({ role: 'button', name: 'Построить отчёт по районам' });
    expect(await axNode(page, 'fieldset.sm-targets')).toMatchObject({ role: 'group', name: 'Цели по показателям', description: 'Цели в процентах; пустое поле — без цели. Сохраняются в файле таблицы.' });
    expect(await axNode(page, '#sm-target-teachersCalled')).toMatchObject({ role: 'textbox', name: 'Звонки', description: '%' });
    expect(await axNode(page, '#sm-tolerance')).toMatchObject({ name: 'Допуск «близко», п.п. ниже цели', description: 'п.п.' });
    expect(await axNode(page, '.sm-column-list')).toMatchObject({ role: 'group', name: 'Столбцы таблицы (распознано 11 из 16)' });
    // The star is for the eye; the name is the column's alone. (Chromium's DevTools view does not
    // list «required» for a <select>, so the attribute itself is checked.)
    expect(await axNode(page, '#sm-column-teachers')).toMatchObject({ name: 'Учителей всего' });
    expect(await page.locator('#sm-column-teachers').getAttribute('aria-required')).toBe('true');
    expect(await page.locator('#sm-column-students').getAttribute('aria-required')).toBeNull();
  });

  test('a required column that was not found is marked invalid and described by the message; so are the buttons it disables', async () => {
    await openTaskpane([{ name: 'Заметки', values: [['Район', 'Школа'], ['Амурский район', 'СОШ № 1']] }]);
    const message = await page.locator('.sm-alert').textContent();
    expect(message).toMatch(/^Не найдены обязательные столбцы: «Учителей всего»/);
    const column = await axNode(page, '#sm-column-teachers');
    expect(column).toMatchObject({ name: 'Учителей всего', description: message, properties: { invalid: 'true' } });
    expect((await axNode(page, '#sm-column-district')).properties.invalid).toBe('false');
    expect(await axNode(page, '#sm-build')).toMatchObject({ description: message, properties: { disabled: true } });
    expect(await unnamedControls(page)).toEqual([]);
    expect(await contrastProblems(page)).toEqual([]);
  });

  test('the message regions are in the page before they speak: progress and outcome in status regions, failures in alert regions', async () => {
    await openTaskpane([{ name: 'Мониторинг', values: monitoringSheet(30) }]);
    const silent = await liveRegions(page);
    expect(silent.map((r) => `${r.role}/${r.live}`).sort()).toEqual(['alert/assertive', 'alert/assertive', 'status/polite', 'status/polite', 'status/polite']);
    await page.getByRole('button', { name: 'Построить отчёт по районам' }).click();
    await page.getByRole('status').locator('.sm-result--ok').waitFor();
  });

  test('after a report built from the keyboard, focus is back on the button and the buttons are enabled again', async () => {
    await openTaskpane([{ name: 'Мониторинг', values: monitoringSheet(30) }]);
    await page.locator('#sm-build').focus();
    await page.keyboard.press('Enter');
    await page.locator('.sm-result--ok').waitFor();
    await idle();
    expect(await focused(page)).toBe('#sm-build');
    for (const id of ['#sm-build', '#sm-highlight', '#sm-clear']) expect(await page.locator(id).isEnabled()).toBe(true);
    await page.keyboard.press('Space');
    await page.locator('.sm-result--ok').waitFor();
    await idle();
    expect(await focused(page)).toBe('#sm-build');
  });

  test('a failed action moves focus to its message, which shows where focus is', async () => {
    await openTaskpane([{ name: 'Мониторинг', values: monitoringSheet(30) }]);
    await page.evaluate(() => {
      const book = (window as unknown as { workbook: { sheets: { name: string }[] } }).workbook;
      const sheet = book.sheets.find((s) => s.name === 'Мониторинг');
      if (sheet) sheet.name = 'Мониторинг (старый)';
    });
    await page.locator('#sm-highlight').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').locator('.sm-result--error').waitFor();
    await idle();
    expect(await focused(page)).toMatch(/^div:Лист «Мониторинг» не найден/);
    expect(await focusIndicator(page)).toMatchObject({ ok: true });
    expect(await contrastProblems(page)).toEqual([]);
  });

  test('choosing another sheet with the arrow keys keeps focus on the list while the panel is drawn anew', async () => {
    await openTaskpane([
      { name: 'Мониторинг', values: monitoringSheet(30) },
      { name: 'Прошлая неделя', values: monitoringSheet(28, { week: 2 }) },
    ]);
    await page.locator('#sm-sheet').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('.sm-note:has-text("школ: 28")').waitFor();
    await idle();
    expect(await focused(page)).toBe('#sm-sheet');
    await page.keyboard.press('ArrowUp');
    await page.locator('.sm-note:has-text("школ: 30")').waitFor();
    await idle();
    expect(await focused(page)).toBe('#sm-sheet');
    expect(await page.locator('#sm-sheet').inputValue()).toBe('Мониторинг');
  });

  test('a wrong percent marks its field invalid and is the field\'s description; it is announced politely', async () => {
    await openTaskpane([{ name: 'Мониторинг', values: monitoringSheet(30) }]);
    await page.locator('#sm-target-teachersCalled').fill('сто');
    await page.locator('#sm-target-teachersCalled').press('Enter');
    const field = await axNode(page, '#sm-target-teachersCalled');
    expect(field.properties.invalid).toBe('true');
    expect(field.description).toContain('«сто» — не процент: введите число от 0 до 100, например 35 или 12,5');
    expect(await page.locator('#sm-target-teachersCalled-error').getAttribute('aria-live')).toBe('polite');
    await page.locator('#sm-target-teachersCalled').fill('40');
    await page.locator('#sm-target-teachersCalled').press('Enter');
    expect((await axNode(page, '#sm-target-teachersCalled')).properties.invalid).toBe('false');
  });
});
