/**
 * Looking up merged cells where core found schools without a district (see ui/mergedCells.ts):
 * every look-up goes into one sync. Excel fails a look-up that meets more than 512 merged
 * areas, failing the whole sync with it, so a span is asked for in blocks of 512 rows of its one
 * column: each area meets at least one of them.
 */
import type { CellSpan, MergedArea } from '../../core';
import type { ExcelMergedAreas, ExcelWorksheet } from './excelApi';

export const MERGE_LOOKUP_ROWS = 512;

export interface MergeRequest {
  readonly sheet: ExcelWorksheet;
  readonly span: CellSpan;
}

/** Queues the look-ups of each span on its sheet; after the sync, the returned function gives each span's merged areas. */
export function queueMergedAreas(lookups: readonly MergeRequest[]): () => MergedArea[][] {
  const queued = lookups.map(({ sheet, span }) => {
    const blocks: ExcelMergedAreas[] = [];
    // Sheet rows are counted from 1, Excel's indexes from 0.
    for (let start = span.fromRow - 1; start < span.toRow; start += MERGE_LOOKUP_ROWS) {
      const rows = Math.min(MERGE_LOOKUP_ROWS, span.toRow - start);
      const merged = sheet.getRangeByIndexes(start, span.column, rows, 1).getMergedAreasOrNullObject();
      merged.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
      blocks.push(merged);
    }
    return blocks;
  });
  return () =>
    queued.map((blocks) =>
      blocks.flatMap((merged) =>
        merged.isNullObject
          ? []
          : merged.areas.items.map((area) => ({ row: area.rowIndex + 1, column: area.columnIndex, rows: area.rowCount, columns: area.columnCount })),
      ),
    );
}
