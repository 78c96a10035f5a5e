/**
 * Host-side helpers shared by both backends (no DOM, no host API): what the panel shows for a
 * sheet's values, and the core job a panel request stands for. Excel's task pane and the Google
 * Sheets sidebar read their sheets their own way, then call these, so both panels show the same
 * columns, districts and messages for the same table.
 *
 * Values are always read from the sheet's cell A1, so a column index means the same column of
 * the sheet (0 = A) in the panel, in the saved mapping and in core.
 */
import { SCHOOL_COLUMNS, type SchoolColumnKey } from '../core/catalogue/columns';
import type { JobInput, SheetValues } from '../core/pipeline';
import { inspectTable } from '../core/pipeline';
import type { StoredSettings } from '../core/settings';
import { findHeaderRow, type ColumnMap, type ColumnMapping } from '../core/table/header';
import { emptyDistrictSpan, type CellSpan } from '../core/table/merges';
import { REQUIRED_SCHOOL_COLUMNS, type SchoolTable } from '../core/table/schoolTable';
import { cellText } from '../core/text';
import { messages } from '../core/messages';
import type { CellValue } from '../core/values';
import type { ColumnChoice, JobRequest, PanelState } from './backend';

/** A sheet's cells from A1 down to the last used cell, as a host reads them. */
export interface SheetBlock {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
}

function sheetValues(block: SheetBlock): SheetValues {
  return { values: block.values, firstRow: 1, firstColumn: 0, name: block.name };
}

/** The saved column corrections as core takes them (unknown keys are left out). */
export function columnMapping(settings: StoredSettings): ColumnMapping<SchoolColumnKey> | undefined {
  const mapping: ColumnMapping<SchoolColumnKey> = {};
  for (const def of SCHOOL_COLUMNS) {
    const index = settings.mapping[def.key];
    if (index !== undefined) mapping[def.key] = index;
  }
  return Object.keys(mapping).length ? mapping : undefined;
}

function columnChoices(columns: ColumnMap<SchoolColumnKey>): ColumnChoice[] {
  return SCHOOL_COLUMNS.map((def) => ({
    key: def.key,
    label: def.header,
    required: REQUIRED_SCHOOL_COLUMNS.includes(def.key),
    index: columns[def.key]?.index ?? null,
  }));
}

function headerList(row: readonly CellValue[] | undefined): { index: number; text: string }[] {
  return (row ?? []).map((cell, index) => ({ index, text: cellText(cell) })).filter((h) => h.text !== '');
}

/** What the panel shows for a sheet: recognised columns, districts, or what went wrong. */
export function buildPanelState(input: PanelInput): PanelState {
  return inspectPanel(input).state;
}

export interface PanelInput {
  readonly sheets: readonly string[];
  readonly sheet: SheetBlock;
  readonly settings: StoredSettings;
}

/**
 * The panel's state, and where the table has schools with an empty district cell (for a host
 * to look up merged cells there, fill them with withMergedBlock and inspect again).
 */
export function inspectPanel(input: PanelInput): { state: PanelState; districtGap: CellSpan | null } {
  const inspected = inspectTable(sheetValues(input.sheet), columnMapping(input.settings));
  if (inspected.ok) return { state: tableState(input, inspected), districtGap: emptyDistrictSpan(inspected.table) };
  return { state: unrecognisedState(input, inspected.error), districtGap: null };
}

function tableState({ sheets, sheet, settings }: PanelInput, inspected: { table: SchoolTable; districts: string[] }): PanelState {
  const { table } = inspected;
  return {
    sheets,
    sheet: sheet.name,
    headers: headerList(table.headerCells),
    headerRow: table.headerRow,
    columns: columnChoices(table.columns),
    districts: inspected.districts,
    schools: table.records.filter((record) => record.counted).length,
    settings,
    // A header with nothing under it: say so now, as the report would, not just «школ: 0».
    error: table.records.length === 0 ? messages.emptyTable(table.headerRow) : null,
  };
}

function unrecognisedState({ sheets, sheet, settings }: PanelInput, error: string): PanelState {
  // Still offer the best header row found, so the user can fix the mapping from the panel.
  const header = findHeaderRow(sheet.values, SCHOOL_COLUMNS);
  return {
    sheets,
    sheet: sheet.name,
    headers: header ? headerList(header.cells) : [],
    headerRow: header ? header.rowIndex + 1 : null,
    columns: columnChoices(header?.columns ?? {}),
    districts: [],
    schools: 0,
    settings,
    error,
  };
}

/**
 * The core job of a panel request. Last week's sheet and the plan are left out when they are
 * the table's own sheet (a leftover choice), so a report never compares a week with itself.
 */
export function jobInput(request: JobRequest, blocks: { current: SheetBlock; previous?: SheetBlock; plan?: SheetBlock }): JobInput {
  const { settings } = request;
  return {
    current: sheetValues(blocks.current),
    previous: blocks.previous && blocks.previous.name !== blocks.current.name ? sheetValues(blocks.previous) : undefined,
    plan: blocks.plan && blocks.plan.name !== blocks.current.name ? sheetValues(blocks.plan) : undefined,
    settings: { targets: settings.targets, tolerance: settings.tolerance, teacherBase: settings.teacherBase },
    mapping: columnMapping(settings),
    district: request.district,
  };
}
