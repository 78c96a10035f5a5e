/**
 * The Excel backend against the fake workbook (test-support/fakeExcel.ts), which records every
 * call, every sync and the bytes of each: what the panel's buttons do to a workbook.
 */
import { isOwnFormula } from '../../core/report/highlight';
import { TONE_COLORS } from '../../core/report/model';
import { DEFAULT_STORED_SETTINGS, type StoredSettings } from '../../core/settings';
import type { JobRequest, PanelBackend } from '../../ui/backend';
import { FakeExcel, MONITORING_HEADERS, monitoringSheet, planSheet, type FakeCall, type FakeSheet } from '../test-support';
import { measureExcelHost } from '../test-support/hostCost';
import { PAYLOAD_LIMIT, payloadBudgetFor } from './payload';
import { createExcelBackend } from './excelBackend';
import { OWNED_SHEETS_KEY, SETTINGS_KEY } from './workbookStore';

const SOURCE = 'Мониторинг';
const DISTRICTS = 'Сферум — районы';
const LAGGING = 'Сферум — отстающие ОО';
const FINDINGS = 'Сферум — проверка данных';

function workbook(rows = 60, extra: { name: string; values: (string | number | boolean)[][] }[] = []): { excel: FakeExcel; backend: PanelBackend } {
  const excel = new FakeExcel([{ name: SOURCE, values: monitoringSheet(rows) }, ...extra]);
  return { excel, backend: createExcelBackend({ run: excel.run, settings: excel.settings }) };
}

function request(settings: Partial<StoredSettings> = {}, district: string | null = null): JobRequest {
  return { sheet: SOURCE, district, settings: { ...DEFAULT_STORED_SETTINGS, ...settings } };
}

const noProgress = (): void => undefined;

/** Calls that changed a sheet (anything but loading). */
function changes(excel: FakeExcel, sheet: FakeSheet): FakeCall[] {
  return excel.calls.filter((call) => call.sheetId === sheet.id && call.kind !== 'load');
}

/** Changes allowed on the source sheet: adding, setting, ordering and deleting conditional formats. */
function isFormatChange(call: FakeCall): boolean {
  return /conditionalFormat/.test(call.path) && (['add', 'delete', 'priority'].includes(call.member) || call.member.startsWith('custom.'));
}

describe('load', () => {
  test('recognises the columns and districts of the active sheet in two syncs', async () => {
    const { excel, backend } = workbook(60);
    const state = await backend.load();
    expect(state.error).toBeNull();
    expect(state.sheet).toBe(SOURCE);
    expect(state.headerRow).toBe(3);
    expect(state.schools).toBe(60);
    expect(state.districts).toHaveLength(3);
    expect(state.columns.find((c) => c.key === 'teachers')).toMatchObject({ index: 4, required: true });
    expect(state.columns.find((c) => c.key === 'school')?.index).toBe(1);
    expect(state.headers[0]).toEqual({ index: 0, text: 'Район' });
    expect(excel.syncs).toHaveLength(2);
  });

  test('settings saved by the panel come back on the next load', async () => {
    const { excel, backend } = workbook(20);
    const settings: StoredSettings = { ...DEFAULT_STORED_SETTINGS, tolerance: 0.1, targets: { ...DEFAULT_STORED_SETTINGS.targets, teachersCalled: 0.4 } };
    await backend.save(settings);
    expect(excel.settings.saved.get(SETTINGS_KEY)).toBe(JSON.stringify(settings));
    const state = await backend.load();
    expect(state.settings.tolerance).toBe(0.1);
    expect(state.settings.targets.teachersCalled).toBe(0.4);
  });

  test('a sheet without a monitoring table gives a Russian message and still offers its headers', async () => {
    const { backend } = workbook(5, [{ name: 'Заметки', values: [['Дата', 'Кто', 'Что сделано'], ['01.04', 'Иванов', 'позвонил']] }]);
    const state = await backend.load('Заметки');
    expect(state.sheet).toBe('Заметки');
    expect(state.error).toMatch(/не найдена строка заголовков|не найдены обязательные столбцы/);
    expect(state.schools).toBe(0);
  });

  test('a column correction saved in the workbook is applied', async () => {
    const { backend } = workbook(20);
    await backend.save({ ...DEFAULT_STORED_SETTINGS, mapping: { teachers: 3 } });
    const state = await backend.load();
    expect(state.columns.find((c) => c.key === 'teachers')?.index).toBe(3);
  });

  test('opened on one of its report sheets, the panel goes back to the table', async () => {
    const { excel, backend } = workbook(30);
    await backend.buildReport(request(), noProgress);
    expect(excel.sheets.find((s) => s.id === excel.activeId)?.name).toBe(DISTRICTS);
    const state = await backend.load();
    expect(state.sheet).toBe(SOURCE);
    expect(state.sheets).toEqual([SOURCE]);
  });

  test('a chosen sheet that has gone: the active sheet is shown instead', async () => {
    const { backend } = workbook(10);
    const state = await backend.load('Удалённый лист');
    expect(state.sheet).toBe(SOURCE);
  });
});

