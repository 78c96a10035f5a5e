/**
 * Which sheet of a workbook holds the table: the one the user names, else the first on which
 * core recognises it (visible sheets before hidden ones). Recognition is core's; this file
 * only tries the sheets in order and explains what it found when none fits.
 */
import { inspectTable, normalizeText, parsePlanTable, parseSummaryTable, PLAN_COLUMNS, type SheetValues } from '../core';
import { InputError } from './inputError';
import { cliMessages, withCommandLineAdvice } from './messages';
import type { LoadedFile, LoadedSheet } from './readSpreadsheet';

/** Enough rows to find a header below title rows and see whether any data follows it. */
const PROBE_ROWS = 80;

export function toSheetValues(sheet: LoadedSheet): SheetValues {
  return { values: sheet.rows, firstRow: 1, firstColumn: 0, name: sheet.label };
}

function inOrder(file: LoadedFile): LoadedSheet[] {
  return [...file.sheets.filter((s) => !s.hidden), ...file.sheets.filter((s) => s.hidden)];
}

function named(file: LoadedFile, wanted: string): LoadedSheet {
  const exact = file.sheets.find((s) => s.sheetName === wanted);
  if (exact) return exact;
  const key = normalizeText(wanted);
  const loose = file.sheets.find((s) => normalizeText(s.sheetName) === key);
  if (loose) return loose;
  throw new InputError(cliMessages.sheetNotFound(wanted, file.path, file.sheets.map((s) => s.sheetName ?? '')));
}

/** The sheet the table is read from, and a warning when the choice was not the only one. */
export interface PickedSheet {
  readonly sheet: SheetValues;
  readonly warning: string | null;
}

function holdsTable(sheet: LoadedSheet): { ok: true; rows: number } | { ok: false; error: string } {
  const probe = inspectTable({ values: sheet.rows.slice(0, PROBE_ROWS) });
  return probe.ok ? { ok: true, rows: probe.table.records.length } : probe;
}

/**
 * The weekly table. A sheet whose header is found but has no rows under it is kept as a
 * fallback, so a header-only file ends with core's «no data» message rather than «not found».
 * Workbooks often keep each week on its own tab: when later tabs hold the table too, the
 * warning names them, since the first one is not necessarily the week the user meant.
 */
export function pickWeeklySheet(file: LoadedFile, wanted: string | null): PickedSheet {
  if (wanted !== null && file.format === 'xlsx') return { sheet: toSheetValues(named(file, wanted)), warning: null };
  const found = firstMonitoringSheet(file);
  const warning = found.others.length === 0 ? null : cliMessages.otherMonitoringSheets(found.sheet.sheetName ?? '', found.others);
  return { sheet: toSheetValues(found.sheet), warning };
}

/** Last week's table: the sheet named by --previous-sheet, else recognised as this week's is, with this week's own sheet (`current`, when the file is the same) left aside. */
export function pickPreviousSheet(file: LoadedFile, wanted: string | null, current: string | null): PickedSheet {
  if (wanted !== null && file.format === 'xlsx') return { sheet: toSheetValues(named(file, wanted)), warning: null };
  const others = file.sheets.filter((sheet) => sheet.label !== current);
  const candidates = others.length > 0 && others.length < file.sheets.length ? { ...file, sheets: others } : file;
  let found: { sheet: LoadedSheet; others: OtherSheet[] };
  try {
    found = firstMonitoringSheet(candidates);
  } catch {
    // No sheet fits: the first goes to core, whose message says why (and the report is built without the comparison).
    return { sheet: toSheetValues(inOrder(file)[0] ?? (file.sheets[0] as LoadedSheet)), warning: null };
  }
  const sheet = toSheetValues(found.sheet);
  if (found.sheet.label === current) return { sheet, warning: cliMessages.previousIsCurrent(found.sheet.sheetName ?? found.sheet.label) };
  const warning = found.others.length === 0 ? null : cliMessages.otherPreviousSheets(file.path, found.sheet.sheetName ?? '', found.others);
  return { sheet, warning };
}

interface OtherSheet {
  readonly name: string;
  readonly hidden: boolean;
}

/** The first sheet holding the monitoring table, and the later ones that hold it too; throws an InputError saying why when none does. */
function firstMonitoringSheet(file: LoadedFile): { sheet: LoadedSheet; others: OtherSheet[] } {
  const failures: { sheet: LoadedSheet; error: string }[] = [];
  let headerOnly: LoadedSheet | null = null;
  const sheets = inOrder(file);
  for (const [index, sheet] of sheets.entries()) {
    const probe = holdsTable(sheet);
    if (!probe.ok) {
      failures.push({ sheet, error: probe.error });
      continue;
    }
    if (probe.rows > 0) {
      const others = sheets.slice(index + 1).filter((other) => {
        const found = holdsTable(other);
        return found.ok && found.rows > 0;
      });
      return { sheet, others: others.map((other) => ({ name: other.sheetName ?? '', hidden: other.hidden })) };
    }
    headerOnly ??= sheet;
  }
  if (headerOnly) return { sheet: headerOnly, others: [] };
  const [only] = failures;
  const advised = (error: string): string => withCommandLineAdvice(error, file.format === 'xlsx');
  if (failures.length === 1 && only) {
    throw new InputError(`${file.path}${only.sheet.sheetName === null ? '' : `, лист «${only.sheet.sheetName}»`}: ${advised(only.error)}`);
  }
  throw new InputError(cliMessages.noMonitoringSheet(file.path, failures.map((f) => `лист «${f.sheet.sheetName ?? ''}»: ${advised(f.error)}`)));
}

/**
 * The 2.3 plan: the first sheet core reads as a plan with at least one district. The user named
 * the file to get the plan into the report, so a file without one stops the command rather than
 * giving a report without the plan and a warning.
 */
export function pickPlanSheet(file: LoadedFile): SheetValues {
  const reasons: string[] = [];
  for (const sheet of inOrder(file)) {
    const parsed = parsePlanTable(sheet.rows);
    if (parsed.ok && parsed.table.entries.length > 0) return toSheetValues(sheet);
    const reason = parsed.ok ? cliMessages.planEmpty() : withCommandLineAdvice(parsed.error, false);
    reasons.push(sheet.sheetName === null ? reason : `лист «${sheet.sheetName}»: ${reason}`);
  }
  const required = PLAN_COLUMNS.filter((column) => column.key !== 'schools').map((column) => column.header);
  throw new InputError(cliMessages.planUnusable(file.path, reasons, required));
}

/** The region's week-by-week summary, when the file holds that instead of school rows. */
export function findSummarySheet(file: LoadedFile, wanted: string | null): SheetValues | null {
  const sheets = wanted !== null && file.format === 'xlsx' ? [named(file, wanted)] : inOrder(file);
  const found = sheets.find((sheet) => {
    const parsed = parseSummaryTable(sheet.rows);
    return parsed.ok && parsed.table.weeks.length > 0;
  });
  return found ? toSheetValues(found) : null;
}
