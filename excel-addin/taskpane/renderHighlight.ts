/**
 * The highlighting of lagging schools in the user's sheet: core's HighlightRules become
 * formula-based conditional formats. Our rules are told apart from the user's by the marker in
 * their formula (isOwnFormula; see ownFormats for a refused half-made one), so re-running replaces only ours and «Снять подсветку» removes
 * only ours. Nothing but conditional formats is ever written to the source sheet.
 *
 * Finding ours takes two loads (the type of every format, then the formula of the custom ones,
 * because reading `custom` of another type fails); both ride on syncs the action makes anyway.
 */
import type { HighlightRule } from '../../core/report/highlight';
import { isOwnFormula } from '../../core/report/highlight';
import { TONE_COLORS, TONE_FONT_COLORS } from '../../core/report/model';
import type { ExcelConditionalFormat, ExcelConditionalFormatCollection, ExcelWorksheet } from './excelApi';
import { OPERATION_BYTES, type SyncBatch } from './payload';

/** For the first sync: every conditional format of the sheet, with its type. */
export function queueFormatTypes(sheet: ExcelWorksheet): ExcelConditionalFormatCollection {
  const formats = sheet.getRange().conditionalFormats;
  formats.load('items/type');
  return formats;
}

/** After the first sync: queues the formulas of the custom formats (they arrive with the next sync). */
export function queueCustomFormulas(formats: ExcelConditionalFormatCollection): ExcelConditionalFormat[] {
  const custom = formats.items.filter((format) => format.type === 'Custom');
  for (const format of custom) format.custom.rule.load('formula');
  return custom;
}

/**
 * After the second sync: the formats the add-in made. Also a custom format without a formula:
 * `add` and the formula are two operations, and a sync Excel refused between them leaves such a
 * rule, which nothing else can name ours. The formula is the first thing we set, so it carries
 * none of our colours; a person cannot save a formula rule without a formula, and one without a
 * condition formats nothing, so removing it changes nothing the user sees.
 */
export function ownFormats(custom: readonly ExcelConditionalFormat[]): ExcelConditionalFormat[] {
  return custom.filter((format) => {
    const formula = format.custom.rule.formula;
    return isOwnFormula(formula) || formula === '' || formula === null || formula === undefined;
  });
}

/**
 * Deletes our earlier formats and adds the rules (if any) below every other format on their
 * cells; the user's formats are not touched and keep their order. Same syncs as without the
 * priority: it rides in the batch that adds the format.
 */
export async function replaceHighlight(sheet: ExcelWorksheet, batch: SyncBatch, own: readonly ExcelConditionalFormat[], rules: readonly HighlightRule[]): Promise<void> {
  for (const format of own) {
    await batch.reserve();
    format.delete();
  }
  for (const rule of rules) {
    await batch.reserve(OPERATION_BYTES * 5 + rule.formula.length);
    const format = sheet.getRange(rule.range).conditionalFormats.add('Custom');
    format.custom.rule.formula = rule.formula;
    format.custom.format.fill.color = TONE_COLORS[rule.tone];
    format.custom.format.font.color = TONE_FONT_COLORS[rule.tone];
    // `add` puts the format first, above the user's own rules on these cells; last place lets
    // theirs win, as in Google Sheets. Set last: after it Office.js wants the object fetched again.
    format.priority = -1;
  }
  await batch.flush();
}
