/**
 * `report`: read the weekly table (and last week's and the 2.3 plan), run core's job, write
 * the .xlsx report (and the JSON), print the district table. The order is chosen so that
 * every check that can fail runs before anything is written.
 */
import { existsSync, realpathSync } from 'fs';
import { isAbsolute, relative, resolve } from 'path';
import { formatNumber, runJob, type SettingsInput, type SheetValues } from '../core';
import { renderXlsx } from '../renderers/xlsx';
import type { ReportArgs } from './args';
import { InputError } from './inputError';
import { EXIT_OK, type CliIo } from './io';
import { jsonText, toJsonReport } from './jsonReport';
import { cliMessages, withCommandLineAdvice } from './messages';
import { bundledSample, DEFAULT_OUT } from './packagePaths';
import { findSummarySheet, pickPlanSheet, pickPreviousSheet, pickWeeklySheet } from './pickSheet';
import { runSummaryReport } from './summaryCommand';
import { LARGE_FILE_BYTES, Progress, sizeText } from './progress';
import { fileSize, loadSpreadsheet, type LoadedFile } from './readSpreadsheet';
import { readTargetsFile } from './targetsFile';
import { districtTable, tableFooter, tableHeading } from './terminalTable';
import { writeOutputs, type OutputFile } from './writeOutputs';

