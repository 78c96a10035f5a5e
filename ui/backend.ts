/**
 * The contract between the shared panel UI (Excel task pane and Google Sheets sidebar) and its
 * host. The panel only calls these; each host implements them (Office.js in excel-addin/,
 * google.script.run in apps-script/). Every value crossing it is plain JSON: no Date objects.
 */
import type { StoredSettings } from '../core/settings';

export interface ColumnChoice {
  /** Column key of the catalogue (district, teachers, teachersCreatedChats…). */
  readonly key: string;
  /** Russian name of what the column should hold. */
  readonly label: string;
  readonly required: boolean;
  /** Zero-based index of the recognised or chosen column, or null when not found. */
  readonly index: number | null;
}

export interface PanelState {
  /** All sheet names of the workbook (for the previous-week and plan pickers). */
  readonly sheets: readonly string[];
  /** The sheet the table was read from. */
  readonly sheet: string;
  /** Header cells of the table (zero-based index and text) to choose corrections from. */
  readonly headers: readonly { readonly index: number; readonly text: string }[];
  readonly headerRow: number | null;
  readonly columns: readonly ColumnChoice[];
  readonly districts: readonly string[];
  readonly schools: number;
  readonly settings: StoredSettings;
  /** Russian message when no monitoring table was recognised on the sheet. */
  readonly error: string | null;
}

export interface JobRequest {
  readonly sheet: string;
  /** null: all districts. */
  readonly district: string | null;
  readonly settings: StoredSettings;
}

export interface ActionResult {
  readonly ok: boolean;
  /** Russian text for the user: what was done, or what to fix. */
  readonly message: string;
  /** Sheets written by the action. */
  readonly sheets: readonly string[];
}

export interface PanelBackend {
  /** Reads the chosen (default: active) sheet and the saved settings. */
  load(sheet?: string): Promise<PanelState>;
  save(settings: StoredSettings): Promise<void>;
  buildReport(request: JobRequest, progress: (text: string) => void): Promise<ActionResult>;
  highlight(request: JobRequest): Promise<ActionResult>;
  clearHighlight(sheet: string): Promise<ActionResult>;
}
