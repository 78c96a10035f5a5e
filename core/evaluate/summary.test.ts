import { formatPercent } from '../format';
import { buildSummaryReport } from '../report/summaryReport';
import { changeInPoints } from '../rules';
import { parseSummaryTable } from '../table/summaryTable';
import { evaluateSummary } from './summary';

// The region's week-by-week summary exactly as published (Ставропольский край, 2023; DOMAIN.md).
const HEADER = ['Неделя', 'Всего ОО', 'ОО в Сфере', 'Школ не активно в Сфере', '% ОО в Сфере', 'Общее кол-во педагогов', 'В Сфере',
  'Общее кол-во обуч-ся', 'В Сфере', '% в Сфере', 'МОУО всего', 'МОУО в Сфере', 'МОУО не активно в Сфере',
  'Кол-во педагогов, создавших как минимум 1 чат в Сфере (с 01.09.2022)', 'Кол-во педагогов, написавших минимум 3 сообщения в чаты за неделю',
  '% педагогов, написавших минимум 10 сообщений за неделю'];
const ROWS = [
  ['20.02-22.02.2023', 636, 617, 50, '97,01%', '17 218', '18 013', '312 014', '237 466', '76,11%', 33, 31, 21, '21,292%', '0,064%', ''],
  ['23.02-03.03.2023', 626, 617, 50, '98,56%', '16 819', '18 025', '309 292', '237 474', '76,78%', 33, 31, 21, '21,892%', '0,125%', '0,030%'],
  ['03.04-07.04.2023', 626, 618, 50, '98,72%', '16 819', '18 064', '309 292', '237 564', '76,81%', 33, 33, 23, '22,266%', '0,363%', '0,101%'],
];

const parsed = parseSummaryTable([['Мониторинг «Сферум», Ставропольский край, 2023'], HEADER, ...ROWS]);
if (!parsed.ok) throw new Error(parsed.error);
const result = evaluateSummary(parsed.table);
const [first, second, last] = result.weeks;

describe('region summary: the published figures come out of their raw counts', () => {
  it('schools in «Сферум»: 97,01 %, 98,56 %, 98,72 %', () => {
    expect(result.weeks.map((w) => formatPercent(w.measures.schoolsInSphere?.share ?? null))).toEqual(['97,01%', '98,56%', '98,72%']);
  });

  it('students in «Сферум»: 76,11 %, 76,78 %, 76,81 % — the second «В Сфере» column', () => {
    expect(first?.measures.studentsInSphere).toMatchObject({ part: 237466, base: 312014 });
    expect(result.weeks.map((w) => formatPercent(w.measures.studentsInSphere?.share ?? null))).toEqual(['76,11%', '76,78%', '76,81%']);
  });

  it('teachers in «Сферум» above their total are computed and reported, not clamped', () => {
    expect(first?.measures.teachersInSphere).toMatchObject({ part: 18013, base: 17218, status: 'выполнено' });
    expect(result.findings).toContainEqual({
      row: 3, column: 'В Сфере', cell: 'G3', code: 'aboveBase', severity: 'warning', message: 'значение больше базы: 18\u00a0013 > 17\u00a0218 («Общее кол-во педагогов»)',
    });
  });

  it('active profiles = in «Сферум» − not active; authorities likewise', () => {
    expect(first?.measures.schoolsActive).toMatchObject({ part: 567, base: 636, status: 'отстаёт', gap: 69 });
    expect(last?.measures.authoritiesActive).toMatchObject({ part: 10, base: 33 });
    expect(last?.measures.authoritiesInSphere).toMatchObject({ part: 33, base: 33, status: 'выполнено', gap: 0 });
  });

  it('takes percentages in «Кол-во …» columns as shares, and says so', () => {
    expect(first?.measures.teachersCreatedChats).toMatchObject({ share: 0.21292, status: 'отстаёт', gap: null });
    expect(second?.measures.teachers10Messages?.share).toBe(0.0003);
    expect(first?.measures.teachers10Messages?.share).toBeNull();
    expect(result.findings).toContainEqual(expect.objectContaining({ row: 3, cell: 'N3', code: 'percentInCount', column: HEADER[13] }));
    expect(result.findings.filter((f) => f.code === 'percentInCount')).toHaveLength(6);
  });

  it('finds the published percentages consistent with the counts', () => {
    expect(result.findings.filter((f) => f.code === 'publishedMismatch')).toEqual([]);
  });

  it('reports a published percentage that disagrees with its counts', () => {
    const wrong = parseSummaryTable([HEADER, ['неделя', 636, 617, 50, '97,10%']]);
    if (!wrong.ok) throw new Error(wrong.error);
    expect(evaluateSummary(wrong.table).findings).toContainEqual(expect.objectContaining({
      row: 2, cell: 'E2', code: 'publishedMismatch', message: 'опубликованный процент 97,10% не совпадает с расчётным 97,01%',
    }));
  });
});

describe('the week-by-week report', () => {
  const report = buildSummaryReport(result, { source: 'Свод по краю' });
  const [weeks, findings] = report.sheets;

  it('has one row a week with each share, its tone and its change since the week before', () => {
    expect(report.sheets.map((s) => s.kind)).toEqual(['summary', 'findings']);
    const share = weeks?.columns.findIndex((c) => c.key === 'share:schoolsInSphere') ?? -1;
    const change = weeks?.columns.findIndex((c) => c.key === 'change:schoolsInSphere') ?? -1;
    expect(weeks?.columns[share]?.header).toBe('% ОО в Сфере (цель 100%)');
    expect(weeks?.rows.map((r) => [r.cells[0], r.cells[1], r.cells[share], r.tones[share]])).toEqual([
      ['20.02-22.02.2023', 3, 617 / 636, 'near'],
      ['23.02-03.03.2023', 4, 617 / 626, 'near'],
      ['03.04-07.04.2023', 5, 618 / 626, 'near'],
    ]);
    expect(weeks?.rows.map((r) => r.cells[change])).toEqual([null, changeInPoints(617 / 626, 617 / 636), changeInPoints(618 / 626, 617 / 626)]);
  });

  it('charts teachers who created chats over the weeks against 35 %', () => {
    expect(weeks?.chart).toMatchObject({ categoryColumn: 0, target: 0.35, title: 'Доля педагогов, создавших как минимум 1 чат по неделям, цель 35%' });
  });

  it('lists the data check, teachers above their total first among row 3', () => {
    expect(findings?.rows.map((r) => r.cells[1])).toContain('G3');
  });
});
