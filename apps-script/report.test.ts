/**
 * The sidebar's server functions and the menu commands of the built Code.js against the fake
 * Sheets: the report written as the core's model describes it, the highlighting rules, what is
 * never touched (source values, the user's sheets and rules), re-runs, settings, failures and
 * the number of calls.
 */
import * as vm from 'vm';
import {
  DEFAULT_STORED_SETTINGS, MARKER, NUMBER_FORMATS, SHEET_NAMES, TONE_COLORS, isOwnFormula, runJob, sheetLayout, sheetValues,
  type ReportModel, type ReportSheet, type StoredSettings,
} from '../core';
import type { ActionResult, JobRequest, PanelState } from '../ui/backend';
import { jobInput } from '../ui/panelState';
import { RUNNING_PROPERTY } from './server/oneAtATime';
import { SETTINGS_PROPERTY } from './server/settingsStore';
import {
  DISTRICTS, bookSnapshot, districtName, ensureBuilt, loadScript, monitoringHeaders, monitoringSheet, sheetSnapshot, sheetsHostCost,
  type Cell, type FakeSheets, type ScriptGlobals, type SheetState,
} from './test-support';

const SOURCE = 'Мониторинг';
const PREVIOUS = 'Прошлая неделя';

beforeAll(() => ensureBuilt());

interface Setup {
  readonly fake: FakeSheets;
  readonly script: ScriptGlobals;
  readonly source: SheetState;
  readonly request: JobRequest;
}

function setup(rows = 90, options: { previous?: boolean; settings?: Partial<StoredSettings> } = {}): Setup {
  const { fake, script } = loadScript();
  const source = fake.book.addSheet(SOURCE, monitoringSheet(rows));
  if (options.previous) fake.book.addSheet(PREVIOUS, monitoringSheet(rows, { lower: 4, period: '08.04.2023–14.04.2023' }));
  const settings: StoredSettings = { ...DEFAULT_STORED_SETTINGS, previousSheet: options.previous ? PREVIOUS : null, ...options.settings };
  return { fake, script, source, request: { sheet: SOURCE, district: null, settings } };
}

/** Calls a server function; its result crosses google.script.run as JSON, and so it is compared here. */
function run<T>(script: ScriptGlobals, name: string, ...args: unknown[]): T {
  const fn = script[name];
  if (typeof fn !== 'function') throw new Error(`no global ${name}`);
  const result = fn(...args);
  return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
}

