import { HyperFormula } from 'hyperformula';
import { weeklySheet } from '../../test/fixtures/weekly';
import { runJob } from '../pipeline';
import { compareWeeks } from '../evaluate/compare';
import { evaluate } from '../evaluate/evaluate';
import { resolveSettings } from '../settings';
import { parsePlanTable } from '../table/planTable';
import { parseSchoolTable } from '../table/schoolTable';
import type { CellValue } from '../values';
import { buildReport, districtSheetName, SHEET_NAMES } from './buildReport';
import { highlightRules, isOwnFormula } from './highlight';
import { freeSheetName, isGivenSheetName, safeSheetName, sheetLayout, sheetTones, sheetValues, type ReportSheet } from './model';

const evaluated = (rows: Record<string, CellValue>[]) => {
  const parsed = parseSchoolTable(weeklySheet(rows));
  if (!parsed.ok) throw new Error(parsed.error);
  return evaluate(parsed.table);
};

const current = evaluated([
  { district: 'Амурский район', school: 'Большая школа', teachers: 100, teachersCreatedChats: 40, teachers3Messages: 30, teachers10Messages: 40, teachersCalled: 30 },
  { district: 'Амурский район', school: 'Малая школа', teachers: 10, teachersCreatedChats: 1, teachers3Messages: 1, teachers10Messages: 0, teachersCalled: 1 },
  { district: 'Бикинский район', school: '<img src=x onerror=alert(1)>', teachers: 20, teachersCreatedChats: 2, teachers3Messages: 'abc', teachers10Messages: 0, teachersCalled: 0 },
]);