describe('buildReport', () => {
  test('writes the district report sheets and never writes to the source sheet', async () => {
    const { excel, backend } = workbook(90);
    const source = excel.sheet(SOURCE);
    const before = JSON.stringify(source);
    const progress: string[] = [];
    const result = await backend.buildReport(request(), (text) => progress.push(text));

    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Отчёт по районам построен: районов — 4, школ — 90, отстающих — \d+\./);
    expect(result.sheets).toEqual([DISTRICTS, LAGGING, FINDINGS]);
    expect(excel.sheets.map((s) => s.name)).toEqual([SOURCE, DISTRICTS, LAGGING, FINDINGS]);
    expect(progress[0]).toBe('Чтение листов…');
    expect(progress).toContain(`Запись листа «${DISTRICTS}» (1 из 3)…`);

    expect(changes(excel, source)).toEqual([]);
    expect(JSON.stringify(source)).toBe(before);
  });

  test('the districts sheet: title, header, a row per district and the region total, formats, colours, chart, frozen panes', async () => {
    const { excel, backend } = workbook(90);
    await backend.buildReport(request(), noProgress);
    const sheet = excel.sheet(DISTRICTS);
    expect(sheet.values[0]?.[0]).toBe('Сферум: сводка по районам');
    const headerRow = sheet.values.findIndex((row) => row[0] === 'Приоритет');
    expect(headerRow).toBeGreaterThan(0);
    const header = sheet.values[headerRow] as unknown[];
    expect(header[1]).toBe('Район');
    const rows = sheet.values.slice(headerRow + 1);
    expect(rows).toHaveLength(5);
    expect(rows[4]?.[1]).toBe('Итого по региону');
    expect(rows[4]?.[2]).toBe(90);

    const shareColumn = header.findIndex((h) => h === 'Создали чаты, доля');
    expect(sheet.numberFormats[headerRow + 1]?.[shareColumn]).toBe('0.00%');
    expect(sheet.numberFormats[headerRow + 1]?.[2]).toBe('#,##0');
    expect(sheet.looks.get(`${headerRow},0`)).toMatchObject({ bold: true, wrap: true });

    // Live threshold colours: three formula rules over the share column's rows.
    const rules = sheet.conditionalFormats.filter((f) => f.rect.c0 === shareColumn);
    expect(rules.map((r) => r.fill)).toEqual([TONE_COLORS.bad, TONE_COLORS.near, TONE_COLORS.good]);
    expect(rules[0]?.rect).toEqual({ r0: headerRow + 1, c0: shareColumn, r1: headerRow + 5, c1: shareColumn });
    const cell = `${String.fromCharCode(65 + shareColumn)}${headerRow + 2}`;
    expect(rules[0]?.formula).toBe(`=AND(N("sferum-monitor")=0,ISNUMBER(${cell}),${cell}<0.3)`);
    expect(rules[1]?.formula).toBe(`=AND(N("sferum-monitor")=0,ISNUMBER(${cell}),${cell}>=0.3,${cell}<0.35)`);
    expect(rules[2]?.formula).toBe(`=AND(N("sferum-monitor")=0,ISNUMBER(${cell}),${cell}>=0.35)`);

    expect(sheet.freeze).toEqual({ rows: headerRow + 1, columns: 2 });
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart?.type).toBe('BarClustered');
    expect(chart?.title).toMatch(/цель 35%/);
    expect(chart?.series[0]?.values).toEqual({ r0: headerRow + 1, c0: shareColumn, r1: headerRow + 4, c1: shareColumn });
    expect(chart?.series[0]?.xValues).toEqual({ r0: headerRow + 1, c0: 1, r1: headerRow + 4, c1: 1 });
    expect(chart?.reversePlotOrder).toBe(true);
  });

  test('tones without a live rule become fills grouped into multi-area ranges, not one call per row', async () => {
    // Planted anomalies: chats above the teachers (to check) and negative calls (errors).
    const values = monitoringSheet(600);
    values.forEach((row, index) => {
      if (index > 2 && index % 7 === 0) row[5] = Number(row[4]) + 5;
      if (index > 2 && index % 11 === 0) row[8] = -1;
    });
    const excel = new FakeExcel([{ name: SOURCE, values }]);
    await createExcelBackend({ run: excel.run, settings: excel.settings }).buildReport(request(), noProgress);
    const findings = excel.sheet(FINDINGS);
    const rows = findings.values.length;
    const colour = (fill: string): number => [...findings.looks.values()].filter((look) => look.fill === fill).length;
    expect(colour(TONE_COLORS.bad)).toBeGreaterThan(40);
    expect(colour(TONE_COLORS.near)).toBeGreaterThan(70);
    const areaCalls = excel.calls.filter((c) => c.sheetId === findings.id && c.path.includes('.ranges(') && c.member === 'format.fill.color');
    expect(areaCalls.length).toBeGreaterThan(0);
    expect(areaCalls.length).toBeLessThanOrEqual(4);
    // Nothing on the sheet is done row by row.
    expect(excel.calls.filter((c) => c.sheetId === findings.id).length).toBeLessThan(rows / 4);
  });

  test('a second run gives the same workbook as the first', async () => {
    const { excel, backend } = workbook(90);
    await backend.buildReport(request(), noProgress);
    const first = JSON.stringify(excel.snapshot());
    await backend.buildReport(request(), noProgress);
    expect(JSON.stringify(excel.snapshot())).toBe(first);
  });

  test('a rebuilt report is written over its own sheets: the same sheets (so links to them keep working), the tabs where the user moved them, one chart, no stacked rules', async () => {
    const { excel, backend } = workbook(90);
    await backend.buildReport(request(), noProgress);
    const ids = [DISTRICTS, LAGGING, FINDINGS].map((name) => excel.sheet(name).id);
    // The user moves the districts tab to the front.
    const moved = excel.sheets.splice(excel.sheets.findIndex((s) => s.name === DISTRICTS), 1);
    excel.sheets.unshift(...moved);
    const rules = excel.sheet(DISTRICTS).conditionalFormats.length;
    excel.clearLog();
    await backend.buildReport(request(), noProgress);
    expect([DISTRICTS, LAGGING, FINDINGS].map((name) => excel.sheet(name).id)).toEqual(ids);
    expect(excel.sheets.map((s) => s.name)).toEqual([DISTRICTS, SOURCE, LAGGING, FINDINGS]);
    expect(excel.calls.filter((c) => c.path.startsWith('worksheet') && c.member === 'delete')).toEqual([]);
    expect(excel.sheet(DISTRICTS).charts).toHaveLength(1);
    expect(excel.sheet(DISTRICTS).conditionalFormats).toHaveLength(rules);
  });

  test('a report rewritten after the table shrank holds exactly what a first report of the smaller table holds (nothing of the longer one lingers)', async () => {
    const { excel, backend } = workbook(90);
    await backend.buildReport(request(), noProgress);
    excel.sheet(SOURCE).values = monitoringSheet(30);
    await backend.buildReport(request(), noProgress);
    const fresh = workbook(30);
    await fresh.backend.buildReport(request(), noProgress);
    expect(JSON.stringify(excel.snapshot())).toBe(JSON.stringify(fresh.excel.snapshot()));
  });

  test("a user's sheet named like a report sheet is kept; the report takes the next free name, again on re-run", async () => {
    const { excel, backend } = workbook(40, [{ name: 'сферум — РАЙОНЫ', values: [['мои заметки']] }]);
    const first = await backend.buildReport(request(), noProgress);
    expect(first.sheets[0]).toBe(`${DISTRICTS} (2)`);
    const second = await backend.buildReport(request(), noProgress);
    expect(second.sheets[0]).toBe(`${DISTRICTS} (2)`);
    expect(excel.sheet('сферум — РАЙОНЫ').values).toEqual([['мои заметки']]);
    expect(excel.sheets.map((s) => s.name)).toEqual([SOURCE, 'сферум — РАЙОНЫ', `${DISTRICTS} (2)`, LAGGING, FINDINGS]);
  });

  test('a report sheet the user renamed (a snapshot they keep) and a copy they made are theirs: kept as they are', async () => {
    const { excel, backend } = workbook(40);
    await backend.buildReport(request(), noProgress);
    excel.sheet(DISTRICTS).name = 'Районы (неделя 15)';
    const snapshot = JSON.stringify(excel.sheet('Районы (неделя 15)').values);
    excel.addSheet('Моя копия отчёта', [['копия']]);
    await backend.buildReport(request(), noProgress);
    // The renamed sheet is the user's; a new districts sheet is added, the other two are rewritten where they are.
    expect(excel.sheets.map((s) => s.name)).toEqual([SOURCE, 'Районы (неделя 15)', LAGGING, FINDINGS, 'Моя копия отчёта', DISTRICTS]);
    expect(JSON.stringify(excel.sheet('Районы (неделя 15)').values)).toBe(snapshot);
    const owned = JSON.parse(String(excel.settings.saved.get(OWNED_SHEETS_KEY))) as { id: string }[];
    expect(owned.map((o) => excel.findSheet(o.id)?.name)).toEqual([DISTRICTS, LAGGING, FINDINGS]);
  });

  test('with last week and the 2.3 plan: change columns, the «состав ОО» sheet, and the plan; a later run without them removes that sheet', async () => {
    const previous = monitoringSheet(40, { week: 2 }).slice(0, -2); // two schools fewer last week
    const { excel, backend } = workbook(40, [{ name: 'Прошлая неделя', values: previous }, { name: 'План', values: planSheet(2) }]);
    const result = await backend.buildReport(request({ previousSheet: 'Прошлая неделя', planSheet: 'План' }), noProgress);
    expect(result.ok).toBe(true);
    expect(result.sheets).toEqual([DISTRICTS, LAGGING, FINDINGS, 'Сферум — состав ОО']);
    const districts = excel.sheet(DISTRICTS);
    const header = districts.values.find((row) => row[0] === 'Приоритет') as unknown[];
    expect(header).toContain('Создали чаты, изм. за неделю');
    expect(excel.sheet('Сферум — состав ОО').values.some((row) => row[0] === 'появилась')).toBe(true);
    const planColumn = header.indexOf('2.3: план');
    const rows = districts.values.slice(districts.values.indexOf(header as never) + 1);
    expect(rows.slice(0, 2).map((row) => row[planColumn]).sort()).toEqual([2, 3]);

    await backend.buildReport(request(), noProgress);
    expect(excel.findSheet('Сферум — состав ОО')).toBeUndefined();
    expect(excel.sheet('Прошлая неделя').values).toEqual(previous);
  });

  test('a one-district report, rebuilt, replaces only its own sheet', async () => {
    const { excel, backend } = workbook(60);
    const state = await backend.load();
    const district = state.districts[0] as string;
    const first = await backend.buildReport(request({}, district), noProgress);
    expect(first.ok).toBe(true);
    expect(first.message).toMatch(new RegExp(`^Отчёт по району «${district}» построен: школ — 20`));
    await backend.buildReport(request({}, district), noProgress);
    await backend.buildReport(request(), noProgress);
    // The data-check sheet of the district's report is rewritten where it is; the others are added after it.
    expect(excel.sheets.map((s) => s.name)).toEqual([SOURCE, `Сферум — ${district}`, FINDINGS, DISTRICTS, LAGGING]);
  });

  test('districts whose names begin alike get sheets of their own: building one keeps the other', async () => {
    const long = ['Городской округ город Махачкала', 'Городской округ город Каспийск'];
    const values = monitoringSheet(40);
    values.slice(3).forEach((row, i) => (row[0] = long[i % 2] as string));
    const excel = new FakeExcel([{ name: SOURCE, values }]);
    const backend = createExcelBackend({ run: excel.run, settings: excel.settings });
    const first = await backend.buildReport(request({}, long[0]), noProgress);
    const second = await backend.buildReport(request({}, long[1]), noProgress);
    await backend.buildReport(request({}, long[0]), noProgress);
    const titles = excel.sheets.filter((sheet) => sheet.name.startsWith('Сферум — Городской')).map((sheet) => sheet.values[0]?.[0]);
    expect(titles.sort()).toEqual(['Сферум: Городской округ город Каспийск', 'Сферум: Городской округ город Махачкала']);
    expect(first.sheets?.[0]).not.toBe(second.sheets?.[0]);
  });

  test('last week\'s sheet or the plan deleted since they were chosen: the report is built without them and says so, as in Google Sheets', async () => {
    const { excel, backend } = workbook(60);
    const result = await backend.buildReport(request({ previousSheet: 'Неделя 14', planSheet: 'План' }), noProgress);
    expect(result.ok).toBe(true);
    expect(result.message).toContain('Внимание: лист прошлой недели «Неделя 14» не найден: сравнение с прошлой неделей не построено.');
    expect(result.message).toContain('Внимание: лист плана 2.3 «План» не найден: план не учтён.');
    expect(excel.sheets.map((s) => s.name)).toEqual([SOURCE, DISTRICTS, LAGGING, FINDINGS]);
    // The user's choice stays saved: the sheet renamed back is compared with next time.
    expect((await backend.load(SOURCE)).settings.previousSheet).toBe('Неделя 14');
  });

  test('a refusal says what to do by its cause: a protected sheet is not fixed by leaving a cell', async () => {
    const { excel, backend } = workbook(60);
    excel.refuseNext('values', 'AccessDenied');
    const protectedSheet = await backend.buildReport(request(), noProgress);
    expect(protectedSheet.message).toMatch(/^Excel не выполнил действие: .*\(AccessDenied\)\. Если лист или книга защищены, снимите защиту/);
    excel.refuseNext('values', 'InvalidOperationInCellEditMode');
    expect((await backend.buildReport(request(), noProgress)).message).toMatch(/Если открыт режим редактирования ячейки, завершите его/);
  });

  test('a run that fails while writing leaves sheets the next run replaces, never strays beside a second report', async () => {
    const { excel, backend } = workbook(60);
    expect((await backend.buildReport(request(), noProgress)).ok).toBe(true);
    excel.refuseNext('charts.add');
    const failed = await backend.buildReport(request(), noProgress);
    expect(failed.ok).toBe(false);
    expect((await backend.buildReport(request(), noProgress)).ok).toBe(true);
    expect(excel.sheets.map((s) => s.name)).toEqual([SOURCE, DISTRICTS, LAGGING, FINDINGS]);
    expect(excel.sheet(SOURCE).values).toEqual(monitoringSheet(60));
  });

  test('a first run where Excel refused the second new sheet: the empty first one is taken as the report\'s next time, not left as a stray beside «(2)»', async () => {
    const { excel, backend } = workbook(60);
    excel.refuseNext('add', 'GeneralException', 1);
    expect((await backend.buildReport(request(), noProgress)).ok).toBe(false);
    expect(excel.sheets.map((s) => s.name)).toEqual([SOURCE, DISTRICTS]);
    const again = await backend.buildReport(request(), noProgress);
    expect(again.sheets).toEqual([DISTRICTS, LAGGING, FINDINGS]);
    expect(excel.sheets.map((s) => s.name)).toEqual([SOURCE, DISTRICTS, LAGGING, FINDINGS]);
    // Only a sheet with nothing on it is taken: a user's sheet of that name stays theirs (see above).
  });

  test('a user\'s own sheet with a report sheet\'s name and only a chart or a rule on it stays theirs: the report takes «(2)»', async () => {
    const { excel, backend } = workbook(60);
    excel.addSheet(DISTRICTS, []);
    excel.sheet(DISTRICTS).charts.push({ key: 'user-chart', type: 'Pie', source: { r0: 0, c0: 0, r1: 0, c1: 0 }, title: 'мой', name: 'Диаграмма 1', legendVisible: true, reversePlotOrder: false, valueAxisFormat: 'General', position: null, series: [] });
    const result = await backend.buildReport(request(), noProgress);
    expect(result.sheets[0]).toBe(`${DISTRICTS} (2)`);
    expect(excel.sheet(DISTRICTS).charts.map((c) => c.title)).toEqual(['мой']);
  });

  test('the answer of the sync that added the sheets was lost: the next run takes the empty sheets as its own', async () => {
    const { excel, backend } = workbook(60);
    const original = excel.executeSync.bind(excel);
    let lost = false;
    excel.executeSync = (context) => {
      const adds = (context as unknown as { pending: { path: string; member: string }[] }).pending.some((op) => op.path === 'worksheets' && op.member === 'add');
      original(context);
      if (adds && !lost) {
        lost = true;
        throw new Error('Network request failed');
      }
    };
    expect((await backend.buildReport(request(), noProgress)).ok).toBe(false);
    const again = await backend.buildReport(request(), noProgress);
    expect(again.sheets).toEqual([DISTRICTS, LAGGING, FINDINGS]);
    expect(excel.sheets.map((s) => s.name)).toEqual([SOURCE, DISTRICTS, LAGGING, FINDINGS]);
  });

  test('texts that look like formulas are written as text', async () => {
    const values = monitoringSheet(10);
    const formulaLike = '=HYPERLINK("http://example.com","школа")';
    const row = values[3] as (string | number)[];
    row[1] = formulaLike;
    row[5] = 0; // no chats, no messages, no calls: certainly among the lagging schools
    row[6] = 0;
    row[7] = 0;
    row[8] = 0;
    (values[4] as unknown[])[0] = '-Северный- <img src=x onerror=alert(1)>';
    const excel = new FakeExcel([{ name: SOURCE, values }]);
    const backend = createExcelBackend({ run: excel.run, settings: excel.settings });
    await backend.buildReport(request(), noProgress);
    for (const sheet of excel.sheets) expect(sheet.formulasWritten).toEqual([]);
    const written = excel.sheets.slice(1).flatMap((sheet) => sheet.values.flat());
    expect(written.filter((v) => typeof v === 'string' && v.includes('HYPERLINK'))).toEqual([formulaLike]);
    expect(excel.sheet(DISTRICTS).values.flat()).toContain('-Северный- <img src=x onerror=alert(1)>');
  });

  test('a sheet without the required columns: a Russian message, nothing written', async () => {
    const { excel, backend } = workbook(5, [{ name: 'Пусто', values: [['Район', 'Школа'], ['Амурский район', 'СОШ № 1']] }]);
    const result = await backend.buildReport({ ...request(), sheet: 'Пусто' }, noProgress);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/не найдены обязательные столбцы: «Учителей всего»/);
    expect(excel.sheets.map((s) => s.name)).toEqual([SOURCE, 'Пусто']);
  });

  test('a sheet that has gone since the panel read the list: a Russian message', async () => {
    const { backend } = workbook(5);
    const result = await backend.buildReport({ ...request(), sheet: 'Неделя 16' }, noProgress);
    expect(result).toEqual({ ok: false, message: 'лист «Неделя 16» не найден: возможно, он переименован или удалён. Выберите лист в списке заново.', sheets: [] });
  });
});

