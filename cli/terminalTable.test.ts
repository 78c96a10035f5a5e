/** The district table printed to the terminal. */
import { runJob, type Evaluation } from '../core';
import { districtTable, tableFooter, tableHeading } from './terminalTable';

function evaluationOf(rows: (string | number)[][]): Evaluation {
  const result = runJob({ current: { values: [['Район', 'ОО', 'Учителей всего', 'Учителя, создавшие групповые чаты'], ...rows] } });
  if (!result.ok) throw new Error(result.error);
  return result.evaluation;
}

describe('districtTable', () => {
  const evaluation = evaluationOf([
    ['Северный', 'Школа 1', 100, 40],
    ['Северный', 'Школа 2', 10, 1],
    ['Южный', 'Школа 3', 1000, 100],
  ]);

  it('lists districts furthest behind first, with Russian percentages and the region last', () => {
    const lines = districtTable(evaluation, { color: false }).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Район\s+ОО\s+Создали чаты\s+Отстают$/);
    expect(lines[2]).toMatch(/^Южный\s+1\s+10,00%\s+1$/);
    expect(lines[3]).toMatch(/^Северный\s+2\s+37,27%\s+1$/);
    expect(lines[5]).toMatch(/^Итого по региону\s+3\s+12,70%\s+2$/);
  });

  it('colours shares by status only when asked', () => {
    expect(districtTable(evaluation, { color: false })).not.toContain('\u001b[');
    const coloured = districtTable(evaluation, { color: true });
    expect(coloured).toContain('\u001b[31m'); // Южный lags
    expect(coloured).toContain('\u001b[32m'); // Северный meets 35 %
    // Yellow for a share within 5 points below its target: 32 % against 35 %.
    const near = districtTable(evaluationOf([['Восточный', 'Школа 4', 100, 32]]), { color: true });
    expect(near).toMatch(/\u001b\[33m\s*32,00%\u001b\[0m/);
  });

  it('shows one district when asked', () => {
    expect(tableHeading(evaluation, 'w.csv', 'северный')).toMatch(/^Сферум: Северный \(место 2 из 2\) — w\.csv/);
    const text = districtTable(evaluation, { color: false, district: 'северный' });
    expect(text).not.toContain('Южный');
    expect(text).toContain('Итого по региону');
  });

  it('fits an 80-column terminal with short headers and names, and is printed in full where there is room or no terminal', () => {
    const wide = runJob({ current: { values: [
      ['Район', 'ОО', 'Учителей всего', 'Учителя, создавшие групповые чаты', 'Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю',
        'Учителя, написавшие в групповых чатах минимум 10 сообщений за неделю', 'Учителя, совершившие минимум 1 звонок за неделю', 'Численность педагогов ОО'],
      ['Черёмуховский муниципальный округ', 'Школа 1', 100, 40, 30, 20, 10, 120],
      ['Южный район', 'Школа 2', 1000, 100, 90, 80, 70, 1000],
    ] }, settings: { teacherBase: 'teachers' } });
    if (!wide.ok) throw new Error(wide.error);
    const full = districtTable(wide.evaluation, { color: false }).trimEnd().split('\n');
    expect(Math.max(...full.map((line) => line.length))).toBeGreaterThan(80);
    expect(full[0]).toContain('≥10 сообщений');
    const compact = districtTable(wide.evaluation, { color: true, width: 80 }).trimEnd().split('\n');
    expect(Math.max(...compact.map((line) => line.replace(/\u001b\[\d+m/g, '').length))).toBeLessThanOrEqual(80);
    expect(compact[0]).toMatch(/^Район\s+ОО\s+Чаты\s+≥3 сообщ\.\s+≥10 сообщ\.\s+Звонки\s+Педагоги\s+Отстают$/);
    expect(compact.some((line) => line.startsWith('Черёмуховский мун…'))).toBe(true);
    expect(districtTable(wide.evaluation, { color: false, width: 200 }).trimEnd().split('\n')).toEqual(full);
    // A country-sized region: three-digit school counts still fit, the names give way.
    const big = runJob({ current: { values: [
      ['Район', 'ОО', 'Учителей всего', 'Учителя, создавшие групповые чаты', 'Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю',
        'Учителя, написавшие в групповых чатах минимум 10 сообщений за неделю', 'Учителя, совершившие минимум 1 звонок за неделю', 'Численность педагогов ОО'],
      ...Array.from({ length: 800 }, (_, i) => [i % 2 ? 'Черёмуховский муниципальный округ' : 'Южный район', `Школа ${i}`, 100, 40, 30, 20, 10, 120]),
    ] } });
    if (!big.ok) throw new Error(big.error);
    for (const width of [80, 76]) {
      const lines = districtTable(big.evaluation, { color: false, width }).trimEnd().split('\n');
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(width);
    }
  });

  it('gives the tolerance in percentage points', () => {
    expect(tableHeading(evaluation, 'w.csv')).toContain('«близко» — до 5 п.п. ниже цели');
  });

  it('prints a region of 60 districts in full', () => {
    const sixty = districtTable(evaluationOf(Array.from({ length: 60 }, (_, i) => [`Район ${i + 1}`, 'Школа', 10, i % 10])), { color: false });
    expect(sixty).not.toContain('… и ещё');
    expect(sixty.split('\n').filter((line) => /^Район \d/.test(line))).toHaveLength(60);
  });

  it('has a column only for indicators with a target', () => {
    const result = runJob({ current: { values: [['Район', 'ОО', 'Учителей всего', 'Учителя, создавшие групповые чаты', 'Учителя, связавшие аккаунты ЭЖД'], ['Северный', 'Школа 1', 10, 4, 2]] } });
    if (!result.ok) throw new Error(result.error);
    const lines = districtTable(result.evaluation, { color: false }).split('\n');
    expect(lines[0]).toMatch(/^Район\s+ОО\s+Создали чаты\s+Отстают$/);
    // 4 of 10 created chats; the 20 % who linked the diary have no column, so no cell either.
    expect(lines[2]).toMatch(/^Северный\s+1\s+40,00%\s+0$/);
  });

  it('cuts a country-sized list and says how many districts are left out', () => {
    const many = evaluationOf(Array.from({ length: 65 }, (_, i) => [`Район ${i + 1}`, 'Школа', 10, i % 10]));
    const text = districtTable(many, { color: false });
    expect(text).toContain('… и ещё 25 районов — полный список в отчёте');
    expect(text.split('\n').filter((line) => /^Район \d/.test(line))).toHaveLength(40);
  });
});

describe('tableHeading and tableFooter', () => {
  it('name the source, targets, counts and findings', () => {
    const evaluation = evaluationOf([['Северный', 'Школа 1', 100, 40], ['', 'Школа 2', 10, 20]]);
    expect(tableHeading(evaluation, 'w.csv')).toContain('Сферум: сводка по районам — w.csv');
    expect(tableHeading(evaluation, 'w.csv')).toContain('Создали чаты 35%');
    expect(tableFooter(evaluation)).toBe('Отстающих ОО: 0 из 2. Замечаний проверки данных: 2 (лист «Сферум — проверка данных»).\n');
  });

  it('count districts and schools, and one district\'s own schools, lagging ones and findings', () => {
    const evaluation = evaluationOf([['Северный', 'Школа 1', 100, 40], ['Северный', 'Школа 2', 10, 1], ['Южный', 'Школа 3', 20, 'много']]);
    expect(tableHeading(evaluation, 'w.csv')).toContain('Районов: 2, ОО: 3; сначала — дальше всех от целей.');
    expect(tableFooter(evaluation, 'северный')).toBe('Отстающих ОО: 1 из 2. Замечаний проверки данных: 0.\n');
    expect(tableFooter(evaluation, 'Южный')).toBe('Отстающих ОО: 0 из 1. Замечаний проверки данных: 1 (лист «Сферум — проверка данных»).\n');
  });
});
