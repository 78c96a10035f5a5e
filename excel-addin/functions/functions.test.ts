/**
 * Every custom function through its Excel wrapper, with a stub of the CustomFunctions global:
 * single values (Excel passes them as 1×1 matrices), ranges (one result per element), and bad
 * input (Excel errors with the Russian message), against hand-computed results.
 */
import { access50, active, check, gap, parse, share, shareBy, status, target } from './functions';

class StubError {
  constructor(readonly code: string, readonly message?: string) {}
}

beforeAll(() => {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
    Error: StubError,
    ErrorCode: { divisionByZero: '#DIV/0!', invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };
});

/** A single cell as Excel passes it to a matrix parameter. */
const one = (value: unknown): unknown[][] => [[value]];
/** A column range. */
const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

function expectError(cell: unknown, code: string, message?: string | RegExp): void {
  expect(cell).toBeInstanceOf(StubError);
  const error = cell as StubError;
  expect(error.code).toBe(code);
  if (message === undefined) return;
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

describe('SFERUM.SHARE', () => {
  test('single values: 617 of 636 schools', () => {
    expect(share(one(617), one(636))).toEqual([[617 / 636]]);
  });
  test('Russian-formatted text is read as numbers', () => {
    expect(share(one('17 218'), one('20\u00a0000'))).toEqual([[17218 / 20000]]);
  });
  test('a range gives one result per row, an error in place of a zero base', () => {
    const result = share(column(1, 2, 30), column(4, 0, 100));
    expect(result[0]).toEqual([0.25]);
    expectError(result[1]?.[0], '#DIV/0!');
    expect(result[2]).toEqual([0.3]);
  });
  test('#DIV/0! carries no custom message (Excel does not allow one)', () => {
    expectError(share(one(1), one(0))[0]?.[0], '#DIV/0!', undefined);
    expect((share(one(1), one(0))[0]?.[0] as StubError).message).toBeUndefined();
  });
  test('a single base applies to every part', () => {
    expect(share(column(10, 20), one(40))).toEqual([[0.25], [0.5]]);
  });
  test('empty part → empty cell', () => {
    expect(share(one(''), one(10))).toEqual([['']]);
    expect(share(one(null), one(10))).toEqual([['']]);
  });
  test('a part above its base still gives the ratio (CHECK reports it)', () => {
    expect(share(one(18013), one(17218))).toEqual([[18013 / 17218]]);
  });
  test('negative and text values → #VALUE! with the reason', () => {
    expectError(share(one(-1), one(10))[0]?.[0], '#VALUE!', 'часть: отрицательное значение: −1');
    expectError(share(one('много'), one(10))[0]?.[0], '#VALUE!', /текст вместо числа/);
  });
  test('ranges of different shapes → one #VALUE! naming both shapes', () => {
    const result = share(column(1, 2), column(1, 2, 3));
    expect(result).toHaveLength(1);
    expectError(result[0]?.[0], '#VALUE!', 'размеры диапазонов не совпадают: часть 2×1 и база 3×1 — выделите диапазоны одной высоты, например G4:G805 и F4:F805');
  });
});

describe('error cells in a range (functions.json lets them in: allowErrorForDataTypeAny)', () => {
  // How Excel hands over an error cell is not pinned down in the docs we have: as a
  // CustomFunctions.Error (a code «#N/A») or as a data-types error ({ type: 'Error', errorType }).
  // Both are read as the error's text, which core reports for that element only.
  const na = new StubError('#N/A');
  const div0 = { type: 'Error', errorType: 'Div0' };
  test('one #N/A in a column spoils only its own row of a SHARE spill', () => {
    const result = share(column(1, na, 3), column(4, 10, 10));
    expect(result[0]).toEqual([0.25]);
    expectError(result[1]?.[0], '#VALUE!', 'часть: ошибка в ячейке: «#N/A»');
    expect(result[2]).toEqual([0.3]);
  });
  test('a cell holding a data type (a formatted number) is read as the value it shows, not as an error', () => {
    expect(share(one({ type: 'FormattedNumber', basicValue: 5, numberFormat: '0' }), one(10))).toEqual([[0.5]]);
  });
  test('CHECK names the error, and SHARE_BY leaves its row out of the district\'s sums', () => {
    expect(check(column(1, na), column(div0, 10))).toEqual([['ошибка в ячейке: «#DIV/0!»'], ['ошибка в ячейке: «#N/A»']]);
    expect(shareBy(column('А', 'А', 'Б'), one('А'), column(1, na, 5), column(4, 10, 10))).toEqual([[0.25]]);
  });
});

describe('SFERUM.SHARE_BY', () => {
  const groups = column('Амурский район', 'Бикинский район', 'амурский  район');
  const parts = column(10, 5, 30);
  const totals = column(100, 10, 100);
  test('weighted share of a group: (10 + 30) / (100 + 100), names compared loosely', () => {
    expect(shareBy(groups, one('АМУРСКИЙ район'), parts, totals)).toEqual([[0.2]]);
  });
  test('a range of groups gives one result each; an unknown group is #N/A naming it', () => {
    const result = shareBy(groups, column('Амурский район', 'Бикинский район', 'Ванинский район'), parts, totals);
    expect(result[0]).toEqual([0.2]);
    expect(result[1]).toEqual([0.5]);
    expectError(result[2]?.[0], '#N/A', 'района «Ванинский район» нет в столбце районов — проверьте, как он написан');
  });
  test('rows with a missing part are left out of both sums', () => {
    expect(shareBy(groups, one('Амурский район'), column(10, 5, ''), totals)).toEqual([[0.1]]);
  });
  test('columns of different sizes → #VALUE!', () => {
    expectError(shareBy(groups, one('Амурский район'), column(1, 2), totals)[0]?.[0], '#VALUE!', /размеры диапазонов не совпадают/);
  });
});

describe('SFERUM.TARGET', () => {
  test('by key and by the header text of the column', () => {
    expect(target(one('teachersCreatedChats'))).toEqual([[0.35]]);
    expect(target(one('Учителя, создавшие групповые чаты'))).toEqual([[0.35]]);
    expect(target(one('teachers3Messages'))).toEqual([[0.25]]);
    expect(target(one('teachersCalled'))).toEqual([[0.3]]);
  });
  test('a range of indicators, and the optional year omitted or given', () => {
    expect(target(column('teachers10Messages', 'teachers3Messages'))).toEqual([[0.35], [0.25]]);
    expect(target(one('teachersCalled'), one(2023))).toEqual([[0.3]]);
    expect(target(one('teachersCalled'), undefined)).toEqual([[0.3]]);
  });
  test('unknown indicator or year → #N/A listing what is known', () => {
    expectError(target(one('звёзды'))[0]?.[0], '#N/A', /неизвестный показатель «звёзды»; известны: .*teachersCreatedChats/);
    expectError(target(one('teachersCalled'), one(1999))[0]?.[0], '#N/A', /цели на учебный год «1999» не заданы/);
  });
});

describe('SFERUM.STATUS', () => {
  test('met, near, lagging, no data', () => {
    expect(status(one(35), one(100), one(0.35))).toEqual([['выполнено']]);
    expect(status(one(33), one(100), one(0.35))).toEqual([['близко']]);
    expect(status(one(20), one(100), one(0.35))).toEqual([['отстаёт']]);
    expect(status(one(''), one(100), one(0.35))).toEqual([['нет данных']]);
  });
  test('target as «35%» and a wider tolerance', () => {
    expect(status(one(35), one(100), one('35%'))).toEqual([['выполнено']]);
    expect(status(one(26), one(100), one(0.35), one(0.1))).toEqual([['близко']]);
  });
  test('a column of schools against one target', () => {
    expect(status(column(40, 31, 5), column(100, 100, 100), one(0.35))).toEqual([['выполнено'], ['близко'], ['отстаёт']]);
  });
  test('missing or impossible target → #VALUE!', () => {
    expectError(status(one(1), one(2), one(''))[0]?.[0], '#VALUE!', /не указана цель/);
    expectError(status(one(1), one(2), one(3))[0]?.[0], '#VALUE!', 'цель должна быть долей от 0 до 1 (например 0,35 или 35%), а не «3»');
  });
});

describe('SFERUM.GAP', () => {
  test('people still needed: ⌈target × base − part⌉, never negative', () => {
    expect(gap(one(20), one(100), one(0.25))).toEqual([[5]]);
    expect(gap(one(25), one(100), one(0.25))).toEqual([[0]]);
    expect(gap(one(7), one(30), one(0.35))).toEqual([[4]]); // 10.5 − 7 = 3.5 → 4
    expect(gap(one(90), one(100), one(0.35))).toEqual([[0]]);
  });
  test('a range, and a zero base', () => {
    const result = gap(column(0, 1), column(10, 0), one(0.3));
    expect(result[0]).toEqual([3]);
    expectError(result[1]?.[0], '#DIV/0!');
  });
});

describe('SFERUM.ACTIVE', () => {
  test('more than two users and at least one class', () => {
    expect(active(column(3, 2, 3, ''), column(1, 5, 0, 1))).toEqual([[true], [false], [false], ['']]);
  });
  test('bad input → #VALUE!', () => {
    expectError(active(one('три'), one(1))[0]?.[0], '#VALUE!', /текст вместо числа/);
  });
});

describe('SFERUM.ACCESS50', () => {
  test('both shares at least 50 %', () => {
    expect(access50(one(30), one(50), one(200), one(400))).toEqual([[true]]);
    expect(access50(one(24), one(50), one(200), one(400))).toEqual([[false]]);
    expect(access50(column(25, 25), column(50, 50), column(199, 200), column(400, 400))).toEqual([[false], [true]]);
  });
  test('a zero base → #DIV/0!; missing → empty', () => {
    expectError(access50(one(1), one(0), one(1), one(2))[0]?.[0], '#DIV/0!');
    expect(access50(one(''), one(50), one(200), one(400))).toEqual([['']]);
  });
});

describe('SFERUM.PARSE', () => {
  test('numbers in Russian text', () => {
    expect(parse(column('17 218', '97,01%', 'н/д', 5, '0,5'))).toEqual([[17218], [0.9701], [''], [5], [0.5]]);
  });
  test('garbage → #VALUE! with the text quoted', () => {
    expectError(parse(one('abc'))[0]?.[0], '#VALUE!', 'текст вместо числа: «abc»');
  });
});

describe('SFERUM.CHECK', () => {
  test('empty when fine, the data-check message otherwise', () => {
    expect(check(one(5), one(10))).toEqual([['']]);
    expect(check(one(18013), one(17218))).toEqual([['значение больше базы: 18\u00a0013 > 17\u00a0218']]);
    expect(check(column(1, -2, 2.5), column(0, 10, 10))).toEqual([['база равна 0'], ['отрицательное значение: −2'], ['дробное количество: 2,50']]);
  });
});
