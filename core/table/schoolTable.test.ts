import { weeklySheet, header } from '../../test/fixtures/weekly';
import { hashKey, normalizedHash } from '../nameKey';
import { NO_DISTRICT, parseSchoolTable, type SchoolTable } from './schoolTable';
import type { CellValue } from '../values';

function parse(values: Parameters<typeof parseSchoolTable>[0], options?: Parameters<typeof parseSchoolTable>[1]): SchoolTable {
  const result = parseSchoolTable(values, options);
  if (!result.ok) throw new Error(result.error);
  return result.table;
}

const school = (name: string, extra: Record<string, unknown> = {}) => ({ district: 'Амурский район', school: name, teachers: 100, teachersCreatedChats: 40, ...extra });

describe('parseSchoolTable', () => {
  it('reads records with the sheet row numbers, below a title row', () => {
    const table = parse(weeklySheet([school('СОШ № 1', { id: '2706001234' }), school('СОШ № 2', { teachers: '1 200', teachersCreatedChats: '300' })]));
    expect(table.headerRow).toBe(3);
    expect(table.week).toBe('10.04.2023–14.04.2023');
    expect(table.records.map((r) => [r.row, r.school, r.id, r.counts.teachers, r.counts.teachersCreatedChats])).toEqual([
      [4, 'СОШ № 1', '2706001234', 100, 40],
      [5, 'СОШ № 2', null, 1200, 300],
    ]);
    expect(table.findings).toEqual([]);
  });

  it('gives every record its sheet row where the sheet skips rows here and there (blank rows, notes, subtotals)', () => {
    const values = weeklySheet([
      school('СОШ № 1'), school('СОШ № 2'), {}, school('СОШ № 3'),
      { district: 'Итого по Амурскому району', teachers: 300, teachersCreatedChats: 120 },
      {}, {}, school('СОШ № 4'), school('СОШ № 5'), { district: 'Примечание' }, school('СОШ № 6'),
    ]);
    const table = parse(values);
    expect(table.records.map((r) => [r.school, r.row])).toEqual([
      ['СОШ № 1', 4], ['СОШ № 2', 5], ['СОШ № 3', 7], ['СОШ № 4', 11], ['СОШ № 5', 12], ['СОШ № 6', 14],
    ]);
    // Each row number names the row whose school it is.
    for (const record of table.records) expect((values[record.row - 1] as CellValue[])[1]).toBe(record.school);
  });

  it('skips notes and headings under or inside the table (text without numbers), saying so', () => {
    const values = weeklySheet([
      school('СОШ № 1'),
      { district: 'Муниципальные общеобразовательные организации:' },
      school('СОШ № 2'),
      { district: 'Примечание: данные выгружены 14.04.2023' },
    ]);
    const table = parse(values);
    expect(table.records.map((r) => r.school)).toEqual(['СОШ № 1', 'СОШ № 2']);
    expect(table.districts.map((d) => d.name)).toEqual(['Амурский район']);
    expect(table.findings).toEqual([
      expect.objectContaining({ row: 5, code: 'skippedRow', severity: 'info', message: 'строка без чисел и без наименования ОО пропущена: «Муниципальные общеобразовательные организации:»' }),
      expect.objectContaining({ row: 7, code: 'skippedRow', severity: 'info', message: 'строка без чисел и без наименования ОО пропущена: «Примечание: данные выгружены 14.04.2023»' }),
    ]);
    // A school that sent no numbers yet is still a school, also without a district: under a
    // merged district cell the add-ins read the district as empty.
    const silent = parse(weeklySheet([school('СОШ № 1'), { district: 'Амурский район', school: 'СОШ № 2' }, { school: 'СОШ № 3', id: '2706001234' }]));
    expect(silent.records.map((r) => [r.school, r.district])).toEqual([['СОШ № 1', 'Амурский район'], ['СОШ № 2', 'Амурский район'], ['СОШ № 3', NO_DISTRICT]]);
    expect(silent.findings).toEqual([expect.objectContaining({ row: 6, code: 'missingDistrict', severity: 'warning' })]);
  });

  it('leaves out subtotal rows that do not say «Итого»: a row without a name whose numbers are the sum of its district or of the table', () => {
    const amur = (name: string, teachers: number, chats: number) => ({ district: 'Амурский район', school: name, teachers, teachersCreatedChats: chats });
    const values = weeklySheet([
      { district: 'Приморский край', teachers: 380, teachersCreatedChats: 137 }, // the region's row, above everything
      { district: 'Амурский район', teachers: 300, teachersCreatedChats: 110 }, // the district's subtotal, above its schools
      amur('СОШ № 1', 100, 40),
      amur('СОШ № 2', 200, 70),
      { district: 'Бикинский район', school: 'СОШ № 3', teachers: 80, teachersCreatedChats: 27 },
      { district: 'Бикинский район', teachers: 80, teachersCreatedChats: 27 }, // a one-school district's subtotal, below it
      { district: 'Бикинский район', teachers: 15, teachersCreatedChats: 5 }, // a school whose name is missing
    ]);
    const table = parse(values);
    expect(table.leftOut).toBe(3);
    expect(table.records.filter((r) => r.counted).map((r) => r.row)).toEqual([6, 7, 8, 10]);
    expect(table.findings).toEqual([
      expect.objectContaining({ row: 4, code: 'totalRow', severity: 'info', message: 'строка без наименования ОО, числа которой равны сумме всех ОО таблицы, — промежуточный итог; пропущена: итоги считаются заново' }),
      expect.objectContaining({ row: 5, code: 'totalRow', severity: 'info', message: 'строка без наименования ОО, числа которой равны сумме ОО района «Амурский район», — промежуточный итог; пропущена: итоги считаются заново' }),
      expect.objectContaining({ row: 9, code: 'totalRow', severity: 'info' }),
      expect.objectContaining({ row: 10, cell: 'B10', code: 'missingSchool', severity: 'warning', message: 'не указано наименование ОО' }),
    ]);
  });

  it('a row without a name is a subtotal only when it fills every count its schools have, not all zeros, and adds them up', () => {
    const rows = (extra: Record<string, CellValue>) => weeklySheet([
      { district: 'Амурский район', school: 'СОШ № 1', teachers: 100, teachersCreatedChats: 40, teachers3Messages: 0 },
      { district: 'Амурский район', school: 'СОШ № 2', teachers: 0, teachersCreatedChats: 0, teachers3Messages: 0 },
      { district: 'Амурский район', ...extra },
    ]);
    // One number that happens to equal the district's sum, the others left empty: a school.
    expect(parse(rows({ teachers: 100 })).leftOut).toBe(0);
    // All zeros in a district of zeros would be no subtotal either.
    expect(parse(weeklySheet([{ district: 'Б', school: 'СОШ', teachers: 0, teachersCreatedChats: 0 }, { district: 'Б', teachers: 0, teachersCreatedChats: 0 }])).leftOut).toBe(0);
    expect(parse(rows({ teachers: 100, teachersCreatedChats: 40, teachers3Messages: 0 })).leftOut).toBe(1);
    // A sheet's own SUM takes a repeated school in: such a subtotal is recognised too.
    const repeated = weeklySheet([
      { district: 'Амурский район', school: 'СОШ № 1', teachers: 100, teachersCreatedChats: 40 },
      { district: 'Амурский район', school: 'СОШ № 1', teachers: 100, teachersCreatedChats: 40 },
      { district: 'Амурский район', teachers: 200, teachersCreatedChats: 80 },
    ]);
    expect(parse(repeated).leftOut).toBe(2);
  });

  it('a total row without a district or a name is left out without a word about a missing district', () => {
    const table = parse(weeklySheet([school('СОШ № 1'), school('СОШ № 2'), { teachers: 200, teachersCreatedChats: 80 }]));
    expect(table.leftOut).toBe(1);
    expect(table.findings).toEqual([expect.objectContaining({ row: 6, code: 'totalRow', severity: 'info' })]);
    // Above the table too, its note in row order among the others.
    const above = parse(weeklySheet([{ teachers: 200, teachersCreatedChats: 80, teachers3Messages: 20 }, school('СОШ № 1'), school('СОШ № 2', { teachers3Messages: '20%' })]));
    expect(above.findings.map((f) => [f.row, f.code])).toEqual([[4, 'totalRow'], [6, 'percentInCount']]);
  });

  it('honours the sheet position of the values (firstRow, firstColumn)', () => {
    const table = parse(weeklySheet([school('СОШ № 1', { teachers: 'много' })]), { firstRow: 10, firstColumn: 2 });
    expect(table.headerRow).toBe(12);
    expect(table.findings[0]).toMatchObject({ row: 13, cell: 'F13', column: header('teachers') });
  });

  it('skips empty rows and rows of totals, saying so for the totals', () => {
    // «Всегодичская ООШ» (the village of Всегодичи) begins with «Всего» but is a school.
    const values = weeklySheet([school('СОШ № 1'), {}, { district: 'Итого по району', teachers: 100 }, { district: 'Амурский район', school: 'ВСЕГО:', teachers: 200 }, school('Всеволожская СОШ'), school('Всегодичская ООШ')]);
    const table = parse(values);
    expect(table.records.map((r) => r.school)).toEqual(['СОШ № 1', 'Всеволожская СОШ', 'Всегодичская ООШ']);
    expect(table.findings).toEqual([
      expect.objectContaining({ row: 6, code: 'totalRow', severity: 'info' }),
      expect.objectContaining({ row: 7, code: 'totalRow', severity: 'info' }),
    ]);
  });

  it('groups spellings of a district that normalise alike, and keeps each row\'s district as written', () => {
    const table = parse(weeklySheet([
      { district: 'Амурский район', school: 'СОШ № 1', teachers: 10 },
      { district: 'АМУРСКИЙ  район', school: 'СОШ № 2', teachers: 10 },
      { district: 'Амурский район', school: 'СОШ № 3', teachers: 10 },
    ]));
    expect(table.districts.map((d) => d.name)).toEqual(['Амурский район']);
    expect(table.records.map((r) => [r.district, r.districtKey])).toEqual([
      ['Амурский район', 'амурский район'], ['АМУРСКИЙ район', 'амурский район'], ['Амурский район', 'амурский район'],
    ]);
  });

  it('reads the profile status column', () => {
    const keys = ['district', 'school', 'status', 'teachers'] as const;
    const table = parse(weeklySheet([school('А', { status: 'Активен' }), school('Б', { status: 'Не активен' }), school('В', { status: 'неактивна' })], [...keys]));
    expect(table.records.map((r) => r.profileStatus)).toEqual(['active', 'inactive', 'inactive']);
  });

  it('reads every wording of the status that sheets use, and leaves an empty status unknown without a word', () => {
    const keys = ['district', 'school', 'status', 'teachers'] as const;
    const words = ['Активна', 'АКТИВНО', 'активный', 'да', 'Active', 'не активна', 'Не  активно', 'неактивен', 'неактивный', 'нет', 'inactive', ''];
    const table = parse(weeklySheet(words.map((status, i) => school(`СОШ № ${i + 1}`, { status })), [...keys]));
    expect(table.records.map((r) => r.profileStatus)).toEqual([...Array(5).fill('active'), ...Array(6).fill('inactive'), null]);
    expect(table.findings).toEqual([]);
  });

  it('groups by any district text, also one that names an object property or is a number', () => {
    const names = ['__proto__', 'constructor', 'toString', '1', 'hasOwnProperty'];
    const table = parse(weeklySheet([...names, ...names].map((district, i) => ({ ...school(`СОШ № ${i + 1}`), district }))));
    expect(table.districts.map((d) => d.name)).toEqual(names);
    expect([...table.districtOf]).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    expect(table.findings).toEqual([]);
  });

  it('indexes districts in 16 bits, and in 32 once a sheet has more than 65 536 of them', () => {
    expect(parse(weeklySheet([school('СОШ № 1'), { ...school('СОШ № 2'), district: 'Б' }])).districtOf).toBeInstanceOf(Uint16Array);
    const many = 65_540;
    const table = parse(weeklySheet(Array.from({ length: many }, (_, i) => ({ ...school('СОШ № 1'), district: `Район ${i}` }))));
    expect(table.districtOf).toBeInstanceOf(Int32Array);
    expect(table.districts).toHaveLength(many);
    expect([0, 65_535, 65_536, many - 1].map((i) => [table.districtOf[i], table.records[i]?.district])).toEqual([
      [0, 'Район 0'], [65_535, 'Район 65535'], [65_536, 'Район 65536'], [many - 1, `Район ${many - 1}`],
    ]);
  });

  describe('keeps every count exactly, whole numbers in 16 bits and anything else beside them', () => {
    it('gives a column of whole numbers up to 65 533 as a Uint16Array', () => {
      const table = parse(weeklySheet([school('СОШ № 1'), school('СОШ № 2', { teachers: 0, teachersCreatedChats: 65_533 })]));
      expect(table.countColumns.teachers).toBeInstanceOf(Uint16Array);
      expect(table.countColumns.teachersCreatedChats).toBeInstanceOf(Uint16Array);
      expect([...(table.countColumns.teachersCreatedChats ?? [])]).toEqual([40, 65_533]);
    });

    it('keeps larger counts (the codes 65 534 and 65 535 among them), fractions and shares taken of a base, with NaN for a gap, in a Float64Array', () => {
      const table = parse(weeklySheet([
        school('СОШ № 1', { teachers: 3_000_000_000, teachersCreatedChats: 12.5 }),
        school('СОШ № 2', { teachers: 65_534, teachersCreatedChats: '33%' }),
        school('СОШ № 3', { teachers: 65_535, teachersCreatedChats: '' }),
        school('СОШ № 4', { teachers: 65_536, teachersCreatedChats: 5 }),
        school('СОШ № 5', { teachers: '70 000', teachersCreatedChats: 65_535 }),
      ]));
      const { teachers, teachersCreatedChats } = table.countColumns;
      expect(teachers).toBeInstanceOf(Float64Array);
      expect([...(teachers ?? [])]).toEqual([3_000_000_000, 65_534, 65_535, 65_536, 70_000]);
      expect(teachersCreatedChats).toBeInstanceOf(Float64Array);
      expect([...(teachersCreatedChats ?? [])]).toEqual([12.5, 0.33 * 65_534, NaN, 5, 65_535]);
      expect(table.records.map((r) => r.counts.teachersCreatedChats)).toEqual([12.5, 0.33 * 65_534, undefined, 5, 65_535]);
      expect(table.rows.hasGaps('teachersCreatedChats')).toBe(true);
      expect(table.rows.hasGaps('teachers')).toBe(false);
    });

    it('gives a share in a count column the count of its base as read in the same row', () => {
      // The base of row 5 is a fraction of a person (a sheet's own formula), kept beside the whole numbers.
      const table = parse(weeklySheet([school('СОШ № 1', { teachers: 20, teachersCreatedChats: '50%' }), school('СОШ № 2', { teachers: 10.5, teachersCreatedChats: '50%' })]));
      expect([...(table.countColumns.teachersCreatedChats ?? [])]).toEqual([10, 5.25]);
    });
  });

  describe('refuses what cannot be a monitoring sheet, with a Russian message', () => {
    it('lists the headers found when a required column is missing', () => {
      const result = parseSchoolTable([['Район', 'Наименование ОО', 'Учителя, создавшие групповые чаты'], ['А', 'Б', 1]]);
      expect(result).toEqual({
        ok: false,
        error: 'не найдены обязательные столбцы: «Учителей всего». Найдены заголовки: «Район», «Наименование ОО», «Учителя, создавшие групповые чаты». Переименуйте столбцы или укажите соответствие вручную.',
      });
    });
    it('says what the sheet holds when there is no header at all', () => {
      const result = parseSchoolTable([['Список дел'], ['купить хлеб']]);
      expect(result).toEqual({ ok: false, error: 'не найдена строка заголовков таблицы мониторинга; в первых строках есть: «Список дел», «купить хлеб»' });
    });
    it('says the sheet is empty', () => {
      expect(parseSchoolTable([])).toEqual({ ok: false, error: 'не найдена строка заголовков таблицы мониторинга; лист пуст' });
    });
  });

  it('uses the user mapping when headers are unknown', () => {
    const values = [['Территория', 'Учреждение', 'Педагоги'], ['Амурский', 'СОШ 1', 12]];
    const table = parse(values, { mapping: { school: 1, teachers: 'C' } });
    expect(table.records[0]).toMatchObject({ district: 'Амурский', school: 'СОШ 1', counts: { teachers: 12 } });
  });

  it('gives each school its name, read from the sheet or folded, at any sheet position, and leaves the values as they were', () => {
    const values = weeklySheet([
      school('СОШ № 1'),
      school('  СОШ   № 2 '),
      school(1234 as unknown as string),
      school(''),
      school('СОШ  № 1'),
    ]);
    const before = JSON.stringify(values);
    const table = parse(values, { firstRow: 10 });
    expect(table.records.map((r) => [r.row, r.school])).toEqual([
      [13, 'СОШ № 1'],
      [14, 'СОШ № 2'],
      [15, '1234'],
      [16, 'ОО в строке 16'],
      [17, 'СОШ № 1'],
    ]);
    // The last row repeats the first once its spaces are folded.
    expect(table.findings).toContainEqual(expect.objectContaining({ row: 17, code: 'duplicate', message: expect.stringContaining('13') }));
    expect(JSON.stringify(values)).toBe(before);
  });
});

