/** Telling zips apart by their entries: what decides between «.xlsx», «.xlsb», «.ods» and «not a workbook». */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isOpenDocumentSpreadsheet, zipEntryNames } from './zipEntries';

describe('zipEntryNames', () => {
  it('lists the parts of an .xlsx, the workbook among them', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Мониторинг').getCell('A1').value = 'Район';
    const names = zipEntryNames(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(names).toContain('xl/workbook.xml');
    expect(names).toContain('xl/worksheets/sheet1.xml');
  });

  it('reads names after a zip comment and with Cyrillic, and gives null for a cut-off file', async () => {
    const zip = new JSZip();
    zip.file('данные/лист.txt', '1;2');
    const bytes = await zip.generateAsync({ type: 'nodebuffer', comment: 'комментарий архива' });
    expect(zipEntryNames(bytes)).toEqual(['данные/', 'данные/лист.txt']);
    expect(zipEntryNames(bytes.subarray(0, bytes.length >> 1))).toBeNull();
  });
});

describe('isOpenDocumentSpreadsheet', () => {
  it('recognises the «mimetype» entry of an .ods, not that of a text document', async () => {
    const make = async (mimetype: string): Promise<Buffer> => {
      const zip = new JSZip();
      zip.file('mimetype', mimetype, { compression: 'STORE' });
      zip.file('content.xml', '<office:document-content/>');
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    };
    expect(isOpenDocumentSpreadsheet(await make('application/vnd.oasis.opendocument.spreadsheet'))).toBe(true);
    expect(isOpenDocumentSpreadsheet(await make('application/vnd.oasis.opendocument.text'))).toBe(false);
  });
});