/** The report the core makes of the same sheets, to compare what was written with. */
function expectedModel({ fake, request }: Setup): ReportModel {
  const block = (name: string | null) => {
    const sheet = name ? fake.book.sheet(name) : undefined;
    return sheet ? { name: sheet.name, values: sheet.read(1, 1, sheet.lastRow(), sheet.lastColumn()) } : undefined;
  };
  const current = block(request.sheet);
  if (!current) throw new Error('no source');
  const result = runJob(jobInput(request, { current, previous: block(request.settings.previousSheet), plan: block(request.settings.planSheet) }));
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

const blank = (rows: Cell[][]): Cell[][] => rows.map((row) => row.map((cell) => cell ?? ''));

function expectSheetMatches(sheet: SheetState, report: ReportSheet): void {
  const values = blank(sheetValues(report) as Cell[][]);
  const layout = sheetLayout(report);
  expect(sheet.read(1, 1, values.length, report.columns.length)).toEqual(values);
  // Nothing written beyond the table.
  expect(sheet.lastRow()).toBe(values.length);
  expect(sheet.frozenRows).toBe(layout.headerRow);
  expect(sheet.frozenColumns).toBe(report.frozenColumns);
  report.columns.forEach((column, c) => {
    if (report.rows.length) expect(sheet.formats.get(layout.firstDataRow, c + 1)).toBe(NUMBER_FORMATS[column.format]);
    expect(sheet.widths.get(c + 1)).toBeGreaterThan(column.width * 5);
  });
  report.rows.forEach((row, r) => row.tones.forEach((tone, c) => {
    expect(sheet.backgrounds.get(layout.firstDataRow + r, c + 1) ?? null).toBe(tone ? TONE_COLORS[tone] : null);
  }));
  // Which report the tab holds, and the extent written: the block from A1 and the chart, if one was drawn.
  const extent = { rows: values.length, columns: report.columns.length, charts: report.chart && layout.lastDataRow >= layout.firstDataRow ? 1 : 0 };
  expect(sheet.charts).toHaveLength(extent.charts);
  expect(sheet.metadata).toEqual([expect.objectContaining({ key: `${MARKER}:sheet`, value: JSON.stringify({ kind: report.kind, name: report.name, ...extent }) })]);
  // Each threshold rule of the model is three live colour rules over its column of data rows.
  const thresholds = report.rules.filter((rule) => rule.kind === 'threshold');
  expect(sheet.rules).toHaveLength(report.rows.length ? thresholds.length * 3 : 0);
  sheet.rules.forEach((rule, i) => {
    const threshold = thresholds[Math.floor(i / 3)];
    expect(rule.ranges[0]).toMatchObject({ row: layout.firstDataRow, column: (threshold?.column ?? -1) + 1, rows: report.rows.length, columns: 1 });
  });
}

describe('«Построить отчёт по районам»', () => {
  it('writes every sheet of the core model, values, formats, tones and frozen header included', () => {
    const s = setup(120, { previous: true });
    const model = expectedModel(s);
    const result = run<ActionResult>(s.script, 'panelBuildReport', s.request);
    expect(result.ok).toBe(true);
    expect(result.sheets).toEqual([SHEET_NAMES.districts, SHEET_NAMES.lagging, SHEET_NAMES.findings, SHEET_NAMES.changes]);
    expect(result.message).toMatch(/^Отчёт по районам построен: районов — /);
    expect(result.message).toContain(`районов — ${DISTRICTS}, школ — 120`);
    model.sheets.forEach((report) => expectSheetMatches(s.fake.book.get(report.name), report));
    expect(s.fake.book.active?.name).toBe(SHEET_NAMES.districts);
    expect(s.fake.book.sheets.map((sheet) => sheet.name)).toEqual([SOURCE, PREVIOUS, ...result.sheets]);
  });

  it('draws the districts against the target as a bar chart under the table', () => {
    const s = setup(60);
    run<ActionResult>(s.script, 'panelBuildReport', s.request);
    const report = expectedModel(s).sheets[0];
    const spec = report?.chart;
    if (!report || !spec) throw new Error('the districts sheet has a chart');
    const layout = sheetLayout(report);
    const sheet = s.fake.book.get(SHEET_NAMES.districts);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart).toMatchObject({ type: 'BAR', title: spec.title, numHeaders: 1, position: [layout.lastDataRow + 2, 2, 0, 0] });
    // Category and value columns from the header row over the districts, without the region total.
    expect(chart?.ranges.map(({ row, column, rows, columns }) => ({ row, column, rows, columns }))).toEqual(
      [spec.categoryColumn, ...spec.valueColumns].map((c) => ({ row: layout.headerRow, column: c + 1, rows: DISTRICTS + 1, columns: 1 })),
    );
    expect(sheet.maxRows).toBeGreaterThanOrEqual((chart?.position?.[0] ?? 0) + 1);
  });

  it('never writes a value, format or colour of the source sheets, nor changes their grid', () => {
    const s = setup(80, { previous: true });
    const sources = () => [sheetSnapshot(s.source), sheetSnapshot(s.fake.book.get(PREVIOUS))];
    const before = sources();
    run<PanelState>(s.script, 'panelLoad', SOURCE);
    run<ActionResult>(s.script, 'panelBuildReport', s.request);
    expect(sources()).toEqual(before);
    run<ActionResult>(s.script, 'panelHighlight', s.request);
    // Highlighting adds conditional format rules to the source, and nothing else: every value,
    // format and colour, and the number of rows and columns, are as they were.
    expect(sources().map(({ rules: _r, ...rest }) => rest)).toEqual(before.map(({ rules: _r, ...rest }) => rest));
    run<ActionResult>(s.script, 'panelClearHighlight', SOURCE);
    expect(sources()).toEqual(before);
  });

  it('gives the same spreadsheet on a second run', () => {
    const s = setup(70, { previous: true });
    run<ActionResult>(s.script, 'panelBuildReport', s.request);
    run<ActionResult>(s.script, 'panelHighlight', s.request);
    const first = bookSnapshot(s.fake.book);
    run<ActionResult>(s.script, 'panelBuildReport', s.request);
    run<ActionResult>(s.script, 'panelHighlight', s.request);
    expect(bookSnapshot(s.fake.book)).toEqual(first);
  });

  it('leaves a user sheet with a report name alone and writes its own next to it, on every run', () => {
    const s = setup(50);
    const mine = s.fake.book.addSheet(SHEET_NAMES.districts, [['Мои заметки по районам'], ['Район', 'Комментарий'], ['Район 01', 'позвонить']]);
    const before = sheetSnapshot(mine);
    const first = run<ActionResult>(s.script, 'panelBuildReport', s.request);
    expect(first.sheets[0]).toBe(`${SHEET_NAMES.districts} (2)`);
    const second = run<ActionResult>(s.script, 'panelBuildReport', s.request);
    expect(second.sheets).toEqual(first.sheets);
    expect(sheetSnapshot(mine)).toEqual(before);
    expect(s.fake.book.sheets.map((sheet) => sheet.name)).toEqual([SOURCE, SHEET_NAMES.districts, ...first.sheets]);
  });

  it('leaves a report tab the user renamed (a kept snapshot) as it is, and writes a new one', () => {
    const s = setup(40);
    run<ActionResult>(s.script, 'panelBuildReport', s.request);
    const renamed = s.fake.book.get(SHEET_NAMES.lagging);
    renamed.name = 'Отстающие (неделя 15)';
    const before = sheetSnapshot(renamed);
    const again = run<ActionResult>(s.script, 'panelBuildReport', s.request);
    expect(again.sheets).toContain(SHEET_NAMES.lagging);
    expect(again.sheets).not.toContain('Отстающие (неделя 15)');
    expect(sheetSnapshot(s.fake.book.get('Отстающие (неделя 15)'))).toEqual(before);
  });

  it('removes last run’s «состав ОО» sheet when this run has no previous week', () => {
    const s = setup(40, { previous: true });
    run<ActionResult>(s.script, 'panelBuildReport', s.request);
    expect(s.fake.book.sheet(SHEET_NAMES.changes)).toBeDefined();
    const without = { ...s.request, settings: { ...s.request.settings, previousSheet: null } };
    run<ActionResult>(s.script, 'panelBuildReport', without);
    expect(s.fake.book.sheet(SHEET_NAMES.changes)).toBeUndefined();
    expect(s.fake.book.sheet(PREVIOUS)).toBeDefined();
  });

  it('keeps a «состав ОО» sheet the user renamed, even when it is stale', () => {
    const s = setup(40, { previous: true });
    run<ActionResult>(s.script, 'panelBuildReport', s.request);
    s.fake.book.get(SHEET_NAMES.changes).name = 'Состав ОО на 14.04';
    run<ActionResult>(s.script, 'panelBuildReport', { ...s.request, settings: { ...s.request.settings, previousSheet: null } });
    expect(s.fake.book.sheet('Состав ОО на 14.04')).toBeDefined();
  });

  it('builds one district’s sheet, and keeps other districts’ sheets', () => {
    const s = setup(90);
    const first = { ...s.request, district: districtName(2) };
    const model = expectedModel({ ...s, request: first });
    const result = run<ActionResult>(s.script, 'panelBuildReport', first);
    expect(result).toMatchObject({ ok: true, sheets: [`Сферум — ${districtName(2)}`, SHEET_NAMES.findings] });
    expect(result.message).toMatch(/^Отчёт по району «Район 03» построен: школ — 3, отстающих — \d+\./);
    model.sheets.forEach((report) => expectSheetMatches(s.fake.book.get(report.name), report));
    // 90 schools over 30 districts: three schools and the district total.
    expect(model.sheets[0]?.rows.map((row) => row.kind)).toEqual(['data', 'data', 'data', 'total']);
    run<ActionResult>(s.script, 'panelBuildReport', { ...s.request, district: districtName(5) });
    expect(s.fake.book.sheet(`Сферум — ${districtName(2)}`)).toBeDefined();
    expect(s.fake.book.sheet(`Сферум — ${districtName(5)}`)).toBeDefined();
  });

  it('saves the settings the report was built with', () => {
    const s = setup(30);
    const settings: StoredSettings = { ...s.request.settings, tolerance: 0.1, targets: { ...s.request.settings.targets, teachersCalled: 0.4 } };
    run<ActionResult>(s.script, 'panelBuildReport', { ...s.request, settings });
    expect(JSON.parse(s.fake.book.properties.get(SETTINGS_PROPERTY) ?? '{}')).toEqual(settings);
  });
});

