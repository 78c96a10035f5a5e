/**
 * Cell styles of the .xlsx report, derived from the report model's colours so the file looks
 * like the add-ins' sheets: tone fills and fonts, the header band, title and total rows.
 */
import type ExcelJS from 'exceljs';
import { TONE_COLORS, TONE_FONT_COLORS, type Tone } from '../../core';

/** '#C6EFCE' → 'FFC6EFCE' (ExcelJS wants opaque ARGB). */
export function argb(hex: string): string {
  return 'FF' + hex.replace(/^#/, '').toUpperCase();
}

const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });

/** Static fills of toned cells. One object per tone: ExcelJS shares style objects between cells. */
export const TONE_FILLS: Readonly<Record<Tone, ExcelJS.Fill>> = {
  good: solid(TONE_COLORS.good),
  near: solid(TONE_COLORS.near),
  bad: solid(TONE_COLORS.bad),
};
export const TONE_FONTS: Readonly<Record<Tone, Partial<ExcelJS.Font>>> = {
  good: { color: { argb: argb(TONE_FONT_COLORS.good) } },
  near: { color: { argb: argb(TONE_FONT_COLORS.near) } },
  bad: { color: { argb: argb(TONE_FONT_COLORS.bad) } },
};
export const TONE_FONTS_BOLD: Readonly<Record<Tone, Partial<ExcelJS.Font>>> = {
  good: { ...TONE_FONTS.good, bold: true },
  near: { ...TONE_FONTS.near, bold: true },
  bad: { ...TONE_FONTS.bad, bold: true },
};

/**
 * Fills inside conditional formats: a differential style paints a solid pattern with its
 * background colour (bgColor), unlike a cell's own fill (fgColor).
 */
export function conditionalFill(tone: Tone): Partial<ExcelJS.Style> {
  return {
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(TONE_COLORS[tone]) } },
    font: { color: { argb: argb(TONE_FONT_COLORS[tone]) } },
  };
}

/** Blue of Excel's own data bars, readable under every tone fill. */
export const DATA_BAR_COLOR = 'FF638EC6';

export const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
export const SUBTITLE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF595959' } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
export const HEADER_FILL: ExcelJS.Fill = solid('#DDEBF7');
export const HEADER_ALIGNMENT: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'middle', horizontal: 'center' };
export const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };
export const TOTAL_FONT: Partial<ExcelJS.Font> = { bold: true };
export const TOTAL_BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin', color: { argb: 'FF808080' } } };
/** Header rows are wrapped to three lines of the column width. */
export const HEADER_HEIGHT = 48;
/** The model's widths count characters; bold header words need about one more to wrap between words. */
export const HEADER_WIDTH_PADDING = 1;
