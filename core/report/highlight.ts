/**
 * Highlighting of lagging schools in the user's own sheet, as live formula-based conditional
 * formats over the source columns: red below target − tolerance, yellow below the target.
 * Next week's pasted numbers recolour without a re-run. Every formula carries the marker, so
 * the add-ins can find and replace their own rules and leave the user's alone.
 */
import { columnLetter } from '../findings';
import type { Evaluation } from '../evaluate/evaluate';
import { nearFrom } from '../rules';
import { TOTAL_ROW_WORDS, TOTAL_WORD_ENDS } from '../table/totalRows';
import { MARKER, type ThresholdRule, type Tone } from './model';

export interface HighlightRule {
  /** Indicator key, or 'school' for the name cell of a school lagging on any indicator. */
  readonly indicator: string;
  readonly tone: Extract<Tone, 'bad' | 'near'>;
  /** A1 range of the source sheet, e.g. «G4:G1805», and the same as numbers (1-based rows, zero-based column). */
  readonly range: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly column: number;
  /** A1 formula, relative to the top-left cell of the range, with English function names. */
  readonly formula: string;
}

/** Rows kept under the data so next week's longer table is coloured too. */
export const HIGHLIGHT_SPARE_ROWS = 1000;

/** The marker as it appears in formulas: N("…") is 0 in both Excel and Google Sheets. */
export const FORMULA_MARKER = `N("${MARKER}")=0`;

export function isOwnFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.includes(`"${MARKER}"`);
}

/** Numbers in formulas are written with a dot whatever the locale: 0.35, 0.3. */
function literal(value: number): string {
  return String(Number(value.toFixed(10)));
}


/**
 * The rows the evaluation counts as schools, as a formula condition: a school's name is there,
 * and neither the district nor the name is a total («Итого», «Всего» as a word of its own).
 * Without it a subtotal row inside the table, or a row of totals under it, was coloured as a
 * lagging school. Text comparison is case-insensitive in Excel and Google Sheets alike.
 */
function schoolRowCondition(district: string | null, school: string): string {
  // An error in the district or name cell (#N/A of a lookup) is text to the evaluation, not a reason to stop colouring.
  return `IFERROR(AND(${[`${school}<>""`, ...(district ? [notTotal(district)] : []), notTotal(school)].join(',')}),TRUE())`;
}

/**
 * A cell that is not «Итого…» / «Всего…»: the word's letters at the start, then the end of the
 * text or one of TOTAL_WORD_ENDS («Итого:», «Всего по району»). The letters alone would also
 * take «Всегодичская ООШ» or «Итоговский район» for totals and never colour their schools.
 */
function notTotal(cell: string): string {
  const text = `TRIM(${cell})`;
  const byLength = new Map<number, string[]>();
  for (const word of TOTAL_ROW_WORDS) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);
  const totals = [...byLength].map(([length, words]) => {
    const letters = words.map((word) => `LEFT(${text},${length})="${word}"`);
    // A space is added so that a cell holding only the word ends in one.
    return `AND(OR(${letters.join(',')}),ISNUMBER(FIND(MID(${text}&" ",${length + 1},1),"${TOTAL_WORD_ENDS}")))`;
  });
  return totals.length === 1 ? `NOT(${totals[0]})` : `NOT(OR(${totals.join(',')}))`;
}

export function highlightRules(evaluation: Evaluation): HighlightRule[] {
  const { table, settings } = evaluation;
  const firstRow = table.headerRow + 1;
  const lastRow = Math.max(table.lastRow, firstRow) + HIGHLIGHT_SPARE_ROWS;
  const letter = (index: number): string => columnLetter(table.firstColumn + index);
  const rules: HighlightRule[] = [];
  const badConditions: string[] = [];
  const school = table.columns.school;
  if (!school) return rules; // parsing requires it; a table without it has nothing to colour
  const district = table.columns.district;
  const schoolRow = schoolRowCondition(district ? `$${letter(district.index)}${firstRow}` : null, `$${letter(school.index)}${firstRow}`);

  for (const indicator of evaluation.indicators) {
    if (indicator.target === null) continue;
    const part = table.columns[indicator.numerator];
    const base = table.columns[indicator.base];
    if (!part || !base) continue;
    const p = `$${letter(part.index)}${firstRow}`;
    const b = `$${letter(base.index)}${firstRow}`;
    const known = `ISNUMBER(${p}),ISNUMBER(${b}),${b}>0`;
    const low = literal(nearFrom(indicator.target, settings.tolerance));
    const goal = literal(indicator.target);
    const range = `${letter(part.index)}${firstRow}:${letter(part.index)}${lastRow}`;
    const bad = `${p}/${b}<${low}`;
    const at = { range, firstRow, lastRow, column: table.firstColumn + part.index };
    rules.push({ indicator: indicator.key, tone: 'bad', ...at, formula: `=AND(${FORMULA_MARKER},${schoolRow},${known},${bad})` });
    rules.push({ indicator: indicator.key, tone: 'near', ...at, formula: `=AND(${FORMULA_MARKER},${schoolRow},${known},${p}/${b}>=${low},${p}/${b}<${goal})` });
    badConditions.push(`AND(${known},${bad})`);
  }
  if (badConditions.length) {
    const range = `${letter(school.index)}${firstRow}:${letter(school.index)}${lastRow}`;
    rules.push({ indicator: 'school', tone: 'bad', range, firstRow, lastRow, column: table.firstColumn + school.index, formula: `=AND(${FORMULA_MARKER},${schoolRow},OR(${badConditions.join(',')}))` });
  }
  return rules;
}

/**
 * A report sheet's threshold rule as formula conditions relative to the range's top-left cell
 * (red below nearFrom, yellow below the target, green otherwise), with the marker, for every
 * renderer that writes formula-based conditional formats.
 */
export function thresholdConditions(rule: ThresholdRule, topLeft: string): Record<Tone, string> {
  const low = literal(rule.nearFrom);
  const goal = literal(rule.target);
  const known = `${FORMULA_MARKER},ISNUMBER(${topLeft})`;
  return {
    bad: `AND(${known},${topLeft}<${low})`,
    near: `AND(${known},${topLeft}>=${low},${topLeft}<${goal})`,
    good: `AND(${known},${topLeft}>=${goal})`,
  };
}
