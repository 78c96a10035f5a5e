/** Turning ExcelJS cell values into what the cell shows, and whole sheets into plain rows. */
import ExcelJS from 'exceljs';
import { plainCellValue, readXlsxSheets } from './readXlsx';

describe('plainCellValue', () => {
  it('passes numbers, text and booleans through and blanks as null', () => {
    expect([17218, '1 234', true, null, undefined].map((value) => plainCellValue(value))).toEqual([17218, '1 234', true, null, null]);
  });

  it('joins rich text runs', () => {
    expect(plainCellValue({ richText: [{ text: '1 ' }, { text: '234', font: { bold: true } }] })).toBe('1 234');
  });

  it('takes the cached result of a formula, and nothing when it was never calculated', () => {
    expect(plainCellValue({ formula: 'E4/F4', result: 0.35 })).toBe(0.35);
    expect(plainCellValue({ sharedFormula: 'E4', result: '25%' })).toBe('25%');
    expect(plainCellValue({ formula: 'E4/F4', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    // No cached result reads as empty: ExcelJS gives the same for a formula that returned "".
    expect(plainCellValue({ formula: 'IF(A5="","",A5)' })).toBeNull();
    expect(plainCellValue({ formula: 'E4/F4', result: '' })).toBe('');
  });

  it('takes the text of a hyperlink, plain or rich', () => {
    expect(plainCellValue({ text: 'МБОУ СОШ № 1', hyperlink: 'https://sferum.ru' })).toBe('МБОУ СОШ № 1');
    expect(plainCellValue({ text: { richText: [{ text: 'МБОУ ' }, { text: 'СОШ' }] }, hyperlink: 'https://sferum.ru' })).toBe('МБОУ СОШ');
  });

  it('turns error values into their codes, which core reports as invalid', () => {
    expect(plainCellValue({ error: '#N/A' })).toBe('#N/A');
  });

  it('writes a number shown as a percentage as the percentage the user typed', () => {
    expect(plainCellValue(0.25, '0%')).toBe('25%');
    expect(plainCellValue(0.9701, '0.00%')).toBe('97,01%');
    expect(plainCellValue(1, '0%')).toBe('100%');
    expect(plainCellValue({ formula: 'E4/F4', result: 0.35 }, '0.0%')).toBe('35%');
    // A «%» inside quoted text is not a percentage format.
    expect(plainCellValue(12, '0" %-ов"')).toBe(12);
    expect(plainCellValue(97.01, '0.00\\%')).toBe(97.01);
    expect(plainCellValue(12, 'General')).toBe(12);
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

  it('reads a cell formatted as a percentage as the percentage', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Мониторинг');
    sheet.getCell('A1').value = 0.25;
    sheet.getCell('A1').numFmt = '0%';
    sheet.getCell('B1').value = 0.25;
    const sheets = await readXlsxSheets(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(sheets[0]?.rows[0]).toEqual(['25%', 0.25]);
  });

  it('lists the formulas of a never-calculated sheet (a program wrote it: no formula has a result), each by its own cell and formula, and reads them as empty', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Мониторинг');
    sheet.addRow(['Район', 'Наименование ОО', 'Учителей всего', 'Учителя, создавшие групповые чаты']);
    sheet.addRow(['Амурский район', 'СОШ 1', 40, 10]);
    sheet.addRow(['Амурский район', 'СОШ 2', { formula: '40*2' } as ExcelJS.CellFormulaValue, 20]);
    sheet.addRow(['Амурский район', 'СОШ 3', 30, { formula: 'C4*0.5' } as ExcelJS.CellFormulaValue]);
    sheet.addRow(['Амурский район', 'СОШ 4', 30, { sharedFormula: 'D4' } as ExcelJS.CellSharedFormulaValue]);
    const sheets = await readXlsxSheets(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(sheets[0]?.rows[2]).toEqual(['Амурский район', 'СОШ 2', null, 20]);
    expect(sheets[0]?.uncalculated).toEqual(['C3: =40*2', 'D4: =C4*0.5', 'D5: =C5*0.5']);
  });

  it('lists none where Excel calculated the sheet: a formula without a result there returned "" and is an empty cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Мониторинг');
    sheet.addRow(['Район', 'Наименование ОО', 'Учителей всего']);
    sheet.addRow(['Амурский район', 'СОШ 1', { formula: '20*2', result: 40 } as ExcelJS.CellFormulaValue]);
    sheet.addRow([{ formula: 'IF(A9="","",A9)' } as ExcelJS.CellFormulaValue]);
    const sheets = await readXlsxSheets(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(sheets[0]?.rows.slice(1)).toEqual([['Амурский район', 'СОШ 1', 40], [null]]);
    expect(sheets[0]?.uncalculated).toEqual([]);
  });

  it('throws on bytes that are not an .xlsx', async () => {
    // Any rejection passed before, a non-Error value or `undefined` included; main.ts tells such
    // files apart before reading them, so this is the zip reader's own error.
    await expect(readXlsxSheets(Buffer.from('Район;ОО\n'))).rejects.toThrow(/end of central directory/);
  });
});
