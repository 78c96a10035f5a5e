/**
 * The --targets file: the user's targets, tolerance and teacher base as JSON, handed to core
 * as settings. Core checks the values (and its warnings are printed); this file only checks
 * that the JSON has the expected shape.
 */
import { promises as fs } from 'fs';
import type { SettingsInput } from '../core';
import { errorText } from '../core/text';
import { readReason } from './fileErrors';
import { InputError } from './inputError';
import { cliMessages } from './messages';
import { fileSize } from './readSpreadsheet';

export interface TargetsFile {
  readonly settings: SettingsInput;
  /** Shape problems that did not stop the run (an unknown key); core checks the values. */
  readonly warnings: readonly string[];
}

const KNOWN_KEYS = new Set(['targets', 'tolerance', 'teacherBase']);

export async function readTargetsFile(path: string): Promise<TargetsFile> {
  await fileSize(path);
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(cliMessages.unreadableFile(path, readReason(error)));
  }
  let raw: unknown;
  try {
    // A BOM is what Windows Notepad writes at the start of UTF-8 files.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(cliMessages.targetsUnreadable(path, errorText(error)));
  }
  return targetsFromJson(raw, path);
}

export function targetsFromJson(raw: unknown, path: string): TargetsFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(cliMessages.targetsNotObject(path));
  const input = raw as Record<string, unknown>;
  const warnings = Object.keys(input).filter((key) => !KNOWN_KEYS.has(key)).map(cliMessages.targetsUnknownKey);
  const { targets, tolerance, teacherBase } = input;
  if (targets !== undefined && (typeof targets !== 'object' || targets === null || Array.isArray(targets))) {
    throw new InputError(cliMessages.targetsNotMap());
  }
  return {
    settings: { targets: targets as Record<string, unknown> | undefined, tolerance, teacherBase },
    warnings,
  };
}