/**
 * A weekly sheet sorted by district with each district's name merged down its schools' rows, as
 * regional sheets are often laid out, and the same sheet without merges.
 */
function districtBlocks(rows: number, districts?: number): { values: (string | number | boolean)[][]; merges: string[] } {
  const [title = [], blank = [], header = [], ...data] = monitoringSheet(rows, { districts });
  const district = (row: readonly unknown[]): string => String(row[0]);
  data.sort((a, b) => district(a).localeCompare(district(b), 'ru'));
  const merges: string[] = [];
  for (let start = 0, end = 1; start < data.length; start = end++) {
    while (end < data.length && district(data[end] ?? []) === district(data[start] ?? [])) end++;
    // Data start at sheet row 4.
    if (end - start > 1) merges.push(`A${start + 4}:A${end + 3}`);
  }
  return { values: [title, blank, header, ...data], merges };
}

function mergedWorkbook(rows: number, districts?: number, mergedCells?: boolean): { excel: FakeExcel; backend: PanelBackend; plain: FakeExcel } {
  const { values, merges } = districtBlocks(rows, districts);
  const excel = new FakeExcel([{ name: SOURCE, values }]);
  for (const address of merges) excel.merge(SOURCE, address);
  return { excel, backend: createExcelBackend({ run: excel.run, settings: excel.settings, mergedCells }), plain: new FakeExcel([{ name: SOURCE, values }]) };
}

