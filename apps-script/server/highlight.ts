/**
 * Highlighting of lagging schools in the user's own sheet, as the core describes it: live
 * formula rules over the source columns. Sheets keeps one list of conditional format rules per
 * sheet and setConditionalFormatRules replaces all of it, so the list is read, the add-in's own
 * rules (recognised by the marker in their formula) are dropped, and the new ones are appended:
 * the user's rules survive and running twice gives the same list as running once. No cell value
 * of the source sheet is written.
 */
import { TONE_COLORS, TONE_FONT_COLORS, isOwnFormula, type HighlightRule } from '../../core';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export function isOwnRule(rule: ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  return condition !== null && condition.getCriteriaValues().some((value) => isOwnFormula(typeof value === 'string' ? value : null));
}

/**
 * Replaces the add-in's rules on the sheet by `rules`; returns how many were applied. The core
 * asks for spare rows under the data so that next week's longer table is coloured too; here they
 * end with the sheet's grid (Sheets refuses ranges beyond it), which is never enlarged: the
 * user's sheet keeps its size, and «Снять подсветку» leaves it exactly as it was. A table longer
 * than the grid next week (Sheets adds the rows on paste) is coloured by highlighting again.
 */
export function applyHighlight(sheet: Sheet, rules: readonly HighlightRule[]): number {
  const maxRows = sheet.getMaxRows();
  const kept = sheet.getConditionalFormatRules().filter((rule) => !isOwnRule(rule));
  const ours = rules.map((rule) => SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(rule.formula)
    .setBackground(TONE_COLORS[rule.tone])
    .setFontColor(TONE_FONT_COLORS[rule.tone])
    .setRanges([sheet.getRange(rule.firstRow, rule.column + 1, Math.min(rule.lastRow, maxRows) - rule.firstRow + 1, 1)])
    .build());
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