describe('the district report model', () => {
  const report = buildReport(current, { source: 'Мониторинг' });
  const [districts, lagging, findings] = report.sheets;

  it('has the districts, lagging schools and data-check sheets, each marked', () => {
    expect(report.sheets.map((s) => [s.name, s.marker])).toEqual([
      [SHEET_NAMES.districts, 'sferum-monitor:districts'],
      [SHEET_NAMES.lagging, 'sferum-monitor:lagging'],
      [SHEET_NAMES.findings, 'sferum-monitor:findings'],
    ]);
  });

  it('lists districts furthest behind first, then the region total, with weighted shares', () => {
    const cols = districts?.columns.map((c) => c.key) ?? [];
    const share = cols.indexOf('share:teachersCreatedChats');
    expect(districts?.columns[share]).toMatchObject({ header: 'Создали чаты, доля', format: 'percent' });
    expect(districts?.rows.map((r) => [r.kind, r.cells[0], r.cells[1], r.cells[share]])).toEqual([
      ['data', 1, 'Бикинский район', 0.1],
      ['data', 2, 'Амурский район', 41 / 110],
      ['total', null, 'Итого по региону', 43 / 130],
    ]);
    expect(districts?.rows.map((r) => r.tones[share])).toEqual(['bad', 'good', 'near']);
    const meeting = cols.indexOf('meeting:teachersCreatedChats');
    const gap = cols.indexOf('gap:teachersCreatedChats');
    expect(districts?.rows.map((r) => [r.cells[meeting], r.cells[gap]])).toEqual([[0, 5], [1, 0], [1, 3]]);
    // No status, profile or 2.3 columns in this sheet: empty cells, not zeros that read as «none active».
    const unknown = ['active', 'access50', 'plan', 'planMet'].map((key) => cols.indexOf(key));
    expect(districts?.rows.map((r) => unknown.map((c) => r.cells[c]))).toEqual([[null, null, null, null], [null, null, null, null], [null, null, null, null]]);
  });

  it('describes live threshold rules and a chart against the target', () => {
    const share = districts?.columns.findIndex((c) => c.key === 'share:teachersCreatedChats') ?? -1;
    expect(districts?.rules).toContainEqual({ kind: 'threshold', column: share, target: 0.35, nearFrom: 0.3, tolerance: 0.05 });
    expect(districts?.chart).toEqual({ title: 'Доля учителей, создавших групповые чаты: районы и цель 35%', categoryColumn: 1, valueColumns: [share], target: 0.35 });
  });

  it('charts the first indicator that has a target when the user cleared the first one\'s', () => {
    const parsed = parseSchoolTable(weeklySheet([{ district: 'А', school: '1', teachers: 10, teachersCreatedChats: 1, teachers3Messages: 1 }]));
    if (!parsed.ok) throw new Error(parsed.error);
    const { settings } = resolveSettings({ targets: { teachersCreatedChats: '' } });
    const sheet = buildReport(evaluate(parsed.table, settings)).sheets[0];
    const share = sheet?.columns.findIndex((c) => c.key === 'share:teachers3Messages');
    expect(sheet?.chart).toEqual({
      title: 'Доля учителей, написавших в групповых чатах минимум 3 сообщения за неделю: районы и цель 25%', categoryColumn: 1, valueColumns: [share], target: 0.25,
    });
  });

  it('lists lagging schools with their gaps, furthest behind first, names kept as plain text', () => {
    const school = lagging?.columns.findIndex((c) => c.key === 'school') ?? -1;
    const gap = lagging?.columns.findIndex((c) => c.key === 'gap:teachersCreatedChats') ?? -1;
    expect(lagging?.rows.map((r) => [r.cells[0], r.cells[school], r.cells[gap]])).toEqual([
      [1, '<img src=x onerror=alert(1)>', 5],
      [2, 'Малая школа', 3],
    ]);
  });

  it('lists schools equally far behind in sheet order', () => {
    const alike = buildReport(evaluated([
      { district: 'Б', school: 'Вторая', teachers: 10, teachersCreatedChats: 1 },
      { district: 'А', school: 'Третья', teachers: 10, teachersCreatedChats: 1 },
      { district: 'Б', school: 'Первая', teachers: 10, teachersCreatedChats: 1 },
    ]));
    const sheet = alike.sheets[1];
    const school = sheet?.columns.findIndex((c) => c.key === 'school') ?? -1;
    expect(sheet?.rows.map((r) => [r.cells[0], r.cells[school], r.cells[3]])).toEqual([[1, 'Вторая', 4], [2, 'Третья', 5], [3, 'Первая', 6]]);
  });

  it('lists findings with row, cell, column and message', () => {
    expect(findings?.rows.map((r) => r.cells)).toEqual([[6, 'F6', 'Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю', 'ошибка', 'текст вместо числа: «abc»; значение не учтено']]);
  });

  it('lists findings in sheet order, the value left out as «ошибка», the one used as is as «проверить»', () => {
    const both = evaluated([
      { district: 'А', school: '1', teachers: 10, teachersCreatedChats: 12 },
      { district: 'А', school: '2', teachers: 10, teachersCreatedChats: 'abc' },
    ]);
    expect(buildReport(both).sheets[2]?.rows.map((r) => [r.cells[1], r.cells[3], r.tones[3]])).toEqual([['E4', 'проверить', 'near'], ['E5', 'ошибка', 'bad']]);
  });

  it('lays the sheet out as title, subtitle, blank, header, data', () => {
    const sheet = districts;
    if (!sheet) throw new Error('no sheet');
    const layout = sheetLayout(sheet);
    const values = sheetValues(sheet);
    expect(values[0]?.[0]).toBe('Сферум: сводка по районам');
    expect(values[layout.headerRow - 1]?.[1]).toBe('Район');
    expect(values[layout.firstDataRow - 1]?.[1]).toBe('Бикинский район');
    expect(values).toHaveLength(layout.lastDataRow);
    expect(values.every((row) => row.length === sheet.columns.length)).toBe(true);
    expect(sheetTones(sheet)).toHaveLength(values.length);
  });

  it('is the same model when built twice', () => {
    expect(buildReport(current, { source: 'Мониторинг' })).toEqual(report);
  });
});

describe('with last week', () => {
  const previous = evaluated([
    { district: 'Амурский район', school: 'Большая школа', teachers: 100, teachersCreatedChats: 30 },
    { district: 'Амурский район', school: 'Закрытая', teachers: 10, teachersCreatedChats: 1 },
  ]);
  const report = buildReport(current, { comparison: compareWeeks(current, previous) });

  it('adds change columns in percentage points and the sheet of schools that came and went', () => {
    const districts = report.sheets[0];
    const change = districts?.columns.findIndex((c) => c.key === 'change:teachersCreatedChats') ?? -1;
    expect(districts?.columns[change]?.format).toBe('points');
    const amur = districts?.rows.find((r) => r.cells[1] === 'Амурский район');
    expect(amur?.cells[change]).toBeCloseTo((41 / 110 - 31 / 110) * 100, 8);
    expect(report.sheets.map((s) => s.kind)).toEqual(['districts', 'lagging', 'findings', 'changes']);
    expect(report.sheets[3]?.rows.map((r) => r.cells)).toEqual([
      ['появилась', 'Амурский район', 'Малая школа', 5],
      ['появилась', 'Бикинский район', '<img src=x onerror=alert(1)>', 6],
      ['пропала', 'Амурский район', 'Закрытая', 5],
    ]);
    // A school gone from the sheet is worth a look; a new one is not.
    expect(report.sheets[3]?.rows.map((r) => r.tones[0])).toEqual([null, null, 'near']);
  });
});