describe('data check: each finding names its row and column', () => {
  const findingsOf = (rows: Record<string, unknown>[]) => parse(weeklySheet(rows as never)).findings;

  it('a count above its base (kept, reported)', () => {
    const table = parse(weeklySheet([school('СОШ № 1', { teachers: 10, teachersCreatedChats: 12 })]));
    expect(table.findings).toEqual([
      { row: 4, column: header('teachersCreatedChats'), cell: 'E4', code: 'aboveBase', severity: 'warning', message: 'значение больше базы: 12 > 10 («Учителей всего»)' },
    ]);
    expect(table.records[0]?.counts.teachersCreatedChats).toBe(12);
  });

  it('a negative value (left out)', () => {
    const table = parse(weeklySheet([school('СОШ № 1', { teachers3Messages: -4 })]));
    expect(table.findings).toEqual([
      { row: 4, column: header('teachers3Messages'), cell: 'F4', code: 'negative', severity: 'error', message: 'отрицательное значение: −4; значение не учтено' },
    ]);
    expect(table.records[0]?.counts.teachers3Messages).toBeUndefined();
  });

  it('a fractional count (kept, reported)', () => {
    expect(findingsOf([school('СОШ № 1', { teachersCalled: '12,5' })])).toEqual([
      { row: 4, column: header('teachersCalled'), cell: 'H4', code: 'fractional', severity: 'warning', message: 'дробное количество: 12,50' },
    ]);
  });

  it('an unparseable value (left out)', () => {
    expect(findingsOf([school('СОШ № 1', { teachers10Messages: 'много' })])).toEqual([
      { row: 4, column: header('teachers10Messages'), cell: 'G4', code: 'unparseable', severity: 'error', message: 'текст вместо числа: «много»; значение не учтено' },
    ]);
  });

  it('a base of zero under a positive count', () => {
    expect(findingsOf([school('СОШ № 1', { teachers: 0, teachersCreatedChats: 3 })])).toEqual([
      { row: 4, column: header('teachers'), cell: 'D4', code: 'baseZero', severity: 'warning', message: 'база равна 0, а в «Учителя, создавшие групповые чаты» 3; доля школы не считается, а число учтено в сумме района как есть — проверьте' },
    ]);
  });

  it('a base of zero under zero counts too (the shares cannot be computed)', () => {
    expect(findingsOf([school('СОШ № 1', { teachers: 0, teachersCreatedChats: 0 })])).toEqual([
      { row: 4, column: header('teachers'), cell: 'D4', code: 'baseZero', severity: 'warning', message: 'база равна 0; доли школы по этой базе не считаются' },
    ]);
  });

  it('a duplicate school by ИНН (second row left out of totals)', () => {
    const table = parse(weeklySheet([school('СОШ № 1', { id: '2706001234' }), school('СОШ № 2'), school('СОШ № 1 (копия)', { id: '2706001234' })]));
    expect(table.findings).toEqual([
      { row: 6, column: 'ИНН', cell: 'C6', code: 'duplicate', severity: 'error', message: 'школа повторяется (впервые в строке 4); строка не учтена в итогах' },
    ]);
    expect(table.records.map((r) => r.counted)).toEqual([true, true, false]);
  });

  it('a duplicate school by ИНН written with and without spaces', () => {
    const table = parse(weeklySheet([school('СОШ № 1', { id: '2706 001 234' }), school('Гимназия', { id: '2706001234' })]));
    expect(table.findings).toEqual([
      { row: 5, column: 'ИНН', cell: 'C5', code: 'duplicate', severity: 'error', message: 'школа повторяется (впервые в строке 4); строка не учтена в итогах' },
    ]);
  });

  it('a duplicate school by district and name when there is no ИНН', () => {
    const rows = [school('МБОУ «СОШ № 1»'), { ...school('мбоу сош  № 1'), district: 'амурский РАЙОН' }];
    expect(findingsOf(rows)).toEqual([
      expect.objectContaining({ row: 5, column: header('school'), cell: 'B5', code: 'duplicate' }),
    ]);
  });

  it('two different schools whose name hashes collide are both counted, and a third row repeating either is caught', () => {
    // Repeats are found by a 30-bit hash of the normalised name. These two names share one (found
    // by trying «СОШ № n» for n = 0, 1, 2…); the first assertion keeps the test honest.
    const [first, second] = ['СОШ № 48362', 'СОШ № 80090'];
    const seed = hashKey('амурский район|');
    expect(normalizedHash(first, seed)).toBe(normalizedHash(second, seed));
    const table = parse(weeklySheet([school(first), school(second), school(second.toLowerCase()), school(first)]));
    expect(table.records.map((r) => [r.school, r.counted])).toEqual([[first, true], [second, true], [second.toLowerCase(), false], [first, false]]);
    expect(table.findings.map((f) => [f.row, f.message])).toEqual([
      [6, 'школа повторяется (впервые в строке 5); строка не учтена в итогах'],
      [7, 'школа повторяется (впервые в строке 4); строка не учтена в итогах'],
    ]);
  });

  it('a missing district (grouped under «Район не указан»)', () => {
    const table = parse(weeklySheet([{ ...school('СОШ № 9'), district: '' }]));
    expect(table.findings).toEqual([
      { row: 4, column: 'Район', cell: 'A4', code: 'missingDistrict', severity: 'warning', message: 'не указан район; школа учтена в группе «Район не указан»' },
    ]);
    expect(table.records[0]?.district).toBe(NO_DISTRICT);
  });

  it('an error value in the district cell (a broken formula: not a district of that name)', () => {
    const table = parse(weeklySheet([school('СОШ № 1'), { ...school('СОШ № 2'), district: '#ССЫЛКА!' }, { ...school('СОШ № 3'), district: '#REF!' }]));
    expect(table.findings).toEqual([
      { row: 5, column: 'Район', cell: 'A5', code: 'unparseable', severity: 'error', message: 'ошибка в ячейке района: «#ССЫЛКА!»; школа учтена в группе «Район не указан»' },
      { row: 6, column: 'Район', cell: 'A6', code: 'unparseable', severity: 'error', message: 'ошибка в ячейке района: «#REF!»; школа учтена в группе «Район не указан»' },
    ]);
    expect(table.records.map((r) => r.district)).toEqual(['Амурский район', NO_DISTRICT, NO_DISTRICT]);
  });

  it('a missing school name', () => {
    const table = parse(weeklySheet([{ ...school(''), school: null }]));
    expect(table.findings).toEqual([expect.objectContaining({ row: 4, cell: 'B4', code: 'missingSchool', message: 'не указано наименование ОО' })]);
    expect(table.records[0]?.school).toBe('ОО в строке 4');
  });

  it('a percentage in a count column is taken as a share of its base', () => {
    const table = parse(weeklySheet([school('СОШ № 1', { teachers: 40, teachers3Messages: '25%' })]));
    expect(table.findings).toEqual([
      expect.objectContaining({ row: 4, cell: 'F4', code: 'percentInCount', severity: 'warning', message: 'в столбце количества стоит процент («25%»); значение взято как доля' }),
    ]);
    expect(table.records[0]?.counts.teachers3Messages).toBe(10);
  });

  it('a number between 0 and 1 in a count column (a percentage typed in Excel: 25% is stored as 0,25) is taken as a share of its base', () => {
    const table = parse(weeklySheet([school('СОШ № 1', { teachers: 40, teachers3Messages: 0.25, teachersCalled: '0,5' }), school('СОШ № 2', { teachers: 0.5 })]));
    expect(table.findings).toEqual([
      expect.objectContaining({ row: 4, cell: 'F4', code: 'percentInCount', severity: 'warning', message: 'в столбце количества стоит число от 0 до 1 («0,25»): похоже на процент, значение взято как доля' }),
      expect.objectContaining({ row: 4, cell: 'H4', code: 'percentInCount', severity: 'warning', message: 'в столбце количества стоит число от 0 до 1 («0,5»): похоже на процент, значение взято как доля' }),
      // A base has no base of its own: such a value cannot be a count of teachers.
      expect.objectContaining({ row: 5, cell: 'D5', code: 'unparseable', severity: 'error', message: 'доля вместо количества: «0,5»; значение не учтено' }),
    ]);
    expect(table.records[0]?.counts.teachers3Messages).toBe(10);
    expect(table.records[0]?.counts.teachersCalled).toBe(20);
    expect(table.records[1]?.counts.teachers).toBeUndefined();
  });

  it('an unknown profile status', () => {
    const keys = ['district', 'school', 'status', 'teachers'] as const;
    const table = parse(weeklySheet([school('А', { status: 'может быть' })], [...keys]));
    expect(table.findings).toEqual([expect.objectContaining({ row: 4, cell: 'C4', code: 'unknownStatus', message: 'непонятный статус «может быть»: ожидается «Активен» или «Не активен»' })]);
  });

  it('an empty base under a count: the count is left out of that share, and the base cell is named once', () => {
    expect(findingsOf([school('СОШ № 1', { teachers: null, teachersCreatedChats: 12, teachersCalled: 5 }), school('СОШ № 2', { teachers: 'н/д', teachersCreatedChats: null })])).toEqual([
      { row: 4, column: header('teachers'), cell: 'D4', code: 'missingBase', severity: 'warning', message: `нет базы, а в «${header('teachersCreatedChats')}» число есть; доли по этой базе для строки не считаются` },
    ]);
  });

  it('a zero base under several counts is named once, with the first count', () => {
    expect(findingsOf([school('СОШ № 1', { teachers: 0, teachersCreatedChats: 3, teachers3Messages: 2, teachersCalled: 1 })])).toEqual([
      { row: 4, column: header('teachers'), cell: 'D4', code: 'baseZero', severity: 'warning', message: 'база равна 0, а в «Учителя, создавшие групповые чаты» 3; доля школы не считается, а число учтено в сумме района как есть — проверьте' },
    ]);
  });

  it('an unreadable base is reported as unreadable only, not again as a missing base', () => {
    expect(findingsOf([school('СОШ № 1', { teachers: 'ошибка', teachersCreatedChats: 3, teachersCalled: 1 })])).toEqual([
      { row: 4, column: header('teachers'), cell: 'D4', code: 'unparseable', severity: 'error', message: 'текст вместо числа: «ошибка»; значение не учтено' },
    ]);
  });

  it('«н/д» is missing data, not an error', () => {
    expect(findingsOf([school('СОШ № 1', { teachersCalled: 'н/д' })])).toEqual([]);
  });

  it('never stops the rest of the table', () => {
    const table = parse(weeklySheet([school('СОШ № 1', { teachers: 'ошибка' }), school('СОШ № 2')]));
    expect(table.records).toHaveLength(2);
    expect(table.records[1]?.counts).toEqual({ teachers: 100, teachersCreatedChats: 40 });
  });
});
