/**
 * Rows of a weekly sheet that are not schools: totals («Итого», «Всего») and the group that
 * takes schools with no district.
 */

/** Group name for schools whose district cell is empty. */
export const NO_DISTRICT = 'Район не указан';

/** Words that start a row of totals in the district or name cell: such rows are skipped (and not highlighted, highlight.ts). */
export const TOTAL_ROW_WORDS: readonly string[] = ['итого', 'всего'];
/** The test on a normalised district name. */
export const TOTAL_ROW = new RegExp(`^(${TOTAL_ROW_WORDS.join('|')})( |$)`);
/**
 * What may follow the word in a school's name for the row to be a total (besides nothing):
 * «Итого:», «Всего по району», but not «Всегодичская ООШ». The highlight formula tests the same.
 */
export const TOTAL_WORD_ENDS = ' :.,';
/** The same test on raw text, so school names need not be normalised first. */
const TOTAL_ROW_TEXT = new RegExp(`^\\s*(${TOTAL_ROW_WORDS.join('|')})([\\s${TOTAL_WORD_ENDS.trim()}]|$)`, 'i');

/** Whether a school's name as typed is «Итого…» / «Всего…». */
export function isTotalText(text: string): boolean {
  return startsLikeTotal(text) && TOTAL_ROW_TEXT.test(text);
}

/** Whether text may start with «Итого» / «Всего» (after spaces): most names are ruled out without the regexp. */
function startsLikeTotal(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20 || code === 0xa0 || (code >= 0x09 && code <= 0x0d)) continue;
    return code === 0x418 || code === 0x438 || code === 0x412 || code === 0x432; // И и В в: TOTAL_ROW_WORDS' first letters
  }
  return false;
}