describe('buildReport over a report sheet the user added to', () => {
  /** The recorded entries of our sheets, by sheet name. */
  function ownedByName(excel: FakeExcel): Record<string, unknown> {
    const owned = JSON.parse(String(excel.settings.saved.get(OWNED_SHEETS_KEY))) as { id: string; extent?: unknown }[];
    return Object.fromEntries(owned.map((entry) => [excel.findSheet(entry.id)?.name ?? 'gone', entry.extent ?? null]));
  }

  /** Types a value into a cell (zero-based), as the user would. */
  function type(sheet: FakeSheet, row: number, column: number, value: string): void {
    const cells = (sheet.values[row] ??= []);
    while (cells.length < column) cells.push('');
    cells[column] = value;
  }

  test('each report sheet is recorded with the block it wrote from A1 and the charts it added', async () => {
    const { excel, backend } = workbook(60);
    await backend.buildReport(request(), noProgress);
    const districts = excel.sheet(DISTRICTS);
    expect(ownedByName(excel)[DISTRICTS]).toEqual({ rows: districts.values.length, columns: Math.max(...districts.values.map((row) => row.length)), charts: 1 });
    for (const name of [LAGGING, FINDINGS]) {
      expect(ownedByName(excel)[name]).toMatchObject({ charts: excel.sheet(name).charts.length });
    }
  });

  test.each([
    ['a note typed below the report', (rows: number): [number, number] => [rows + 25, 0]],
    ['a note typed to the right of the report', (_rows: number, columns: number): [number, number] => [3, columns + 1]],
    ['a note one row below the last row', (rows: number): [number, number] => [rows, 2]],
  ])('%s: the sheet is kept as it is, the report goes to «… (2)», and the message names both', async (_, where) => {
    const { excel, backend } = workbook(60);
    await backend.buildReport(request(), noProgress);
    const sheet = excel.sheet(DISTRICTS);
    const width = Math.max(...sheet.values.map((row) => row.length));
    const [row, column] = where(sheet.values.length, width);
    type(sheet, row, column, 'Позвонить в Бикинский район до пятницы');
    const looksOf = (s: FakeSheet): string => JSON.stringify({ values: s.values, formats: s.numberFormats, looks: [...s.looks], rules: s.conditionalFormats, charts: s.charts, freeze: s.freeze });
    const before = looksOf(sheet);
    excel.clearLog();

    const result = await backend.buildReport(request(), noProgress);
    expect(result.ok).toBe(true);
    expect(excel.syncs).toHaveLength(4);
    expect(result.sheets).toEqual([`${DISTRICTS} (2)`, LAGGING, FINDINGS]);
    expect(result.message).toContain(`лист «${DISTRICTS}» дополнен вручную`);
    expect(result.message).toContain(`новый отчёт — на листе «${DISTRICTS} (2)»`);
    // Nothing of the kept sheet changed: the note, the report under it, its looks, rules, chart and panes.
    expect(excel.sheet(DISTRICTS).id).toBe(sheet.id);
    expect(excel.sheet(DISTRICTS).values[row]?.[column]).toBe('Позвонить в Бикинский район до пятницы');
    expect(looksOf(excel.sheet(DISTRICTS))).toBe(before);
    expect(changes(excel, sheet)).toEqual([]);
    // The new sheet holds the whole report; the kept one is no longer recorded as ours.
    const fresh = workbook(60);
    await fresh.backend.buildReport(request(), noProgress);
    expect(excel.sheet(`${DISTRICTS} (2)`).values).toEqual(fresh.excel.sheet(DISTRICTS).values);
    expect(Object.keys(ownedByName(excel))).toEqual([`${DISTRICTS} (2)`, LAGGING, FINDINGS]);

    // Run again: «… (2)» is rewritten in place, the user's sheet stays as it is, no «… (3)».
    const second = excel.snapshot();
    const again = await backend.buildReport(request(), noProgress);
    expect(again.sheets).toEqual([`${DISTRICTS} (2)`, LAGGING, FINDINGS]);
    expect(again.message).not.toContain('дополнен вручную');
    expect(excel.snapshot()).toEqual(second);
  });

  test('a chart the user added: the sheet is kept with both charts, the report goes to «… (2)»', async () => {
    const { excel, backend } = workbook(60);
    await backend.buildReport(request(), noProgress);
    const sheet = excel.sheet(DISTRICTS);
    const values = JSON.stringify(sheet.values);
    excel.addUserChart(DISTRICTS, 'Охват по неделям');
    excel.clearLog();

    const result = await backend.buildReport(request(), noProgress);
    expect(excel.syncs).toHaveLength(4);
    expect(result.sheets[0]).toBe(`${DISTRICTS} (2)`);
    expect(result.message).toContain(`лист «${DISTRICTS}» дополнен вручную`);
    expect(result.message).toContain(`«${DISTRICTS} (2)»`);
    expect(excel.sheet(DISTRICTS).charts.map((c) => c.title)).toEqual([expect.stringMatching(/./), 'Охват по неделям']);
    expect(JSON.stringify(excel.sheet(DISTRICTS).values)).toBe(values);
    expect(changes(excel, sheet)).toEqual([]);
    expect(excel.sheet(`${DISTRICTS} (2)`).charts).toHaveLength(1);
  });

  test('a sheet the report no longer writes (the «состав ОО» of a run with last week) the user added to is kept, not deleted, and the message says so', async () => {
    const previous = monitoringSheet(40, { week: 2 }).slice(0, -2);
    const { excel, backend } = workbook(40, [{ name: 'Прошлая неделя', values: previous }]);
    await backend.buildReport(request({ previousSheet: 'Прошлая неделя' }), noProgress);
    const composition = excel.sheet('Сферум — состав ОО');
    type(composition, composition.values.length + 2, 0, 'Школа №5 закрыта на ремонт');
    const result = await backend.buildReport(request(), noProgress);
    expect(result.ok).toBe(true);
    const kept = excel.sheet('Сферум — состав ОО').values;
    expect(kept[kept.length - 1]).toEqual(['Школа №5 закрыта на ремонт']);
    expect(result.message).toContain('лист «Сферум — состав ОО» дополнен вручную');
    expect(result.message).toContain('в этом отчёте такого листа нет');
    expect(Object.keys(ownedByName(excel))).toEqual([DISTRICTS, LAGGING, FINDINGS]);
  });

  test('no additions: rewritten in place as before (the same sheets), and twice gives the same workbook', async () => {
    const { excel, backend } = workbook(60);
    await backend.buildReport(request(), noProgress);
    const ids = [DISTRICTS, LAGGING, FINDINGS].map((name) => excel.sheet(name).id);
    const first = excel.snapshot();
    const result = await backend.buildReport(request(), noProgress);
    expect(result.sheets).toEqual([DISTRICTS, LAGGING, FINDINGS]);
    expect(result.message).not.toContain('Внимание');
    expect([DISTRICTS, LAGGING, FINDINGS].map((name) => excel.sheet(name).id)).toEqual(ids);
    expect(excel.snapshot()).toEqual(first);
  });

  test('a value typed inside the report\'s own block is not detected: the sheet is rewritten in place (a documented limit)', async () => {
    const { excel, backend } = workbook(60);
    await backend.buildReport(request(), noProgress);
    const sheet = excel.sheet(DISTRICTS);
    type(sheet, 1, 1, 'внутри отчёта'); // row 2, column B: inside the title/subtitle rows of the table's width
    const result = await backend.buildReport(request(), noProgress);
    expect(result.sheets[0]).toBe(DISTRICTS);
    expect(excel.sheet(DISTRICTS).id).toBe(sheet.id);
    expect(excel.sheet(DISTRICTS).values[1]?.[1] ?? '').not.toBe('внутри отчёта');
  });

  test('a sheet recorded by an older version (no extent): rewritten in place as before, even with a note below', async () => {
    const { excel, backend } = workbook(60);
    await backend.buildReport(request(), noProgress);
    const old = (JSON.parse(String(excel.settings.memory.get(OWNED_SHEETS_KEY))) as { id: string; kind: string; key: string }[]).map(({ id, kind, key }) => ({ id, kind, key }));
    excel.settings.set(OWNED_SHEETS_KEY, JSON.stringify(old));
    const sheet = excel.sheet(DISTRICTS);
    type(sheet, sheet.values.length + 25, 0, 'заметка');
    const result = await backend.buildReport(request(), noProgress);
    expect(result.sheets).toEqual([DISTRICTS, LAGGING, FINDINGS]);
    expect(result.message).not.toContain('дополнен вручную');
    expect(excel.sheet(DISTRICTS).id).toBe(sheet.id);
    expect(excel.sheet(DISTRICTS).values.flat()).not.toContain('заметка');
    // Recorded afresh, with extents from now on.
    expect(ownedByName(excel)[DISTRICTS]).toMatchObject({ charts: 1 });
  });

  test('a first read of the source Excel refuses as too large: what is on our sheets is asked for again with it, and the user\'s note is still seen', async () => {
    const values = monitoringSheet(60).map((row, index) => (index < 3 ? row : [...row, 'Примечание методиста: '.repeat(60)]));
    const excel = new FakeExcel([{ name: SOURCE, values }]);
    excel.payloadLimit = 150_000;
    const backend = createExcelBackend({ run: excel.run, settings: excel.settings, payloadBudget: 120_000 });
    expect((await backend.buildReport(request(), noProgress)).ok).toBe(true);
    const sheet = excel.sheet(DISTRICTS);
    type(sheet, sheet.values.length + 25, 0, 'заметка');
    excel.clearLog();
    const result = await backend.buildReport(request(), noProgress);
    expect(excel.syncs.some((sync) => sync.failed?.startsWith('response'))).toBe(true);
    expect(result.sheets[0]).toBe(`${DISTRICTS} (2)`);
    expect(excel.sheet(DISTRICTS).values.flat()).toContain('заметка');
  });

  test('a report sheet the user deleted meanwhile: the report is built as before, at the same syncs', async () => {
    const { excel, backend } = workbook(60);
    await backend.buildReport(request(), noProgress);
    excel.sheets.splice(excel.sheets.findIndex((s) => s.name === LAGGING), 1);
    excel.clearLog();
    const result = await backend.buildReport(request(), noProgress);
    expect(result.ok).toBe(true);
    expect(result.sheets).toEqual([DISTRICTS, LAGGING, FINDINGS]);
    expect(excel.syncs).toHaveLength(4);
  });
});

