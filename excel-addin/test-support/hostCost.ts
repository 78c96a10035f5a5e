/**
 * What the Excel host costs at a given table size, measured on the fake workbook: the round
 * trips of building the full report and of highlighting, and the largest payload of any single
 * sync. The benchmark calls excelHostCost; the tests hold it to ≤ 4 syncs at 1,000 rows and
 * ≤ 5 MB per sync at 40,000.
 */
import { DEFAULT_STORED_SETTINGS } from '../../core/settings';
import type { JobRequest } from '../../ui/backend';
import { createExcelBackend } from '../taskpane/excelBackend';
import { FakeExcel } from './fakeExcel';
import { monitoringSheet } from './monitoringSheet';

export interface HostCostDetail {
  readonly report: { readonly syncs: number; readonly largestPayloadBytes: number };
  readonly highlight: { readonly syncs: number; readonly largestPayloadBytes: number };
}

export const SOURCE_SHEET = 'Мониторинг';

/** Runs «Построить отчёт» then «Подсветить» on a fake workbook with `rows` schools. */
export async function measureExcelHost(rows: number): Promise<HostCostDetail> {
  const excel = new FakeExcel([{ name: SOURCE_SHEET, values: monitoringSheet(rows) }]);
  const backend = createExcelBackend({ run: excel.run, settings: excel.settings });
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
 * For the benchmark: the most syncs any one action took, the largest payload of any sync, and
 * the syncs of each action.
 */
export async function excelHostCost(rows: number): Promise<{ syncs: number; largestPayloadBytes: number; reportSyncs: number; highlightSyncs: number }> {
  const { report, highlight } = await measureExcelHost(rows);
  return {
    syncs: Math.max(report.syncs, highlight.syncs),
    largestPayloadBytes: Math.max(report.largestPayloadBytes, highlight.largestPayloadBytes),
    reportSyncs: report.syncs,
    highlightSyncs: highlight.syncs,
  };
}
