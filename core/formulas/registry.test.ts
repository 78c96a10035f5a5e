import { formula, FORMULA_NAMES, FORMULAS } from './registry';
import type { FormulaError } from './types';
import { weeklySheet } from '../../test/fixtures/weekly';
import { runJob } from '../pipeline';
import type { CellValue } from '../values';

const err = (code: FormulaError['code'], message: string): FormulaError => ({ kind: 'error', code, message });
const run = (name: Parameters<typeof formula>[0], ...args: Parameters<(typeof FORMULAS)[number]['run']>) => formula(name).run(...args);

describe('the registry', () => {
  it('declares exactly the formula set of the issue, each with Russian help for every parameter', () => {
    expect(FORMULA_NAMES).toEqual(['SHARE', 'SHARE_BY', 'TARGET', 'STATUS', 'GAP', 'ACTIVE', 'ACCESS50', 'PARSE', 'CHECK']);
    for (const def of FORMULAS) {
      expect(def.description).toMatch(/[а-я]/);
      for (const param of def.params) expect(param.description).toMatch(/[А-Яа-я]/);
    }
  });
});

describe('SHARE', () => {
  it('divides part by total: the published 97,01 %', () => {
    expect(run('SHARE', 617, 636)).toBe(617 / 636);
    expect(run('SHARE', '237 466', '312 014')).toBe(237466 / 312014);
  });
  it('returns the ratio for a part above its total (CHECK reports it)', () => {
    expect(run('SHARE', 18013, 17218)).toBe(18013 / 17218);
  });
  it('is empty for missing part or total', () => {
    expect(run('SHARE', null, 10)).toBeNull();
    expect(run('SHARE', 5, 'н/д')).toBeNull();
  });
  it('gives «база равна 0» for a zero total', () => {
    expect(run('SHARE', 5, 0)).toEqual(err('div0', 'база равна 0'));
  });
  it('refuses negative and non-numeric values with the reason', () => {
    expect(run('SHARE', -1, 10)).toEqual(err('value', 'часть: отрицательное значение: −1'));
    // Which of the two numbers is wrong: the message names the argument as the formula's help does.
    expect(run('SHARE', 10, -1)).toEqual(err('value', 'база: отрицательное значение: −1'));
    expect(run('SHARE', 'много', 10)).toEqual(err('value', 'часть: текст вместо числа: «много»'));
  });
  it('takes a part written as a percentage, or between 0 and 1 (a percentage typed in Excel), as that share of the base, as the report does', () => {
    expect(run('SHARE', '25%', 10)).toBe(0.25);
    expect(run('SHARE', 0.18, 49)).toBeCloseTo(0.18, 12);
    expect(run('GAP', 0.18, 49, 0.25)).toBe(4);
    // A base has no base of its own: a share there is refused.
    expect(run('SHARE', 5, '25%')).toEqual(err('value', 'база: процент вместо количества: «25%»'));
    expect(run('SHARE', 5, 0.5)).toEqual(err('value', 'база: доля вместо количества: «0,5»'));
  });
  it('combines ranges element by element and spreads a single value', () => {
    expect(run('SHARE', [[1], [2], [3]], [[10], [10], [0]])).toEqual([[0.1], [0.2], [err('div0', 'база равна 0')]]);
    expect(run('SHARE', [[1, 2]], 4)).toEqual([[0.25, 0.5]]);
    expect(run('SHARE', [[7]], [[20]])).toBe(0.35);
  });
  it('stretches a column across the columns of a wider range, and a row down its rows, as spreadsheet array arithmetic does', () => {
    // Four indicator columns over one column of teachers: one share per cell.
    expect(run('SHARE', [[1, 2, 3, 4], [5, 6, 7, 8]], [[10], [20]])).toEqual([[0.1, 0.2, 0.3, 0.4], [0.25, 0.3, 0.35, 0.4]]);
    // A row of targets against a column of schools: one status per school and target.
    expect(run('STATUS', [[30], [40]], 100, [[0.25, 0.35, 0.5]])).toEqual([['выполнено', 'близко', 'отстаёт'], ['выполнено', 'выполнено', 'отстаёт']]);
    // A range that fits neither way is still refused, naming both ranges.
    expect(run('SHARE', [[1, 2, 3], [4, 5, 6]], [[10, 20]])).toEqual(err('value', 'размеры диапазонов не совпадают: часть 2×3 и база 1×2 — выделите диапазоны одной высоты, например G4:G805 и F4:F805'));
  });
  it('names both shapes when ranges differ', () => {
    expect(run('SHARE', [[1], [2]], [[1], [2], [3]])).toEqual(err('value', 'размеры диапазонов не совпадают: часть 2×1 и база 3×1 — выделите диапазоны одной высоты, например G4:G805 и F4:F805'));
  });
});

