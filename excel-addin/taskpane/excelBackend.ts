/**
 * The panel's backend in Excel: each action is one Excel.run that reads once, computes in core,
 * writes once. Round trips per action on a 1,000-row table:
 *   load          1 sheet list + extent · 2 values
 *   buildReport   1 sheet list + extents · 2 values (all sheets) + what is on our report sheets (the user's
 *                 additions keep a sheet from being rewritten) · 3 the report's sheets cleared, added or
 *                 deleted (their ids are recorded as the add-in's before anything is written) · 4 the whole report
 *   (load and buildReport: +1 to look up merged cells, only when schools have no district: ui/mergedCells.ts)
 *   highlight     1 extent + format types · 2 values + our formulas · 3 replace our formats
 *   clear         1 format types · 2 formulas · 3 delete ours
 * In desktop Excel that holds at every size. In Excel on the web too, up to about 7,000 schools;
 * larger sheets add syncs where a read or write would pass its 5 MB payload limit (see payload.ts).
 */
import { runJob } from '../../core/pipeline';
import type { ReportModel } from '../../core/report/model';
import type { MergedArea } from '../../core/table/merges';
import type { StoredSettings } from '../../core/settings';
import type { ActionResult, JobRequest, PanelBackend, PanelState } from '../../ui/backend';
import { OUTCOMES } from '../../ui/outcomes';
import { mergeLookups, withMergedBlock, withMergedCells, type JobSheet } from '../../ui/mergedCells';
import { inspectPanel, jobInput, type SheetBlock } from '../../ui/panelState';
import type { DocumentSettings, ExcelRequestContext, ExcelRun, ExcelWorksheet } from './excelApi';
import { codeOf, EXCEL_TEXTS, reasonOf } from './excelMessages';
import { planReplacement, sheetKey, strayCandidates, type SheetInfo } from './ownedSheets';
import { PAYLOAD_BUDGET, SyncBatch } from './payload';
import { queueMergedAreas, type MergeRequest } from './readMerges';
import { queueSheetContents } from './readOwnedSheets';
import { queueNamedSheetExtent, queueSheetExtent, readSheetValues, type SheetExtent } from './readSheets';
import { ownFormats, queueCustomFormulas, queueFormatTypes, replaceHighlight } from './renderHighlight';
import { renderReport, type WrittenSheet } from './renderReport';
import { addedToByUser, writtenExtent } from '../../core/report/writtenExtent';
import { WorkbookStore, type OwnedSheet } from './workbookStore';

export interface ExcelHost {
  readonly run: ExcelRun;
  readonly settings: DocumentSettings;
  /** Bytes one sync may carry (payloadBudgetFor the platform); the web's budget when not given. */
  readonly payloadBudget?: number;
  /** False where Excel cannot list merged cells (before ExcelApi 1.13): merged districts then stay empty, with a warning. */
  readonly mergedCells?: boolean;
}

/** A sheet the request names that the workbook no longer has (renamed or deleted meanwhile). */
class MissingSheet extends Error {
  constructor(readonly sheet: string) {
    super(EXCEL_TEXTS.sheetMissing(sheet));
  }
}

function failure(message: string): ActionResult {
  return { ok: false, message, sheets: [] };
}

/** Loads the workbook's sheet list (name and id) in the coming sync. */
function queueSheetList(context: ExcelRequestContext): () => SheetInfo[] {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  return () => worksheets.items.map((sheet) => ({ id: sheet.id, name: sheet.name }));
}

