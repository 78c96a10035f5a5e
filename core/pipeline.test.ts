import { weeklySheet } from '../test/fixtures/weekly';
import { inspectTable, runJob } from './pipeline';

const week = weeklySheet([
  { district: 'Амурский район', school: 'СОШ № 1', teachers: 100, teachersCreatedChats: 40 },
  { district: 'Бикинский район', school: 'СОШ № 2', teachers: 20, teachersCreatedChats: 2 },
]);

describe('runJob', () => {
  it('runs the whole job on plain arrays', () => {
    const result = runJob({ current: { values: week, name: 'Мониторинг' } });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.sheets.map((s) => s.kind)).toEqual(['districts', 'lagging', 'findings']);
    expect(result.evaluation.region.counts.teachers).toBe(120);
    // Red and yellow for each of the four targeted indicators in the sheet, and the school-name rule.
    expect(result.highlight.map((r) => `${r.indicator}:${r.tone}`)).toEqual([
      'teachersCreatedChats:bad', 'teachersCreatedChats:near', 'teachers3Messages:bad', 'teachers3Messages:near',
      'teachers10Messages:bad', 'teachers10Messages:near', 'teachersCalled:bad', 'teachersCalled:near', 'school:bad',
    ]);
    expect(result.comparison).toBeNull();
  });

  it('teacher indicators over the staff total, on a table without that column: over «Учителей всего», with a warning', () => {
    const result = runJob({ current: { values: week }, settings: { teacherBase: 'staffTotal' } });
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual([
      'Настройки: учительские показатели выбрано считать от «Педагогов в ОО по штату», но такого столбца в таблице нет; они посчитаны от «Учителей всего»',
    ]);
    expect(result.evaluation.indicators.map((i) => [i.key, i.base])).toContainEqual(['teachersCreatedChats', 'teachers']);
    expect(result.evaluation.region.measures.teachersCreatedChats?.share).toBeCloseTo(42 / 120, 12);
    // With the column there, the user's choice stands.
    const withStaff = weeklySheet([{ district: 'Амурский район', school: 'СОШ № 1', teachers: 100, staffTotal: 120, teachersCreatedChats: 40 }], ['district', 'school', 'teachers', 'staffTotal', 'teachersCreatedChats']);
    const chosen = runJob({ current: { values: withStaff }, settings: { teacherBase: 'staffTotal' } });
    expect(chosen.ok && chosen.warnings).toEqual([]);
    expect(chosen.ok && chosen.evaluation.region.measures.teachersCreatedChats?.share).toBeCloseTo(40 / 120, 12);
  });

  it('a region row and district subtotals without «Итого» count neither as schools nor as districts', () => {
    const values = weeklySheet([
      { district: 'Приморский край', teachers: 120, teachersCreatedChats: 42 },
      { district: 'Амурский район', school: 'СОШ № 1', teachers: 100, teachersCreatedChats: 40 },
      { district: 'Амурский район', teachers: 100, teachersCreatedChats: 40 },
      { district: 'Бикинский район', school: 'СОШ № 2', teachers: 20, teachersCreatedChats: 2 },
    ]);
    const result = runJob({ current: { values } });
    if (!result.ok) throw new Error(result.error);
    expect(result.evaluation.districts.map((d) => [d.name, d.schools, d.counts.teachers])).toEqual([['Бикинский район', 1, 20], ['Амурский район', 1, 100]]);
    expect(result.evaluation.region.counts.teachers).toBe(120);
    expect(result.evaluation.schools).toHaveLength(2);
    const inspected = inspectTable({ values });
    expect(inspected.ok && inspected.districts).toEqual(['Амурский район', 'Бикинский район']);
  });

  it('lists lagging schools with their own source rows when a repeated row sits between them', () => {
    const result = runJob({ current: { values: weeklySheet([
      { district: 'Б', school: 'СОШ 1', teachers: 10, teachersCreatedChats: 1 },
      { district: 'А', school: 'СОШ 2', teachers: 100, teachersCreatedChats: 50 },
      { district: 'Б', school: 'СОШ 1', teachers: 10, teachersCreatedChats: 9 },
      { district: 'А', school: 'СОШ 3', teachers: 20, teachersCreatedChats: 2 },
    ]) } });
    if (!result.ok) throw new Error(result.error);
    const lagging = result.report.sheets.find((s) => s.kind === 'lagging');
    const column = (key: string): number => lagging?.columns.findIndex((c) => c.key === key) ?? -1;
    // Both at 10 %: СОШ 3 needs 5 more teachers (35 % of 20 is 7), СОШ 1 needs 3 (of 10, 3.5 → 4).
    expect(lagging?.rows.map((r) => [r.cells[column('row')], r.cells[column('school')], r.cells[column('share:teachersCreatedChats')], r.cells[column('gap:teachersCreatedChats')]])).toEqual([
      [7, 'СОШ 3', 0.1, 5], [4, 'СОШ 1', 0.1, 3],
    ]);
  });

  it('compares with last week and reads the plan', () => {
    const result = runJob({
      current: { values: week },
      previous: { values: week },
      plan: { values: [['Район', 'План'], ['Амурский район', 1]] },
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.comparison?.region.changes.teachersCreatedChats).toBe(0);
    expect(result.evaluation.districts.find((d) => d.name === 'Амурский район')?.plan).toBe(1);
    expect(result.warnings).toEqual([]);
  });

  it('tells every host about plan rows left out and plan districts not in the table, naming the plan sheet', () => {
    const plan = [['Район', 'План'], ['Амурский район', null], ['Вяземский район', 2]];
    const result = runJob({ current: { values: week }, plan: { values: plan, name: 'План' } });
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual([
      'План 2.3 («План»): строка 2 листа плана (ячейка B2): не указан план; район пропущен',
      'План 2.3 («План»): район «Вяземский район» из плана не найден в таблице',
    ]);
    const findings = result.report.sheets.find((s) => s.kind === 'findings');
    expect(findings?.subtitle).toContain('План 2.3: строка 2 листа плана (ячейка B2): не указан план; район пропущен.');
    expect(findings?.rows).toEqual([]);
  });

  it('reports a broken previous week or plan as warnings, not failures', () => {
    const result = runJob({ current: { values: week }, previous: { values: [['x']], name: 'Прошлая' }, settings: { tolerance: 'пять' } });
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual([
      'Настройки: допуск должен быть долей от 0 до 1 (например 0,05 или 5%), а не «пять»',
      'Прошлая неделя («Прошлая»): не найдена строка заголовков таблицы мониторинга; в первых строках есть: «x»',
    ]);
    // The plan was only named in the title: a plan sheet without its columns is a warning too, and no district gets a plan.
    const noPlan = runJob({ current: { values: week }, plan: { values: [['Район', 'Всего ОО'], ['Амурский район', 18]], name: 'План' } });
    if (!noPlan.ok) throw new Error(noPlan.error);
    expect(noPlan.warnings).toEqual([
      expect.stringMatching(/^План 2\.3 \(«План»\): не найдены обязательные столбцы: «План: ОО, достигших условия 2\.3»\. Найдены заголовки: «Район», «Всего ОО»/),
    ]);
    expect(noPlan.evaluation.districts.map((d) => d.plan)).toEqual([null, null]);
    expect(noPlan.evaluation.region.plan).toBeNull();
  });

  it('fails with a Russian message for a sheet without a table, an empty table or an unknown district', () => {
    expect(runJob({ current: { values: [['x']], name: 'Лист1' } })).toEqual({ ok: false, error: '«Лист1»: не найдена строка заголовков таблицы мониторинга; в первых строках есть: «x»' });
    expect(runJob({ current: { values: weeklySheet([]), name: 'Мониторинг' } })).toEqual({ ok: false, error: '«Мониторинг»: в таблице нет ни одной строки с данными под заголовком (строка 3)' });
    expect(runJob({ current: { values: week }, district: 'Вяземский' })).toEqual({ ok: false, error: 'район «Вяземский» не найден в таблице; есть: Бикинский район, Амурский район' });
  });

  it('last week\'s sheet with a header and no schools: no comparison (it would call every school new), and a warning', () => {
    const result = runJob({ current: { values: week }, previous: { values: weeklySheet([]), name: 'Неделя 14' } });
    if (!result.ok) throw new Error(result.error);
    expect(result.comparison).toBeNull();
    expect(result.warnings).toEqual(['Прошлая неделя («Неделя 14»): в таблице нет ни одной строки с данными под заголовком (строка 3); сравнение не построено']);
  });

  it('gives one district\'s report', () => {
    const result = runJob({ current: { values: week }, district: 'Бикинский район' });
    expect(result.ok && result.report.sheets[0]?.kind).toBe('district');
  });
});

describe('inspectTable', () => {
  it('lists recognised columns and districts for the panel', () => {
    const result = inspectTable({ values: week });
    if (!result.ok) throw new Error(result.error);
    expect(result.districts).toEqual(['Амурский район', 'Бикинский район']);
    expect(result.table.columns.teachers?.index).toBe(3);
  });
});
