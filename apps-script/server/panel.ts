/**
 * The sidebar's server side: each PanelBackend method of ui/backend.ts as a function that
 * google.script.run can call. Arguments and results are plain JSON (no Date objects cross).
 * Failures the user can fix come back as ActionResult messages in Russian, and so does anything
 * Google throws (a protected sheet, a timeout): said in Russian by sheetsMessages.ts. The load and
 * the save return no ActionResult: they throw that Russian message for the sidebar to show.
 */
import { errorText, runJob, type MergedArea } from '../../core';
import type { ActionResult, JobRequest, PanelState } from '../../ui/backend';
import { OUTCOMES } from '../../ui/outcomes';
import { mergeLookups, withMergedBlock, withMergedCells, type JobSheet } from '../../ui/mergedCells';
import { inspectPanel } from '../../ui/panelState';
import { sheetsFailed } from '../sheetsMessages';
import { applyHighlight, clearHighlight } from './highlight';
import { oneAtATime } from './oneAtATime';
import { prepareJob, readBlock, readMergedAreas, sheetNotFound } from './job';
import { listSheets, renderReport } from './renderReport';
import { readSettings, writeSettings } from './settingsStore';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const failure = (message: string): ActionResult => ({ ok: false, message: message.charAt(0).toUpperCase() + message.slice(1), sheets: [] });

/**
 * Runs an action; whatever is thrown becomes a failure in Russian. A report cut short leaves
 * only tabs tagged as the add-in's, which the next run writes over, so retrying is safe.
 */
export function guarded(action: () => ActionResult): ActionResult {
  try {
    return action();
  } catch (error) {
    return failure(sheetsFailed(error));
  }
}

/** The same for the load and the save, which have no ActionResult: the Russian message is thrown. */
function explained<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new Error(sheetsFailed(error));
  }
}

/** Reads the chosen sheet (default: the active one, unless it is a report tab of the add-in). */
export function loadPanel(sheetName?: string | null): PanelState {
  return explained(() => readPanel(sheetName));
}

function readPanel(sheetName?: string | null): PanelState {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // The add-in's own report tabs are no monitoring tables: they are left out of the choices.
  const sources = listSheets(spreadsheet).filter((entry) => entry.identity === null);
  const names = sources.map((entry) => entry.name);
  const active = spreadsheet.getActiveSheet().getName();
  const chosen = sheetName && names.includes(sheetName) ? sheetName : names.includes(active) ? active : names[0] ?? active;
  const source = sources.find((entry) => entry.name === chosen);
  const input = { sheets: names, sheet: source ? readBlock(source.sheet, source.name) : { name: chosen, values: [] }, settings: readSettings() };
  const { state, districtGap } = inspectPanel(input);
  if (!source || !districtGap) return state;
  // Schools without a district: the panel lists districts as the report will count them (or,
  // if the merges cannot be listed, as the sheet reads; the report then says why).
  let areas: MergedArea[];
  try {
    areas = readMergedAreas(source.sheet, districtGap);
  } catch {
    return state;
  }
  return inspectPanel({ ...input, sheet: withMergedBlock(input.sheet, areas) }).state;
}

export function saveSettings(settings: unknown): void {
  const result = explained(() => writeSettings(settings));
  // Said as it is: no Google error to explain.
  if (!result.saved) throw new Error(result.message);
}

export function buildReport(request: JobRequest): ActionResult {
  return guarded(() => oneAtATime(() => writeReport(request), failure));
}

function writeReport(request: JobRequest): ActionResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // Saved first: the choices the report was built with are next week's starting point. Settings
  // too large to keep still build this report; the message says they were not saved.
  const saved = writeSettings(request.settings);
  const settings = saved.settings;
  const prepared = prepareJob(spreadsheet, { ...request, settings }, { report: true });
  if (!prepared.ok) return failure(prepared.error);
  let result = runJob(prepared.input);
  const lookups = mergeLookups(prepared.input, result);
  const notes: string[] = saved.saved ? [] : [saved.message];
  if (lookups.length > 0) {
    // Schools without a district: their district may be merged down their rows. (A look-up of
    // last week's sheet comes only from a job that read it, so that sheet is there.)
    const sheetOf = (which: JobSheet): Sheet => (which === 'current' ? prepared.sheet : (prepared.previousSheet as Sheet));
    let found: MergedArea[][] | null = null;
    try {
      found = lookups.map((lookup) => readMergedAreas(sheetOf(lookup.sheet), lookup.span));
    } catch (error) {
      // The report is still built, as the sheet reads.
      notes.push(OUTCOMES.mergedCellsUnknown(errorText(error)));
    }
    if (found) result = runJob(withMergedCells(prepared.input, lookups, found));
  }
  if (!result.ok) return failure(result.error);
  const { sheets, kept } = renderReport(spreadsheet, result.report);
  // The written sheets travel in `sheets`; the panel lists them under the message. Report tabs
  // the user added to are named first: the report is not where she last saw it.
  const warnings = [...OUTCOMES.keptEditedSheets(kept), ...prepared.warnings, ...result.warnings, ...notes];
  return { ok: true, message: OUTCOMES.report(result, request.district, warnings), sheets };
}

export function highlight(request: JobRequest): ActionResult {
  return guarded(() => oneAtATime(() => highlightSheet(request), failure));
}

function highlightSheet(request: JobRequest): ActionResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const saved = writeSettings(request.settings);
  const prepared = prepareJob(spreadsheet, { ...request, settings: saved.settings }, { report: false });
  if (!prepared.ok) return failure(prepared.error);
  const result = runJob(prepared.input);
  if (!result.ok) return failure(result.error);
  const applied = applyHighlight(prepared.sheet, result.highlight);
  const notes = saved.saved ? [] : [saved.message];
  return { ok: true, message: OUTCOMES.highlight(request.sheet, applied, [...prepared.warnings, ...result.warnings, ...notes]), sheets: [request.sheet] };
}

export function removeHighlight(sheetName: string): ActionResult {
  return guarded(() => oneAtATime(() => unhighlightSheet(sheetName), failure));
}

function unhighlightSheet(sheetName: string): ActionResult {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) return failure(sheetNotFound(sheetName));
  const removed = clearHighlight(sheet);
  return { ok: true, message: OUTCOMES.cleared(sheetName, removed), sheets: [sheetName] };
}
