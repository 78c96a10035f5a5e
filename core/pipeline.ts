/**
 * The whole job on plain arrays, as every host runs it: parse the weekly sheet (and last week's
 * and the plan, if given), evaluate, compare, and describe the report and the highlighting.
 * Excel, Google Sheets and the command line call this and only render what it returns.
 */
import { compareWeeks, type Comparison } from './evaluate/compare';
import { evaluate, type Evaluation } from './evaluate/evaluate';
import { buildReport, findDistrict } from './report/buildReport';
import { highlightRules, type HighlightRule } from './report/highlight';
import type { ReportModel } from './report/model';
import { resolveSettings, type Settings, type SettingsInput } from './settings';
import type { SchoolColumnKey } from './catalogue/columns';
import type { ColumnMapping } from './table/header';
import { parsePlanTable, type DistrictPlan } from './table/planTable';
import { emptyDistrictSpan, type CellSpan } from './table/merges';
import { parseSchoolTable, type SchoolTable } from './table/schoolTable';
import type { CellValue } from './values';
import { messages } from './messages';
import { russianOrder } from './text';

/** A block of cells read from a sheet in one call, and where it starts. */
export interface SheetValues {
  readonly values: readonly (readonly CellValue[])[];
  /** Sheet row number of values[0] (default 1) and zero-based column of values[0][0] (default 0). */
  readonly firstRow?: number;
  readonly firstColumn?: number;
  /** Name shown in reports («Мониторинг», «weekly.xlsx / Лист1»). */
  readonly name?: string;
}

export interface JobInput {
  readonly current: SheetValues;
  readonly previous?: SheetValues;
  readonly plan?: SheetValues;
  readonly settings?: SettingsInput;
  readonly mapping?: ColumnMapping<SchoolColumnKey>;
  readonly headerRow?: number;
  /** One district's report instead of all districts. */
  readonly district?: string | null;
}

export type JobResult =
  | {
      readonly ok: true;
      readonly evaluation: Evaluation;
      readonly comparison: Comparison | null;
      readonly report: ReportModel;
      readonly highlight: readonly HighlightRule[];
      /** Problems with settings, last week's sheet or the plan that did not stop the job. */
      readonly warnings: readonly string[];
      /**
       * Schools whose district cell is empty, in this week's and last week's sheet: where a host
       * that reads merged cells as empty should look for merges (fillMergedCells) and run again.
       */
      readonly districtGaps: { readonly current: CellSpan | null; readonly previous: CellSpan | null };
    }
  | { readonly ok: false; readonly error: string };

function parseWeek(sheet: SheetValues, mapping?: ColumnMapping<SchoolColumnKey>, headerRow?: number): ReturnType<typeof parseSchoolTable> {
  return parseSchoolTable(sheet.values, { mapping, headerRow, firstRow: sheet.firstRow, firstColumn: sheet.firstColumn });
}

/**
 * The settings as this table can use them: teacher indicators over the staff total need that
 * column, and without it every teacher indicator would silently vanish from the report.
 */
function settingsForTable(settings: Settings, table: SchoolTable, warnings: string[]): Settings {
  if (settings.teacherBase !== 'staffTotal' || table.columns.staffTotal !== undefined) return settings;
  warnings.push(`Настройки: ${messages.staffTotalMissing()}`);
  return { ...settings, teacherBase: 'teachers' };
}

export function runJob(input: JobInput): JobResult {
  const warnings: string[] = [];
  const resolved = resolveSettings(input.settings);
  warnings.push(...resolved.errors.map((e) => `Настройки: ${e}`));

  const current = parseWeek(input.current, input.mapping, input.headerRow);
  const named = input.current.name ? `«${input.current.name}»: ` : '';
  if (!current.ok) return { ok: false, error: `${named}${current.error}` };
  if (current.table.rows.length === 0) return { ok: false, error: `${named}${messages.emptyTable(current.table.headerRow)}` };
  const settings = settingsForTable(resolved.settings, current.table, warnings);

  let plan: DistrictPlan | undefined;
  if (input.plan) {
    const parsed = parsePlanTable(input.plan.values, { firstRow: input.plan.firstRow, firstColumn: input.plan.firstColumn });
    if (parsed.ok) plan = parsed.table;
    else warnings.push(`План 2.3${input.plan.name ? ` («${input.plan.name}»)` : ''}: ${parsed.error}`);
  }

  const evaluation = evaluate(current.table, settings, plan);
  // The plan's rows that were left out and its districts not in the table: every host tells them.
  for (const warning of evaluation.planWarnings) warnings.push(`План 2.3${input.plan?.name ? ` («${input.plan.name}»)` : ''}: ${warning}`);
  let comparison: Comparison | null = null;
  let previousGaps: CellSpan | null = null;
  if (input.previous) {
    // Last week's columns may have moved: recognise them afresh, without this week's mapping.
    const previous = parseWeek(input.previous);
    const named = `Прошлая неделя${input.previous.name ? ` («${input.previous.name}»)` : ''}`;
    // A sheet with no school under its header would list every school of this week as new.
    if (previous.ok && previous.table.rows.length === 0) warnings.push(`${named}: ${messages.emptyTable(previous.table.headerRow)}; сравнение не построено`);
    else if (previous.ok) {
      comparison = compareWeeks(evaluation, evaluate(previous.table, settings));
      previousGaps = emptyDistrictSpan(previous.table);
    }
    else warnings.push(`${named}: ${previous.error}`);
  }

  const district = input.district ?? null;
  if (district !== null && !findDistrict(evaluation, district)) {
    return { ok: false, error: `район «${district}» не найден в таблице; есть: ${evaluation.districts.map((d) => d.name).join(', ')}` };
  }
  const report = buildReport(evaluation, {
    comparison: comparison ?? undefined,
    district: district ?? undefined,
    source: input.current.name,
  });
  const districtGaps = { current: emptyDistrictSpan(current.table), previous: previousGaps };
  return { ok: true, evaluation, comparison, report, highlight: highlightRules(evaluation), warnings, districtGaps };
}

/** Only the recognition step, for a panel that shows which columns were found. */
export function inspectTable(sheet: SheetValues, mapping?: ColumnMapping<SchoolColumnKey>, headerRow?: number): { ok: true; table: SchoolTable; districts: string[] } | { ok: false; error: string } {
  const parsed = parseWeek(sheet, mapping, headerRow);
  if (!parsed.ok) return parsed;
  const districts = [...new Map(parsed.table.records.filter((r) => r.counted).map((r) => [r.districtKey, r.district])).values()].sort(russianOrder);
  return { ok: true, table: parsed.table, districts };
}
