/**
 * The short district table printed after a run: district, schools, the shares that have a
 * target (in core's «97,01%» format), lagging schools; furthest behind first, as core ranks
 * them, with the region total last. Colours follow core's statuses when printing to a terminal.
 */
import { findDistrict, findingsFor, formatNumber, formatPercent, formatTolerance, SHEET_NAMES, toneOf, type Evaluation, type GroupResult, type IndicatorKey, type Tone } from '../core';


/** A region has up to ~60 districts; a whole-country file gets the most lagging ones and a note. */
const MAX_DISTRICT_ROWS = 60;
const SHOWN_WHEN_CUT = 40;
const DISTRICT_WIDTH = 30;
/** In a terminal too narrow for the full table (80 columns is usual): shorter names and headers. */
const COMPACT_DISTRICT_WIDTH = 18;
/** The district column is narrowed further for a narrow terminal, down to this. */
const MIN_DISTRICT_WIDTH = 10;
const COMPACT_LABELS: Readonly<Partial<Record<IndicatorKey, string>>> = {
  teachersCreatedChats: 'Чаты', teachers3Messages: '≥3 сообщ.', teachers10Messages: '≥10 сообщ.', teachersCalled: 'Звонки',
  teachersLinkedDiary: 'ЭЖД уч-ей', studentsLinkedDiary: 'ЭЖД уч-ков', teachersCoverage: 'Педагоги', studentsCoverage: 'Ученики',
};

const ANSI: Readonly<Record<Tone, string>> = { good: '\u001b[32m', near: '\u001b[33m', bad: '\u001b[31m' };
const ANSI_RESET = '\u001b[0m';

export interface Cell {
  readonly text: string;
  readonly tone: Tone | null;
  readonly align: 'left' | 'right';
}

export const left = (text: string): Cell => ({ text, tone: null, align: 'left' });
export const right = (text: string, tone: Tone | null = null): Cell => ({ text, tone, align: 'right' });

function shorten(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, width - 1) + '…';
}

function groupRow(evaluation: Evaluation, group: GroupResult, districtWidth: number): Cell[] {
  const shares = evaluation.indicators
    .filter((i) => i.target !== null)
    .map((i) => {
      const m = group.measures[i.key];
      return right(formatPercent(m?.share ?? null), toneOf(m?.status ?? null));
    });
  return [left(shorten(group.name, districtWidth)), right(formatNumber(group.schools)), ...shares, right(formatNumber(group.laggingSchools))];
}

export function render(rows: readonly Cell[][], color: boolean): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.text.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const padded = cell.align === 'left' ? cell.text.padEnd(widths[i] ?? 0) : cell.text.padStart(widths[i] ?? 0);
        return color && cell.tone ? ANSI[cell.tone] + padded + ANSI_RESET : padded;
      })
      .join('  ')
      .trimEnd(),
  );
}

export interface TableOptions {
  readonly color: boolean;
  /** Only this district's row above the region total (the --district report). */
  readonly district?: string | null;
  /** The terminal's width: a table wider than it is printed with short headers and names. */
  readonly width?: number;
}

export function districtTable(evaluation: Evaluation, options: TableOptions): string {
  const full = tableLines(evaluation, options, false, DISTRICT_WIDTH);
  const width = options.width;
  const over = (lines: readonly string[]): number => (width === undefined ? 0 : Math.max(...lines.map(visibleLength)) - width);
  if (over(full) <= 0) return full.join('\n') + '\n';
  // Short headers first; then the district names take what the other columns leave.
  let compact = tableLines(evaluation, options, true, COMPACT_DISTRICT_WIDTH);
  const excess = over(compact);
  if (excess > 0) compact = tableLines(evaluation, options, true, Math.max(MIN_DISTRICT_WIDTH, COMPACT_DISTRICT_WIDTH - excess));
  return compact.join('\n') + '\n';
}

function visibleLength(line: string): number {
  return line.replace(/\u001b\[\d+m/g, '').length;
}

function tableLines(evaluation: Evaluation, options: TableOptions, compact: boolean, districtWidth: number): string[] {
  const { color } = options;
  const targeted = evaluation.indicators.filter((i) => i.target !== null);
  const label = (i: (typeof targeted)[number]): string => (compact ? COMPACT_LABELS[i.key] ?? i.def.shortLabel : i.def.shortLabel);
  const header = [left('Район'), right('ОО'), ...targeted.map((i) => right(label(i))), right('Отстают')];
  const only = options.district ? findDistrict(evaluation, options.district) : undefined;
  const districts = only ? [only] : evaluation.districts;
  const cut = districts.length > MAX_DISTRICT_ROWS;
  const shown = cut ? districts.slice(0, SHOWN_WHEN_CUT) : districts;
  const body = render([header, ...shown.map((d) => groupRow(evaluation, d, districtWidth)), groupRow(evaluation, evaluation.region, districtWidth)], color);
  const rule = '─'.repeat(Math.max(...body.map(visibleLength)));
  const lines = [body[0] ?? '', rule, ...body.slice(1, -1), rule, body[body.length - 1] ?? ''];
  if (cut) lines.splice(lines.length - 2, 0, `… и ещё ${formatNumber(districts.length - shown.length)} районов — полный список в отчёте`);
  return lines;
}

/** The lines above the table: what was read, the period and the targets. */
export function tableHeading(evaluation: Evaluation, source: string, district: string | null = null): string {
  const only = district ? findDistrict(evaluation, district) : undefined;
  const targets = evaluation.indicators
    .filter((i) => i.target !== null)
    .map((i) => `${i.def.shortLabel} ${formatPercent(i.target, 0)}`)
    .join(', ');
  const period = evaluation.table.week ? `, период ${evaluation.table.week}` : '';
  return [
    only ? `Сферум: ${only.name} (место ${only.priority} из ${evaluation.districts.length}) — ${source}${period}` : `Сферум: сводка по районам — ${source}${period}`,
    // The tolerance is a difference of percentages: percentage points, as the panel and the README say.
    `Цели: ${targets || 'не заданы'}; «близко» — до ${formatTolerance(evaluation.settings.tolerance)} ниже цели. Доли района — сумма по ОО ÷ сумма баз.`,
    `Районов: ${formatNumber(evaluation.districts.length)}, ОО: ${formatNumber(evaluation.schools.length)}; сначала — дальше всех от целей.`,
    '',
  ].join('\n');
}

/** The lines under the table: lagging schools and data-check findings in total. */
/** The lagging schools and the findings of the table, or of one district when its report is asked for. */
export function tableFooter(evaluation: Evaluation, district: string | null = null): string {
  const group = district === null ? null : findDistrict(evaluation, district) ?? null;
  const lagging = (group ?? evaluation.region).laggingSchools;
  const schools = group ? group.schools : evaluation.schools.length;
  const findings = findingsFor(evaluation, group).length;
  return (
    `Отстающих ОО: ${formatNumber(lagging)} из ${formatNumber(schools)}. ` +
    `Замечаний проверки данных: ${formatNumber(findings)}${findings ? ` (лист «${SHEET_NAMES.findings}»)` : ''}.\n`
  );
}
