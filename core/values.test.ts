import { isBlank, parseValue } from './values';
import { mulberry32 } from '../samples/random';

describe('parseValue', () => {
  it('keeps numbers as they are', () => {
    expect(parseValue(17218)).toEqual({ kind: 'number', value: 17218, percent: false });
    expect(parseValue(0)).toEqual({ kind: 'number', value: 0, percent: false });
    expect(parseValue(-3.5)).toEqual({ kind: 'number', value: -3.5, percent: false });
  });

  it.each([
    ['17 218', 17218],
    ['17\u00a0218', 17218],
    ['17\u2009218', 17218],
    ['17\u202f218', 17218],
    ['312 014', 312014],
    [' 1 234,5 ', 1234.5],
    ['0,5', 0.5],
    ['1.5', 1.5],
    ['−5', -5],
    ['+7', 7],
    [',5', 0.5],
    ['17\u2007218', 17218],
    ["17'218", 17218],
    ['5.', 5],
  ])('reads the Russian text «%s» as %p', (text, expected) => {
    expect(parseValue(text)).toEqual({ kind: 'number', value: expected, percent: false });
  });

  it.each([
    ['97,01%', 0.9701],
    ['25 %', 0.25],
    ['0,064%', 0.00064],
    ['21,292%', 0.21292],
    ['100%', 1],
    ['76.11%', 0.7611],
    ['−5%', -0.05],
    ['1 234,56%', 12.3456],
    ['0,0001%', 0.000001],
  ])('reads the percentage «%s» as the fraction %p, without binary noise', (text, expected) => {
    expect(parseValue(text)).toEqual({ kind: 'number', value: expected, percent: true });
  });

  it.each([[null], [undefined], [''], ['   '], ['—'], ['-'], ['–'], ['н/д'], ['Н/Д'], ['нет данных'], ['n/a']])(
    'treats %p as missing, not invalid',
    (raw) => {
      expect(parseValue(raw)).toEqual({ kind: 'missing' });
      expect(isBlank(raw)).toBe(true);
    },
  );

  it.each([
    ['много', 'текст вместо числа'],
    ['12abc', 'не удаётся прочитать число'],
    ['1,2,3', 'не удаётся прочитать число'],
    ['#DIV/0!', 'ошибка в ячейке'],
    ['#Н/Д', 'ошибка в ячейке'],
    ['#ДЕЛ/0!', 'ошибка в ячейке'],
    ['1e3', 'не удаётся прочитать число'],
    ['Infinity', 'текст вместо числа'],
    ['%', 'текст вместо числа'],
    ['12 %%', 'не удаётся прочитать число'],
  ])('marks «%s» invalid with the reason «%s»', (text, reason) => {
    expect(parseValue(text)).toEqual({ kind: 'invalid', reason, text });
  });

  it('marks booleans, dates and non-finite numbers invalid', () => {
    expect(parseValue(true)).toMatchObject({ kind: 'invalid', reason: 'логическое значение вместо числа' });
    // As the sheet shows it, in the time zone the date came in (Google Sheets: the script's).
    expect(parseValue(new Date(2023, 3, 21))).toMatchObject({ kind: 'invalid', reason: 'дата вместо числа', text: '21.04.2023' });
    expect(parseValue(Number.NaN)).toMatchObject({ kind: 'invalid' });
    expect(parseValue(Number.POSITIVE_INFINITY)).toMatchObject({ kind: 'invalid' });
  });
});

describe('parseValue on a formula without its result', () => {
  it('says what it is and what to do, instead of a bare «text instead of a number»', () => {
    expect(parseValue('=C5/2')).toEqual({ kind: 'invalid', reason: 'формула без вычисленного значения (откройте файл в Excel и сохраните его)', text: '=C5/2' });
  });
});

describe('isBlank answers as parseValue does, on its fast paths too', () => {
  it('agrees with parseValue(…).kind === «missing» on placeholders, names and 20 000 random texts', () => {
    const pieces = ['н/д', 'Н/Д', 'нд', 'нет данных', 'Нет данных', 'n/a', 'N/A', 'na', 'x', 'X', 'х', 'Х', '—', '-', '--', 'н.д.', 'Район', 'Нижний', 'Naberezhnye', 'Xолмск', '12', ' ', '\u00a0', '\t', 'а'];
    const random = mulberry32(5);
    const wrong: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let i = Math.floor(random() * 4); i >= 0; i--) text += pieces[Math.floor(random() * pieces.length)];
      if (isBlank(text) !== (parseValue(text).kind === 'missing')) wrong.push(JSON.stringify(text));
    }
    expect(wrong).toEqual([]);
  });
});