describe('report tabs the user added to (nothing is lost)', () => {
  const DISTRICTS_SHEET = SHEET_NAMES.districts;
  const RENEWED = `${DISTRICTS_SHEET} (2)`;
  const build = (s: Setup, request = s.request): ActionResult => run<ActionResult>(s.script, 'panelBuildReport', request);
  /** Everything the user sees on a tab: what must stay as it was (our metadata aside). */
  const visible = (sheet: SheetState): Record<string, unknown> => {
    const { metadata: _m, ...rest } = sheetSnapshot(sheet);
    return rest;
  };
  /** A chart the user draws herself (Вставка → Диаграмма), not through the script. */
  const userChart = (sheet: SheetState): void => {
    sheet.charts.push({ id: 990_001, type: 'LINE', ranges: [sheet.box(5, 1, 10, 2)], numHeaders: 1, title: 'Мой график', options: {}, position: [3, 12, 0, 0] });
  };
  const KEPT = `лист «${DISTRICTS_SHEET}» дополнен вручную (заметки или диаграмма вне отчёта) — он сохранён как есть и больше не обновляется надстройкой; `
    + `новый отчёт — на листе «${RENEWED}».`;

  it.each([
    ['a note typed below the table', (sheet: SheetState) => sheet.seed([['Позвонить в Район 03 до пятницы']], sheet.lastRow() + 3, 2)],
    ['a note typed to the right of the table', (sheet: SheetState) => sheet.seed([['сверить с МОУО']], 6, sheet.lastColumn() + 2)],
    ['a chart of the user\'s', userChart],
  ])('%s: the tab is kept as it is, no longer tagged, and the report goes to «… (2)»; the message names both', (_what, addition) => {
    const s = setup(60);
    build(s);
    const mine = s.fake.book.get(DISTRICTS_SHEET);
    addition(mine);
    const before = visible(mine);
    const lastRow = mine.lastRow();
    const lastColumn = mine.lastColumn();

    const result = build(s);
    expect(result.ok).toBe(true);
    expect(result.sheets[0]).toBe(RENEWED);
    expect(result.message).toContain(`\nВнимание: ${KEPT}`);
    // The user's tab: every cell, chart and format as she left it, the note included; only our tag is gone.
    expect(s.fake.book.get(DISTRICTS_SHEET)).toBe(mine);
    expect(visible(mine)).toEqual(before);
    expect([mine.lastRow(), mine.lastColumn()]).toEqual([lastRow, lastColumn]);
    expect(mine.metadata).toEqual([]);
    // The new tab is the report, tagged as ours; the other report tabs were written over in place.
    expectSheetMatches(s.fake.book.get(RENEWED), expectedModel(s).sheets[0] as ReportSheet);
    expect(s.fake.book.sheets.map((sheet) => sheet.name)).toEqual([SOURCE, DISTRICTS_SHEET, SHEET_NAMES.lagging, SHEET_NAMES.findings, RENEWED]);

    // From now on the user's tab is never touched, and «… (2)» is rewritten in place: a third run changes nothing.
    const second = bookSnapshot(s.fake.book);
    const third = build(s);
    expect(third.sheets).toEqual(result.sheets);
    expect(third.message).not.toContain('дополнен вручную');
    expect(bookSnapshot(s.fake.book)).toEqual(second);
  });

  it('the note is in the fake\'s cells after the next report, where she typed it', () => {
    const s = setup(40);
    build(s);
    const mine = s.fake.book.get(DISTRICTS_SHEET);
    const below = mine.lastRow() + 2;
    const right = mine.lastColumn() + 1;
    mine.seed([['Итог по краю сдать 21.04']], below, 1);
    mine.seed([['комментарий']], 4, right);
    build(s);
    expect(s.fake.book.get(DISTRICTS_SHEET).read(below, 1, 1, 1)).toEqual([['Итог по краю сдать 21.04']]);
    expect(s.fake.book.get(DISTRICTS_SHEET).read(4, right, 1, 1)).toEqual([['комментарий']]);
  });

  it('no additions: written over in place as before, and twice gives the same spreadsheet', () => {
    const s = setup(60, { previous: true });
    const first = build(s);
    const once = bookSnapshot(s.fake.book);
    const ids = s.fake.book.sheets.map((sheet) => sheet.id);
    const second = build(s);
    expect(second.sheets).toEqual(first.sheets);
    expect(second.message).not.toContain('дополнен вручную');
    expect(s.fake.book.sheets.map((sheet) => sheet.id)).toEqual(ids);
    expect(bookSnapshot(s.fake.book)).toEqual(once);
  });

  it('an edit inside the written table is not detected: the next report writes over it (the recorded extent is a block, not its contents)', () => {
    const s = setup(60);
    build(s);
    const once = bookSnapshot(s.fake.book);
    const ours = s.fake.book.get(DISTRICTS_SHEET);
    ours.seed([['поправлено вручную']], 6, 2);
    const result = build(s);
    expect(result.sheets[0]).toBe(DISTRICTS_SHEET);
    expect(bookSnapshot(s.fake.book)).toEqual(once);
  });

  it('a smaller report than last week\'s (no comparison this time) is still written in place: the old content lies inside the recorded extent', () => {
    const s = setup(60, { previous: true });
    build(s);
    const result = build(s, { ...s.request, settings: { ...s.request.settings, previousSheet: null } });
    expect(result.message).not.toContain('дополнен вручную');
    expect(result.sheets).toEqual([DISTRICTS_SHEET, SHEET_NAMES.lagging, SHEET_NAMES.findings]);
  });

  it('last run\'s «состав ОО» tab the user added to is kept, untagged, instead of being deleted; the message says so', () => {
    const s = setup(40, { previous: true });
    build(s);
    const changes = s.fake.book.get(SHEET_NAMES.changes);
    changes.seed([['разобраться с закрытыми школами']], changes.lastRow() + 2, 1);
    const before = visible(changes);
    const result = build(s, { ...s.request, settings: { ...s.request.settings, previousSheet: null } });
    expect(result.ok).toBe(true);
    expect(s.fake.book.sheet(SHEET_NAMES.changes)).toBe(changes);
    expect(visible(changes)).toEqual(before);
    expect(changes.metadata).toEqual([]);
    expect(result.message).toContain(`\nВнимание: лист «${SHEET_NAMES.changes}» дополнен вручную (заметки или диаграмма вне отчёта) — он сохранён как есть`);
    expect(result.message).toContain('в этом отчёте такого листа нет.');
  });

  it.each([
    ['recorded before the extent was', (value: { kind: string; name: string }) => JSON.stringify({ kind: value.kind, name: value.name })],
    ['with an extent that is not counts', (value: { kind: string; name: string }) => JSON.stringify({ ...value, rows: '12', columns: -1, charts: 0.5 })],
    ['with part of the extent', (value: { kind: string; name: string }) => JSON.stringify({ ...value, rows: 40 })],
  ])('metadata %s: the tab is written over in place as it always was, and gets the extent', (_what, older) => {
    const s = setup(60, { previous: true });
    build(s);
    const once = bookSnapshot(s.fake.book);
    for (const sheet of s.fake.book.sheets) {
      sheet.metadata = sheet.metadata.map((m) => {
        const { kind, name } = JSON.parse(m.value ?? '{}') as { kind: string; name: string };
        return { ...m, value: older({ kind, name }) };
      });
    }
    const ours = s.fake.book.get(DISTRICTS_SHEET);
    ours.seed([['заметка под старым отчётом']], ours.lastRow() + 3, 1);
    userChart(ours);
    const result = build(s);
    expect(result.sheets).toEqual([DISTRICTS_SHEET, SHEET_NAMES.lagging, SHEET_NAMES.findings, SHEET_NAMES.changes]);
    expect(result.message).not.toContain('дополнен вручную');
    expect(bookSnapshot(s.fake.book)).toEqual(once);
  });

  it('checking a tab costs the same calls at every size: two reads and the chart list per tab, one metadata write', () => {
    const rerun = (rows: number) => sheetsHostCost(rows, { rerun: true });
    const small = rerun(1_000);
    const large = rerun(8_000);
    expect(large.byMethod).toEqual(small.byMethod);
    const first = sheetsHostCost(1_000);
    // Four report tabs (districts, lagging, findings, changes), each checked and retagged once.
    expect(small.byMethod['Sheet.getLastRow'] ?? 0).toBe((first.byMethod['Sheet.getLastRow'] ?? 0) + 4);
    expect(small.byMethod['Sheet.getLastColumn'] ?? 0).toBe((first.byMethod['Sheet.getLastColumn'] ?? 0) + 4);
    expect(small.byMethod['Sheet.getCharts']).toBe(4);
    expect(small.byMethod['DeveloperMetadata.setValue']).toBe(4);
    expect(first.byMethod['DeveloperMetadata.setValue']).toBeUndefined();
  });

  it('keeping a tab the user added to costs the same calls at every size', () => {
    const keep = (rows: number) => {
      const s = setup(rows);
      build(s);
      s.fake.book.get(DISTRICTS_SHEET).seed([['заметка']], 2, 30);
      s.fake.log.reset();
      expect(build(s).sheets[0]).toBe(RENEWED);
      return s.fake.log.byMethod();
    };
    const small = keep(500);
    expect(keep(4_000)).toEqual(small);
    expect(small['DeveloperMetadata.remove']).toBe(1);
  });
});

