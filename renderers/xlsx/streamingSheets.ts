/**
 * What ExcelJS's streaming writer leaves out and the report needs: the Excel 2010 extension
 * of data bars. The writer writes each data-bar rule with a reference to its extension (solid
 * bars, lengths 0–100 %) but never the extension itself, so the reference is empty, which
 * Excel may report as damaged content. Here the sheet's writer is given ExcelJS's own
 * extension writer, as its non-streaming writer uses it: the references are numbered before
 * the rules are written, and the extension is written last in the sheet, where the file
 * format puts it. renderWorkbook.test.ts reads the bars back with their extension's settings,
 * so a change of these internals in a new ExcelJS shows there.
 */
import type ExcelJS from 'exceljs';
import ExtLstXform from 'exceljs/lib/xlsx/xform/sheet/ext-lst-xform';

export type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

/** The parts of ExcelJS's WorksheetWriter this relies on (ExcelJS 4.4). */
interface SheetWriterInternals {
  conditionalFormatting: unknown[];
  _workbook: { styles: unknown };
  stream: { write(text: string): void };
  _writeConditionalFormatting(): void;
  _writeCloseWorksheet(): void;
}

export function keepDataBarExtensions(sheet: SheetWriter): void {
  const internals = sheet as unknown as SheetWriterInternals;
  if (typeof internals._writeConditionalFormatting !== 'function' || typeof internals._writeCloseWorksheet !== 'function') {
    throw new Error('ExcelJS: the streaming sheet writer has changed; data bars cannot be written');
  }
  const extensions = new ExtLstXform();
  const model = (): { conditionalFormattings: unknown[] } => ({ conditionalFormattings: internals.conditionalFormatting });
  const writeRules = internals._writeConditionalFormatting.bind(internals);
  internals._writeConditionalFormatting = () => {
    extensions.prepare(model(), { styles: internals._workbook.styles });
    writeRules();
  };
  const close = internals._writeCloseWorksheet.bind(internals);
  internals._writeCloseWorksheet = () => {
    internals.stream.write(extensions.toXml(model()));
    close();
  };
}