describe('buildReport with district names merged down their schools', () => {
  test('each school counts in its district, as in the same sheet without merges, at one more sync; the source is untouched', async () => {
    const { excel, backend, plain } = mergedWorkbook(90);
    // Excel hands a merge's value to its top cell only.
    expect(excel.sheet(SOURCE).values[4]?.[0]).toBe('');
    const source = JSON.stringify(excel.sheet(SOURCE));
    const result = await backend.buildReport(request(), noProgress);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Отчёт по районам построен: районов — 4, школ — 90, /);
    expect(result.message).not.toMatch(/Район не указан/);

    await createExcelBackend({ run: plain.run, settings: plain.settings }).buildReport(request(), noProgress);
    for (const name of [DISTRICTS, LAGGING, FINDINGS]) expect(excel.sheet(name).values).toEqual(plain.sheet(name).values);
    // The look-ups, all in one sync, only over the district column.
    const lookups = excel.calls.filter((call) => call.path.endsWith('.mergedAreas'));
    expect(lookups.length).toBe(1);
    expect(lookups[0]?.path).toMatch(/range\(A4:A\d+\)\.mergedAreas$/);
    expect(excel.syncs).toHaveLength(plain.syncs.length + 1);
    expect(JSON.stringify(excel.sheet(SOURCE))).toBe(source);

    // A second run gives the same workbook.
    const once = JSON.stringify(excel.snapshot());
    await backend.buildReport(request(), noProgress);
    expect(JSON.stringify(excel.snapshot())).toBe(once);
  });

  test('the panel lists the districts as the report counts them, at one more sync', async () => {
    const { excel, backend, plain } = mergedWorkbook(90);
    const state = await backend.load();
    const expected = await createExcelBackend({ run: plain.run, settings: plain.settings }).load();
    expect(state.districts).toEqual(expected.districts);
    expect(state.districts).not.toContain('Район не указан');
    expect(state.schools).toBe(90);
    expect(excel.syncs).toHaveLength(plain.syncs.length + 1);
  });

  test('600 merged districts, more than one look-up may meet: asked for in blocks of rows, still one sync', async () => {
    const { excel, backend } = mergedWorkbook(1200, 600);
    expect(excel.sheet(SOURCE).merges).toHaveLength(600);
    const result = await backend.buildReport(request(), noProgress);
    expect(result.message).toMatch(/^Отчёт по районам построен: районов — 600, школ — 1200, /);
    const lookups = excel.calls.filter((call) => call.path.endsWith('.mergedAreas'));
    expect(lookups.length).toBe(3);
    expect(new Set(lookups.map((call) => call.sync)).size).toBe(1);
  });

  test('merges of three rows, some across the 512-row blocks: each found by the block that holds its top row', async () => {
    const { excel, backend } = mergedWorkbook(1200, 400);
    // Rows 4–515 are the first block; the merge A514:A516 starts in it and ends in the next.
    expect(excel.sheet(SOURCE).merges).toContainEqual({ r0: 513, c0: 0, r1: 515, c1: 0 });
    const result = await backend.buildReport(request(), noProgress);
    expect(result.message).toMatch(/^Отчёт по районам построен: районов — 400, школ — 1200, /);
  });

  test('a sheet where every school names its district looks up no merges', async () => {
    const { excel, backend } = workbook(90);
    await backend.buildReport(request(), noProgress);
    expect(excel.calls.filter((call) => call.path.endsWith('.mergedAreas'))).toEqual([]);
  });

  test('an Excel without merge look-ups (before ExcelApi 1.13): schools without a district, and a warning saying what to do', async () => {
    const { excel, backend } = mergedWorkbook(90, undefined, false);
    const result = await backend.buildReport(request(), noProgress);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/районов — 5, /);
    expect(result.message).toContain('отмените объединение столбца «Район»');
    expect(excel.calls.filter((call) => call.path.endsWith('.mergedAreas'))).toEqual([]);
  });

  test('one district\'s report when each district\'s name is merged over a heading row, its «Итого» row and its schools', async () => {
    let id = 2700000000;
    const school = (name: string): (string | number)[] => ['', name, String(id++), 300, 30, 10, 5, 2, 6, 12, 100];
    const values: (string | number)[][] = [['Мониторинг'], [], [...MONITORING_HEADERS]];
    for (const district of ['Северный район', 'Южный район']) {
      // The heading row has the district only: the merge's top row is two rows above its first school.
      values.push([district], ['', 'Итого по району', '', 600, 60, 20, 10, 4, 12, 24, 200], school(`${district}: СОШ № 1`), school(`${district}: СОШ № 2`));
    }
    const excel = new FakeExcel([{ name: SOURCE, values }]);
    excel.merge(SOURCE, 'A4:A7');
    excel.merge(SOURCE, 'A8:A11');
    const backend = createExcelBackend({ run: excel.run, settings: excel.settings });
    expect((await backend.load()).districts).toEqual(['Северный район', 'Южный район']);
    const result = await backend.buildReport(request({}, 'Северный район'), noProgress);
    expect(result.message).toMatch(/^Отчёт по району «Северный район» построен/);
    expect(result.message).toMatch(/школ — 2/);
  });

  test('a merge look-up Excel refuses: the report is built as the sheet reads, with a warning, not failed', async () => {
    const { excel, backend } = mergedWorkbook(90);
    excel.refuseNext('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
    const result = await backend.buildReport(request(), noProgress);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/районов — 5, /);
    expect(result.message).toContain('Excel не сообщил их: ');
    expect(result.sheets).toEqual([DISTRICTS, LAGGING, FINDINGS]);
  });

  test('last week\'s sheet merged too: both sheets are looked up in the same sync, and the comparison matches every school', async () => {
    const current = districtBlocks(90);
    const previous = districtBlocks(90);
    const excel = new FakeExcel([{ name: SOURCE, values: current.values }, { name: 'Прошлая неделя', values: previous.values }]);
    for (const address of previous.merges) excel.merge('Прошлая неделя', address);
    const backend = createExcelBackend({ run: excel.run, settings: excel.settings });
    const result = await backend.buildReport(request({ previousSheet: 'Прошлая неделя' }), noProgress);
    expect(result.ok).toBe(true);
    const lookups = excel.calls.filter((call) => call.path.endsWith('.mergedAreas'));
    expect(lookups).toHaveLength(1);
    expect(excel.sheets.some((sheet) => sheet.values.some((row) => row.some((cell) => cell === 'Район не указан')))).toBe(false);
  });
});

