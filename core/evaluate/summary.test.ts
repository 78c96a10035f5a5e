import { formatPercent } from '../format';
import { buildSummaryReport } from '../report/summaryReport';
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

  it('reads a published percentage typed without «%» (97,01) or stored as a fraction (0,9701) as the same share', () => {
    const typed = parseSummaryTable([HEADER, ['неделя 1', 636, 617, 50, 97.01], ['неделя 2', 636, 617, 50, 0.9701], ['неделя 3', 636, 617, 50, '97,01']]);
    if (!typed.ok) throw new Error(typed.error);
    expect(typed.table.weeks.map((w) => w.shares.schoolsInSpherePercent)).toEqual([0.9701, 0.9701, 0.9701]);
    expect(evaluateSummary(typed.table).findings.filter((f) => f.code === 'publishedMismatch')).toEqual([]);
    // All schools in: 1 is the whole (a fraction), 100 is a percentage; both are 100 %.
    const whole = parseSummaryTable([HEADER, ['неделя 1', 626, 626, 50, 1], ['неделя 2', 626, 626, 50, 100]]);
    if (!whole.ok) throw new Error(whole.error);
    expect(whole.table.weeks.map((w) => w.shares.schoolsInSpherePercent)).toEqual([1, 1]);
  });

  it('holds the published percentage to its last digit: 97,02 % for 617 of 636 (97,0126 %) is reported, 97,01 % is not', () => {
    const mismatches = (published: string) => {
      const one = parseSummaryTable([HEADER, ['неделя', 636, 617, 50, published]]);
      if (!one.ok) throw new Error(one.error);
      return evaluateSummary(one.table).findings.filter((f) => f.code === 'publishedMismatch').map((f) => f.message);
    };
    expect(mismatches('97,02%')).toEqual(['опубликованный процент 97,02% не совпадает с расчётным 97,01%']);
    expect(mismatches('97,00%')).toEqual(['опубликованный процент 97,00% не совпадает с расчётным 97,01%']);
    expect(mismatches('97,01%')).toEqual([]);
  });
});