export function createExcelBackend(host: ExcelHost): PanelBackend {
  const store = new WorkbookStore(host.settings);
  const budget = host.payloadBudget ?? PAYLOAD_BUDGET;

  /**
   * Runs an action; when Excel fails, says what to fix in Russian. A request can name a sheet
   * that has gone since the panel read the list; that is checked only after a failure, so the
   * usual path costs no extra round trip.
   */
  async function act<T>(names: readonly string[], action: (context: ExcelRequestContext) => Promise<T>): Promise<T> {
    try {
      return await host.run(action);
    } catch (error) {
      if (error instanceof MissingSheet) throw error;
      const missing = await host.run(async (context) => {
        const list = queueSheetList(context);
        await context.sync();
        const present = new Set(list().map((s) => s.name.toLocaleLowerCase('ru')));
        return names.find((name) => !present.has(name.toLocaleLowerCase('ru')));
      }).catch(() => undefined);
      if (missing !== undefined) throw new MissingSheet(missing);
      throw new Error(EXCEL_TEXTS.excelFailed(reasonOf(error), codeOf(error)));
    }
  }

  /**
   * Merged areas of each span, in one sync; null, with a note saying what to do, where Excel
   * cannot tell them (before ExcelApi 1.13, or a look-up it refused): the report is then built
   * as the sheet reads, and a failed look-up never fails it.
   */
  async function lookUpMerges(context: ExcelRequestContext, lookups: readonly MergeRequest[], notes: string[]): Promise<MergedArea[][] | null> {
    if (host.mergedCells === false) {
      notes.push(OUTCOMES.mergedCellsUnknown('эта версия Excel их не сообщает (нужен ExcelApi 1.13)'));
      return null;
    }
    const found = queueMergedAreas(lookups);
    try {
      await context.sync();
      return found();
    } catch (error) {
      notes.push(OUTCOMES.mergedCellsUnknown(`Excel не сообщил их: ${reasonOf(error)}`));
      return null;
    }
  }

  async function guarded(action: () => Promise<ActionResult>): Promise<ActionResult> {
    try {
      return await action();
    } catch (error) {
      return failure(error instanceof Error ? error.message : EXCEL_TEXTS.excelFailed(reasonOf(error), codeOf(error)));
    }
  }

  async function load(requested?: string): Promise<PanelState> {
    const settings = store.readSettings();
    const owned = new Set(store.ownedSheets().map((s) => s.id));
    const read = async (context: ExcelRequestContext): Promise<PanelState> => {
      const list = queueSheetList(context);
      const first = requested ? queueNamedSheetExtent(context, requested) : queueSheetExtent(context.workbook.worksheets.getActiveWorksheet());
      await context.sync();
      const sheets = list();
      // The panel opened on one of our report sheets: go back to the table the report came from.
      let extent = first;
      if (!requested && owned.has(first.sheet.id)) {
        const source = store.sourceSheet();
        const fallback = sheets.find((s) => s.name === source && !owned.has(s.id)) ?? sheets.find((s) => !owned.has(s.id));
        if (fallback) {
          extent = queueNamedSheetExtent(context, fallback.name);
          await context.sync();
        }
      }
      const [block] = await readSheetValues(context, [extent], { budget });
      const input = {
        sheets: sheets.filter((s) => !owned.has(s.id) || s.id === extent.sheet.id).map((s) => s.name),
        sheet: block ?? { name: extent.sheet.name, values: [] },
        settings,
      };
      const { state, districtGap } = inspectPanel(input);
      if (!districtGap) return state;
      // Schools without a district: the panel lists districts as the report will count them.
      const found = await lookUpMerges(context, [{ sheet: extent.sheet, span: districtGap }], []);
      return found ? inspectPanel({ ...input, sheet: withMergedBlock(input.sheet, found[0] ?? []) }).state : state;
    };
    try {
      return await act(requested ? [requested] : [], read);
    } catch (error) {
      // A sheet chosen in the panel has gone: show the active one instead.
      if (error instanceof MissingSheet && requested) return load();
      throw error;
    }
  }

  /**
   * The report; last week's sheet or the plan, when deleted or renamed since the user chose it,
   * is left out with a warning (the comparison or the plan is then not built), as in Google
   * Sheets. Only that rare case costs a second try.
   */
  async function buildReport(request: JobRequest, progress: (text: string) => void): Promise<ActionResult> {
    const skipped: string[] = [];
    let settings = request.settings;
    for (;;) {
      try {
        return await buildReportOnce({ ...request, settings }, progress, skipped, request.settings);
      } catch (error) {
        if (!(error instanceof MissingSheet) || error.sheet === request.sheet) throw error;
        if (error.sheet === settings.previousSheet) {
          skipped.push(OUTCOMES.previousMissing(error.sheet));
          settings = { ...settings, previousSheet: null };
        } else if (error.sheet === settings.planSheet) {
          skipped.push(OUTCOMES.planMissing(error.sheet));
          settings = { ...settings, planSheet: null };
        } else {
          throw error;
        }
      }
    }
  }

  async function buildReportOnce(request: JobRequest, progress: (text: string) => void, skipped: readonly string[], chosen: StoredSettings): Promise<ActionResult> {
    const { settings } = request;
    const inputs = [request.sheet, settings.previousSheet, settings.planSheet].filter((name): name is string => !!name);
    const names = [...new Set(inputs)];
    progress('Чтение листов…');
    const outcome = await act(names, async (context) => {
      const list = queueSheetList(context);
      const extents = names.map((name) => queueNamedSheetExtent(context, name));
      await context.sync();
      // What is on our sheets now rides on the first read of the values (see readOwnedSheets.ts):
      // only sheets still there and recorded with what the add-in wrote on them.
      const present = new Set(list().map((sheet) => sheet.id));
      const recorded = store.ownedSheets().filter((entry) => entry.extent && present.has(entry.id));
      const contents = queueSheetContents(context, recorded.map((entry) => entry.id));
      const blocks = await readSheetValues(context, extents, { budget, syncEvenIfEmpty: recorded.length > 0, requeue: contents.requeue });
      const found = contents.read();
      const added = new Set(recorded.filter((entry) => addedToByUser(entry.extent, found.get(entry.id))).map((entry) => entry.id));
      const block = (name: string | null): SheetBlock | undefined => (name ? blocks[names.indexOf(name)] : undefined);
      const current = block(request.sheet);
      if (!current) throw new MissingSheet(request.sheet);

      progress('Расчёт показателей…');
      const input = jobInput(request, { current, previous: block(settings.previousSheet), plan: block(settings.planSheet) });
      let job = runJob(input);
      const lookups = mergeLookups(input, job);
      const notes: string[] = [];
      if (lookups.length > 0) {
        // Schools without a district: their district may be merged down their rows.
        const sheetOf = (which: JobSheet): ExcelWorksheet => (extents[names.indexOf(which === 'current' ? request.sheet : (settings.previousSheet as string))] as SheetExtent).sheet;
        const found = await lookUpMerges(context, lookups.map((lookup) => ({ sheet: sheetOf(lookup.sheet), span: lookup.span })), notes);
        if (found) job = runJob(withMergedCells(input, lookups, found));
      }
      if (!job.ok) return failure(job.error);

      const owned = [...store.ownedSheets(), ...(await emptyStrays(context, job.report, list(), names))];
      const plan = planReplacement(job.report, list(), owned, names, added);
      for (const { sheet, replacedBy } of plan.released) notes.push(OUTCOMES.keptEditedSheet(sheet.name, replacedBy));
      const ownedWith = (sheets: readonly WrittenSheet[]): OwnedSheet[] => [
        ...plan.keep, ...sheets.map((w) => ({ id: w.worksheet.id, kind: w.sheet.kind, key: sheetKey(w.sheet), extent: writtenExtent(w.sheet) })),
      ];
      // The new sheets are recorded as ours before they are written (see renderReport); if the
      // record cannot be saved now, it is tried again with the settings below.
      const recordEarly = (sheets: readonly WrittenSheet[]): Promise<void> => store.save({ ownedSheets: ownedWith(sheets) }).catch(() => undefined);
      const written = await renderReport(context, new SyncBatch(context, budget), job.report, plan, progress, recordEarly);
      return { job, written, owned: ownedWith(written), notes };
    });
    if ('ok' in outcome) return outcome;

    const { job, written, owned, notes } = outcome;
    const warnings = [...skipped, ...job.warnings, ...notes];
    try {
      // The user's choice of sheets is kept: a sheet renamed back is used again next time.
      await store.save({ ownedSheets: owned, sourceSheet: request.sheet, settings: chosen });
    } catch (error) {
      warnings.push(EXCEL_TEXTS.settingsNotSaved(reasonOf(error)));
    }
    const message = OUTCOMES.report(job, request.district, warnings);
    progress('Готово.');
    return { ok: true, message, sheets: written.map((w) => w.worksheet.name) };
  }

  /**
   * The empty sheets with a report sheet's name that a failed run left unrecorded, as the add-in's
   * (strayCandidates). Only when such a name is taken by a sheet not recorded as ours: then one
   * more sync, to see whether it is empty.
   */
  async function emptyStrays(context: ExcelRequestContext, report: ReportModel, existing: readonly SheetInfo[], inputs: readonly string[]): Promise<OwnedSheet[]> {
    const candidates = strayCandidates(report, existing, store.ownedSheets(), inputs);
    if (candidates.length === 0) return [];
    // Nothing of the user's may be on it: no values, no chart, no formatting rule.
    const looks = candidates.map(({ sheet }) => {
      const worksheet = context.workbook.worksheets.getItem(sheet.id);
      const used = worksheet.getUsedRangeOrNullObject();
      used.load('isNullObject');
      worksheet.charts.load('items/name');
      const rules = worksheet.getRange().conditionalFormats;
      rules.load('items/type');
      return { used, charts: worksheet.charts, rules };
    });
    await context.sync();
    const empty = (index: number): boolean => {
      const look = looks[index];
      return look !== undefined && look.used.isNullObject && look.charts.items.length === 0 && look.rules.items.length === 0;
    };
    return candidates.filter((_, index) => empty(index)).map(({ entry }) => entry);
  }

  async function highlight(request: JobRequest): Promise<ActionResult> {
    return act([request.sheet], async (context) => {
      const sheet = context.workbook.worksheets.getItem(request.sheet);
      const extent = queueSheetExtent(sheet);
      const formats = queueFormatTypes(sheet);
      await context.sync();
      const custom = queueCustomFormulas(formats);
      const [current] = await readSheetValues(context, [extent], { syncEvenIfEmpty: true, budget, requeue: () => void queueCustomFormulas(formats) });
      // Highlighting reads only this week's table: last week and the plan play no part in it.
      const job = runJob(jobInput({ ...request, district: null }, { current: current ?? { name: request.sheet, values: [] } }));
      if (!job.ok) return failure(job.error);
      const own = ownFormats(custom);
      await replaceHighlight(sheet, new SyncBatch(context, budget), own, job.highlight);
      return { ok: true, message: OUTCOMES.highlight(request.sheet, job.highlight.length, job.warnings), sheets: [] };
    });
  }

  async function clearHighlight(sheetName: string): Promise<ActionResult> {
    return act([sheetName], async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const formats = queueFormatTypes(sheet);
      await context.sync();
      const custom = queueCustomFormulas(formats);
      await context.sync();
      const own = ownFormats(custom);
      await replaceHighlight(sheet, new SyncBatch(context, budget), own, []);
      return { ok: true, message: OUTCOMES.cleared(sheetName, own.length), sheets: [] };
    });
  }

  return {
    load,
    save: (settings: StoredSettings) => store.save({ settings }),
    buildReport: (request, progress) => guarded(() => buildReport(request, progress)),
    highlight: (request) => guarded(() => highlight(request)),
    clearHighlight: (sheet) => guarded(() => clearHighlight(sheet)),
  };
}
