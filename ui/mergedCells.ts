/**
 * Merged district cells, for both add-ins. Excel and Google Sheets give a merged cell's value in
 * its top-left cell only, so schools under a district merged down their rows come out of a first
 * run with no district. Only then does a host look up the merges where core says the district
 * cells are empty (one more sync in Excel, a few calls in Google Sheets), and the job runs again
 * with them filled by core's fillMergedCells. A sheet without such gaps costs nothing more.
 */
import type { SheetBlock } from './panelState';
import { fillMergedCells, runJob, type CellSpan, type JobInput, type JobResult, type MergedArea, type SheetValues } from '../core';

/** Which sheet of the job a look-up is for. */
export type JobSheet = 'current' | 'previous';

export interface MergeLookup {
  readonly sheet: JobSheet;
  readonly span: CellSpan;
}

/** Where a finished job wants merges looked up: this week's and last week's district gaps. */
export function mergeLookups(input: JobInput, first: JobResult): MergeLookup[] {
  // A one-district report fails when that district's name is under a merge whose top row is not
  // a school's (an «Итого по району» row, a heading): the gaps are then the whole table's.
  const job = !first.ok && input.district ? runJob({ ...input, district: null }) : first;
  if (!job.ok) return [];
  const lookups: MergeLookup[] = [];
  if (job.districtGaps.current) lookups.push({ sheet: 'current', span: job.districtGaps.current });
  if (job.districtGaps.previous) lookups.push({ sheet: 'previous', span: job.districtGaps.previous });
  return lookups;
}

function filled(sheet: SheetValues, areas: readonly MergedArea[]): SheetValues {
  return { ...sheet, values: fillMergedCells(sheet.values, areas, sheet.firstRow, sheet.firstColumn) };
}

/** The job's input with the merges found for each look-up filled in. */
export function withMergedCells(input: JobInput, lookups: readonly MergeLookup[], found: readonly (readonly MergedArea[])[]): JobInput {
  const areasOf = (sheet: JobSheet): MergedArea[] => lookups.flatMap((lookup, i) => (lookup.sheet === sheet ? found[i] ?? [] : []));
  const previous = input.previous ? filled(input.previous, areasOf('previous')) : undefined;
  return { ...input, current: filled(input.current, areasOf('current')), previous };
}

/** A sheet as read from A1, with merges filled: for the panel's look at a table (ui/panelState.inspectPanel). */
export function withMergedBlock(block: SheetBlock, areas: readonly MergedArea[]): SheetBlock {
  return { ...block, values: fillMergedCells(block.values, areas) };
}
