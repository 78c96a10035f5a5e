/**
 * A sidebar request turned into the core's job input: the chosen sheet, last week's sheet and
 * the 2.3 plan sheet each read with one getDataRange().getValues() (from A1, as the shared
 * ui/panelState.ts expects), then handed to the shared jobInput.
 */
import { mergedAreaOf, type CellSpan, type JobInput, type MergedArea } from '../../core';
import type { JobRequest } from '../../ui/backend';
import { jobInput, type SheetBlock } from '../../ui/panelState';
import { OUTCOMES } from '../../ui/outcomes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type PreparedJob =
  | { readonly ok: true; readonly input: JobInput; readonly sheet: Sheet; readonly previousSheet: Sheet | null; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

export const sheetNotFound = (name: string): string =>
  `лист «${name}» не найден: возможно, он переименован или удалён. Выберите лист заново.`;

export function readBlock(sheet: Sheet, name: string): SheetBlock {
  return { name, values: sheet.getDataRange().getValues() };
}

export interface JobOptions {
  /** Read last week's sheet and the plan and keep the district (the report); highlighting needs none of them. */
  readonly report: boolean;
}

export function prepareJob(spreadsheet: Spreadsheet, request: JobRequest, options: JobOptions): PreparedJob {
  const sheet = spreadsheet.getSheetByName(request.sheet);
  if (!sheet) return { ok: false, error: sheetNotFound(request.sheet) };
  const { previousSheet, planSheet } = request.settings;
  const warnings: string[] = [];
  const optional = (name: string | null, missing: (name: string) => string): { sheet: Sheet; block: SheetBlock } | undefined => {
    if (!options.report || !name || name === request.sheet) return undefined;
    const found = spreadsheet.getSheetByName(name);
    if (!found) warnings.push(missing(name));
    return found ? { sheet: found, block: readBlock(found, name) } : undefined;
  };
  const previous = optional(previousSheet, OUTCOMES.previousMissing);
  const plan = optional(planSheet, OUTCOMES.planMissing);
  const current = readBlock(sheet, request.sheet);
  const input = jobInput(options.report ? request : { ...request, district: null }, { current, previous: previous?.block, plan: plan?.block });
  return { ok: true, input, sheet, previousSheet: previous?.sheet ?? null, warnings };
}

/**
 * The merged areas of a span of one column (ui/mergedCells.ts): one call for the list, and one
 * per merged area for its place, so only a sheet with schools lacking a district pays for it,
 * by its number of merges (about one per district), not of rows.
 */
export function readMergedAreas(sheet: Sheet, span: CellSpan): MergedArea[] {
  const merged = sheet.getRange(span.fromRow, span.column + 1, span.toRow - span.fromRow + 1, 1).getMergedRanges();
  return merged.map((range) => mergedAreaOf(range.getA1Notation())).filter((area): area is MergedArea => area !== null);
}