describe('SHARE_BY', () => {
  const groups = [['Амурский район'], ['Амурский район'], ['Бикинский район'], ['амурский  РАЙОН'], ['Бикинский район']];
  const parts = [[40], [1], [2], [null], ['н/д']];
  const totals = [[100], [10], [20], [50], [30]];
  it('sums parts over sums of totals of the group (weighted), with normalised group names', () => {
    expect(run('SHARE_BY', groups, 'Амурский район', parts, totals)).toBe(41 / 110);
    expect(run('SHARE_BY', groups, 'бикинский район', parts, totals)).toBe(0.1);
  });
  it('gives one result per group when the group is a range', () => {
    expect(run('SHARE_BY', groups, [['Амурский район'], ['Бикинский район']], parts, totals)).toEqual([[41 / 110], [0.1]]);
  });
  it('is empty for a group whose every row lacks a number, as the report shows «—» (not «база равна 0»)', () => {
    expect(run('SHARE_BY', [['А'], ['А'], ['Б']], 'А', [['н/д'], [null], [1]], [[10], [20], [5]])).toBeNull();
    expect(run('SHARE_BY', [['А'], ['Б']], 'А', [['abc'], [1]], [[10], [5]])).toBeNull();
    // A real zero base is still #DIV/0!.
    expect(run('SHARE_BY', [['А']], 'А', [[0]], [[0]])).toEqual(err('div0', 'база равна 0'));
  });
  it('is empty for an empty cell in a list of groups, as every formula of the set is for empty input', () => {
    expect(run('SHARE_BY', groups, [['Амурский район'], [''], [null]], parts, totals)).toEqual([[41 / 110], [null], [null]]);
  });
  it('names a group with no rows', () => {
    expect(run('SHARE_BY', groups, 'Вяземский район', parts, totals)).toEqual(err('na', 'района «Вяземский район» нет в столбце районов — проверьте, как он написан'));
  });
  it('leaves a row with a bad value out of both sums, as the report does (SFERUM.CHECK names it), and takes a percentage as a share of its row\'s total', () => {
    expect(run('SHARE_BY', [['А'], ['А']], 'А', [[1], ['abc']], [[2], [2]])).toBe(0.5);
    expect(run('SHARE_BY', [['А'], ['А']], 'А', [[1], ['50%']], [[2], [10]])).toBe(6 / 12);
  });
  it('checks that the data ranges have one shape', () => {
    expect(run('SHARE_BY', groups, 'А', [[1]], totals)).toEqual(err('value', 'размеры диапазонов не совпадают: районы 5×1 и части 1×1 — выделите диапазоны одной высоты, например G4:G805 и F4:F805'));
  });
  it('gives «база равна 0» when the group has no base', () => {
    expect(run('SHARE_BY', [['А']], 'А', [[0]], [[0]])).toEqual(err('div0', 'база равна 0'));
  });
});

describe('TARGET', () => {
  it('knows keys and header texts', () => {
    expect(run('TARGET', 'teachersCreatedChats')).toBe(0.35);
    expect(run('TARGET', 'Учителя, создавшие групповые чаты')).toBe(0.35);
    expect(run('TARGET', 'Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю')).toBe(0.25);
    expect(run('TARGET', 'teachers10Messages')).toBe(0.35);
    expect(run('TARGET', 'Учителя, совершившие минимум 1 звонок за неделю', 2023)).toBe(0.3);
    expect(run('TARGET', 'schoolsInSphere', '2022-2023')).toBe(1);
  });
  it('lists the known keys for an unknown indicator', () => {
    const result = run('TARGET', 'погода');
    expect(result).toMatchObject({ kind: 'error', code: 'na' });
    expect((result as FormulaError).message).toMatch(/^неизвестный показатель «погода»; известны: teachersCreatedChats \(Создали чаты\), teachers3Messages \(≥3 сообщений\)/);
  });
  it('says when an indicator has no default target', () => {
    expect(run('TARGET', 'teachersLinkedDiary')).toEqual(err('na', 'для показателя «Доля учителей, связавших аккаунты ЭЖД» цель по умолчанию не задана'));
  });
  it('refuses a year without targets', () => {
    // An empty cell asks for nothing: empty, as in every formula of the set.
    expect(run('TARGET', '')).toBeNull();
    expect(run('TARGET', [['teachersCalled'], [null], ['  ']])).toEqual([[0.3], [null], [null]]);
    expect(run('TARGET', 'teachersCalled', 2019)).toEqual(err('na', 'цели на учебный год «2019» не заданы; известны: 2022–2023'));
    // A year written out in full is quoted as written, without «учебный год» twice.
    expect(run('TARGET', 'teachersCalled', '2019/2020 учебный год')).toEqual(err('na', 'цели на учебный год «2019/2020 учебный год» не заданы; известны: 2022–2023'));
  });
});