/**
 * The weekly sheet sorted by district, each district's name merged down its schools' rows (data
 * from sheet row 3), or with `merge: false` the same values unmerged. Returns the merges made.
 */
function mergedDistricts(sheet: SheetState, rows: number, options: { previous?: boolean; merge?: boolean } = {}): number {
  const [title = [], header = [], ...data] = monitoringSheet(rows, options.previous ? { lower: 4, period: '08.04.2023–14.04.2023' } : {});
  data.sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'ru'));
  sheet.seed([title, header, ...data]);
  if (options.merge === false) return 0;
  let merges = 0;
  for (let start = 0, end = 1; start < data.length; start = end++) {
    while (end < data.length && data[end]?.[0] === data[start]?.[0]) end++;
    if (end - start > 1) {
      sheet.merge(start + 3, 1, end - start);
      merges++;
    }
  }
  return merges;
}

describe('district names merged down their schools\' rows', () => {
  it('count each school in its district, as the same sheets without merges do, at one call per sheet and one per merge', () => {
    const { fake, script } = loadScript();
    const source = fake.book.addSheet(SOURCE);
    const merges = mergedDistricts(source, 90) + mergedDistricts(fake.book.addSheet(PREVIOUS), 90, { previous: true });
    // Sheets gives a merge's value in its top cell only.
    expect(source.read(4, 1, 1, 1)).toEqual([['']]);
    const before = sheetSnapshot(source);
    const request: JobRequest = { sheet: SOURCE, district: null, settings: { ...DEFAULT_STORED_SETTINGS, previousSheet: PREVIOUS } };
    fake.log.reset();
    const result = run<ActionResult>(script, 'panelBuildReport', request);
    expect(result.ok).toBe(true);
    expect(result.message).toContain(`районов — ${DISTRICTS}, школ — 90`);
    expect(fake.log.count('Range.getMergedRanges')).toBe(2);
    expect(fake.log.count('Range.getA1Notation')).toBe(merges);
    expect(sheetSnapshot(source)).toEqual(before);

    // The same sheets unmerged (their values as a user reads them) give the same report.
    const plain = loadScript();
    mergedDistricts(plain.fake.book.addSheet(SOURCE), 90, { merge: false });
    mergedDistricts(plain.fake.book.addSheet(PREVIOUS), 90, { previous: true, merge: false });
    run<ActionResult>(plain.script, 'panelBuildReport', request);
    for (const name of result.sheets) {
      const written = fake.book.get(name);
      const expected = plain.fake.book.get(name);
      expect(written.read(1, 1, written.lastRow(), written.lastColumn())).toEqual(expected.read(1, 1, expected.lastRow(), expected.lastColumn()));
    }
    expect(plain.fake.log.count('Range.getMergedRanges')).toBe(0);
  });

  it('merges Google Sheets cannot list: the report is built as the sheet reads, with a warning', () => {
    const { fake, script } = loadScript();
    const source = fake.book.addSheet(SOURCE);
    mergedDistricts(source, 90);
    source.mergedRangesError = 'Service Spreadsheets failed while accessing document';
    const result = run<ActionResult>(script, 'panelBuildReport', { sheet: SOURCE, district: null, settings: { ...DEFAULT_STORED_SETTINGS } });
    expect(result.ok).toBe(true);
    expect(result.message).toContain(`районов — ${DISTRICTS + 1}, школ — 90`);
    expect(result.message).toContain('объединённые ячейки прочитать не удалось (Service Spreadsheets failed while accessing document)');
    // The sidebar still opens, with the districts as the sheet reads.
    expect(run<PanelState>(script, 'panelLoad', SOURCE).districts).toContain('Район не указан');
  });

  it('the sidebar lists the districts as the report counts them', () => {
    const { fake, script } = loadScript();
    mergedDistricts(fake.book.addSheet(SOURCE), 90);
    const state = run<PanelState>(script, 'panelLoad', SOURCE);
    expect(state.districts).toHaveLength(DISTRICTS);
    expect(state.districts).not.toContain('Район не указан');
    expect(state.schools).toBe(90);
  });
});

