/**
 * ExcelJS's own writer of a sheet's Excel 2010 extension list (solid data bars), which its
 * streaming writer does not use: see streamingSheets.ts. Declared here because ExcelJS ships
 * types for its public API only.
 */
declare module 'exceljs/lib/xlsx/xform/sheet/ext-lst-xform' {
  export default class ExtLstXform {
    prepare(model: { conditionalFormattings: unknown[] }, options: { styles: unknown }): void;
    toXml(model: { conditionalFormattings: unknown[] }): string;
  }
}