describe('one district', () => {
  it('lists the district\'s schools and its total', () => {
    const report = buildReport(current, { district: 'амурский район' });
    expect(report.sheets.map((s) => s.name)).toEqual(['Сферум — Амурский район', SHEET_NAMES.findings]);
    const rows = report.sheets[0]?.rows ?? [];
    expect(rows.map((r) => [r.kind, r.cells[2]])).toEqual([['data', 'Малая школа'], ['data', 'Большая школа'], ['total', 'Итого: 2 ОО']]);
  });
  it('lists only the findings on the district\'s own rows', () => {
    expect(buildReport(current, { district: 'Амурский район' }).sheets[1]?.rows).toEqual([]);
    expect(buildReport(current, { district: 'Бикинский район' }).sheets[1]?.rows.map((r) => r.cells[1])).toEqual(['F6']);
  });
});

describe('findings of the plan sheet', () => {
  // The plan's row 4 («Бикинский район» without a plan) once landed in the report of «Амурский
  // район», whose school sits in row 4 of the weekly sheet, as if its cell B4 were wrong.
  test('a district\'s report does not list another district\'s plan row that shares a row number with its school', () => {
    const values = weeklySheet([
      { district: 'Амурский район', school: 'СОШ № 1', teachers: 10, teachersCreatedChats: 4 },
      { district: 'Бикинский район', school: 'СОШ № 2', teachers: 10, teachersCreatedChats: 4 },
    ]);
    const plan = [['План 2.3'], [], ['Район', 'План'], ['Бикинский район', null], ['Амурский район', 1]];
    const result = runJob({ current: { values }, plan: { values: plan }, district: 'Амурский район' });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.sheets[1]?.rows.map((r) => r.cells[4])).not.toContain('не указан план; район пропущен');
  });
});