describe('failures are told in Russian, and nothing is written', () => {
  it('a sheet that no longer exists', () => {
    const s = setup(10);
    const result = run<ActionResult>(s.script, 'panelBuildReport', { ...s.request, sheet: 'Лист 7' });
    expect(result).toEqual({ ok: false, message: 'Лист «Лист 7» не найден: возможно, он переименован или удалён. Выберите лист заново.', sheets: [] });
    expect(s.fake.book.sheets).toHaveLength(1);
  });

  it('a sheet without a monitoring table', () => {
    const s = setup(10);
    s.fake.book.addSheet('Заметки', [['Позвонить в МОУО'], ['Собрать отчёты']]);
    const result = run<ActionResult>(s.script, 'panelBuildReport', { ...s.request, sheet: 'Заметки' });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^«Заметки»: не найдена строка заголовков таблицы мониторинга; в первых строках есть: «Позвонить в МОУО»/);
    expect(s.fake.book.sheets.map((sheet) => sheet.name)).toEqual([SOURCE, 'Заметки']);
  });

  it('districts whose names begin alike get tabs of their own: building one keeps the other', () => {
    const long = ['Городской округ город Махачкала', 'Городской округ город Каспийск'];
    const { fake, script } = loadScript();
    const values = monitoringSheet(40);
    values.slice(2).forEach((row, i) => (row[0] = long[i % 2] as string));
    fake.book.addSheet(SOURCE, values);
    const request: JobRequest = { sheet: SOURCE, district: null, settings: { ...DEFAULT_STORED_SETTINGS } };
    run<ActionResult>(script, 'panelBuildReport', { ...request, district: long[0] });
    run<ActionResult>(script, 'panelBuildReport', { ...request, district: long[1] });
    run<ActionResult>(script, 'panelBuildReport', { ...request, district: long[0] });
    const titles = fake.book.sheets.filter((sheet) => sheet.name.startsWith('Сферум — Городской')).map((sheet) => sheet.read(1, 1, 1, 1)[0]?.[0]);
    expect(titles.sort()).toEqual(['Сферум: Городской округ город Каспийск', 'Сферум: Городской округ город Махачкала']);
  });

  it('a district that is not in the table', () => {
    const s = setup(10);
    const result = run<ActionResult>(s.script, 'panelBuildReport', { ...s.request, district: 'Нет такого' });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Район «Нет такого» не найден в таблице; есть: Район \d\d, Район \d\d/);
  });

  it('a previous-week sheet that was deleted: the report is built and the message says why there is no comparison', () => {
    const s = setup(30);
    const result = run<ActionResult>(s.script, 'panelBuildReport', { ...s.request, settings: { ...s.request.settings, previousSheet: 'Неделя 14' } });
    expect(result.ok).toBe(true);
    expect(result.message).toContain('Внимание: лист прошлой недели «Неделя 14» не найден: сравнение с прошлой неделей не построено.');
    expect(result.sheets).not.toContain(SHEET_NAMES.changes);
  });
});

