/**
 * Data-check findings: what is wrong with a cell or row, where (the sheet's own row number and
 * the column's header) and what was done about it. Findings never stop the computation.
 */

export type FindingCode =
  | 'aboveBase'
  | 'negative'
  | 'fractional'
  | 'unparseable'
  | 'baseZero'
  | 'missingBase'
  | 'duplicate'
  | 'missingDistrict'
  | 'missingSchool'
  | 'percentInCount'
  | 'unknownStatus'
  | 'publishedMismatch'
  | 'totalRow'
  | 'skippedRow';

/** error: the value or row was left out; warning: used as is, but check it; info: nothing lost. */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Row number as the spreadsheet shows it (1-based, counting title rows). */
  readonly row: number;
  /** The column's header text in the source sheet ('' for a whole-row finding). */
  readonly column: string;
  /** A1 address of the cell, e.g. «E12» ('' for a whole-row finding). */
  readonly cell: string;
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
}

/** Column letters of a zero-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** Zero-based column index of column letters: A → 0, AA → 26 (the inverse of columnLetter). */
export function columnIndexOf(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

/**
 * Puts findings added by passes over all rows among the row loop's, in row order (a stable sort
 * keeps each row's own order). Findings already in order, as when no pass added any, are left as
 * they are.
 */
export function putInRowOrder(findings: Finding[]): void {
  for (let i = 1; i < findings.length; i++) {
    if ((findings[i] as Finding).row < (findings[i - 1] as Finding).row) {
      findings.sort((a, b) => a.row - b.row);
      return;
    }
  }
}

/** Findings sorted as a reader scans a sheet: by row, then by column. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.row - b.row || a.cell.length - b.cell.length || a.cell.localeCompare(b.cell));
}
