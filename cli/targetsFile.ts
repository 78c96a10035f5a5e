/**
 * The --targets file: the user's targets, tolerance and teacher base as JSON, handed to core
 * as settings. The user named this file to change the report, so anything in it that cannot be
 * used as written stops the command (exit 2) instead of falling back to the default targets
 * with a warning that is easy to miss: an unknown key, a misspelt indicator, a target of 40.
 */
import { promises as fs } from 'fs';
import { parseValue, resolveSettings, type SettingsInput } from '../core';
import { isTeacherBase } from '../core/teacherBase';
import { errorText } from '../core/text';
import { readReason } from './fileErrors';
import { InputError } from './inputError';
import { cliMessages } from './messages';
import { fileSize } from './readSpreadsheet';

const KNOWN_KEYS = new Set(['targets', 'tolerance', 'teacherBase']);

export async function readTargetsFile(path: string): Promise<SettingsInput> {
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

/** A number typed as a percentage without its sign (40 for 40 %), worth showing how to write; else null. */
function barePercent(raw: unknown): number | null {
  const parsed = parseValue(raw);
  return parsed.kind === 'number' && !parsed.percent && parsed.value > 1 && parsed.value <= 100 ? parsed.value : null;
}

function targetsFromJson(raw: unknown, path: string): SettingsInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError(cliMessages.targetsNotObject(path));
  const input = raw as Record<string, unknown>;
  const unknown = Object.keys(input).filter((key) => !KNOWN_KEYS.has(key));
  const { targets, tolerance, teacherBase } = input;
  if (targets !== undefined && (typeof targets !== 'object' || targets === null || Array.isArray(targets))) {
    throw new InputError(cliMessages.targetsInvalid(path, [cliMessages.targetsNotMap()], null));
  }
  const settings: SettingsInput = { targets: targets as Record<string, unknown> | undefined, tolerance, teacherBase };
  const problems = unknown.map(cliMessages.targetsUnknownKey);
  // Checked here, not by core: core's message says it took «teachers» instead, and here nothing is taken.
  if (teacherBase !== undefined && !isTeacherBase(teacherBase)) {
    // JSON's own spelling of what is there (null, 5), so the quote is never empty.
    problems.push(cliMessages.targetsBadTeacherBase(typeof teacherBase === 'string' ? teacherBase : JSON.stringify(teacherBase)));
  }
  problems.push(...resolveSettings({ targets: settings.targets, tolerance }).errors);
  if (problems.length === 0) return settings;
  const percent = [...Object.values(settings.targets ?? {}), tolerance].map(barePercent).find((value) => value !== null) ?? null;
  throw new InputError(cliMessages.targetsInvalid(path, problems, percent));
}
