import { SCHOOL_COLUMNS, SUMMARY_COLUMNS } from '../catalogue/columns';
import { applyMapping, findHeaderRow, recogniseColumns } from './header';

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
