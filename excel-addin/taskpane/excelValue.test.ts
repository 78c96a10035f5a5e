import { excelValue } from './excelValue';

describe('excelValue', () => {
  test('texts Excel would take for formulas keep a leading apostrophe; empty is ""', () => {
    expect(excelValue('=1+1')).toBe("'=1+1");
    expect(excelValue('-Лицей-')).toBe("'-Лицей-");
    expect(excelValue('+7')).toBe("'+7");
    expect(excelValue('@school')).toBe("'@school");
    expect(excelValue('Школа № 1')).toBe('Школа № 1');
    // A name that itself begins with an apostrophe keeps it: Excel would take a single one as its text mark.
    expect(excelValue("'Школа кавычка")).toBe("''Школа кавычка");
    expect(excelValue(-5)).toBe(-5);
    expect(excelValue(null)).toBe('');
    expect(excelValue(true)).toBe(true);
  });
});
