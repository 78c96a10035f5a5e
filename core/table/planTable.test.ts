/** The region's plan for indicator 2.3: input data read as written, with a word for every row it cannot use. */
import { looseDistrictKey, parsePlanTable } from './planTable';

describe('parsePlanTable', () => {
  const parsed = parsePlanTable([
    ['План по показателю 2.3 на 2023 год'],
    ['Район', 'Всего ОО', 'План: ОО, достигших условия 2.3'],
    ['Амурский район', 18, 2],
    ['Хабаровский район', 36, null],
    [],
    ['г. Комсомольск-на-Амуре', '37', '4'],
    ['Бикинский район', 20, 'два'],
    ['Вяземский район', 15, '50%'],
    ['Ванинский район', 12, 0.5],
    ['Итого', 91, 10],
  ]);
  if (!parsed.ok) throw new Error(parsed.error);

  it('reads each district\'s plan below a title, numbers written as text included, and skips blank and «Итого» rows', () => {
    expect(parsed.table.entries.map((e) => [e.row, e.district, e.schools, e.required])).toEqual([
      [3, 'Амурский район', 18, 2],
      [6, 'г. Комсомольск-на-Амуре', 37, 4],
    ]);
  });

  it('names the cell of a district left without a plan, and of a plan that is not a number', () => {
    expect(parsed.table.findings).toContainEqual({
      row: 4, column: 'План: ОО, достигших условия 2.3', cell: 'C4', code: 'unparseable', severity: 'error', message: 'не указан план; район пропущен',
    });
    expect(parsed.table.findings).toContainEqual({
      row: 7, column: 'План: ОО, достигших условия 2.3', cell: 'C7', code: 'unparseable', severity: 'error', message: 'текст вместо числа: «два»; район пропущен',
    });
    expect(parsed.table.findings.filter((f) => f.row === 3 || f.row === 6 || f.row === 10)).toEqual([]);
  });

  it('says once per cell why a district is left out: a plan is a number of schools, not a share', () => {
    expect(parsed.table.findings.map((f) => [f.cell, f.message])).toEqual([
      ['C4', 'не указан план; район пропущен'],
      ['C7', 'текст вместо числа: «два»; район пропущен'],
      ['C8', 'план — число школ, а не доля: «50%»; район пропущен'],
      ['C9', 'план — число школ, а не доля: «0,5»; район пропущен'],
    ]);
  });

  it('needs the district and plan columns, and says which is missing', () => {
    const result = parsePlanTable([['Район', 'Всего ОО'], ['Амурский район', 18]]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^не найдены обязательные столбцы: «План: ОО, достигших условия 2\.3»\. Найдены заголовки: «Район», «Всего ОО»/);
  });
});

describe('looseDistrictKey', () => {
  it('drops «г.», «район», «муниципальный», «городской округ» so a plan and a table written differently meet', () => {
    expect(looseDistrictKey('г. Комсомольск-на-Амуре')).toBe('комсомольск на амуре');
    expect(looseDistrictKey('Комсомольск-на-Амуре')).toBe('комсомольск на амуре');
    expect(looseDistrictKey('Амурский муниципальный район')).toBe('амурский');
    expect(looseDistrictKey('Амурский район')).toBe('амурский');
    expect(looseDistrictKey('Городской округ город Махачкала')).toBe('махачкала');
    // Words that only contain such a word are kept: «Районный» is no «район».
    expect(looseDistrictKey('Районный посёлок Горный')).toBe('районный поселок горный');
  });
});
