/** The .xlsx renderer: the report model as a workbook file. */
export { renderXlsx, markerName, dataRows, type XlsxRenderOptions } from './renderWorkbook';
export { conditionalFormats } from './conditionalFormats';