describe('STATUS', () => {
  it('gives the four statuses', () => {
    expect(run('STATUS', 35, 100, 0.35)).toBe('выполнено');
    expect(run('STATUS', 33, 100, '35%')).toBe('близко');
    expect(run('STATUS', 10, 100, 0.35)).toBe('отстаёт');
    expect(run('STATUS', null, 100, 0.35)).toBe('нет данных');
    expect(run('STATUS', 5, 0, 0.35)).toBe('нет данных');
  });
  it('uses the tolerance given', () => {
    expect(run('STATUS', 33, 100, 0.35, 0.01)).toBe('отстаёт');
  });
  it('refuses a target outside 0…1 and a missing target', () => {
    expect(run('STATUS', 1, 2, 35)).toEqual(err('value', 'цель должна быть долей от 0 до 1 (например 0,35 или 35%), а не «35»'));
    expect(run('STATUS', 1, 2, null)).toEqual(err('value', 'не указана цель (доля, например 0,35, или процент, например 35%)'));
  });
  it('works over ranges', () => {
    expect(run('STATUS', [[35], [1]], [[100], [100]], 0.35)).toEqual([['выполнено'], ['отстаёт']]);
  });
});

describe('GAP', () => {
  it('gives people still needed, free of floating-point artefacts', () => {
    expect(run('GAP', 25, 100, 0.25)).toBe(0);
    expect(run('GAP', 35, 100, 0.35)).toBe(0);
    expect(run('GAP', 20, 100, 0.25)).toBe(5);
    expect(run('GAP', 0, 7, '35%')).toBe(3);
  });
  it('is empty without data and an error for a zero base', () => {
    expect(run('GAP', null, 100, 0.25)).toBeNull();
    expect(run('GAP', 0, 0, 0.25)).toEqual(err('div0', 'база равна 0'));
  });
});

describe('ACTIVE', () => {
  it('is TRUE with more than two users and a class', () => {
    expect(run('ACTIVE', 3, 1)).toBe(true);
    expect(run('ACTIVE', 2, 5)).toBe(false);
    expect(run('ACTIVE', 10, 0)).toBe(false);
    expect(run('ACTIVE', [[3], [2]], [[1], [1]])).toEqual([[true], [false]]);
  });
  it('is empty without data and an error for text', () => {
    expect(run('ACTIVE', null, 1)).toBeNull();
    expect(run('ACTIVE', 'да', 1)).toEqual(err('value', 'пользователей: текст вместо числа: «да»'));
    expect(run('ACTIVE', 3, 'один')).toEqual(err('value', 'классов: текст вместо числа: «один»'));
  });
});

describe('ACCESS50', () => {
  it('needs at least half of the teachers and half of the students', () => {
    expect(run('ACCESS50', 14, 28, 193, 386)).toBe(true);
    expect(run('ACCESS50', 13, 28, 300, 386)).toBe(false);
    expect(run('ACCESS50', 20, 28, 13, 386)).toBe(false);
  });
  it('is empty without data and an error for a zero base', () => {
    expect(run('ACCESS50', 14, 28, null, 386)).toBeNull();
    expect(run('ACCESS50', 14, 0, 1, 2)).toEqual(err('div0', 'учителей_всего: база равна 0'));
    expect(run('ACCESS50', 1, 2, 14, 0)).toEqual(err('div0', 'учеников_всего: база равна 0'));
    expect(run('ACCESS50', 1, 2, 'много', 4)).toEqual(err('value', 'учеников_с_доступом: текст вместо числа: «много»'));
  });
});

