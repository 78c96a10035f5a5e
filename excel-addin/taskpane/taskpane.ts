/**
 * The task pane page: waits for Office, then mounts the shared panel (ui/panel.ts) with the
 * Excel backend. Office.js itself comes from Microsoft's CDN (taskpane.html).
 */
import { mountPanel } from '../../ui/panel';
import type { DocumentSettings, ExcelRequestContext } from './excelApi';
import { createExcelBackend } from './excelBackend';
import { EXCEL_TEXTS } from './excelMessages';
import { payloadBudgetFor } from './payload';

/**
 * Excel.run as the backend takes it. Passing Excel's own context where ExcelRequestContext is
 * expected makes the compiler check that the real API has everything excelApi.ts lists.
 */
function run<T>(batch: (context: ExcelRequestContext) => Promise<T>): Promise<T> {
  return Excel.run((context: Excel.RequestContext) => batch(context));
}

void Office.onReady((info) => {
  const root = document.getElementById('app');
  if (!root) return;
  // Multi-area ranges (getRanges) are the newest API the backend uses.
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    root.textContent = EXCEL_TEXTS.unsupported;
    return;
  }
  const settings: DocumentSettings = Office.context.document.settings;
  // Only Excel on the web limits a sync to 5 MB; desktop Excel reads and writes in one batch at any size.
  // Merged district cells are looked up with getMergedAreasOrNullObject (ExcelApi 1.13).
  const mergedCells = Office.context.requirements.isSetSupported('ExcelApi', '1.13');
  mountPanel(root, createExcelBackend({ run, settings, payloadBudget: payloadBudgetFor(info?.platform), mergedCells }));
});
