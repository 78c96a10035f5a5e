/**
 * CSV as Russian offices produce it: «;» from Excel with a Russian locale (the comma is the
 * decimal separator there), «,» from Google Sheets and scripts, tab from «Текст Юникод»;
 * UTF-8 with or without BOM, UTF-16, or Windows-1251 from older Excel. Values stay text:
 * core reads «1 234» and «25%» itself.
 */
import type { PlainCell } from './plainCell';

export type Separator = ';' | ',' | '\t';

/** Order matters on a tie: «;» is what a Russian Excel writes. */
const SEPARATORS: readonly Separator[] = [';', '\t', ','];
const SAMPLE_RECORDS = 50;

/** Decodes file bytes, or returns null when they are not text (a binary file named .csv). */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 8192).includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: a Cyrillic file from an older Excel is Windows-1251.
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** Splits text into records of raw fields, honouring quotes ("" inside quotes is one "). */
function* records(text: string, separator: string): Generator<string[]> {
  let field = '';
  let row: string[] = [];
  let quoted = false;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      yield row;
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    yield row;
  }
}

/**
 * The separator that splits the first records into the most rows of one common width:
 * the header and data rows agree on it, while «97,01%» splits rows unevenly on commas.
 */
export function detectSeparator(text: string): Separator {
  let best: Separator = SEPARATORS[0] as Separator;
  let bestScore: [number, number] = [0, 0];
  for (const separator of SEPARATORS) {
    const widths = new Map<number, number>();
    let seen = 0;
    for (const record of records(text, separator)) {
      if (record.length > 1) widths.set(record.length, (widths.get(record.length) ?? 0) + 1);
      if (++seen >= SAMPLE_RECORDS) break;
    }
    let score: [number, number] = [0, 0];
    for (const [width, rows] of widths) {
      if (rows > score[0] || (rows === score[0] && width > score[1])) score = [rows, width];
    }
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

/** Parses CSV text into rows of text cells; empty fields become null. */
export function parseCsv(text: string, separator: Separator = detectSeparator(text)): PlainCell[][] {
  const rows: PlainCell[][] = [];
  for (const record of records(text, separator)) rows.push(record.map((field) => (field === '' ? null : field)));
  return rows;
}
