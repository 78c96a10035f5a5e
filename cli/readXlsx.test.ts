/** Turning ExcelJS cell values into what the cell shows, and whole sheets into plain rows. */
import ExcelJS from 'exceljs';
import { plainCellValue, readXlsxSheets } from './readXlsx';

describe('plainCellValue', () => {
  it('passes numbers, text and booleans through and blanks as null', () => {
    expect([17218, '1 234', true, null, undefined].map(plainCellValue)).toEqual([17218, '1 234', true, null, null]);
  });

  it('joins rich text runs', () => {
    expect(plainCellValue({ richText: [{ text: '1 ' }, { text: '234', font: { bold: true } }] })).toBe('1 234');
  });

  it('takes the cached result of a formula, and nothing when it was never calculated', () => {
    expect(plainCellValue({ formula: 'E4/F4', result: 0.35 })).toBe(0.35);
    expect(plainCellValue({ sharedFormula: 'E4', result: '25%' })).toBe('25%');
    expect(plainCellValue({ formula: 'E4/F4', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(plainCellValue({ formula: 'E4/F4' })).toBeNull();
  });

  it('takes the text of a hyperlink, plain or rich', () => {
    expect(plainCellValue({ text: 'МБОУ СОШ № 1', hyperlink: 'https://sferum.ru' })).toBe('МБОУ СОШ № 1');
    expect(plainCellValue({ text: { richText: [{ text: 'МБОУ ' }, { text: 'СОШ' }] }, hyperlink: 'https://sferum.ru' })).toBe('МБОУ СОШ');
  });

  it('turns error values into their codes, which core reports as invalid', () => {
    expect(plainCellValue({ error: '#N/A' })).toBe('#N/A');
  });

  it('writes dates as a Russian sheet shows them', () => {
    expect(plainCellValue(new Date(Date.UTC(2023, 3, 14)))).toBe('14.04.2023');
  });
});

describe('readXlsxSheets', () => {
  it('reads every sheet into rows from row 1, merged cells repeating their value', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Мониторинг');
    sheet.getCell('A1').value = 'Мониторинг за период 10.04.2023–14.04.2023';
    sheet.mergeCells('A1:C1');
    sheet.getCell('A3').value = 'Район';
    sheet.getCell('B3').value = 'Учителей всего';
    sheet.getCell('A4').value = 'Северный район';
    sheet.mergeCells('A4:A5');
    sheet.getCell('B4').value = { formula: '50*2', result: 100 };
    sheet.getCell('B5').value = { richText: [{ text: '1 ' }, { text: '234' }] };
    workbook.addWorksheet('Пусто');
    const hidden = workbook.addWorksheet('Скрытый', { state: 'hidden' });
    hidden.getCell('B2').value = 1;

    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheets = await readXlsxSheets(bytes);
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([['Мониторинг', false], ['Пусто', false], ['Скрытый', true]]);
    const rows = sheets[0]?.rows ?? [];
    expect(rows[0]?.[0]).toBe('Мониторинг за период 10.04.2023–14.04.2023');
    expect(rows[1]).toEqual([]);
    expect(rows[3]).toEqual(['Северный район', 100]);
    expect(rows[4]).toEqual(['Северный район', '1 234']);
    expect(sheets[1]?.rows).toEqual([]);
    expect(sheets[2]?.rows).toEqual([[], [null, 1]]);
  });

  it('throws on bytes that are not an .xlsx', async () => {
    await expect(readXlsxSheets(Buffer.from('Район;ОО\n'))).rejects.toBeDefined();
  });
});