describe('«Подсветить отстающие школы» and «Снять подсветку»', () => {
  const userRule = (s: Setup) =>
    s.fake.userRule(s.source, {
      criteria: 'CUSTOM_FORMULA', values: ['=$B3="МБОУ СОШ № 7"'], background: '#CFE2F3', fontColor: null, range: { row: 3, column: 1, rows: 50, columns: 3 },
    });

  it('adds the core’s rules after the user’s own, which stays first', () => {
    const s = setup(60);
    const mine = userRule(s);
    const model = runJob(jobInput(s.request, { current: { name: SOURCE, values: s.source.read(1, 1, s.source.lastRow(), s.source.lastColumn()) } }));
    if (!model.ok) throw new Error(model.error);
    const result = run<ActionResult>(s.script, 'panelHighlight', s.request);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Отстающие школы подсвечены на листе «Мониторинг»/);
    expect(s.source.rules[0]).toBe(mine);
    const ours = s.source.rules.slice(1);
    expect(ours.map((rule) => rule.values[0])).toEqual(model.highlight.map((rule) => rule.formula));
    expect(ours.map((rule) => rule.background)).toEqual(model.highlight.map((rule) => TONE_COLORS[rule.tone]));
    expect(ours.every((rule) => rule.criteria === 'CUSTOM_FORMULA' && isOwnFormula(String(rule.values[0])))).toBe(true);
  });

  it('colours the rows under the table down to the end of the grid, adding no row and writing no value', () => {
    const s = setup(60);
    const before = s.source.read(1, 1, s.source.lastRow(), s.source.lastColumn());
    const size = [s.source.maxRows, s.source.maxColumns];
    run<ActionResult>(s.script, 'panelHighlight', s.request);
    const model = runJob(jobInput(s.request, { current: { name: SOURCE, values: before } }));
    if (!model.ok) throw new Error(model.error);
    // The core asks for «G3:G1062»; the sheet has 1,000 rows, and the rules end there.
    expect(model.highlight[0]?.range).toMatch(/^[A-Z]+3:[A-Z]+1062$/);
    expect(s.source.rules.length).toBe(model.highlight.length);
    for (const rule of s.source.rules) expect(rule.ranges[0]).toMatchObject({ row: 3, rows: 998 });
    expect([s.source.maxRows, s.source.maxColumns]).toEqual(size);
    expect(s.source.read(1, 1, s.source.lastRow(), s.source.lastColumn())).toEqual(before);
  });

  it('a grid that ends with the table: the rules end with it too', () => {
    const { fake, script } = loadScript();
    const values = monitoringSheet(1_200);
    const source = fake.book.addSheet(SOURCE, values);
    expect(source.maxRows).toBe(values.length);
    const result = run<ActionResult>(script, 'panelHighlight', { sheet: SOURCE, district: null, settings: DEFAULT_STORED_SETTINGS });
    expect(result.ok).toBe(true);
    expect(source.maxRows).toBe(values.length);
    for (const rule of source.rules) expect(rule.ranges[0]).toMatchObject({ row: 3, rows: values.length - 2 });
  });

  it('rows the user inserts into the table are coloured, and highlighting again replaces the rules in place', () => {
    const s = setup(60);
    run<ActionResult>(s.script, 'panelHighlight', s.request);
    const count = s.source.rules.length;
    // As in Sheets: rows inserted inside a rule's range widen it (the fake models this).
    s.source.insertRowsAfter(30, 5);
    expect(s.source.maxRows).toBe(1005);
    for (const rule of s.source.rules) expect(rule.ranges[0]).toMatchObject({ row: 3, rows: 1003 });
    // Two rows inserted above the header move the table and the rules down.
    s.source.insertRowsAfter(0, 2);
    for (const rule of s.source.rules) expect(rule.ranges[0]).toMatchObject({ row: 5, rows: 1003 });
    run<ActionResult>(s.script, 'panelHighlight', s.request);
    expect(s.source.rules).toHaveLength(count);
    for (const rule of s.source.rules) expect(rule.ranges[0]).toMatchObject({ row: 5, rows: 1003 });
    expect(s.source.maxRows).toBe(1007);
  });

  it('running twice gives the same rules as running once', () => {
    const s = setup(60);
    userRule(s);
    run<ActionResult>(s.script, 'panelHighlight', s.request);
    const once = sheetSnapshot(s.source).rules;
    run<ActionResult>(s.script, 'panelHighlight', s.request);
    expect(sheetSnapshot(s.source).rules).toEqual(once);
  });

  it('«Снять подсветку» removes only the add-in’s rules', () => {
    const s = setup(60);
    const mine = userRule(s);
    run<ActionResult>(s.script, 'panelHighlight', s.request);
    expect(s.source.rules.length).toBeGreaterThan(1);
    const result = run<ActionResult>(s.script, 'panelClearHighlight', SOURCE);
    expect(result).toEqual({ ok: true, message: expect.stringMatching(/^Подсветка снята с листа «Мониторинг»: удалено правил надстройки — \d+\. Ваши правила условного форматирования не тронуты\.$/), sheets: [SOURCE] });
    expect(s.source.rules).toEqual([mine]);
    expect(run<ActionResult>(s.script, 'panelClearHighlight', SOURCE).message).toBe('На листе «Мониторинг» нет подсветки «Сферума»: снимать нечего.');
  });

  it('works from the menu on the active sheet with the saved settings, and shows what went wrong', () => {
    const s = setup(60);
    s.script.menuHighlight?.();
    expect(s.fake.book.ui.toasts[0]).toMatch(/^Отстающие школы подсвечены на листе «Мониторинг»/);
    s.script.menuClearHighlight?.();
    expect(s.fake.book.ui.toasts[1]).toMatch(/^Подсветка снята/);
    s.fake.book.active = s.fake.book.addSheet('Пустой');
    s.script.menuHighlight?.();
    expect(s.fake.book.ui.alerts).toEqual([expect.stringMatching(/^Сферум: «Пустой»: не найдена строка заголовков/)]);
  });
});

describe('the sidebar’s load and save', () => {
  it('reads the active sheet’s columns and districts as plain JSON, leaving the add-in’s sheets out', () => {
    const s = setup(60);
    // A date in the title row: google.script.run cannot carry Date objects, so none may come back.
    s.source.values.set(1, 5, vm.runInContext('new Date(2023, 3, 21)', s.script) as Date);
    run<ActionResult>(s.script, 'panelBuildReport', s.request);
    expect(s.fake.book.active?.name).toBe(SHEET_NAMES.districts);
    const raw = s.script.panelLoad?.(null);
    const state = JSON.parse(JSON.stringify(raw)) as PanelState;
    expect(state).toEqual(raw);
    expect(state.sheet).toBe(SOURCE);
    expect(state.sheets).toEqual([SOURCE]);
    expect(state.headerRow).toBe(2);
    expect(state.districts).toHaveLength(DISTRICTS);
    expect(state.schools).toBe(60);
    expect(state.error).toBeNull();
    expect(state.columns.find((c) => c.key === 'teachers')).toMatchObject({ label: 'Учителей всего', required: true, index: 4 });
  });

  it('reports an unrecognised sheet with its headers so the user can map columns', () => {
    const s = setup(10);
    s.fake.book.addSheet('Своя таблица', [['Школа', 'Сколько учителей'], ['СОШ 1', 10]]);
    const state = run<PanelState>(s.script, 'panelLoad', 'Своя таблица');
    expect(state.sheet).toBe('Своя таблица');
    expect(state.error).toMatch(/не найден/);
  });

  it('saves settings checked by the core and reads them back; unreadable saved settings give the defaults', () => {
    const s = setup(10);
    const settings: StoredSettings = { ...DEFAULT_STORED_SETTINGS, tolerance: 0.03, mapping: { teachers: 4 }, previousSheet: PREVIOUS };
    run<void>(s.script, 'panelSave', settings);
    expect(run<PanelState>(s.script, 'panelLoad', SOURCE).settings).toEqual(settings);
    run<void>(s.script, 'panelSave', { ...settings, tolerance: 7, mapping: { teachers: -1 } });
    expect(run<PanelState>(s.script, 'panelLoad', SOURCE).settings).toEqual({ ...settings, tolerance: DEFAULT_STORED_SETTINGS.tolerance, mapping: {} });
    s.fake.book.properties.set(SETTINGS_PROPERTY, '{не json');
    expect(run<PanelState>(s.script, 'panelLoad', SOURCE).settings).toEqual(DEFAULT_STORED_SETTINGS);
  });
});