describe('highlight and clearHighlight', () => {
  function ours(sheet: FakeSheet): number {
    return sheet.conditionalFormats.filter((f) => isOwnFormula(f.formula)).length;
  }

  test("adds live formula rules over the source columns and keeps the user's own rule", async () => {
    const { excel, backend } = workbook(50);
    const source = excel.sheet(SOURCE);
    const user = excel.addUserFormat(SOURCE, 'E4:E60', '=E4>100');
    const valuesBefore = JSON.stringify(source.values);
    const result = await backend.highlight(request());
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Отстающие школы подсвечены на листе «[^»]+»/);
    expect(ours(source)).toBeGreaterThan(0);
    expect(source.conditionalFormats).toContain(user);
    const first = source.conditionalFormats.find((f) => isOwnFormula(f.formula));
    expect(first?.formula).toMatch(/^=AND\(N\("sferum-monitor"\)=0,/);
    expect([TONE_COLORS.bad, TONE_COLORS.near]).toContain(first?.fill);
    expect(JSON.stringify(source.values)).toBe(valuesBefore);
    expect(changes(excel, source).filter((call) => !isFormatChange(call))).toEqual([]);
  });

  test('running it twice leaves the same rules as once', async () => {
    const { excel, backend } = workbook(50);
    excel.addUserFormat(SOURCE, 'A4:A60', '=LEN(A4)>40');
    await backend.highlight(request());
    const once = JSON.stringify(excel.snapshot());
    const second = await backend.highlight(request());
    expect(second.message).toMatch(/^Отстающие школы подсвечены/);
    expect(JSON.stringify(excel.snapshot())).toBe(once);
  });

  test("the user's rules keep their priority: on every cell ours come after theirs, run after run, at no extra sync", async () => {
    const { excel, backend } = workbook(50);
    const source = excel.sheet(SOURCE);
    excel.addUserFormat(SOURCE, 'F4:F60', '=F4<5', '#00FF00');
    excel.addUserFormat(SOURCE, 'B4:B60', '=LEN(B4)>40', '#0000FF');
    const users = (): string[] => source.conditionalFormats.filter((f) => !isOwnFormula(f.formula)).map((f) => f.id);
    const before = users();
    const oursAfterTheirs = (): void => {
      source.conditionalFormats.forEach((format, index) => {
        if (!isOwnFormula(format.formula)) return;
        const later = source.conditionalFormats.slice(index + 1);
        expect(later.filter((f) => !isOwnFormula(f.formula) && f.rect.c0 <= format.rect.c1 && format.rect.c0 <= f.rect.c1)).toEqual([]);
      });
    };
    excel.clearLog();
    await backend.highlight(request());
    expect(excel.syncs).toHaveLength(3);
    expect(users()).toEqual(before);
    expect(source.conditionalFormats.filter((f) => f.rect.c0 === 5)[0]?.formula).toBe('=F4<5');
    oursAfterTheirs();
    // A rule the user makes later goes on top, as Excel puts new rules; a re-run keeps it there.
    const late = excel.addUserFormat(SOURCE, 'G4:G60', '=G4=0');
    source.conditionalFormats.unshift(...source.conditionalFormats.splice(source.conditionalFormats.indexOf(late), 1));
    const withTop = users();
    await backend.highlight(request());
    expect(users()).toEqual(withTop);
    oursAfterTheirs();
  });

  test('the fake adds a conditional format at the top priority, as Office.js documents, and moves it by priority', async () => {
    const excel = new FakeExcel([{ name: SOURCE, values: [['a']] }]);
    const user = excel.addUserFormat(SOURCE, 'A1:A9', '=A1>0');
    await excel.run(async (context) => {
      const top = context.workbook.worksheets.getItem(SOURCE).getRange('A1:A9').conditionalFormats.add('Custom');
      top.custom.rule.formula = '=1';
      await context.sync();
      expect(excel.sheet(SOURCE).conditionalFormats.map((f) => f.formula)).toEqual(['=1', '=A1>0']);
      top.priority = -1;
      await context.sync();
      expect(excel.sheet(SOURCE).conditionalFormats.map((f) => f.formula)).toEqual(['=A1>0', '=1']);
      // Office.js: after a priority change the object must be fetched again before other changes.
      top.custom.rule.formula = '=2';
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    });
    expect(excel.sheet(SOURCE).conditionalFormats[0]).toBe(user);
  });

  test('a highlight Excel refused while adding rules leaves no rule behind after the next highlight or «Снять подсветку»', async () => {
    for (const next of ['highlight', 'clear'] as const) {
      const { excel, backend } = workbook(50);
      const source = excel.sheet(SOURCE);
      const user = excel.addUserFormat(SOURCE, 'F4:F60', '=F4<5');
      await backend.highlight(request());
      const once = JSON.stringify(excel.snapshot());
      // The second new rule is added, then its formula refused: Excel keeps a rule with no formula.
      excel.refuseNext('custom.rule.formula', 'GeneralException', 1);
      expect((await backend.highlight(request())).ok).toBe(false);
      expect(source.conditionalFormats.filter((f) => f.formula === '')).toHaveLength(1);
      if (next === 'highlight') {
        expect((await backend.highlight(request())).ok).toBe(true);
        expect(JSON.stringify(excel.snapshot())).toBe(once);
      } else {
        expect((await backend.clearHighlight(SOURCE)).ok).toBe(true);
        expect(source.conditionalFormats).toEqual([user]);
      }
    }
  });

  test('a sheet whose first read Excel refuses as too large (long notes in every row) is still highlighted, replacing our rules', async () => {
    const values = monitoringSheet(60).map((row, index) => (index < 3 ? row : [...row, 'Примечание методиста: '.repeat(60)]));
    const excel = new FakeExcel([{ name: SOURCE, values }]);
    excel.payloadLimit = 150_000;
    const backend = createExcelBackend({ run: excel.run, settings: excel.settings, payloadBudget: 120_000 });
    expect((await backend.highlight(request())).ok).toBe(true);
    const once = JSON.stringify(excel.snapshot());
    excel.clearLog();
    const again = await backend.highlight(request());
    expect(again.ok).toBe(true);
    expect(excel.syncs.some((sync) => sync.failed?.startsWith('response'))).toBe(true);
    expect(JSON.stringify(excel.snapshot())).toBe(once);
  });

  test('«Снять подсветку» removes only our rules', async () => {
    const { excel, backend } = workbook(50);
    const source = excel.sheet(SOURCE);
    const user = excel.addUserFormat(SOURCE, 'E4:E60', '=E4>100');
    await backend.highlight(request());
    const result = await backend.clearHighlight(SOURCE);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Подсветка снята с листа «[^»]+»: удалено правил надстройки — \d+/);
    expect(source.conditionalFormats).toEqual([user]);
    expect((await backend.clearHighlight(SOURCE)).message).toMatch(/^На листе «[^»]+» нет подсветки «Сферума»: снимать нечего\.$/);
  });

  test('without any target there is nothing to highlight, and old rules are removed', async () => {
    const { excel, backend } = workbook(20);
    await backend.highlight(request());
    const targets = Object.fromEntries(Object.keys(DEFAULT_STORED_SETTINGS.targets).map((key) => [key, null]));
    const result = await backend.highlight(request({ targets }));
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/нечего подсвечивать/);
    expect(ours(excel.sheet(SOURCE))).toBe(0);
  });
});

