/**
 * Helpers for the command's tests: hand-made input files in a temporary folder, an io that
 * records what the command prints, and a file hash to prove inputs are never modified.
 * (Not a test itself; used by cli/*.test.ts.)
 */
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { CliIo } from './io';
import { officialSchoolHeader } from '../core';

export type FixtureCell = ExcelJS.CellValue;

export interface FixtureSheet {
  readonly name: string;
  readonly rows: readonly (readonly FixtureCell[])[];
  /** Ranges to merge, e.g. «A1:H1». */
  readonly merges?: readonly string[];
  readonly hidden?: boolean;
}

export function tempDir(prefix = 'sferum-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function writeXlsx(path: string, sheets: readonly FixtureSheet[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.hidden ? 'hidden' : 'visible' });
    sheet.rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null && value !== undefined) worksheet.getCell(r + 1, c + 1).value = value;
    }));
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

export async function readXlsxBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export interface RecordingIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function recordingIo(cwd: string): RecordingIo {
  let out = '';
  let err = '';
  return {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    cwd,
    color: false,
    out: () => out,
    err: () => err,
  };
}

/** Headers of the weekly sheet as official documents write them (with the parenthetical tails). */
export const WEEKLY_HEADERS: readonly string[] = (
  ['district', 'school', 'students', 'teachers', 'teachersCreatedChats', 'teachers3Messages', 'teachers10Messages', 'teachersCalled'] as const
).map(officialSchoolHeader);

/** Conditional formats read back from a file (ExcelJS reads them but its typings omit the field). */
export function conditionalFormatsOf(sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (sheet as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
}
