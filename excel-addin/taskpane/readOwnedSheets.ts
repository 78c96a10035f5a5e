/**
 * What is on the add-in's own sheets before a report rewrites or deletes them: how far their
 * values reach and how many charts they carry, to tell the user's additions from the report's
 * (addedToByUser in core/report/writtenExtent.ts). Only loads, queued for a sync the report makes anyway: the
 * first read of the source values (not the sync that lists the sheets, because a sheet the user
 * deleted since would fail that sync, and only after it are the sheets' ids known to exist).
 *
 * Worksheet.getUsedRangeOrNullObject(valuesOnly) is ExcelApi 1.4, Range.rowIndex/columnIndex/
 * rowCount/columnCount and ChartCollection.count ExcelApi 1.1: all within the pane's 1.9.
 */
import type { ExcelChartCollection, ExcelRange, ExcelRequestContext } from './excelApi';
import type { SheetContents } from '../../core/report/writtenExtent';

export interface QueuedContents {
  /** Queues the loads again (after a sync Excel refused, which returns nothing). */
  requeue(): void;
  /** After the sync: what each sheet holds, by id. */
  read(): Map<string, SheetContents>;
}

/** Queues, for the coming sync, the used range (values only) and the chart count of each sheet id. */
export function queueSheetContents(context: ExcelRequestContext, ids: readonly string[]): QueuedContents {
  const sheets = ids.map((id) => {
    const worksheet = context.workbook.worksheets.getItem(id);
    return { id, used: worksheet.getUsedRangeOrNullObject(true), charts: worksheet.charts };
  });
  const queue = (): void => {
    for (const { used, charts } of sheets) {
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      charts.load('count');
    }
  };
  queue();
  return {
    requeue: queue,
    read: () => new Map(sheets.map(({ id, used, charts }) => [id, contents(used, charts)])),
  };
}

function contents(used: ExcelRange, charts: ExcelChartCollection): SheetContents {
  // Where the values start does not matter: only how far they reach beyond the report's block.
  const empty = used.isNullObject || used.rowCount === 0;
  return {
    rows: empty ? 0 : used.rowIndex + used.rowCount,
    columns: empty ? 0 : used.columnIndex + used.columnCount,
    charts: charts.count,
  };
}