describe('settings larger than Google keeps in one document property (9 KB)', () => {
  // A header cell may hold 50 000 characters; one chosen by hand is saved by its text.
  const longHeader = `${'Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю '.repeat(80)}`;
  const TOO_LARGE = /^Настройки не сохранены: они занимают \d+,\d КБ, а Google хранит в таблице не больше 9,0 КБ настроек\. .*сократите заголовок/;

  it('the sidebar\'s save says so in Russian and keeps the settings saved before', () => {
    const s = setup(20);
    const before = { ...DEFAULT_STORED_SETTINGS, tolerance: 0.1 };
    run(s.script, 'panelSave', before);
    expect(() => s.script.panelSave?.({ ...before, mapping: { teachersLinkedDiary: longHeader } })).toThrow(TOO_LARGE);
    expect(JSON.parse(s.fake.book.properties.get(SETTINGS_PROPERTY) ?? '{}')).toEqual(before);
  });

  it('the report and the highlight are still made with them, and their message says the settings were not saved', () => {
    const s = setup(20);
    // The sheet has such a column, chosen by hand for «Учителя, связавшие аккаунты ЭЖД».
    s.source.seed([[longHeader], ...Array.from({ length: 20 }, (_, i): Cell[] => [i % 5])], 2, 15);
    const request = { ...s.request, settings: { ...s.request.settings, mapping: { teachersLinkedDiary: longHeader } } };
    const report = run<ActionResult>(s.script, 'panelBuildReport', request);
    expect(report.ok).toBe(true);
    expect(report.message).toMatch(/\nВнимание: Настройки не сохранены: они занимают/);
    const highlight = run<ActionResult>(s.script, 'panelHighlight', request);
    expect(highlight.ok).toBe(true);
    expect(highlight.message).toMatch(/\nВнимание: Настройки не сохранены/);
    expect(s.fake.book.properties.has(SETTINGS_PROPERTY)).toBe(false);
    expect(s.fake.log.calls.filter((c) => c.method === 'Properties.setProperty' && c.args[0] === SETTINGS_PROPERTY)).toEqual([]);
  });

  it('counts bytes as Google does: the official headers of every column, chosen by hand, fit', () => {
    const s = setup(20);
    const mapping = Object.fromEntries(monitoringHeaders().map((header, i) => [`column${i}`, `${header} (кол-во, по данным платформы за неделю)`]));
    run(s.script, 'panelSave', { ...DEFAULT_STORED_SETTINGS, mapping, previousSheet: 'Мониторинг за прошлую неделю', planSheet: 'План по показателю 2.3' });
    expect(JSON.parse(s.fake.book.properties.get(SETTINGS_PROPERTY) ?? '{}').mapping).toEqual(mapping);
  });
});