interface ResolvedPaths {
  readonly input: string;
  readonly previous: string | null;
  readonly plan: string | null;
  readonly targets: string | null;
  readonly out: string;
  readonly json: string | null;
  readonly sample: boolean;
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Input paths from the arguments, or the bundled sample with its previous week and plan. */
function resolvePaths(args: ReportArgs, cwd: string): ResolvedPaths {
  const at = (path: string): string => resolve(cwd, path);
  const out = at(args.out ?? DEFAULT_OUT);
  const json = args.json === null ? null : at(args.json);
  const targets = args.targets === null ? null : at(args.targets);
  if (args.input !== null) {
    return { input: at(args.input), previous: args.previous && at(args.previous), plan: args.plan && at(args.plan), targets, out, json, sample: false };
  }
  const sample = bundledSample();
  if (!existsSync(sample.current)) throw new InputError(cliMessages.sampleMissing(sample.current));
  // The sample's previous week and plan only go with the sample itself.
  const orSample = (given: string | null, path: string): string | null => (given !== null ? at(given) : existsSync(path) ? path : null);
  return { input: sample.current, previous: orSample(args.previous, sample.previous), plan: orSample(args.plan, sample.plan), targets, out, json, sample: true };
}

function checkOutputs(paths: ResolvedPaths): void {
  if (!/\.xlsx$/i.test(paths.out)) throw new InputError(cliMessages.outNotXlsx(paths.out));
  const inputs = [paths.input, paths.previous, paths.plan, paths.targets].filter((p): p is string => p !== null).map(canonical);
  for (const output of [paths.out, paths.json]) {
    if (output !== null && inputs.includes(canonical(output))) throw new InputError(cliMessages.outputOverInput(output));
  }
  if (paths.json !== null && canonical(paths.json) === canonical(paths.out)) throw new InputError(cliMessages.sameOutputs(paths.out));
}

/** Paths as the user would type them: relative to where they are, when inside it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** A sheet of a file the user named, with the warning about formulas the file has no results for. */
async function readSheet(path: string, pick: (file: LoadedFile) => SheetValues, warnings: string[]): Promise<SheetValues> {
  const file = await loadSpreadsheet(path);
  const picked = pick(file);
  warnUncalculated(file, picked, warnings);
  return picked;
}

/** Formulas of the picked sheet that no program calculated were read as empty: say so (readXlsx.ts). */
function warnUncalculated(file: LoadedFile, picked: SheetValues, warnings: string[]): void {
  const uncalculated = file.sheets.find((s) => s.label === picked.name)?.uncalculated ?? [];
  if (uncalculated.length > 0) warnings.push(cliMessages.uncalculatedFormulas(picked.name ?? file.path, uncalculated));
}

/**
 * Last week's sheet. A workbook that keeps a tab per week may be given as both files: this week's
 * own tab is then left aside, so the comparison is not of a week with itself.
 */
async function readPrevious(paths: ResolvedPaths, wanted: string | null, current: SheetValues, warnings: string[]): Promise<SheetValues> {
  const path = paths.previous as string;
  const file = await loadSpreadsheet(path);
  if (wanted !== null && file.format === 'csv') warnings.push(cliMessages.previousSheetIgnored(path));
  const sameFile = canonical(path) === canonical(paths.input);
  const choice = pickPreviousSheet(file, wanted, sameFile ? current.name ?? null : null);
  if (choice.warning !== null) warnings.push(choice.warning);
  warnUncalculated(file, choice.sheet, warnings);
  return choice.sheet;
}

/** The weekly school table, or else the region's week-by-week summary (reported its own way). */
async function readWeekly(path: string, sheet: string | null, io: CliIo, progress: Progress, warnings: string[]): Promise<{ weekly: SheetValues; workbook: boolean } | { summary: SheetValues }> {
  const file = await loadSpreadsheet(path);
  if (sheet !== null && file.format === 'csv') io.stderr(cliMessages.warning(cliMessages.sheetOptionIgnored(path)) + '\n');
  let picked: SheetValues;
  try {
    const choice = pickWeeklySheet(file, sheet);
    picked = choice.sheet;
    if (choice.warning !== null) warnings.push(choice.warning);
    warnUncalculated(file, picked, warnings);
  } catch (error) {
    const summary = error instanceof InputError ? findSummarySheet(file, sheet) : null;
    if (!summary) throw error;
    warnUncalculated(file, summary, warnings);
    return { summary };
  }
  progress.line(cliMessages.read(picked.name ?? path, formatNumber(picked.values.length), formatNumber(progress.lap(), 1)));
  return { weekly: picked, workbook: file.format === 'xlsx' };
}

export async function runReport(args: ReportArgs, io: CliIo): Promise<number> {
  if (args.previousSheet !== null && args.previous === null && args.input !== null) throw new InputError(cliMessages.previousSheetAlone());
  const paths = resolvePaths(args, io.cwd);
  checkOutputs(paths);
  const warnings: string[] = [];
  let settings: SettingsInput | undefined;
  if (paths.targets !== null) settings = await readTargetsFile(paths.targets);

  const progress = new Progress(io, false);
  const bytes = await fileSize(paths.input);
  progress.enableIf(bytes >= LARGE_FILE_BYTES, args.quiet);
  progress.line(cliMessages.reading(shown(paths.input, io.cwd), sizeText(bytes)));
  progress.lap();
  const read = await readWeekly(paths.input, args.sheet, io, progress, warnings);
  if ('summary' in read) {
    const ignored = [
      args.previous !== null ? '--previous' : null, args.previousSheet !== null ? '--previous-sheet' : null, args.plan !== null ? '--plan' : null, args.district !== null ? '--district' : null,
    ].filter((option): option is string => option !== null);
    return runSummaryReport({
      sheet: read.summary,
      source: read.summary.name ?? shown(paths.input, io.cwd),
      settings,
      out: { xlsx: paths.out, json: paths.json, shownXlsx: shown(paths.out, io.cwd), shownJson: paths.json === null ? null : shown(paths.json, io.cwd) },
      warnings: [...warnings, ...(ignored.length ? [`это сводка региона по неделям: ${ignored.join(', ')} не используются`] : [])],
    }, io);
  }
  const current = read.weekly;
  const previous = paths.previous === null ? undefined : await readPrevious(paths, args.previousSheet, current, warnings);
  const plan = paths.plan === null ? undefined : await readSheet(paths.plan, pickPlanSheet, warnings);
  progress.lap();

  const result = runJob({ current, previous, plan, settings, district: args.district });
  // --sheet only chooses among this week's sheets, so only its message may point to it.
  if (!result.ok) throw new InputError(withCommandLineAdvice(result.error, read.workbook));
  warnings.push(...result.warnings.map((warning) => withCommandLineAdvice(warning, false)));
  const { evaluation } = result;
  progress.line(cliMessages.computed(formatNumber(evaluation.schools.length), formatNumber(progress.lap() * 1000)));

  const source = current.name ?? shown(paths.input, io.cwd);
  const outputs: OutputFile[] = [];
  progress.line(cliMessages.writing(shown(paths.out, io.cwd)));
  outputs.push({ path: paths.out, contents: await renderXlsx(result.report) });
  if (paths.json !== null) outputs.push({ path: paths.json, contents: jsonText(toJsonReport(evaluation, { source, district: args.district, warnings })) });
  await writeOutputs(outputs);

  for (const warning of warnings) io.stderr(cliMessages.warning(warning) + '\n');
  if (paths.sample) io.stdout(cliMessages.sampleUsed() + '\n');
  io.stdout(tableHeading(evaluation, source, args.district));
  io.stdout(districtTable(evaluation, { color: io.color, district: args.district, width: io.columns }));
  io.stdout(tableFooter(evaluation, args.district));
  io.stdout('\n' + cliMessages.written(cliMessages.reportWritten(), shown(paths.out, io.cwd)) + '\n');
  if (paths.json !== null) io.stdout(cliMessages.written(cliMessages.jsonWritten(), shown(paths.json, io.cwd)) + '\n');
  return EXIT_OK;
}
