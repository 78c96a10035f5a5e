/**
 * Reading whole sheets in as few round trips as their size allows. The first sync (shared with
 * whatever else the action loads) learns whether each sheet exists and where its values lie;
 * then the values come in blocks of rows sized to stay under the payload budget, several sheets
 * and blocks per sync. A 1,000-row table is one block; 40,000 rows take a few.
 *
 * Values are returned as from cell A1 (rows above and columns left of the used range padded
 * with empties), so a column index means the same sheet column everywhere (see ui/panelState).
 */
import type { CellValue } from '../../core/values';
import type { SheetBlock } from '../../ui/panelState';
import type { ExcelRange, ExcelRequestContext, ExcelWorksheet } from './excelApi';
import { codeOf } from './excelMessages';
import { firstReadRowBytes, jsonBytes, PAYLOAD_BUDGET, READ_CELL_LIMIT } from './payload';

/** A sheet whose extent is being loaded in the first sync. */
export interface SheetExtent {
  readonly sheet: ExcelWorksheet;
  readonly used: ExcelRange;
}

/** Queues, for the first sync, the sheet's name and id and the extent of its values. */
export function queueSheetExtent(sheet: ExcelWorksheet): SheetExtent {
  sheet.load('name,id');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  return { sheet, used };
}

/** The same, for a sheet known by name (the sync fails if it no longer exists). */
export function queueNamedSheetExtent(context: ExcelRequestContext, name: string): SheetExtent {
  return queueSheetExtent(context.workbook.worksheets.getItem(name));
}

interface Progress {
  readonly name: string;
  readonly sheet: ExcelWorksheet;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly columns: number;
  readonly endRow: number;
  nextRow: number;
  bytesRead: number;
  rowsRead: number;
  /** Grows ×2 each time Excel refused a read of this sheet as too large. */
  scale: number;
  readonly rows: CellValue[][];
}

/** Bytes one more row of this sheet is expected to take: measured once something was read. */
function rowEstimate(progress: Progress): number {
  if (progress.rowsRead === 0) return firstReadRowBytes(progress.columns) * progress.scale;
  // The average of thousands of rows varies little between blocks; a quarter more covers it.
  return Math.max(1, Math.ceil((progress.bytesRead / progress.rowsRead) * 1.25 * progress.scale));
}

/** Excel on the web refused a response over its limit: nothing was read, so it can be asked again. */
function isResponseTooLarge(error: unknown): boolean {
  return codeOf(error) === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * After the first sync: reads the values of every sheet, one block per extent. `syncEvenIfEmpty`
 * makes sure loads the caller queued meanwhile are sent even when there is nothing to read;
 * `requeue` queues them again if Excel refused that sync (a refused sync returns nothing).
 * A read Excel refuses as too large (the estimate was short) is asked again in blocks of half
 * the rows, so no response passes the limit whatever the sheet holds.
 */
export async function readSheetValues(
  context: ExcelRequestContext,
  extents: readonly SheetExtent[],
  options: { syncEvenIfEmpty?: boolean; budget?: number; cellLimit?: number; requeue?: () => void } = {},
): Promise<SheetBlock[]> {
  const budget = options.budget ?? PAYLOAD_BUDGET;
  const cellLimit = options.cellLimit ?? READ_CELL_LIMIT;
  const result: SheetBlock[] = extents.map(({ sheet }) => ({ name: sheet.name, values: [] }));
  const pending: (Progress & { slot: number })[] = [];
  for (const [slot, { sheet, used }] of extents.entries()) {
    const name = sheet.name;
    if (used.isNullObject || used.rowCount === 0) continue; // an empty sheet: no values
    pending.push({
      slot, name, sheet,
      firstRow: used.rowIndex,
      firstColumn: used.columnIndex,
      columns: used.columnCount,
      endRow: used.rowIndex + used.rowCount,
      nextRow: used.rowIndex,
      bytesRead: 0,
      rowsRead: 0,
      scale: 1,
      rows: [],
    });
  }

  let mustSync = options.syncEvenIfEmpty ?? false;
  let callerLoads = true;
  while (pending.some((p) => p.nextRow < p.endRow) || mustSync) {
    mustSync = false;
    const blocks: { progress: Progress; range: ExcelRange; rows: number }[] = [];
    let room = budget;
    for (const progress of pending) {
      while (progress.nextRow < progress.endRow) {
        const perRow = rowEstimate(progress);
        const fit = Math.floor(room / perRow);
        // Something must go into every sync, even a row that alone looks too big.
        // Excel also refuses to read a range of more than READ_CELL_LIMIT cells, whatever the platform.
        const cellRows = Math.max(1, Math.floor(cellLimit / Math.max(1, progress.columns)));
        const rows = Math.min(progress.endRow - progress.nextRow, cellRows, blocks.length === 0 ? Math.max(1, fit) : fit);
        if (rows <= 0) break;
        const range = progress.sheet.getRangeByIndexes(progress.nextRow, progress.firstColumn, rows, progress.columns);
        range.load('values');
        blocks.push({ progress, range, rows });
        progress.nextRow += rows;
        room -= rows * perRow;
      }
    }
    try {
      await context.sync();
    } catch (error) {
      if (!isResponseTooLarge(error) || blocks.every((block) => block.rows === 1)) throw error;
      for (const block of blocks) block.progress.nextRow -= block.rows;
      for (const progress of new Set(blocks.map((block) => block.progress))) progress.scale *= 2;
      if (callerLoads) options.requeue?.();
      continue;
    }
    callerLoads = false;
    for (const { progress, range } of blocks) {
      const values = range.values as CellValue[][];
      progress.bytesRead += jsonBytes(values);
      progress.rowsRead += values.length;
      for (const row of values) progress.rows.push(row);
    }
  }

  for (const progress of pending) {
    const padding: CellValue[] = new Array<CellValue>(progress.firstColumn).fill(null);
    const above: CellValue[][] = Array.from({ length: progress.firstRow }, () => []);
    const rows = progress.firstColumn === 0 ? progress.rows : progress.rows.map((row) => padding.concat(row));
    result[progress.slot] = { name: progress.name, values: above.concat(rows) };
  }
  return result;
}