describe('two people pressing «Построить отчёт» in the same spreadsheet at once', () => {
  const build = (s: Setup): ActionResult => run<ActionResult>(s.script, 'panelBuildReport', s.request);
  const BUSY = /^В этой таблице уже строится отчёт или подсветка \(начато \d+ с назад/;

  it.each([
    // The second run arrives while the first is reading, then when it has made a tab but not yet tagged it as its own.
    ['Range.getValues'], ['Sheet.addDeveloperMetadata'], ['Sheet.setConditionalFormatRules'],
  ])('the second, arriving at %s, is told to wait; the spreadsheet is as after one run, with no duplicated tab', (moment) => {
    const s = setup(60, { previous: true });
    const fresh = setup(60, { previous: true });
    build(fresh);
    const once = bookSnapshot(fresh.fake.book);
    let second: ActionResult | null = null;
    s.fake.beforeNext(moment, () => {
      second = build(s);
    });
    expect(build(s).ok).toBe(true);
    expect(second).toEqual({ ok: false, message: expect.stringMatching(BUSY), sheets: [] });
    expect(bookSnapshot(s.fake.book)).toEqual(once);
    // Done: the next run is not refused, and changes nothing.
    expect(build(s).ok).toBe(true);
    expect(bookSnapshot(s.fake.book)).toEqual(once);
  });

  it('a highlight or «Снять подсветку» while a report is being written waits too', () => {
    const s = setup(40);
    const others: ActionResult[] = [];
    s.fake.beforeNext('Range.setValues', () => {
      others.push(run<ActionResult>(s.script, 'panelHighlight', s.request), run<ActionResult>(s.script, 'panelClearHighlight', SOURCE));
    });
    expect(build(s).ok).toBe(true);
    expect(others).toEqual([
      { ok: false, message: expect.stringMatching(BUSY), sheets: [] },
      { ok: false, message: expect.stringMatching(BUSY), sheets: [] },
    ]);
    expect(s.source.rules).toEqual([]);
  });

  it('a mark left by a run Google stopped (6 minutes at most) does not block the next one', () => {
    const s = setup(30);
    s.fake.book.properties.set(RUNNING_PROPERTY, `${Date.now() - 6 * 60_000 - 1_000}:stopped`);
    expect(build(s).ok).toBe(true);
    expect(s.fake.book.properties.has(RUNNING_PROPERTY)).toBe(false);
    s.fake.book.properties.set(RUNNING_PROPERTY, `${Date.now() - 90_000}:running`);
    expect(build(s)).toEqual({ ok: false, message: expect.stringMatching(/^В этой таблице уже строится отчёт или подсветка \(начато 90 с назад/), sheets: [] });
    // The other run's mark is not removed by the one refused.
    expect(s.fake.book.properties.get(RUNNING_PROPERTY)).toMatch(/:running$/);
  });

  it('the mark is removed when the run fails, so a retry is not refused', () => {
    const s = setup(30);
    s.fake.failNext('Range.setValues', 'Exception: Service error: Spreadsheets');
    expect(build(s).ok).toBe(false);
    expect(s.fake.book.properties.has(RUNNING_PROPERTY)).toBe(false);
    expect(build(s).ok).toBe(true);
  });
});

describe('cost', () => {
  it('makes the same number of calls for 1,000 and 40,000 rows', () => {
    const small = sheetsHostCost(1_000);
    const large = sheetsHostCost(40_000);
    expect(large.calls).toBe(small.calls);
    expect(large.byMethod).toEqual(small.byMethod);
    // One read per sheet and one write of each kind per report sheet: never per row.
    expect(small.byMethod['Range.getValues']).toBe(3);
    expect(small.byMethod['Range.setValues']).toBe(4);
    expect(small.byMethod['Range.setBackgrounds']).toBe(4);
    expect(small.byMethod['Sheet.setConditionalFormatRules']).toBe(5);
    expect(small.calls).toBeLessThan(500);
  });
});

describe('Google refusing an action: a Russian message, and a later run leaves nothing behind', () => {
  const REFUSED = /^Google Таблицы не выполнили действие: /;
  const build = (s: Setup): ActionResult => run<ActionResult>(s.script, 'panelBuildReport', s.request);
  const highlight = (s: Setup): ActionResult => run<ActionResult>(s.script, 'panelHighlight', s.request);

  /** The spreadsheet after the same actions on a fresh copy that nothing disturbed. */
  function undisturbed(...actions: ((s: Setup) => unknown)[]): Record<string, unknown> {
    const s = setup(60);
    for (const action of actions) action(s);
    return bookSnapshot(s.fake.book);
  }

  it.each([
    ['Sheet.insertChart', 'Service Spreadsheets timed out while accessing document with id fake.',
      'сервис Google не ответил вовремя. Подождите минуту и повторите. (Ответ Google: Service Spreadsheets timed out while accessing document with id fake.)'],
    ['Range.setValues', 'Exception: Service error: Spreadsheets',
      'сбой на стороне Google. Подождите минуту и повторите. (Ответ Google: Service error: Spreadsheets)'],
    ['Spreadsheet.insertSheet', 'Exception: Invalid argument',
      'непредвиденная ошибка. Повторите действие: то, что надстройка успела записать, следующий запуск заменит. (Ответ Google: Invalid argument)'],
    // Google's wording when a spreadsheet would pass 10 million cells: retrying alone cannot help, so it is not advised.
    ['Sheet.insertRowsAfter', 'Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
      'в таблице не осталось места: Google допускает не больше 10 миллионов ячеек на всю таблицу (все листы вместе, пустые строки и столбцы сетки '
      + 'тоже считаются). Освободите место и повторите: удалите ненужные листы (например, выгрузки прошлых недель) или пустые строки и столбцы '
      + 'под и справа от таблиц. Отчёт по одному району занимает меньше места, чем по всем. (Ответ Google: This action would increase the number '
      + 'of cells in the workbook above the limit of 10000000 cells.)'],
  ])('the report, when %s fails: the sidebar gets Russian, the next run writes over what was begun', (method, google, said) => {
    const s = setup(60);
    s.fake.failNext(method, google);
    expect(build(s)).toEqual({ ok: false, message: `Google Таблицы не выполнили действие: ${said}`, sheets: [] });
    expect(build(s).ok).toBe(true);
    expect(bookSnapshot(s.fake.book)).toEqual(undisturbed(build));
  });

  it('highlighting, when setConditionalFormatRules fails: the source is as it was, the next run as if nothing happened', () => {
    const s = setup(60);
    const before = sheetSnapshot(s.source);
    s.fake.failNext('Sheet.setConditionalFormatRules', 'Service Spreadsheets failed while accessing document with id fake.');
    const failed = highlight(s);
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(REFUSED);
    expect(failed.message).toContain('(Ответ Google: Service Spreadsheets failed');
    expect(sheetSnapshot(s.source)).toEqual(before);
    expect(highlight(s).ok).toBe(true);
    expect(bookSnapshot(s.fake.book)).toEqual(undisturbed(highlight));
  });

  it('the menu on a protected sheet: a Russian alert saying what to do, no exception; after unprotecting it works', () => {
    const s = setup(60);
    const before = sheetSnapshot(s.source);
    s.source.protected = true;
    expect(() => s.script.menuHighlight?.()).not.toThrow();
    expect(s.fake.book.ui.alerts).toEqual([
      'Сферум: Google Таблицы не выполнили действие: лист или диапазон защищён от изменений. Попросите владельца таблицы снять защиту '
      + '(«Данные» → «Защищённые листы и диапазоны») или дать вам право её изменять, и повторите. (Ответ Google: You are trying to edit a protected cell or object. '
      + 'Please contact the spreadsheet owner to remove protection if you need to edit.)',
    ]);
    expect(() => s.script.menuClearHighlight?.()).not.toThrow();
    expect(s.fake.book.ui.alerts[1]).toMatch(/^Сферум: Google Таблицы не выполнили действие: лист или диапазон защищён/);
    expect(sheetSnapshot(s.source)).toEqual(before);
    expect(s.fake.book.ui.toasts).toEqual([]);
    s.source.protected = false;
    s.script.menuHighlight?.();
    expect(s.fake.book.ui.toasts).toEqual([expect.stringMatching(/^Отстающие школы подсвечены на листе «Мониторинг»/)]);
    const clean = setup(60);
    clean.script.menuHighlight?.();
    expect(sheetSnapshot(s.source)).toEqual(sheetSnapshot(clean.source));
  });

  it('the menu, when reading the saved settings or opening the sidebar fails: a Russian alert', () => {
    const s = setup(10);
    s.fake.failNext('Properties.getProperty', 'Exception: Service error: PropertiesService');
    expect(() => s.script.menuHighlight?.()).not.toThrow();
    s.fake.failNext('HtmlService.createHtmlOutputFromFile', 'Exception: Service error: HtmlService');
    expect(() => s.script.menuBuildReport?.()).not.toThrow();
    expect(s.fake.book.ui.alerts).toEqual([
      expect.stringMatching(/^Сферум: Google Таблицы не выполнили действие: сбой на стороне Google\. .*\(Ответ Google: Service error: PropertiesService\)$/),
      expect.stringMatching(/^Сферум: Google Таблицы не выполнили действие: сбой на стороне Google\. .*\(Ответ Google: Service error: HtmlService\)$/),
    ]);
  });

  it('the sidebar\'s load and save throw the Russian message for the sidebar to show', () => {
    const s = setup(10);
    s.fake.failNext('Range.getValues', 'Service Spreadsheets timed out while accessing document with id fake.');
    expect(() => s.script.panelLoad?.(SOURCE)).toThrow(/^Google Таблицы не выполнили действие: сервис Google не ответил вовремя\./);
    expect(run<PanelState>(s.script, 'panelLoad', SOURCE).schools).toBe(10);
    s.fake.failNext('Properties.setProperty', 'Exception: You do not have permission to access the requested document.');
    expect(() => s.script.panelSave?.(DEFAULT_STORED_SETTINGS)).toThrow(/^Google Таблицы не выполнили действие: нет права изменять эту таблицу\./);
  });
});
