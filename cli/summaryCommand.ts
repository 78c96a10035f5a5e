/**
 * `report` on the region's week-by-week summary (the second table shape of DOMAIN.md): core
 * evaluates each week and builds the report; this prints the weeks, writes the .xlsx and JSON.
 */
import { buildSummaryReport, evaluateSummary, formatPercent, parseSummaryTable, resolveSettings, toneOf, type SettingsInput, type SheetValues, type SummaryEvaluation } from '../core';
import { renderXlsx } from '../renderers/xlsx';
import { InputError } from './inputError';
import { EXIT_OK, type CliIo } from './io';
import { jsonFindings } from './jsonReport';
import { cliMessages } from './messages';
import { left, render, right, type Cell } from './terminalTable';
import { writeOutputs, type OutputFile } from './writeOutputs';

export interface SummaryRun {
  readonly sheet: SheetValues;
  readonly source: string;
  readonly settings: SettingsInput | undefined;
  readonly out: { readonly xlsx: string; readonly json: string | null; readonly shownXlsx: string; readonly shownJson: string | null };
  /** Options that make no sense for a summary (last week, the plan, a district), already said. */
  readonly warnings: readonly string[];
}

/** The weeks as a terminal table: week, then each share, coloured by its status. */
export function summaryTable(evaluation: SummaryEvaluation, color: boolean): string {
  const header: Cell[] = [left('Неделя'), ...evaluation.indicators.map((def) => right(def.shortLabel))];
  const rows = evaluation.weeks.map((week): Cell[] => [
    left(week.week.week),
    ...evaluation.indicators.map((def) => {
      const m = week.measures[def.key];
      return right(formatPercent(m?.share ?? null), toneOf(m?.status ?? null));
    }),
  ]);
  const lines = render([header, ...rows], color);
  const rule = '─'.repeat(Math.max(...lines.map((l) => l.replace(/\u001b\[\d+m/g, '').length)));
  return [lines[0], rule, ...lines.slice(1)].join('\n') + '\n';
}

export function summaryJson(evaluation: SummaryEvaluation, source: string, warnings: readonly string[] = []): unknown {
  return {
    source,
    weeks: evaluation.weeks.map((week) => ({
      row: week.week.row,
      week: week.week.week,
      shares: Object.fromEntries(evaluation.indicators.map((def) => [def.key, week.measures[def.key]?.share ?? null])),
      status: Object.fromEntries(evaluation.indicators.map((def) => [def.key, week.measures[def.key]?.status ?? null])),
    })),
    findings: jsonFindings(evaluation.findings),
    warnings,
  };
}

export async function runSummaryReport(run: SummaryRun, io: CliIo): Promise<number> {
  const parsed = parseSummaryTable(run.sheet.values);
  if (!parsed.ok) throw new InputError(parsed.error);
  if (parsed.table.weeks.length === 0) throw new InputError('в сводке нет ни одной строки с неделей под заголовком');
  const { settings, errors } = resolveSettings(run.settings);
  const evaluation = evaluateSummary(parsed.table, settings);
  const report = buildSummaryReport(evaluation, { source: run.source, settings });

  const warnings = [...run.warnings, ...errors.map((e) => `Настройки: ${e}`)];
  const outputs: OutputFile[] = [{ path: run.out.xlsx, contents: await renderXlsx(report) }];
  if (run.out.json !== null) outputs.push({ path: run.out.json, contents: JSON.stringify(summaryJson(evaluation, run.source, warnings), null, 2) + '\n' });
  await writeOutputs(outputs);

  for (const warning of warnings) io.stderr(cliMessages.warning(warning) + '\n');
  io.stdout(`Сферум: сводка региона по неделям — ${run.source}\n`);
  io.stdout(summaryTable(evaluation, io.color));
  io.stdout(`Недель: ${evaluation.weeks.length}. Замечаний проверки данных: ${evaluation.findings.length} (лист «Сферум — проверка данных»).\n`);
  io.stdout('\n' + cliMessages.written(cliMessages.reportWritten(), run.out.shownXlsx) + '\n');
  if (run.out.shownJson !== null) io.stdout(cliMessages.written(cliMessages.jsonWritten(), run.out.shownJson) + '\n');
  return EXIT_OK;
}