describe('cost', () => {
  test('1,000 rows: at most 4 syncs per action', async () => {
    const { excel, backend } = workbook(1000);
    const count = async (action: () => Promise<unknown>): Promise<number> => {
      excel.clearLog();
      await action();
      return excel.syncs.length;
    };
    expect(await count(() => backend.load())).toBeLessThanOrEqual(4);
    expect(await count(() => backend.buildReport(request(), noProgress))).toBeLessThanOrEqual(4);
    expect(await count(() => backend.highlight(request()))).toBeLessThanOrEqual(4);
    expect(await count(() => backend.clearHighlight(SOURCE))).toBeLessThanOrEqual(4);
  }, 60_000);

  test('1,000 rows with last week and the plan: still at most 4 syncs', async () => {
    const { excel, backend } = workbook(1000, [{ name: 'Прошлая', values: monitoringSheet(1000, { week: 2 }) }, { name: 'План', values: planSheet(30) }]);
    excel.clearLog();
    const result = await backend.buildReport(request({ previousSheet: 'Прошлая', planSheet: 'План' }), noProgress);
    expect(result.ok).toBe(true);
    expect(excel.syncs.length).toBeLessThanOrEqual(4);
  }, 60_000);

  test('desktop Excel (no payload limit): the same syncs at 1,000 and 40,000 rows', async () => {
    const costs = [await measureExcelHost(1_000, 'desktop'), await measureExcelHost(40_000, 'desktop')];
    expect(costs.map((c) => [c.report.syncs, c.highlight.syncs])).toEqual([[4, 3], [4, 3]]);
  }, 240_000);

  test('the same workbook whichever the platform: desktop and web budgets only split the same writes differently', async () => {
    const book = (budget: number): { excel: FakeExcel; backend: PanelBackend } => {
      const excel = new FakeExcel([{ name: SOURCE, values: monitoringSheet(3_000) }]);
      return { excel, backend: createExcelBackend({ run: excel.run, settings: excel.settings, payloadBudget: budget }) };
    };
    // A budget small enough to split even this table's read and writes into many syncs.
    const small = book(64 * 1024);
    const large = book(payloadBudgetFor('PC'));
    for (const { backend } of [small, large]) {
      expect((await backend.buildReport(request(), noProgress)).ok).toBe(true);
      expect((await backend.highlight(request())).ok).toBe(true);
    }
    expect(small.excel.syncs.length).toBeGreaterThan(large.excel.syncs.length);
    expect(small.excel.snapshot()).toEqual(large.excel.snapshot());
  }, 120_000);

  test('Excel on the web refusing a request over 5 MB: a refused read is asked again in smaller blocks, a refused write gets a Russian message; the source is untouched', async () => {
    const excel = new FakeExcel([{ name: SOURCE, values: monitoringSheet(40_000) }]);
    excel.payloadLimit = PAYLOAD_LIMIT;
    const before = JSON.stringify(excel.sheet(SOURCE).values);
    // A desktop budget where the platform limits payloads: the first large read is refused, then the first large write.
    const backend = createExcelBackend({ run: excel.run, settings: excel.settings, payloadBudget: payloadBudgetFor('Mac') });
    const result = await backend.buildReport(request(), noProgress);
    expect(result.ok).toBe(false);
    const refused = excel.syncs.filter((sync) => sync.failed).map((sync) => sync.failed?.split(' ')[0]);
    expect(refused[0]).toBe('response');
    expect(refused[refused.length - 1]).toBe('request');
    expect(refused.filter((kind) => kind === 'request')).toHaveLength(1);
    expect(result.message).toMatch(/Excel в браузере не принимает за раз больше 5 МБ данных.*RequestPayloadSizeLimitExceeded/);
    expect(JSON.stringify(excel.sheet(SOURCE).values)).toBe(before);
  }, 120_000);

  test('Excel on the web: the same syncs for every action from 100 to 5,000 rows (a region of any size)', async () => {
    const syncs = async (rows: number): Promise<Record<string, number>> => {
      const excel = new FakeExcel([{ name: SOURCE, values: monitoringSheet(rows) }]);
      excel.payloadLimit = PAYLOAD_LIMIT;
      const backend = createExcelBackend({ run: excel.run, settings: excel.settings, payloadBudget: payloadBudgetFor('OfficeOnline') });
      const count = async (action: () => Promise<unknown>): Promise<number> => {
        excel.clearLog();
        await action();
        return excel.syncs.length;
      };
      return {
        load: await count(() => backend.load()),
        build: await count(() => backend.buildReport(request(), noProgress)),
        highlight: await count(() => backend.highlight(request())),
        clear: await count(() => backend.clearHighlight(SOURCE)),
      };
    };
    const small = await syncs(100);
    expect(small).toEqual({ load: 2, build: 4, highlight: 3, clear: 3 });
    expect(await syncs(3_000)).toEqual(small);
    expect(await syncs(5_000)).toEqual(small);
  }, 120_000);

  test('40,000 rows on the web: no request or response above 5 MB, and only a few more syncs', async () => {
    const cost = await measureExcelHost(40_000, 'web');
    expect(cost.report.largestPayloadBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(cost.highlight.largestPayloadBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    // Reading ~13 MB and writing ~17 MB in ≤ 4 MB batches.
    expect(cost.report.syncs).toBeLessThanOrEqual(12);
    expect(cost.highlight.syncs).toBeLessThanOrEqual(8);
  }, 120_000);
});