describe('highlighting of the source sheet', () => {
  const rules = highlightRules(current);
  it('colours each indicator column red below target − tolerance and yellow below the target, with the marker', () => {
    const notTotal = (cell: string): string =>
      `NOT(AND(OR(LEFT(TRIM(${cell}),5)="итого",LEFT(TRIM(${cell}),5)="всего"),ISNUMBER(FIND(MID(TRIM(${cell})&" ",6,1)," :.,"))))`;
    const schoolRow = `IFERROR(AND($B4<>"",${notTotal('$A4')},${notTotal('$B4')}),TRUE())`;
    expect(rules.slice(0, 2)).toEqual([
      { indicator: 'teachersCreatedChats', tone: 'bad', range: 'E4:E1006', firstRow: 4, lastRow: 1006, column: 4, formula: `=AND(N("sferum-monitor")=0,${schoolRow},ISNUMBER($E4),ISNUMBER($D4),$D4>0,$E4/$D4<0.3)` },
      { indicator: 'teachersCreatedChats', tone: 'near', range: 'E4:E1006', firstRow: 4, lastRow: 1006, column: 4, formula: `=AND(N("sferum-monitor")=0,${schoolRow},ISNUMBER($E4),ISNUMBER($D4),$D4>0,$E4/$D4>=0.3,$E4/$D4<0.35)` },
    ]);
    expect(rules.map((r) => r.indicator)).toEqual(['teachersCreatedChats', 'teachersCreatedChats', 'teachers3Messages', 'teachers3Messages', 'teachers10Messages', 'teachers10Messages', 'teachersCalled', 'teachersCalled', 'school']);
    expect(rules.every((r) => isOwnFormula(r.formula))).toBe(true);
  });
  it('colour the rows the evaluation counts as lagging schools, and never a row of totals or a row without a name', () => {
    // Each rule evaluated by a spreadsheet engine (HyperFormula) on every row of a sheet.
    const values: CellValue[][] = weeklySheet([
      { district: 'Амурский район', school: 'Отстаёт', teachers: 100, teachersCreatedChats: 10, teachers3Messages: 30, teachers10Messages: 40, teachersCalled: 40 },
      { district: 'Амурский район', school: 'Выполняет', teachers: 100, teachersCreatedChats: 40, teachers3Messages: 30, teachers10Messages: 40, teachersCalled: 40 },
      { district: 'Амурский район', teachers: 200, teachersCreatedChats: 50, teachers3Messages: 60, teachers10Messages: 80, teachersCalled: 80 },
      { district: 'Итого по району', school: '', teachers: 200, teachersCreatedChats: 50, teachers3Messages: 60, teachers10Messages: 80, teachersCalled: 80 },
      { district: 'Бикинский район', school: '  ВСЕГО по району', teachers: 200, teachersCreatedChats: 50, teachers3Messages: 60, teachers10Messages: 80, teachersCalled: 80 },
      // A district filled by a lookup that failed: still a school to the evaluation, and so coloured.
      { district: '#N/A', school: 'Без района', teachers: 100, teachersCreatedChats: 10, teachers3Messages: 30, teachers10Messages: 40, teachersCalled: 40 },
      // Names that only begin with the letters of «всего»/«итого» are schools; «Итого:» is a total.
      // (In another district than row 6, which stays the sum of Амурский's named schools.)
      { district: 'Бикинский район', school: 'Всегодичская ООШ', teachers: 100, teachersCreatedChats: 10, teachers3Messages: 30, teachers10Messages: 40, teachersCalled: 40 },
      { district: 'Итоговский район', school: 'СОШ № 2', teachers: 100, teachersCreatedChats: 10, teachers3Messages: 30, teachers10Messages: 40, teachersCalled: 40 },
      { district: 'Бикинский район', school: 'Итого:', teachers: 300, teachersCreatedChats: 20, teachers3Messages: 60, teachers10Messages: 80, teachersCalled: 80 },
      { district: 'Итого', school: 'по краю', teachers: 300, teachersCreatedChats: 20, teachers3Messages: 60, teachers10Messages: 80, teachersCalled: 80 },
    ]);
    const result = runJob({ current: { values } });
    if (!result.ok) throw new Error(result.error);
    const lagging = result.evaluation.schools.filter((s) => s.lagging).map((s) => s.record.row);
    expect(lagging).toEqual([4, 9, 10, 11]);
    // The lookup's error as a spreadsheet holds it, not as the text a host hands over.
    const cells = values.map((row) => row.map((cell) => (cell === undefined ? null : cell === '#N/A' ? '=NA()' : cell)));
    const engine = HyperFormula.buildFromArray(cells as (string | number | null)[][], { licenseKey: 'gpl-v3' });
    const coloured = new Set<number>();
    for (const rule of result.highlight) {
      for (let row = rule.firstRow; row < values.length + 1; row++) {
        const formula = rule.formula.replace(/\$([A-Z]+)(\d+)/g, (_, column: string, at: string) => `$${column}${Number(at) + row - rule.firstRow}`);
        const cell = { sheet: 0, col: 20, row: 0 };
        engine.setCellContents(cell, [[formula]]);
        if (engine.getCellValue(cell) === true && rule.tone === 'bad') coloured.add(row);
      }
    }
    engine.destroy();
    expect([...coloured]).toEqual(lagging);
  });
  it('colours no column of an indicator without a target', () => {
    const keys = ['district', 'school', 'teachers', 'teachersCreatedChats', 'teachersLinkedDiary'] as const;
    const parsed = parseSchoolTable(weeklySheet([{ district: 'А', school: '1', teachers: 10, teachersCreatedChats: 1, teachersLinkedDiary: 0 }], [...keys]));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(highlightRules(evaluate(parsed.table)).map((r) => [r.indicator, r.tone, r.range])).toEqual([
      ['teachersCreatedChats', 'bad', 'D4:D1004'], ['teachersCreatedChats', 'near', 'D4:D1004'], ['school', 'bad', 'B4:B1004'],
    ]);
  });
  // The formula once left out any row whose name or district started with the five letters
  // «итого»/«всего», while the evaluation needs the word itself («Всего:», «Итого по району»):
  // such a school lagged in the report and was never coloured in the sheet.
  test('colour a lagging school whose name or district only begins with the letters of «всего»/«итого»', () => {
    const values: CellValue[][] = weeklySheet([
      { district: 'Амурский район', school: 'Всегодичская ООШ', teachers: 100, teachersCreatedChats: 10, teachers3Messages: 30, teachers10Messages: 40, teachersCalled: 40 },
      { district: 'Итоговский район', school: 'СОШ № 2', teachers: 100, teachersCreatedChats: 10, teachers3Messages: 30, teachers10Messages: 40, teachersCalled: 40 },
    ]);
    const result = runJob({ current: { values } });
    if (!result.ok) throw new Error(result.error);
    expect(result.evaluation.schools.filter((s) => s.lagging).map((s) => s.record.row)).toEqual([4, 5]);
    const engine = HyperFormula.buildFromArray(values as (string | number | null)[][], { licenseKey: 'gpl-v3' });
    const school = result.highlight.find((r) => r.indicator === 'school');
    const coloured = [4, 5].filter((row) => {
      engine.setCellContents({ sheet: 0, col: 20, row: 0 }, [[school?.formula.replace(/\$([A-Z]+)4\b/g, `$$$1${row}`) ?? '']]);
      return engine.getCellValue({ sheet: 0, col: 20, row: 0 }) === true;
    });
    engine.destroy();
    expect(coloured).toEqual([4, 5]);
  });
  it('tells its own rules from a user\'s', () => {
    expect(isOwnFormula('=$E4<0.5')).toBe(false);
    expect(isOwnFormula(null)).toBe(false);
  });
});

