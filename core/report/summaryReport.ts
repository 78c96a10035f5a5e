/**
 * The report of the region's week-by-week summary (the second table shape): each week's shares
 * against their targets, the change since the week before, a chart of the first targeted share
 * over the weeks, and the data check (e.g. teachers «в Сфере» above their total).
 */
import type { SummaryEvaluation } from '../evaluate/summary';
import { formatPercent, formatTolerance } from '../format';
import { changeInPoints } from '../rules';
import { targetOf, DEFAULT_SETTINGS, type Settings } from '../settings';
import { findingsListSheet, Row, SHEET_NAMES, toneOf } from './buildReport';
import { MARKER, type ReportCell, type ReportColumn, type ReportModel, type ReportRow, type SheetRule, type Tone } from './model';
import { nearFrom } from '../rules';

export function buildSummaryReport(evaluation: SummaryEvaluation, options: { source?: string; settings?: Settings } = {}): ReportModel {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const columns: ReportColumn[] = [
    { key: 'week', header: 'Неделя', format: 'text', width: 20 },
    { key: 'row', header: 'Строка', format: 'integer', width: 8 },
  ];
  const rules: SheetRule[] = [];
  for (const def of evaluation.indicators) {
    const target = targetOf(settings, def.key);
    const index = columns.length;
    columns.push({ key: `share:${def.key}`, header: `${def.shortLabel}${target === null ? '' : ` (цель ${formatPercent(target, 0)})`}`, format: 'percent', width: 14 });
    columns.push({ key: `change:${def.key}`, header: `${def.shortLabel}, изм. за неделю`, format: 'points', width: 12 });
    if (target !== null) rules.push({ kind: 'threshold', column: index, target, nearFrom: nearFrom(target, settings.tolerance), tolerance: settings.tolerance });
  }
  const rows: ReportRow[] = evaluation.weeks.map((week, i) => {
    const before = evaluation.weeks[i - 1];
    const cells: ReportCell[] = [week.week.week, week.week.row];
    const tones: (Tone | null)[] = [null, null];
    for (const def of evaluation.indicators) {
      const m = week.measures[def.key];
      const previous = before?.measures[def.key]?.share ?? null;
      cells.push(m?.share ?? null, m?.share != null && previous !== null ? changeInPoints(m.share, previous) : null);
      tones.push(toneOf(m?.status ?? null), null);
    }
    return new Row('data', cells, tones);
  });
  const first = evaluation.indicators.find((def) => targetOf(settings, def.key) !== null && def.key === 'teachersCreatedChats') ?? evaluation.indicators.find((def) => targetOf(settings, def.key) !== null);
  const chartColumn = first ? columns.findIndex((c) => c.key === `share:${first.key}`) : -1;
  const target = first ? targetOf(settings, first.key) : null;
  const summary = {
    kind: 'summary' as const,
    name: SHEET_NAMES.summary,
    marker: `${MARKER}:summary`,
    title: 'Сферум: сводка региона по неделям',
    subtitle: [
      `Источник: ${options.source ?? 'сводка по неделям'}, строка заголовков ${evaluation.table.headerRow}.`,
      `Доли — от базы в той же строке; столбцы, где вместо количества стоят проценты, взяты как доли (см. проверку данных). «Близко» — не более ${formatTolerance(settings.tolerance)} ниже цели.`,
    ],
    columns,
    rows,
    rules,
    chart: first && chartColumn >= 0 ? { title: `${first.label} по неделям${target === null ? '' : `, цель ${formatPercent(target, 0)}`}`, categoryColumn: 0, valueColumns: [chartColumn], target } : null,
    frozenColumns: 1,
  };
  return { title: 'Сферум: сводка региона по неделям', sheets: [summary, findingsListSheet(evaluation.findings, options.source)] };
}
