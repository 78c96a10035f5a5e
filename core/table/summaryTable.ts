/**
 * The region's week-by-week summary (the second table shape of DOMAIN.md), one row per week.
 * Its two «В Сфере» columns are told apart by the total they follow; columns headed
 * «Кол-во …» that hold percentages are taken as shares, with a finding saying so.
 */
import { SUMMARY_COLUMNS, type SummaryColumnKey, type SummaryCountKey } from '../catalogue/columns';
import type { Finding } from '../findings';
import { cellText } from '../text';
import { isBlank, type CellValue } from '../values';
import { finding, readCount, readShare, shareInCountMessage, type CellPlace } from './cells';
import { locateTable, type ParseOptions, type ParseResult } from './locate';
import type { ColumnMap } from './header';

export interface SummaryWeek {
  readonly row: number;
  readonly week: string;
  /** Cells that hold counts. */
  readonly counts: Readonly<Partial<Record<SummaryCountKey, number>>>;
  /** Cells that hold shares: «% …» columns, and count columns filled with percentages. */
  readonly shares: Readonly<Partial<Record<SummaryCountKey, number>>>;
}

export interface SummaryTable {
  readonly shape: 'summary';
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly columns: ColumnMap<SummaryColumnKey>;
  readonly headers: readonly string[];
  readonly weeks: readonly SummaryWeek[];
  readonly findings: readonly Finding[];
}

export const REQUIRED_SUMMARY_COLUMNS: readonly SummaryColumnKey[] = ['week', 'schoolsTotal'];

export function parseSummaryTable(values: readonly (readonly CellValue[])[], options: ParseOptions<SummaryColumnKey> = {}): ParseResult<SummaryTable> {
  const located = locateTable(values, SUMMARY_COLUMNS, REQUIRED_SUMMARY_COLUMNS, options, 'сводки по неделям');
  if (!located.ok) return located;
  const { columns, rowIndex, headers } = located.header;
  const firstRow = options.firstRow ?? 1;
  const firstColumn = options.firstColumn ?? 0;
  const findings: Finding[] = [];
  const weeks: SummaryWeek[] = [];
  for (let index = rowIndex + 1; index < values.length; index++) {
    const cells = values[index] ?? [];
    if (cells.every(isBlank)) continue;
    const row = firstRow + index;
    const counts: Partial<Record<SummaryCountKey, number>> = {};
    const shares: Partial<Record<SummaryCountKey, number>> = {};
    for (const def of SUMMARY_COLUMNS) {
      const ref = columns[def.key];
      if (!ref || def.key === 'week') continue;
      const key = def.key as SummaryCountKey;
      const place: CellPlace = { row, column: ref, firstColumn };
      if (def.kind === 'share') {
        const value = readShare(cells[ref.index], place, findings);
        if (value !== null) shares[key] = value;
        continue;
      }
      const cell = readCount(cells[ref.index], row, ref, firstColumn, findings);
      if (typeof cell === 'number') counts[key] = cell;
      else if (cell) {
        shares[key] = cell.share;
        findings.push(finding(place, 'percentInCount', 'warning', shareInCountMessage(cell)));
      }
    }
    weeks.push({ row, week: cellText(cells[columns.week?.index ?? 0]) || `строка ${row}`, counts, shares });
  }
  return { ok: true, table: { shape: 'summary', headerRow: firstRow + rowIndex, firstColumn, columns, headers, weeks, findings } };
}