describe('sheet names', () => {
  it('drops characters Excel forbids and keeps 31 characters', () => {
    expect(safeSheetName('Сферум — г. Комсомольск-на-Амуре [старый]')).toBe('Сферум — г. Комсомольск-на-Аму…');
    expect(safeSheetName('Сферум — г. Комсомольск-на-Амуре [старый]')).toHaveLength(31);
    expect(safeSheetName('a/b:c')).toBe('a b c');
  });
  it('never takes a user\'s sheet name', () => {
    expect(freeSheetName('Сферум — районы', new Set(['Сферум — районы', 'Сферум — районы (2)']))).toBe('Сферум — районы (3)');
    expect(freeSheetName('Сферум — районы', new Set())).toBe('Сферум — районы');
    expect(freeSheetName('Сферум — районы', new Set(['сферум — РАЙОНЫ']))).toBe('Сферум — районы (2)');
  });
  it('tells the names it gives from names a user chose', () => {
    expect(isGivenSheetName('Сферум — районы', 'Сферум — районы')).toBe(true);
    expect(isGivenSheetName('Сферум — районы (3)', 'Сферум — районы')).toBe(true);
    expect(isGivenSheetName('Районы (неделя 15)', 'Сферум — районы')).toBe(false);
    expect(isGivenSheetName('Копия Сферум — районы', 'Сферум — районы')).toBe(false);
    const long = districtSheetName('Черёмуховский муниципальный округ');
    expect(isGivenSheetName(freeSheetName(long, new Set([long])), long)).toBe(true);
  });
  it('gives districts that begin alike tabs of their own, the same on every run and for every spelling', () => {
    const first = districtSheetName('Городской округ город Махачкала');
    const second = districtSheetName('Городской округ город Каспийск');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^Сферум — Городской округ… [0-9a-z]{4}$/);
    expect(first.length).toBeLessThanOrEqual(31);
    expect(districtSheetName('городской  округ город МАХАЧКАЛА').toLowerCase()).toBe(first.toLowerCase());
    // Short names stay as they are.
    expect(districtSheetName('Берёзовский район')).toBe('Сферум — Берёзовский район');
    // Names whose cut ends on a space (the cut name is then 30 characters) are told apart too.
    const fokino = districtSheetName('Городской округ ЗАТО Фокино');
    const kamen = districtSheetName('Городской округ ЗАТО Большой Камень');
    expect(fokino).not.toBe(kamen);
    expect(Math.max(fokino.length, kamen.length)).toBeLessThanOrEqual(31);
    // A number added for a user's sheet of the same name keeps the tag.
    const numbered = freeSheetName(fokino, new Set([fokino]));
    expect(numbered).toMatch(/… [0-9a-z]{4} \(2\)$/);
    expect(numbered.endsWith(`${fokino.slice(-6)} (2)`)).toBe(true);
    expect(numbered.length).toBeLessThanOrEqual(31);
    expect(isGivenSheetName(numbered, fokino)).toBe(true);
  });
});