describe('region summary: all seven published weeks of DOMAIN.md', () => {
  // Every week as published; the middle weeks have no «% ОО в Сфере» / «% в Сфере» in the source.
  const ALL_WEEKS = [
    ['20.02-22.02.2023', 636, 617, 50, '97,01%', '17 218', '18 013', '312 014', '237 466', '76,11%', 33, 31, 21, '21,292%', '0,064%', ''],
    ['23.02-03.03.2023', 626, 617, 50, '98,56%', '16 819', '18 025', '309 292', '237 474', '76,78%', 33, 31, 21, '21,892%', '0,125%', '0,030%'],
    ['06.03-10.03.2023', 626, 618, 50, '', '16 819', '18 031', '309 292', '237 473', '', 33, 31, 21, '21,999%', '0,083%', '0,024%'],
    ['13.03-17.03.2023', 626, 618, 50, '', '16 819', '18 045', '309 292', '237 468', '', 33, 31, 21, '22,106%', '0,149%', '0,036%'],
    ['20.03-24.03.2023', 626, 618, 50, '', '16 819', '18 043', '309 292', '237 470', '', 33, 32, 22, '22,177%', '0,131%', '0,030%'],
    ['27.03-31.03.2023', 626, 618, 50, '', '16 819', '18 043', '309 292', '237 480', '', 33, 32, 22, '22,266%', '0,065%', '0,012%'],
    ['03.04-07.04.2023', 626, 618, 50, '98,72%', '16 819', '18 064', '309 292', '237 564', '76,81%', 33, 33, 23, '22,266%', '0,363%', '0,101%'],
  ];
  const all = parseSummaryTable([HEADER, ...ALL_WEEKS]);
  if (!all.ok) throw new Error(all.error);
  const seven = evaluateSummary(all.table);
  const shares = (key: keyof (typeof seven.weeks)[number]['measures']) => seven.weeks.map((w) => w.measures[key]?.share ?? null);

  it('reads every week, in order', () => {
    expect(seven.weeks.map((w) => [w.week.week, w.week.row])).toEqual(ALL_WEEKS.map((row, i) => [row[0], i + 2]));
  });

  it('skips a blank row between weeks, keeping each week\'s own row number', () => {
    const gap = parseSummaryTable([HEADER, ALL_WEEKS[0] ?? [], [], [null, '', '  '], ALL_WEEKS[1] ?? []]);
    if (!gap.ok) throw new Error(gap.error);
    expect(gap.table.weeks.map((w) => [w.week, w.row])).toEqual([['20.02-22.02.2023', 2], ['23.02-03.03.2023', 5]]);
  });

  it('schools and students in «Сферум» week by week (the middle weeks computed from their counts)', () => {
    expect(shares('schoolsInSphere').map((v) => formatPercent(v))).toEqual(['97,01%', '98,56%', '98,72%', '98,72%', '98,72%', '98,72%', '98,72%']);
    // 237 473, 237 468, 237 470 and 237 480 of 309 292 all round to 76,78 %.
    expect(shares('studentsInSphere').map((v) => formatPercent(v))).toEqual(['76,11%', '76,78%', '76,78%', '76,78%', '76,78%', '76,78%', '76,81%']);
  });

  it('active profiles: schools 567 / 568, authorities 10 of 33 in every week', () => {
    expect(seven.weeks.map((w) => w.measures.schoolsActive?.part)).toEqual([567, 567, 568, 568, 568, 568, 568]);
    expect(seven.weeks.map((w) => [w.measures.authoritiesActive?.part, w.measures.authoritiesActive?.base])).toEqual(Array(7).fill([10, 33]));
    expect(seven.weeks.map((w) => w.measures.authoritiesInSphere?.part)).toEqual([31, 31, 31, 31, 32, 32, 33]);
    // 31 of 33 (93,94 %) lags, 32 of 33 (96,97 %) is within 5 points of 100 %.
    expect(seven.weeks.map((w) => w.measures.authoritiesInSphere?.status)).toEqual(['отстаёт', 'отстаёт', 'отстаёт', 'отстаёт', 'близко', 'близко', 'выполнено']);
  });

  it('the activity shares as published, two orders of magnitude below their targets', () => {
    expect(shares('teachersCreatedChats')).toEqual([0.21292, 0.21892, 0.21999, 0.22106, 0.22177, 0.22266, 0.22266]);
    expect(shares('teachers3Messages')).toEqual([0.00064, 0.00125, 0.00083, 0.00149, 0.00131, 0.00065, 0.00363]);
    expect(shares('teachers10Messages')).toEqual([null, 0.0003, 0.00024, 0.00036, 0.0003, 0.00012, 0.00101]);
    expect(seven.weeks.map((w) => w.measures.teachers3Messages?.status)).toEqual(Array(7).fill('отстаёт'));
  });

  it('teachers «в Сфере» exceed the total in every week: seven warnings, one per row, none clamped', () => {
    const above = seven.findings.filter((f) => f.code === 'aboveBase');
    expect(above.map((f) => f.cell)).toEqual(['G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8']);
    expect(above[6]?.message).toBe('значение больше базы: 18\u00a0064 > 16\u00a0819 («Общее кол-во педагогов»)');
    expect(seven.weeks.map((w) => w.measures.teachersInSphere?.part)).toEqual([18013, 18025, 18031, 18045, 18043, 18043, 18064]);
  });

  it('percentages in the two «Кол-во …» columns are named in every week; the published percentages agree with the counts', () => {
    expect(seven.findings.filter((f) => f.code === 'percentInCount').map((f) => f.cell)).toEqual(
      [2, 3, 4, 5, 6, 7, 8].flatMap((row) => [`N${row}`, `O${row}`]),
    );
    expect(seven.findings.filter((f) => f.code === 'publishedMismatch')).toEqual([]);
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
    // By hand: 98,5623 % − 97,0126 % = +1,5497 п.п.; one more school of 626 = +0,1597 п.п.
    const changes = weeks?.rows.map((r) => r.cells[change]);
    expect(changes?.[0]).toBeNull();
    expect(changes?.[1]).toBeCloseTo(1.5497217, 6);
    expect(changes?.[2]).toBeCloseTo(0.1597444, 6);
  });

  it('charts teachers who created chats over the weeks against 35 %', () => {
    expect(weeks?.chart).toMatchObject({ categoryColumn: 0, target: 0.35, title: 'Доля педагогов, создавших как минимум 1 чат по неделям, цель 35%' });
  });

  it('lists the data check, teachers above their total first among row 3', () => {
    expect(findings?.rows.map((r) => r.cells[1])).toContain('G3');
  });
});