describe('PARSE', () => {
  it('reads what a cell\'s text means', () => {
    expect(run('PARSE', '17 218')).toBe(17218);
    expect(run('PARSE', '97,01%')).toBe(0.9701);
    expect(run('PARSE', 'н/д')).toBeNull();
    expect(run('PARSE', 'много')).toEqual(err('value', 'текст вместо числа: «много»'));
    expect(run('PARSE', [['1 000', '2,5']])).toEqual([[1000, 2.5]]);
  });
});

describe('messages about a target', () => {
  it('quote the value as the sheet shows it', () => {
    expect(run('STATUS', 10, 100, 1.2)).toEqual(err('value', 'цель должна быть долей от 0 до 1 (например 0,35 или 35%), а не «1,2»'));
    expect(run('GAP', 10, 100, true)).toEqual(err('value', 'цель должна быть долей от 0 до 1 (например 0,35 или 35%), а не «ИСТИНА»'));
  });
});

describe('SHARE_BY and the report', () => {
  it('give each district the same share, with bad cells, percentages and fractions in the counts', () => {
    const rows = [
      { district: 'Амурский район', school: 'СОШ № 1', teachers: 100, teachersCreatedChats: 40 },
      { district: 'Амурский район', school: 'СОШ № 2', teachers: 49, teachersCreatedChats: '18%' },
      { district: 'Амурский район', school: 'СОШ № 3', teachers: 20, teachersCreatedChats: 'много' },
      { district: 'Бикинский район', school: 'СОШ № 4', teachers: 50, teachersCreatedChats: 0.2 },
      { district: 'Бикинский район', school: 'СОШ № 5', teachers: -3, teachersCreatedChats: 1 },
      { district: 'Бикинский район', school: 'СОШ № 6', teachers: '1 200', teachersCreatedChats: 'н/д' },
      { district: 'Бикинский район', school: 'СОШ № 7', teachers: 30, teachersCreatedChats: 12 },
    ];
    const result = runJob({ current: { values: weeklySheet(rows) } });
    if (!result.ok) throw new Error(result.error);
    const column = (key: 'district' | 'teachers' | 'teachersCreatedChats') => rows.map((row) => [row[key] as CellValue]);
    for (const district of result.evaluation.districts) {
      const byFormula = run('SHARE_BY', column('district'), district.name, column('teachersCreatedChats'), column('teachers'));
      expect(byFormula).toBeCloseTo(district.measures.teachersCreatedChats?.share ?? NaN, 12);
    }
  });
});

describe('CHECK', () => {
  it('is empty when fine', () => {
    expect(run('CHECK', 10, 20)).toBeNull();
    expect(run('CHECK', null, null)).toBeNull();
  });
  it('explains each problem in Russian', () => {
    expect(run('CHECK', 18013, 17218)).toBe('значение больше базы: 18\u00a0013 > 17\u00a0218');
    expect(run('CHECK', -1, 10)).toBe('отрицательное значение: −1');
    expect(run('CHECK', '12,5', 20)).toBe('дробное количество: 12,50');
    expect(run('CHECK', 'много', 20)).toBe('текст вместо числа: «много»');
    expect(run('CHECK', 3, 0)).toBe('база равна 0');
    expect(run('CHECK', 0.25, 40)).toBe('в столбце количества стоит число от 0 до 1 («0,25»): похоже на процент, значение взято как доля');
    // Missing data («н/д», an empty cell) is allowed, as in the report's data check.
    expect(run('CHECK', null, 20)).toBeNull();
    expect(run('CHECK', 'н/д', 20)).toBeNull();
    expect(run('CHECK', 3, null)).toBeNull();
  });
  it('works over ranges', () => {
    expect(run('CHECK', [[1], [30]], [[20], [20]])).toEqual([[null], ['значение больше базы: 30 > 20']]);
  });
});

describe('dates in arguments', () => {
  // Google Sheets passes a date cell as a Date: messages quote it as the sheet shows it.
  const date = new Date(2023, 3, 14);
  it('quotes a date as «14.04.2023», not in English', () => {
    expect(run('STATUS', 30, 100, date)).toEqual(err('value', 'цель должна быть долей от 0 до 1 (например 0,35 или 35%), а не «14.04.2023»'));
    expect(run('TARGET', 'teachersCalled', date)).toEqual(err('na', 'цели на учебный год «14.04.2023» не заданы; известны: 2022–2023'));
    expect(run('SHARE', date, 10)).toEqual(err('value', 'часть: дата вместо числа: «14.04.2023»'));
  });
});
