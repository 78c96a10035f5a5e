/** CSV files as Russian offices produce them: separators, encodings, quotes, line ends. */
import { decodeText, detectSeparator, parseCsv } from './readCsv';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectSeparator', () => {
  it('picks «;» when commas are decimal separators (Excel with a Russian locale)', () => {
    const text = 'Район;ОО;Доля\nСеверный;Школа 1;97,01%\nЮжный;Школа 2;76,11%\n';
    expect(detectSeparator(text)).toBe(';');
  });

  it('picks «,» when Russian decimals are quoted (Google Sheets export)', () => {
    const text = 'Район,ОО,Доля\nСеверный,Школа 1,"97,01%"\nЮжный,"Школа ""Рассвет""","76,11%"\n';
    expect(detectSeparator(text)).toBe(',');
  });

  it('picks tab for «Текст Юникод»', () => {
    expect(detectSeparator('Район\tОО\tУчителей всего\nСеверный\tШкола\t17 218\n')).toBe('\t');
  });

  it('takes «;» when «;» and «,» split the rows equally well', () => {
    expect(detectSeparator('Район;ОО,Школа\nСеверный;1,5\n')).toBe(';');
  });

  it('takes the separator that splits as many rows into more columns', () => {
    // «;» splits two rows in two; «,» splits two in two and two more in three.
    expect(detectSeparator('a;b,c\nd;e,f\ng,h,i\nj,k,l\n')).toBe(',');
  });

  it('is not misled by a title row above the header', () => {
    const text = 'Мониторинг за период 10.04.2023–14.04.2023, область\n;;\nРайон;ОО;Доля\nСеверный;Школа, 1;97,01%\n';
    expect(detectSeparator(text)).toBe(';');
  });
});

describe('parseCsv', () => {
  it('keeps values as text and empty fields as null', () => {
    expect(parseCsv('Район;Учителей всего;Доля\nСеверный;17 218;97,01%\nЮжный;;\n')).toEqual([
      ['Район', 'Учителей всего', 'Доля'],
      ['Северный', '17 218', '97,01%'],
      ['Южный', null, null],
    ]);
  });

  it('reads quotes, doubled quotes, separators and line breaks inside quotes', () => {
    expect(parseCsv('"МАОУ ""Гимназия № 2""";"Район; город";"две\nстроки"\r\nx;y;z\r\n', ';')).toEqual([
      ['МАОУ "Гимназия № 2"', 'Район; город', 'две\nстроки'],
      ['x', 'y', 'z'],
    ]);
  });

  it('takes a quote inside an unquoted field as a character', () => {
    expect(parseCsv('МБОУ "Рассвет";12\n', ';')).toEqual([['МБОУ "Рассвет"', '12']]);
  });

  it('accepts CRLF, LF and CR line ends and a last line without one', () => {
    expect(parseCsv('a;b\r\nc;d\re;f\ng;h', ';')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
  });

  it('keeps empty lines as empty rows, so row numbers match the file', () => {
    expect(parseCsv('a;b\n\nc;d\n', ';')).toEqual([['a', 'b'], [null], ['c', 'd']]);
  });
});

describe('decodeText', () => {
  it('drops a UTF-8 BOM', () => {
    expect(decodeText(utf8('\uFEFFРайон;ОО'))).toBe('Район;ОО');
  });

  it('reads UTF-8 without a BOM as UTF-8, not as Windows-1251', () => {
    expect(decodeText(utf8('Район;ОО;Учителей всего'))).toBe('Район;ОО;Учителей всего');
  });

  it('reads big-endian UTF-16 with its BOM', () => {
    const body = Buffer.from('Район\tОО', 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), body]))).toBe('Район\tОО');
  });

  it('reads UTF-16 with its BOM', () => {
    const body = Buffer.from('Район\tОО', 'utf16le');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), body]))).toBe('Район\tОО');
  });

  it('reads Windows-1251 from an older Excel', () => {
    // «Район» in Windows-1251.
    expect(decodeText(Uint8Array.from([0xd0, 0xe0, 0xe9, 0xee, 0xed]))).toBe('Район');
  });

  it('refuses binary data', () => {
    expect(decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBeNull();
  });
});
