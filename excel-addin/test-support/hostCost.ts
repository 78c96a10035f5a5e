/**
 * What the Excel host costs at a given table size, measured on the fake workbook: the round
 * trips of building the full report and of highlighting, and the largest payload of any single
 * sync, in desktop Excel and in Excel on the web. The benchmark calls excelHostCost; the tests
 * hold it to the same syncs at every size on desktop, ≤ 4 syncs at 1,000 rows and ≤ 5 MB per
 * sync at 40,000 on the web.
 */
import { DEFAULT_STORED_SETTINGS } from '../../core/settings';
import type { JobRequest } from '../../ui/backend';
import { createExcelBackend } from '../taskpane/excelBackend';
import { PAYLOAD_LIMIT, payloadBudgetFor } from '../taskpane/payload';
import { FakeExcel } from './fakeExcel';
import { monitoringSheet } from './monitoringSheet';

export interface HostCostDetail {
  readonly report: { readonly syncs: number; readonly largestPayloadBytes: number };
  readonly highlight: { readonly syncs: number; readonly largestPayloadBytes: number };
}

export const SOURCE_SHEET = 'Мониторинг';

/** Excel on the web (5 MB per request and response, planned with the web's budget) or desktop Excel (no limit). */
export type ExcelPlatform = 'web' | 'desktop';

/** Runs «Построить отчёт» then «Подсветить» on a fake workbook with `rows` schools. */
export async function measureExcelHost(rows: number, platform: ExcelPlatform = 'web'): Promise<HostCostDetail> {
  const excel = new FakeExcel([{ name: SOURCE_SHEET, values: monitoringSheet(rows) }]);
  if (platform === 'web') excel.payloadLimit = PAYLOAD_LIMIT;
  const backend = createExcelBackend({ run: excel.run, settings: excel.settings, payloadBudget: payloadBudgetFor(platform === 'web' ? 'OfficeOnline' : 'PC') });
  const request: JobRequest = { sheet: SOURCE_SHEET, district: null, settings: DEFAULT_STORED_SETTINGS };
  const measure = async (action: () => Promise<{ ok: boolean; message: string }>): Promise<{ syncs: number; largestPayloadBytes: number }> => {
    excel.clearLog();
    const result = await action();
    if (!result.ok) throw new Error(result.message);
    return { syncs: excel.syncs.length, largestPayloadBytes: excel.largestPayload() };
  };
  const report = await measure(() => backend.buildReport(request, () => undefined));
  const highlight = await measure(() => backend.highlight(request));
  return { report, highlight };
}

/**
 * For the benchmark: the most syncs any one action took in desktop Excel and in Excel on the web,
 * the syncs of each action on the web, and the largest payload of any sync on the web.
 */
export async function excelHostCost(rows: number): Promise<{ desktopSyncs: number; webSyncs: number; webReportSyncs: number; webHighlightSyncs: number; webLargestPayloadBytes: number }> {
  const desktop = await measureExcelHost(rows, 'desktop');
  const web = await measureExcelHost(rows, 'web');
  return {
    desktopSyncs: Math.max(desktop.report.syncs, desktop.highlight.syncs),
    webSyncs: Math.max(web.report.syncs, web.highlight.syncs),
    webReportSyncs: web.report.syncs,
    webHighlightSyncs: web.highlight.syncs,
    webLargestPayloadBytes: Math.max(web.report.largestPayloadBytes, web.highlight.largestPayloadBytes),
  };
}