describe('profiles, indicator 2.3 and the plan in the report', () => {
  // А: СОШ 1 active, teachers and students ≥ 50 % (20/20, 100/150); СОШ 2 not active, 10 of 30
  // staff in «Сферум». Б: СОШ 3 without a status, 10/10 and 60/100. Plan: А 2 schools, Б 1.
  const keys = ['district', 'school', 'status', 'teachers', 'teachersCreatedChats', 'staffTotal', 'students', 'studentsTotal'] as const;
  const parsed = parseSchoolTable(weeklySheet([
    { district: 'А', school: 'СОШ 1', status: 'Активен', teachers: 20, teachersCreatedChats: 2, staffTotal: 20, students: 100, studentsTotal: 150 },
    { district: 'А', school: 'СОШ 2', status: 'Не активен', teachers: 10, teachersCreatedChats: 5, staffTotal: 30, students: 10, studentsTotal: 100 },
    { district: 'Б', school: 'СОШ 3', teachers: 10, teachersCreatedChats: 1, staffTotal: 10, students: 60, studentsTotal: 100 },
  ], [...keys]));
  if (!parsed.ok) throw new Error(parsed.error);
  const plan = parsePlanTable([['Район', 'План'], ['А', 2], ['Б', 1]]);
  if (!plan.ok) throw new Error(plan.error);
  const evaluation = evaluate(parsed.table, undefined, plan.table);
  const report = buildReport(evaluation);
  const cellsOf = (sheet: ReportSheet | undefined, ...wanted: string[]) =>
    sheet?.rows.map((r) => wanted.map((key) => r.cells[sheet.columns.findIndex((c) => c.key === key)]));
  const tonesOf = (sheet: ReportSheet | undefined, key: string) => sheet?.rows.map((r) => r.tones[sheet.columns.findIndex((c) => c.key === key)]);

  it('the district sheet: active profiles where known, schools with access, the plan and whether it is met', () => {
    const districts = report.sheets[0];
    // А: 7 of 30 created chats, 30 of 50 staff: attainment (0,667 + 0,6) ÷ 2 = 0,633, behind Б's (0,286 + 1) ÷ 2.
    expect(cellsOf(districts, 'district', 'active', 'access50', 'plan', 'planMet', 'lagging')).toEqual([
      ['А', 1, 1, 2, 'нет', 2],
      ['Б', null, 1, 1, 'да', 1],
      ['Итого по региону', 1, 2, 3, 'нет', 3],
    ]);
    expect(tonesOf(districts, 'planMet')).toEqual(['bad', 'good', 'bad']);
    // No target for the students' coverage: a share column, but neither gap nor schools meeting it.
    expect(districts?.columns.map((c) => c.key).filter((k) => k.endsWith(':studentsCoverage'))).toEqual(['share:studentsCoverage']);
    // …and a data bar for it, but no red/yellow rule against a target it does not have.
    const column = districts?.columns.findIndex((c) => c.key === 'share:studentsCoverage');
    expect(districts?.rules.filter((r) => r.column === column)).toEqual([{ kind: 'dataBar', column }]);
  });

  it('the lagging list: equal attainment ranked by the larger gap, with profile and 2.3 access per school', () => {
    // СОШ 1 and СОШ 3 both at (0,1 ÷ 0,35 + 1) ÷ 2; СОШ 1 is 5 teachers short, СОШ 3 only 3. СОШ 2 lags on staff (20 short).
    const lagging = report.sheets[1];
    expect(cellsOf(lagging, 'priority', 'school', 'totalGap', 'profile', 'access50')).toEqual([
      [1, 'СОШ 1', 5, 'Активен', 'да'],
      [2, 'СОШ 3', 3, null, 'да'],
      [3, 'СОШ 2', 20, 'Не активен', 'нет'],
    ]);
    expect(tonesOf(lagging, 'profile')).toEqual(['good', null, 'bad']);
    expect(tonesOf(lagging, 'access50')).toEqual(['good', 'good', 'bad']);
    expect(lagging?.subtitle).toContain('Отстающих ОО: 3 из 3. Сначала — дальше всех от целей; «не хватает» — сколько ещё учителей нужно до цели.');
  });

  it('the one-district sheet ends with the district total: its gap, profiles and 2.3 against the plan', () => {
    const [own] = buildReport(evaluation, { district: 'А' }).sheets;
    const total = own?.rows[own.rows.length - 1];
    const at = (key: string) => total?.cells[own?.columns.findIndex((c) => c.key === key) ?? -1];
    expect(total?.kind).toBe('total');
    expect([at('school'), at('teachers'), at('share:teachersCreatedChats'), at('gap:teachersCreatedChats'), at('gap:teachersCoverage')]).toEqual(['Итого: 2 ОО', 30, 7 / 30, 4, 20]);
    expect([at('totalGap'), at('profile'), at('access50')]).toEqual([24, '1 из 2 активны', '1 ОО, план 2']);
    expect(own?.subtitle).toContain('Место района: 1 из 2 (1 — дальше всех от целей).');
  });
});
