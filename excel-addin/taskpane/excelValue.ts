/**
 * A report cell as Excel's API takes it. (The formulas of the threshold colours come ready from
 * core: thresholdConditions in core/report/highlight.ts.)
 */
import type { ReportCell } from '../../core/report/model';

/**
 * A report cell as written through `range.values`: Excel reads a text starting with = + - @ as a
 * formula, so such texts (a school called «-Лицей-», a planted «=1+1») keep a leading apostrophe,
 * which Excel stores as "this is text" and does not show. A text that itself starts with an
 * apostrophe gets one more, or Excel would take its own as that mark and hide it. Empty cells
 * are written as ''.
 */
export function excelValue(cell: ReportCell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell === 'string' && /^[=+\-@']/.test(cell)) return `'${cell}`;
  return cell;
}
