/**
 * Reading one count cell of a table row into a number, with the finding that explains
 * anything unusual. Shared by the school table and the region summary.
 */
import { columnLetter, type Finding, type FindingCode, type Severity } from '../findings';
import { messages } from '../messages';
import { isShareInCount } from '../rules';
import { cellText } from '../text';
import { parseValue, type CellValue } from '../values';
import type { ColumnRef } from './header';

/** Where a cell sits, for findings. */
export interface CellPlace {
  readonly row: number;
  readonly column: ColumnRef;
  readonly firstColumn: number;
}

/** Where a cell of a row's column sits, for the passes that report on rows after they are read. */
export type PlaceOf<K extends string> = (row: number, key: K) => CellPlace;

export function finding(place: CellPlace | { row: number }, code: FindingCode, severity: Severity, message: string): Finding {
  if (!('column' in place)) return { row: place.row, column: '', cell: '', code, severity, message };
  return {
    row: place.row,
    column: place.column.header,
    cell: columnLetter(place.firstColumn + place.column.index) + place.row,
    code,
    severity,
    message,
  };
}

/**
 * A count cell: a number, a share (resolved by the caller against the row's base), or nothing.
 * A share is written as a percentage («25%»), or is a number between 0 and 1 (`fraction`): no
 * count of people is 0,25, while a percentage typed in Excel or Google Sheets reaches the add-ins
 * as exactly that number (the «%» is only the cell's format).
 */
export type CountCell = number | ShareCell | null;

/** A share found in a count cell: its value, the text to quote, and whether it was a plain fraction (not «…%»). */
export interface ShareCell {
  readonly share: number;
  readonly text: string;
  readonly fraction: boolean;
}

/** The share a parsed count cell stands for (rules.isShareInCount), or null for a count: the report and the formulas both read cells by this. */
export function shareInCountCell(raw: CellValue, value: number, percent: boolean): ShareCell | null {
  if (!isShareInCount(value, percent)) return null;
  return { share: value, text: percent ? cellText(raw) : fractionText(value), fraction: !percent };
}

/** Why a share cannot stand in a base column (a base has no base of its own). */
export function shareInBaseMessage(cell: ShareCell): string {
  return messages.invalidValue(cell.fraction ? 'доля вместо количества' : 'процент вместо количества', cell.text);
}

/** «0,25», «0,0006»: a fraction as the user would read it. */
function fractionText(value: number): string {
  return String(Number(value.toPrecision(6))).replace('.', ',');
}

/** A number from a cell, or null after reporting why it cannot be used (invalid, negative). */
function readNonNegative(raw: CellValue, place: () => CellPlace, findings: Finding[]): { value: number; percent: boolean } | null {
  const parsed = parseValue(raw);
  if (parsed.kind === 'missing') return null;
  if (parsed.kind === 'invalid') {
    findings.push(finding(place(), 'unparseable', 'error', messages.invalidValue(parsed.reason, parsed.text) + '; значение не учтено'));
    return null;
  }
  if (parsed.value < 0) {
    findings.push(finding(place(), 'negative', 'error', messages.negative(parsed.value) + '; значение не учтено'));
    return null;
  }
  return parsed;
}

/**
 * A share found in a count column, for the finding that says how it was taken.
 */
export function shareInCountMessage(cell: ShareCell): string {
  return cell.fraction ? messages.fractionInCount(cell.text) : messages.percentInCount(cell.text, 1);
}

/**
 * Reads a count; invalid and negative values are reported and left out, fractional ones above 1 kept.
 * Runs for every cell of the table: a whole non-negative number returns before anything is allocated.
 */
export function readCount(raw: CellValue, row: number, column: ColumnRef, firstColumn: number, findings: Finding[]): CountCell {
  if (typeof raw === 'number' && raw >= 0 && Number.isInteger(raw)) return raw;
  const place = (): CellPlace => ({ row, column, firstColumn });
  const parsed = readNonNegative(raw, place, findings);
  if (!parsed) return null;
  const share = shareInCountCell(raw, parsed.value, parsed.percent);
  if (share) return share;
  if (!Number.isInteger(parsed.value)) {
    findings.push(finding(place(), 'fractional', 'warning', messages.fractionalCount(parsed.value)));
  }
  return parsed.value;
}

/** Reads a share cell («97,01%», 0.9701); a number above 1 without «%» is read as percent. */
export function readShare(raw: CellValue, place: CellPlace, findings: Finding[]): number | null {
  const parsed = readNonNegative(raw, () => place, findings);
  if (!parsed) return null;
  return parsed.percent || parsed.value <= 1 ? parsed.value : Number((parsed.value / 100).toPrecision(15));
}
