import { weeklySheet } from '../../test/fixtures/weekly';
import { formatPercent } from '../format';
import { resolveSettings } from '../settings';
import { parsePlanTable } from '../table/planTable';
import { parseSchoolTable, type SchoolTable } from '../table/schoolTable';
import type { CellValue } from '../values';
import { mulberry32 } from '../../samples/random';
import { evaluate, schoolsOf } from './evaluate';

function table(values: CellValue[][]): SchoolTable {
  const result = parseSchoolTable(values);
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

describe('district shares are weighted: sum of counts over sum of bases', () => {
  const values = weeklySheet([
    { district: 'Амурский район', school: 'Большая школа', teachers: 100, teachersCreatedChats: 40 },
    { district: 'Амурский район', school: 'Малая школа', teachers: 10, teachersCreatedChats: 1 },
    { district: 'Бикинский район', school: 'СОШ № 1', teachers: 20, teachersCreatedChats: 2 },
  ]);
  const result = evaluate(table(values));
  const amur = result.districts.find((d) => d.name === 'Амурский район');

  it('gives 41 / 110, not the mean of 40 % and 10 %', () => {
    expect(amur?.measures.teachersCreatedChats?.share).toBe(41 / 110);
    expect(amur?.measures.teachersCreatedChats?.share).not.toBeCloseTo(0.25, 2);
    expect(formatPercent(amur?.measures.teachersCreatedChats?.share ?? null)).toBe('37,27%');
  });

  it('counts the schools meeting the target and the district gap in people', () => {
    expect(amur?.meetingTarget.teachersCreatedChats).toBe(1);
    expect(amur?.measures.teachersCreatedChats).toMatchObject({ part: 41, base: 110, status: 'выполнено', gap: 0 });
    const bikin = result.districts.find((d) => d.name === 'Бикинский район');
    // 0.35 × 20 = 7 needed, 2 there.
    expect(bikin?.measures.teachersCreatedChats).toMatchObject({ share: 0.1, status: 'отстаёт', gap: 5 });
  });

  it('sums the region over all schools', () => {
    expect(result.region).toMatchObject({ schools: 3, counts: { teachers: 130, teachersCreatedChats: 43 } });
    expect(result.region.measures.teachersCreatedChats?.share).toBe(43 / 130);
  });

  it('puts the district furthest behind first', () => {
    expect(result.districts.map((d) => [d.priority, d.name])).toEqual([[1, 'Бикинский район'], [2, 'Амурский район']]);
  });

  it('ranks districts alike in attainment by the larger gap, then in Russian alphabetical order', () => {
    const ranked = evaluate(table(weeklySheet([
      { district: 'Ёлкинский', school: '1', teachers: 100, teachersCreatedChats: 35 },
      { district: 'Ванинский', school: '1', teachers: 'н/д', teachersCreatedChats: 3 },
      { district: 'Аяно-Майский', school: '1', teachers: 100, teachersCreatedChats: 10 },
      { district: 'Березовский', school: '1', teachers: 10, teachersCreatedChats: 4 },
      { district: 'Амгунский', school: '1', teachers: 'н/д', teachersCreatedChats: 3 },
      { district: 'Вяземский', school: '1', teachers: 200, teachersCreatedChats: 20 },
    ])));
    // Вяземский and Аяно-Майский: both 10 % of 35 %; 50 teachers short against 25.
    // Березовский and Ёлкинский meet the target (no gap): «Б» before «Ё» in Russian, not in code order.
    // Амгунский and Ванинский have no share at all: last, by name.
    expect(ranked.districts.map((d) => [d.name, d.totalGap])).toEqual([
      ['Вяземский', 50], ['Аяно-Майский', 25], ['Березовский', 0], ['Ёлкинский', 0], ['Амгунский', 0], ['Ванинский', 0],
    ]);
  });

  it('leaves rows without part or base out of both sums', () => {
    const withGap = evaluate(table(weeklySheet([
      { district: 'А', school: '1', teachers: 100, teachersCreatedChats: 40 },
      { district: 'А', school: '2', teachers: 50, teachersCreatedChats: 'н/д' },
    ])));
    expect(withGap.districts[0]?.measures.teachersCreatedChats).toMatchObject({ part: 40, base: 100, share: 0.4 });
    expect(withGap.districts[0]?.counts.teachers).toBe(150);
    // The gap in the base column instead: the part column is whole, but its sum is not Σpart.
    const baseGap = evaluate(table(weeklySheet([
      { district: 'А', school: '1', teachers: 100, teachersCreatedChats: 40 },
      { district: 'А', school: '2', teachers: '', teachersCreatedChats: 30 },
      { district: 'Б', school: '3', teachers: 10, teachersCreatedChats: 5 },
    ])));
    const [a, b] = ['А', 'Б'].map((name) => baseGap.districts.find((d) => d.name === name));
    expect(a?.measures.teachersCreatedChats).toMatchObject({ part: 40, base: 100, share: 0.4 });
    expect(a?.counts).toMatchObject({ teachers: 100, teachersCreatedChats: 70 });
    expect(a?.withData.teachersCreatedChats).toBe(1);
    expect(b?.measures.teachersCreatedChats).toMatchObject({ part: 5, base: 10, share: 0.5 });
    expect(baseGap.region.measures.teachersCreatedChats).toMatchObject({ part: 45, base: 110 });
    expect(baseGap.region.counts).toMatchObject({ teachers: 110, teachersCreatedChats: 75 });
  });

  it('gives a district none of whose schools holds both numbers no part, base, share or gap (not 0 of 0)', () => {
    const evaluation = evaluate(table(weeklySheet([
      { district: 'А', school: '1', teachers: 100, teachersCreatedChats: '' },
      { district: 'А', school: '2', teachers: '', teachersCreatedChats: 30 },
      { district: 'Б', school: '3', teachers: 10, teachersCreatedChats: 5 },
    ])));
    const a = evaluation.districts.find((d) => d.name === 'А');
    expect(a?.measures.teachersCreatedChats).toEqual({ part: null, base: null, share: null, status: 'нет данных', gap: null });
    expect(a?.measureAt(evaluation.indicators.findIndex((i) => i.key === 'teachersCreatedChats'))).toMatchObject({ share: NaN, gap: NaN });
    expect(a?.counts).toMatchObject({ teachers: 100, teachersCreatedChats: 30 });
  });
});

describe('a sheet of more than 65 536 districts', () => {
  it('counts every district, also with a repeated school left out', () => {
    const many = 65_540;
    const rows = Array.from({ length: many }, (_, i) => ({ district: `Район ${i}`, school: 'СОШ', teachers: 10, teachersCreatedChats: i === many - 1 ? 10 : 1 }));
    const result = evaluate(table(weeklySheet([...rows, { district: 'Район 3', school: 'сош', teachers: 99, teachersCreatedChats: 99 }])));
    expect(result.table.districtOf).toBeInstanceOf(Int32Array);
    expect(result.table.leftOut).toBe(1);
    expect(result.districts).toHaveLength(many);
    expect(result.region).toMatchObject({ schools: many, counts: { teachers: 10 * many, teachersCreatedChats: many - 1 + 10 } });
    const last = result.districts.find((d) => d.name === `Район ${many - 1}`);
    expect(last).toMatchObject({ schools: 1, counts: { teachers: 10, teachersCreatedChats: 10 } });
    expect(result.districts.find((d) => d.name === 'Район 3')).toMatchObject({ schools: 1, counts: { teachers: 10 } });
  });
});

describe('per school', () => {
  const keys = ['district', 'school', 'status', 'teachers', 'teachersCreatedChats', 'teachers3Messages', 'usersLinked', 'classesCreated'] as const;
  const result = evaluate(table(weeklySheet([
    { district: 'А', school: 'по статусу', status: 'Не активен', teachers: 20, teachersCreatedChats: 7, teachers3Messages: 4, usersLinked: 50, classesCreated: 3 },
    { district: 'А', school: 'по правилу', teachers: 20, teachersCreatedChats: 6, teachers3Messages: 1, usersLinked: 3, classesCreated: 1 },
    { district: 'А', school: 'мало пользователей', teachers: 20, teachersCreatedChats: 0, usersLinked: 2, classesCreated: 5 },
  ], [...keys])));
  const [byStatus, byRule, fewUsers] = result.schools;

  it('computes shares, statuses and gaps', () => {
    expect(byStatus?.measures.teachersCreatedChats).toEqual({ part: 7, base: 20, share: 0.35, status: 'выполнено', gap: 0 });
    expect(byRule?.measures.teachersCreatedChats).toEqual({ part: 6, base: 20, share: 0.3, status: 'близко', gap: 1 });
    expect(byRule?.measures.teachers3Messages).toEqual({ part: 1, base: 20, share: 0.05, status: 'отстаёт', gap: 4 });
    expect(fewUsers?.measures.teachers3Messages).toEqual({ part: null, base: 20, share: null, status: 'нет данных', gap: null });
  });

  it('takes profile activity from the status column first, else from the rule', () => {
    expect([byStatus?.active, byStatus?.activeSource]).toEqual([false, 'status']);
    expect([byRule?.active, byRule?.activeSource]).toEqual([true, 'rule']);
    expect([fewUsers?.active, fewUsers?.activeSource]).toEqual([false, 'rule']);
    expect(result.region).toMatchObject({ activeProfiles: 1, profilesKnown: 3 });
  });

  it('leaves a profile unknown with neither a status nor both numbers of the rule, and counts it nowhere', () => {
    const unknown = evaluate(table(weeklySheet([
      { district: 'А', school: 'без статуса и классов', teachers: 20, teachersCreatedChats: 7, usersLinked: 50, classesCreated: '' },
      { district: 'А', school: 'по статусу', status: 'Активен', teachers: 20, teachersCreatedChats: 7, usersLinked: '', classesCreated: '' },
    ], [...keys])));
    expect(unknown.schools.map((s) => [s.active, s.activeSource])).toEqual([[null, null], [true, 'status']]);
    expect(unknown.region).toMatchObject({ activeProfiles: 1, profilesKnown: 1 });
  });

  it('flags a school lagging on any indicator and sums its gaps', () => {
    expect(byStatus?.lagging).toBe(false);
    expect(byRule?.lagging).toBe(true);
    expect(byRule?.totalGap).toBe(5);
    expect(byRule?.attainment).toBeCloseTo((0.3 / 0.35 + 0.05 / 0.25) / 2, 12);
  });

  it('uses configured targets and tolerance', () => {
    const { settings } = resolveSettings({ targets: { teachersCreatedChats: '30%' }, tolerance: '1%' });
    const strict = evaluate(result.table, settings);
    expect(strict.schools[1]?.measures.teachersCreatedChats?.status).toBe('выполнено');
    expect(strict.schools[1]?.measures.teachers3Messages?.status).toBe('отстаёт');
  });

  it('can use the staff total as the base of teacher indicators', () => {
    const keys2 = ['district', 'school', 'teachers', 'staffTotal', 'teachersCreatedChats'] as const;
    const t = table(weeklySheet([{ district: 'А', school: '1', teachers: 20, staffTotal: 40, teachersCreatedChats: 10 }], [...keys2]));
    const { settings } = resolveSettings({ teacherBase: 'staffTotal' });
    expect(evaluate(t).schools[0]?.measures.teachersCreatedChats?.share).toBe(0.5);
    expect(evaluate(t, settings).schools[0]?.measures.teachersCreatedChats?.share).toBe(0.25);
  });
});

describe('an indicator without a target', () => {
  // «Учителя, связавшие аккаунты ЭЖД» has no federal target: a share, but no status, no gap, and
  // nothing in the attainment or the lagging flag.
  const keys = ['district', 'school', 'teachers', 'teachersCreatedChats', 'teachersLinkedDiary'] as const;
  const result = evaluate(table(weeklySheet([
    { district: 'А', school: '1', teachers: 20, teachersCreatedChats: 7, teachersLinkedDiary: 1 },
    { district: 'А', school: '2', teachers: 10, teachersCreatedChats: 4, teachersLinkedDiary: 0 },
  ], [...keys])));

  it('has a share and neither status nor gap, for a school and for its district', () => {
    expect(result.schools[0]?.measures.teachersLinkedDiary).toEqual({ part: 1, base: 20, share: 0.05, status: null, gap: null });
    expect(result.districts[0]?.measures.teachersLinkedDiary).toEqual({ part: 1, base: 30, share: 1 / 30, status: null, gap: null });
  });

  it('does not make a school lagging, add to its gap or lower its attainment', () => {
    expect(result.schools.map((s) => [s.lagging, s.totalGap, s.attainment])).toEqual([[false, 0, 1], [false, 0, 1]]);
    expect(result.districts[0]).toMatchObject({ laggingSchools: 0, totalGap: 0, attainment: 1, meetingTarget: { teachersCreatedChats: 2, teachersLinkedDiary: 0 } });
  });
});

describe('a target of 0 or a cleared target', () => {
  const t = table(weeklySheet([{ district: 'А', school: '1', teachers: 20, teachersCreatedChats: 2, teachers3Messages: 5 }]));

  it('a target of 0 is always met and leaves the attainment to the other indicators', () => {
    const { settings, errors } = resolveSettings({ targets: { teachers3Messages: '0%' } });
    expect(errors).toEqual([]);
    const school = evaluate(t, settings).schools[0];
    expect(school?.measures.teachers3Messages).toMatchObject({ share: 0.25, status: 'выполнено', gap: 0 });
    // Only 2 of 20 against 35 %: 0,1 ÷ 0,35. Counting the zero target as fully met would give (0,29 + 1) ÷ 2.
    expect(school?.attainment).toBeCloseTo(0.1 / 0.35, 12);
  });

  it('a cleared target («») leaves the indicator without status or gap', () => {
    const { settings } = resolveSettings({ targets: { teachersCreatedChats: '' } });
    expect(settings.targets.teachersCreatedChats).toBeNull();
    const school = evaluate(t, settings).schools[0];
    expect(school?.measures.teachersCreatedChats).toEqual({ part: 2, base: 20, share: 0.1, status: null, gap: null });
    // 10 % of teachers created chats, yet with the target cleared only ≥ 3 messages (25 % of 25 %) is judged.
    expect(school?.lagging).toBe(false);
  });
});

describe('a repeated school is left out of every total', () => {
  const result = evaluate(table(weeklySheet([
    { district: 'Б', school: 'СОШ 1', teachers: 10, teachersCreatedChats: 1 },
    { district: 'А', school: 'СОШ 2', teachers: 100, teachersCreatedChats: 50 },
    { district: 'б', school: 'сош  1', teachers: 10, teachersCreatedChats: 9 },
    { district: 'А', school: 'СОШ 3', teachers: 20, teachersCreatedChats: 2 },
  ])));

  it('sums only the first row of the school, grouped with its district however it is spelt', () => {
    expect(result.region).toMatchObject({ schools: 3, counts: { teachers: 130, teachersCreatedChats: 53 } });
    const b = result.districts.find((d) => d.name === 'Б');
    expect(b).toMatchObject({ schools: 1, counts: { teachers: 10, teachersCreatedChats: 1 }, laggingSchools: 1 });
    expect(result.districts.find((d) => d.name === 'А')?.measures.teachersCreatedChats?.share).toBe(52 / 120);
  });

  it('keeps each counted school with its own row and values', () => {
    expect(result.schools.map((s) => [s.record.row, s.record.school, s.measures.teachersCreatedChats?.share])).toEqual([
      [4, 'СОШ 1', 0.1], [5, 'СОШ 2', 0.5], [7, 'СОШ 3', 0.1],
    ]);
    expect(result.schools.map((s) => s.position)).toEqual([0, 1, 2]);
  });
});

describe('indicator 2.3: the published Khabarovsk figures come out of school rows', () => {
  // 385 schools; 38 of them have ≥ 50 % of teachers and students; totals as published.
  const rows: Record<string, CellValue>[] = [];
  const districts = ['Амурский район', 'Хабаровский район', 'Комсомольск-на-Амуре'];
  const sizes = [18, 36, 331];
  let index = 0;
  sizes.forEach((size, d) => {
    for (let i = 0; i < size; i++, index++) {
      rows.push({ district: districts[d] ?? '', school: `ОО ${index}`, staffTotal: 28, studentsTotal: 386, teachers: 20, students: 13 });
    }
  });
  // 38 schools reach the condition: 2 in Амурский, 4 in Хабаровский, 32 in the city.
  const meeting = [0, 1, 18, 19, 20, 21, ...Array.from({ length: 32 }, (_, i) => 54 + i)];
  for (const i of meeting) Object.assign(rows[i] ?? {}, { teachers: 14, students: 193 });
  // Adjust the last school so the sums are the published ones: 7 591 of 10 851 teachers, 11 869 of 148 870 students.
  const sum = (key: string): number => rows.reduce((s, r) => s + Number(r[key]), 0);
  const last = rows[384] ?? {};
  last.staffTotal = 10851 - (sum('staffTotal') - 28);
  last.studentsTotal = 148870 - (sum('studentsTotal') - 386);
  last.teachers = 7591 - (sum('teachers') - 20);
  last.students = 11869 - (sum('students') - 13);
  const keys = ['district', 'school', 'teachers', 'students', 'staffTotal', 'studentsTotal'] as const;
  const plan = parsePlanTable([
    ['Район', 'Всего ОО', 'План: ОО, достигших условия 2.3'],
    ['Амурский район', 18, 2],
    ['Хабаровский район', 36, 4],
    ['г. Комсомольск-на-Амуре', 37, 4],
  ]);
  if (!plan.ok) throw new Error(plan.error);
  const result = evaluate(table(weeklySheet(rows, [...keys])), undefined, plan.table);

  it('fact 9,87 % = 38 of 385', () => {
    expect(result.region.access50).toBe(38);
    expect(result.region.access50Known).toBe(385);
    expect(formatPercent(result.region.access50 / result.region.access50Known)).toBe('9,87%');
  });

  it('2.2 teachers 69,96 % = 7 591 of 10 851 and 2.1 students 7,97 % = 11 869 of 148 870', () => {
    expect(result.region.measures.teachersCoverage).toMatchObject({ part: 7591, base: 10851 });
    expect(formatPercent(result.region.measures.teachersCoverage?.share ?? null)).toBe('69,96%');
    expect(result.region.measures.studentsCoverage).toMatchObject({ part: 11869, base: 148870 });
    expect(formatPercent(result.region.measures.studentsCoverage?.share ?? null)).toBe('7,97%');
  });

  it('compares each district with its plan, matching «г. Комсомольск-на-Амуре» to «Комсомольск-на-Амуре»', () => {
    const byName = Object.fromEntries(result.districts.map((d) => [d.name, [d.schools, d.access50, d.plan, d.planMet]]));
    expect(byName).toEqual({
      'Амурский район': [18, 2, 2, true],
      'Хабаровский район': [36, 4, 4, true],
      'Комсомольск-на-Амуре': [331, 32, 4, true],
    });
    expect(result.region.plan).toBe(10);
    expect(result.planWarnings).toEqual([]);
  });

  it('says nothing of the plan being met when the sheet cannot tell (no columns for 2.3)', () => {
    const plain = table(weeklySheet([{ district: 'Амурский район', school: '1', teachers: 20, teachersCreatedChats: 7 }]));
    const amur = evaluate(plain, undefined, plan.table).districts[0];
    // A plan of 2 and no school known to reach the condition is not «not met»: it is unknown.
    expect(amur).toMatchObject({ plan: 2, access50: 0, access50Known: 0, planMet: null });
    expect(result.districts.find((d) => d.name === 'Амурский район')?.planMet).toBe(true);
  });

  it('says the plan is not met when fewer schools reach the condition than it requires', () => {
    const short = parsePlanTable([['Район', 'План'], ['Амурский район', 3], ['Хабаровский район', 4]]);
    if (!short.ok) throw new Error(short.error);
    const byName = Object.fromEntries(evaluate(result.table, undefined, short.table).districts.map((d) => [d.name, [d.access50, d.plan, d.planMet]]));
    expect(byName).toEqual({ 'Амурский район': [2, 3, false], 'Хабаровский район': [4, 4, true], 'Комсомольск-на-Амуре': [32, null, null] });
  });

  it('warns about plan districts missing from the table', () => {
    const other = parsePlanTable([['Район', 'План'], ['Бикинский район', 3]]);
    if (!other.ok) throw new Error(other.error);
    expect(evaluate(result.table, undefined, other.table).planWarnings).toEqual(['район «Бикинский район» из плана не найден в таблице']);
  });

  it('tells a plan row left out as a row of the plan sheet, never among the weekly sheet\'s findings', () => {
    const plan = parsePlanTable([['План 2.3'], ['Район', 'План'], ['Амурский район', 'два'], ['Хабаровский район', 4]]);
    if (!plan.ok) throw new Error(plan.error);
    const evaluation = evaluate(result.table, undefined, plan.table);
    expect(evaluation.planWarnings).toEqual(['строка 3 листа плана (ячейка B3): текст вместо числа: «два»; район пропущен']);
    expect(evaluation.findings).toBe(result.table.findings);
    expect(evaluation.districts.find((d) => d.name === 'Амурский район')?.plan).toBeNull();
  });
});

describe('columns no school lacks and columns with gaps give the same district figures', () => {
  // With every cell filled, Σpart, Σbase and the rows holding both are taken from the count sums
  // and the number of schools; one empty cell sends the whole column through the row-by-row sums.
  const schools = Array.from({ length: 60 }, (_, i) => ({
    district: `Район ${i % 7}`,
    school: `СОШ № ${i}`,
    teachers: 20 + ((i * 37) % 50),
    teachersCreatedChats: (i * 13) % 20,
    teachersCalled: (i * 7) % 15,
    students: 300 + i,
    studentsLinkedDiary: (i * 11) % 300,
  }));
  const figures = (rows: typeof schools): unknown =>
    evaluate(table(weeklySheet(rows)))
      .districts.filter((d) => d.name !== 'Другой район')
      .map((d) => [d.name, d.schools, d.counts, d.measures, d.meetingTarget, d.withData, d.laggingSchools, d.attainment, d.priority]);

  it('a school of another district with an empty cell changes no figure of the others', () => {
    const withGap = [...schools, { district: 'Другой район', school: 'Школа без данных', teachers: 10, teachersCreatedChats: null as unknown as number, teachersCalled: null as unknown as number, students: 100, studentsLinkedDiary: null as unknown as number }];
    const whole = figures(schools) as unknown[][];
    // Priorities shift by the district added; everything else must match exactly.
    const strip = (rows: unknown[][]): unknown[][] => rows.map((row) => row.slice(0, -1)).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(strip(figures(withGap) as unknown[][])).toEqual(strip(whole));
    expect(whole.length).toBe(7);
  });

  it('a school with zero teachers has no share, whether the columns are whole or not', () => {
    const rows = [
      { district: 'Район 1', school: 'СОШ № 1', teachers: 10, teachersCreatedChats: 5 },
      { district: 'Район 1', school: 'СОШ № 2', teachers: 0, teachersCreatedChats: 0 },
      { district: 'Район 1', school: 'СОШ № 3', teachers: 20, teachersCreatedChats: 4 },
    ];
    const gappy = [...rows, { district: 'Другой район', school: 'СОШ № 4', teachers: 10, teachersCreatedChats: null as unknown as number }];
    for (const sheet of [rows, gappy]) {
      const district = evaluate(table(weeklySheet(sheet))).districts.find((d) => d.name === 'Район 1');
      // 5 of 10 meets 35 %, 4 of 20 does not; the school with no teachers is in neither.
      expect([district?.schools, district?.withData.teachersCreatedChats, district?.meetingTarget.teachersCreatedChats]).toEqual([3, 2, 1]);
      expect(district?.measures.teachersCreatedChats).toMatchObject({ part: 9, base: 30 });
    }
  });
});

describe('an indicator without a target (teachersLinkedDiary) over whole columns', () => {
  // Its pass is skipped when parsing found no zero in the base: the counts of schools with a
  // share must then come out the same as when a zero base makes the pass run.
  const KEYS = ['district', 'school', 'teachers', 'teachersLinkedDiary'] as const;
  const rows = [
    { district: 'Район 1', school: 'СОШ № 1', teachers: 10, teachersLinkedDiary: 5 },
    { district: 'Район 1', school: 'СОШ № 2', teachers: 20, teachersLinkedDiary: 4 },
    { district: 'Район 2', school: 'СОШ № 3', teachers: 8, teachersLinkedDiary: 8 },
  ];
  it('has a share for every school when no base is zero', () => {
    const parsed = table(weeklySheet(rows, [...KEYS]));
    expect(parsed.rows.isZeroFree('teachers')).toBe(true);
    const result = evaluate(parsed);
    const one = result.districts.find((d) => d.name === 'Район 1');
    expect([one?.withData.teachersLinkedDiary, one?.meetingTarget.teachersLinkedDiary, one?.measures.teachersLinkedDiary?.share]).toEqual([2, 0, 9 / 30]);
    expect(result.region.withData.teachersLinkedDiary).toBe(3);
  });
  it('leaves out the school whose base is zero', () => {
    const parsed = table(weeklySheet([...rows, { district: 'Район 2', school: 'СОШ № 4', teachers: 0, teachersLinkedDiary: 0 }], [...KEYS]));
    expect(parsed.rows.isZeroFree('teachers')).toBe(false);
    const result = evaluate(parsed);
    const two = result.districts.find((d) => d.name === 'Район 2');
    expect([two?.schools, two?.withData.teachersLinkedDiary, two?.measures.teachersLinkedDiary?.share]).toEqual([2, 1, 1]);
    expect(result.region.withData.teachersLinkedDiary).toBe(3);
  });
});

describe('district sums agree with every school measured on its own (randomised)', () => {
  // The district passes count statuses without branching and skip gap checks on whole columns;
  // each school's measures come from measure() and statusCodeOf directly. Both must agree.
  const KEYS = ['district', 'school', 'teachers', 'teachersCreatedChats', 'teachers3Messages', 'teachers10Messages', 'teachersCalled', 'students', 'studentsLinkedDiary'] as const;
  const COUNTS = KEYS.slice(3);

  it('on 40 random tables with zero bases, empty cells, repeated schools, any targets and tolerance', () => {
    const random = mulberry32(2024);
    const mismatches: string[] = [];
    for (let t = 0; t < 40; t++) {
      const gappy = t % 2 === 1;
      const rows = Array.from({ length: 30 + Math.floor(random() * 50) }, (_, i) => {
        const teachers = random() < 0.08 ? 0 : 1 + Math.floor(random() * 60);
        const row: Record<string, CellValue> = { district: `Район ${Math.floor(random() * 6)}`, school: `СОШ № ${i}`, teachers, students: 10 * teachers };
        for (const key of COUNTS) row[key] = Math.floor(random() * (teachers + 3));
        if (gappy && random() < 0.15) row[COUNTS[Math.floor(random() * COUNTS.length)] as string] = 'н/д';
        return row;
      });
      if (t % 5 === 0) rows.push({ ...rows[3] }); // a repeated school
      const { settings } = resolveSettings({
        targets: { teachersCreatedChats: random(), teachers3Messages: random(), teachersCalled: random(), studentsLinkedDiary: random() },
        tolerance: random() * 0.2,
      });
      const result = evaluate(table(weeklySheet(rows, [...KEYS])), settings);
      for (const school of result.schools) {
        const lagging = Object.values(school.measures).some((m) => m?.status === 'отстаёт');
        if (school.lagging !== lagging) mismatches.push(`table ${t}, row ${school.record.row}: lagging ${school.lagging}`);
      }
      for (const district of result.districts) {
        const schools = schoolsOf(result, district.name);
        const figures = (key: string) => [
          district.meetingTarget[key as keyof typeof district.meetingTarget],
          district.withData[key as keyof typeof district.withData],
        ];
        for (const { key } of result.indicators) {
          const own = schools.map((s) => s.measures[key]);
          const expected = [own.filter((m) => m?.status === 'выполнено').length, own.filter((m) => m?.share !== null && m?.share !== undefined).length];
          if (JSON.stringify(figures(key)) !== JSON.stringify(expected)) mismatches.push(`table ${t}, ${district.name}, ${key}: ${JSON.stringify(figures(key))} ≠ ${JSON.stringify(expected)}`);
        }
        if (district.laggingSchools !== schools.filter((s) => s.lagging).length) mismatches.push(`table ${t}, ${district.name}: lagging schools`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('targeted indicators sharing a base over whole columns (four of them in one pass, a fifth in a pass of its own)', () => {
  const KEYS = ['district', 'school', 'teachers', 'teachersCreatedChats', 'teachers3Messages', 'teachers10Messages', 'teachersCalled', 'teachersLinkedDiary'] as const;
  const rows = [
    // 5/10 met, 4/10 lags (below 45 %), 2/10 met, 3/10 met, 5/10 met: lagging.
    { district: 'Район 1', school: 'СОШ № 1', teachers: 10, teachersCreatedChats: 5, teachers3Messages: 4, teachers10Messages: 2, teachersCalled: 3, teachersLinkedDiary: 5 },
    // No teachers: no share on any indicator.
    { district: 'Район 1', school: 'СОШ № 2', teachers: 0, teachersCreatedChats: 0, teachers3Messages: 0, teachers10Messages: 0, teachersCalled: 0, teachersLinkedDiary: 0 },
    // 9/20 near, 10/20 met, 4/20 met, 6/20 met, 9/20 near: not lagging.
    { district: 'Район 1', school: 'СОШ № 3', teachers: 20, teachersCreatedChats: 9, teachers3Messages: 10, teachers10Messages: 4, teachersCalled: 6, teachersLinkedDiary: 9 },
    // 10 messages 1/10 and diary 2/10 lag.
    { district: 'Район 2', school: 'СОШ № 4', teachers: 10, teachersCreatedChats: 5, teachers3Messages: 5, teachers10Messages: 1, teachersCalled: 3, teachersLinkedDiary: 2 },
    // Calls 1/10 lag.
    { district: 'Район 2', school: 'СОШ № 5', teachers: 10, teachersCreatedChats: 6, teachers3Messages: 5, teachers10Messages: 2, teachersCalled: 1, teachersLinkedDiary: 5 },
  ];
  const { settings } = resolveSettings({
    targets: { teachersCreatedChats: '50%', teachers3Messages: '50%', teachers10Messages: '20%', teachersCalled: '30%', teachersLinkedDiary: '50%' },
    tolerance: '5%',
  });
  const result = evaluate(table(weeklySheet(rows, [...KEYS])), settings);
  const KEYS5 = ['teachersCreatedChats', 'teachers3Messages', 'teachers10Messages', 'teachersCalled', 'teachersLinkedDiary'] as const;
  const figures = (name: string): unknown => {
    const d = result.districts.find((g) => g.name === name);
    return [d?.schools, KEYS5.map((k) => d?.meetingTarget[k]), KEYS5.map((k) => d?.withData[k]), d?.laggingSchools];
  };

  it('counts the schools meeting each target, those with a share, and the lagging ones, by district', () => {
    expect(figures('Район 1')).toEqual([3, [1, 1, 2, 2, 1], [2, 2, 2, 2, 2], 1]);
    expect(figures('Район 2')).toEqual([2, [2, 2, 1, 1, 1], [2, 2, 2, 2, 2], 2]);
    expect(result.region.laggingSchools).toBe(3);
  });

  it('marks each school as lagging or not', () => {
    expect(result.schools.map((s) => s.lagging)).toEqual([true, false, false, true, true]);
  });
});
