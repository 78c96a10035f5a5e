/**
 * Highlighting of lagging schools in the user's own sheet, as the core describes it: live
 * formula rules over the source columns. Sheets keeps one list of conditional format rules per
 * sheet and setConditionalFormatRules replaces all of it, so the list is read, the add-in's own
 * rules (recognised by the marker in their formula) are dropped, and the new ones are appended:
 * the user's rules survive and running twice gives the same list as running once. No cell value
 * of the source sheet is written.
 */
import { TONE_COLORS, isOwnFormula, type HighlightRule } from '../../core';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export function isOwnRule(rule: ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  return condition !== null && condition.getCriteriaValues().some((value) => isOwnFormula(typeof value === 'string' ? value : null));
}

interface GridBox {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((acc, ch) => acc * 26 + (ch.charCodeAt(0) - 64), 0);
}

/**
 * «G4:G1805» as numbers, cut at the sheet's last row: the core asks for spare rows under the
 * data (for next week's longer table), but Sheets refuses a range beyond its grid.
 */
export function gridBox(a1: string, maxRows: number): GridBox | null {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a1.trim().toUpperCase());
  if (!match) return null;
  const [, c1 = 'A', r1 = '1', c2 = c1, r2 = r1] = match;
  const row = Number(r1);
  const last = Math.min(Number(r2), maxRows);
  if (row > last) return null;
  const column = columnNumber(c1);
  return { row, column, rows: last - row + 1, columns: columnNumber(c2) - column + 1 };
}

/** Replaces the add-in's rules on the sheet by `rules`; returns how many were applied. */
export function applyHighlight(sheet: Sheet, rules: readonly HighlightRule[]): number {
  const maxRows = sheet.getMaxRows();
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOwnRule(rule));
  const ours: ConditionalFormatRule[] = [];
  for (const rule of rules) {
    const box = gridBox(rule.range, maxRows);
    if (!box) continue;
    ours.push(SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(rule.formula)
      .setBackground(TONE_COLORS[rule.tone])
      .setRanges([sheet.getRange(box.row, box.column, box.rows, box.columns)])
      .build());
  }
  // The user's rules stay first: where both colour a cell, theirs wins.
  sheet.setConditionalFormatRules([...kept, ...ours]);
  return ours.length;
}

/** Removes only the add-in's rules; returns how many there were. */
export function clearHighlight(sheet: Sheet): number {
  const rules = sheet.getConditionalFormatRules();
  const kept = rules.filter((rule) => !isOwnRule(rule));
  sheet.setConditionalFormatRules(kept);
  return rules.length - kept.length;
}
