import { SCHOOL_COLUMNS, SUMMARY_COLUMNS } from '../catalogue/columns';
import { applyMapping, findHeaderRow, NO_COLUMN, recogniseColumns } from './header';
import { parsePlanTable } from './planTable';
import { parseSchoolTable } from './schoolTable';

describe('recogniseColumns (school table)', () => {
  it('recognises the official headers, with or without parenthetical tails, in any case and order', () => {
    const row = [
      'УЧИТЕЛЯ, СОЗДАВШИЕ ГРУППОВЫЕ ЧАТЫ',
      'Учеников всего (кол-во учеников в Сферуме)',
      'Муниципалитет',
      'Наименование ОО',
      'Учителей всего (кол-во учителей в Сферуме, VK Мессенджере и ЭЖД)',
      'Учителя, написавшие в групповых чатах минимум 10 сообщений за неделю',
      'Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю',
      'Учителя, совершившие минимум 1 звонок за неделю',
      'Учителя, связавшие аккаунты ЭЖД',
      'Ученики, связавшие аккаунты ЭЖД',
      'ИНН',
      'Статус',
    ];
    const columns = recogniseColumns(row, SCHOOL_COLUMNS);
    expect(Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v?.index]))).toEqual({
      teachersCreatedChats: 0, students: 1, district: 2, school: 3, teachers: 4, teachers10Messages: 5,
      teachers3Messages: 6, teachersCalled: 7, teachersLinkedDiary: 8, studentsLinkedDiary: 9, id: 10, status: 11,
    });
    expect(columns.students?.header).toBe('Учеников всего (кол-во учеников в Сферуме)');
  });

  it.each(['Район', 'Муниципальный район', 'МО', 'Территория', 'Муниципалитет'])('takes «%s» for the district', (text) => {
    expect(recogniseColumns([text], SCHOOL_COLUMNS).district?.index).toBe(0);
  });

  it.each(['ОО', 'Наименование ОО', 'Организация', 'Школа', 'Полное наименование образовательной организации'])('takes «%s» for the school', (text) => {
    expect(recogniseColumns([text], SCHOOL_COLUMNS).school?.index).toBe(0);
  });

  it('tolerates «ё», extra spaces and variants of wording', () => {
    const columns = recogniseColumns(['Учителя,  создавшие  групповые чаты (с 01.09.2022)', 'Педагоги, написавшие не менее 3 сообщений', 'Учителя, сделавшие звонок'], SCHOOL_COLUMNS);
    expect(columns.teachersCreatedChats?.index).toBe(0);
    expect(columns.teachers3Messages?.index).toBe(1);
    expect(columns.teachersCalled?.index).toBe(2);
  });

  it('does not take one column for two keys', () => {
    const columns = recogniseColumns(['Учителя, создавшие групповые чаты', 'Учителя, создавшие групповые чаты'], SCHOOL_COLUMNS);
    expect(Object.keys(columns)).toEqual(['teachersCreatedChats']);
  });
});

describe('recogniseColumns (region summary)', () => {
  it('tells the two «В Сфере» columns apart by the total they follow', () => {
    const row = ['Неделя', 'Всего ОО', 'ОО в Сфере', 'Школ не активно в Сфере', '% ОО в Сфере', 'Общее кол-во педагогов', 'В Сфере', 'Общее кол-во обуч-ся', 'В Сфере', '% в Сфере'];
    const columns = recogniseColumns(row, SUMMARY_COLUMNS);
    expect(columns.teachersInSphere?.index).toBe(6);
    expect(columns.studentsInSphere?.index).toBe(8);
    expect(columns.staffTotal?.index).toBe(5);
    expect(columns.studentsTotal?.index).toBe(7);
    expect(columns.schoolsInSpherePercent?.index).toBe(4);
    expect(columns.studentsInSpherePercent?.index).toBe(9);
  });
});

describe('findHeaderRow', () => {
  it('finds the header below title rows', () => {
    const values = [
      ['Мониторинг использования ИКОП «Сферум» за период 15.04.2023–21.04.2023'],
      ['Район'],
      [],
      ['Район', 'ОО', 'Учителей всего', 'Учителя, создавшие групповые чаты'],
      ['Амурский', 'СОШ № 1', 10, 2],
    ];
    expect(findHeaderRow(values, SCHOOL_COLUMNS)?.rowIndex).toBe(3);
  });

  it('finds nothing in a sheet without a table', () => {
    expect(findHeaderRow([['Привет'], [1, 2, 3]], SCHOOL_COLUMNS)).toBeNull();
  });
});

