/**
 * The whole fake spreadsheet as plain data (ids left out), to compare two states: a second
 * run must leave exactly what the first one left.
 */
import { a1, type BookState, type Box, type SheetState } from './fakeSpreadsheetApp';

/** A layer's rows, without the empty rows at its end (extending the grid adds only those). */
const layer = <T>(rows: readonly (readonly (T | undefined)[] | undefined)[]): (T | null)[][] => {
  const lines = rows.map((line) => Array.from(line ?? [], (value) => value ?? null));
  while (lines.length && (lines[lines.length - 1] ?? []).every((value) => value === null)) lines.pop();
  return lines;
};

const where = (box: Box): string => `${box.sheet.name}!${a1(box)}`;

export function sheetSnapshot(sheet: SheetState): Record<string, unknown> {
  return {
    name: sheet.name,
    size: [sheet.maxRows, sheet.maxColumns],
    frozen: [sheet.frozenRows, sheet.frozenColumns],
    values: layer(sheet.values.rows),
    formats: layer(sheet.formats.rows),
    backgrounds: layer(sheet.backgrounds.rows),
    fontColors: layer(sheet.fontColors.rows),
    fontWeights: layer(sheet.fontWeights.rows),
    widths: [...sheet.widths.entries()].sort((a, b) => a[0] - b[0]),
    rules: sheet.rules.map((rule) => ({ ...rule, ranges: rule.ranges.map(where) })),
    charts: sheet.charts.map(({ id: _id, ...chart }) => ({ ...chart, ranges: chart.ranges.map(where) })),
    metadata: sheet.metadata.map(({ key, value }) => ({ key, value })),
  };
}

export function bookSnapshot(book: BookState): Record<string, unknown> {
  return {
    sheets: book.sheets.map(sheetSnapshot),
    active: book.active?.name ?? null,
    properties: Object.fromEntries(book.properties),
  };
}