describe('applyMapping', () => {
  const row = ['Территория ОО', 'Школа', 'Педагоги в Сферуме', 'Чаты'];
  it('lets the user assign columns by index, by header text or by letter', () => {
    const { columns, errors } = applyMapping({}, row, { district: 0, teachers: 'Педагоги в Сферуме', teachersCreatedChats: 'D' }, SCHOOL_COLUMNS);
    expect(errors).toEqual([]);
    expect(columns.district).toEqual({ index: 0, header: 'Территория ОО' });
    expect(columns.teachers?.index).toBe(2);
    expect(columns.teachersCreatedChats?.index).toBe(3);
  });

  it('rules out a recognised column the user says the sheet does not have (NO_COLUMN)', () => {
    const headers = ['Район', 'Школа', 'Учителей всего', 'Учителя, создавшие групповые чаты'];
    const recognised = recogniseColumns(headers, SCHOOL_COLUMNS);
    expect(recognised.teachersCreatedChats?.index).toBe(3);
    const { columns, errors } = applyMapping(recognised, headers, { teachersCreatedChats: NO_COLUMN }, SCHOOL_COLUMNS);
    expect(errors).toEqual([]);
    expect(columns.teachersCreatedChats).toBeUndefined();
    expect(columns.school?.index).toBe(1);
  });

  it('overrides recognition and frees the column from its recognised key', () => {
    const recognised = recogniseColumns(row, SCHOOL_COLUMNS);
    expect(recognised.school?.index).toBe(1);
    const { columns } = applyMapping(recognised, row, { district: 1 }, SCHOOL_COLUMNS);
    expect(columns.district?.index).toBe(1);
    expect(columns.school).toBeUndefined();
  });

  it('reads a column letter as the sheet\'s column when the values start further right', () => {
    const { columns } = applyMapping({}, row, { teachersCreatedChats: 'E' }, SCHOOL_COLUMNS, 1);
    expect(columns.teachersCreatedChats?.index).toBe(3);
  });

  it('names the header when the given column does not exist', () => {
    const { errors } = applyMapping({}, row, { teachers: 'Нет такого столбца' }, SCHOOL_COLUMNS);
    expect(errors).toEqual(['в соответствии столбцов для «Учителей всего» указан столбец «Нет такого столбца», но его нет в строке заголовков']);
  });
});

describe('a header of two rows', () => {
  // «Район» and «Наименование ОО» merged down rows 2–3, as an add-in reads them (the text in the
  // top cell only), beside «Учителя», a group header over its sub-headers in row 3.
  const twoRows = [
    ['Мониторинг за период 10.04.2023–14.04.2023'],
    ['Район', 'Наименование ОО', 'Учителя', null, null],
    [null, null, 'Учителей всего', 'Учителя, создавшие групповые чаты', 'Учителя, совершившие минимум 1 звонок за неделю'],
    ['Амурский район', 'СОШ № 1', 10, 5, 2],
    [null, 'СОШ № 2', 20, 5, 2],
  ];

  it('takes the lower row, with the upper row\'s text where a cell is blank', () => {
    const header = findHeaderRow(twoRows, SCHOOL_COLUMNS);
    expect(header?.rowIndex).toBe(2);
    expect(header?.cells).toEqual(['Район', 'Наименование ОО', 'Учителей всего', 'Учителя, создавшие групповые чаты', 'Учителя, совершившие минимум 1 звонок за неделю']);
    expect(Object.fromEntries(Object.entries(header?.columns ?? {}).map(([k, v]) => [k, v?.index]))).toEqual({
      district: 0, school: 1, teachers: 2, teachersCreatedChats: 3, teachersCalled: 4,
    });
  });

  it('reads the schools under it, and names the district column in findings', () => {
    const parsed = parseSchoolTable(twoRows);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.table.headerRow).toBe(3);
    expect(parsed.table.records.map((r) => [r.row, r.school, r.counts.teachers])).toEqual([[4, 'СОШ № 1', 10], [5, 'СОШ № 2', 20]]);
    expect(parsed.table.findings.find((f) => f.code === 'missingDistrict')).toMatchObject({ row: 5, column: 'Район', cell: 'A5' });
    // The user's mapping by header text finds the upper row's text too.
    const mapped = parseSchoolTable(twoRows, { mapping: { school: 'Наименование ОО' } });
    expect(mapped.ok && mapped.table.columns.school?.index).toBe(1);
  });

  it('never takes the title for a blank header cell', () => {
    const values = [['Мониторинг «Сферума»'], [null, 'Район', 'Наименование ОО', 'Учителей всего'], [1, 'Амурский район', 'СОШ № 1', 10]];
    const header = findHeaderRow(values, SCHOOL_COLUMNS);
    expect(header?.rowIndex).toBe(1);
    expect(header?.cells).toEqual(values[1]);
  });
});

describe('a title above the header is never taken for a blank header cell', () => {
  it('a plan titled «План…» above an unnamed «№» column: the plan figures stay in their column', () => {
    const values = [
      ['План по показателю 2.3 на 2023 год', null, 'Приложение 1'],
      [null, 'Район', 'Всего ОО', 'План: ОО, достигших условия 2.3'],
      [1, 'Амурский район', 27, 5],
      [2, 'Бикинский район', 30, 7],
    ];
    const parsed = parsePlanTable(values);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.table.entries.map((e) => [e.district, e.required])).toEqual([['Амурский район', 5], ['Бикинский район', 7]]);
  });

  it('a title and a date above an unnamed «№» column, or a title merged across the table (as the command line reads it): column A stays unnamed', () => {
    const header = [null, 'Район', 'Наименование ОО', 'Учителей всего', 'Кол-во пользователей, привязанных к профилю'];
    const row = [1, 'Амурский район', 'СОШ № 1', 10, 300];
    const titles = [
      ['Мониторинг активности пользователей Сферума', null, null, null, 'на 14.04.2023'],
      Array.from({ length: 5 }, () => 'Численность пользователей и обучающихся в ОО'),
    ];
    for (const title of titles) {
      const found = findHeaderRow([title, header, row], SCHOOL_COLUMNS);
      expect(found?.rowIndex).toBe(1);
      expect(found?.cells).toEqual(header);
      expect(found?.columns.usersLinked?.index).toBe(4);
    }
  });
});
