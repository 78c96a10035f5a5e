/**
 * The user's choices (targets, tolerance, column corrections, last week's and the plan's
 * sheets) saved with the spreadsheet, so next Friday's report starts from them. Stored as the
 * JSON of the core's StoredSettings and always read back through parseStoredSettings, which
 * checks every field and falls back to the defaults.
 */
import { MARKER, parseStoredSettings, type StoredSettings } from '../../core';
import { settingsTooLarge } from '../sheetsMessages';

/** Document property holding the settings (document properties are shared by all editors of the file). */
export const SETTINGS_PROPERTY = `${MARKER}:settings`;

export function readSettings(): StoredSettings {
  return parseStoredSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_PROPERTY));
}

/**
 * Google keeps at most 9 KB in one property value (Apps Script quotas, «Properties value size:
 * 9 KB / val»). Settings are about half a kilobyte; only very long header texts of columns the
 * user chose by hand (a cell may hold 50 000 characters) can pass it.
 */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;

/** Bytes of the text in UTF-8, as Google counts them (a Cyrillic letter is two). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export type SavedSettings =
  | { readonly saved: true; readonly settings: StoredSettings }
  /** Too large to keep: `message` says so in Russian; the checked settings can still be used for this run. */
  | { readonly saved: false; readonly settings: StoredSettings; readonly message: string };

/** Saves what the sidebar sent, after the same check as on reading: nothing unreadable, nothing Google would refuse, is stored. */
export function writeSettings(settings: unknown): SavedSettings {
  const checked = parseStoredSettings(JSON.stringify(settings ?? null));
  const json = JSON.stringify(checked);
  const bytes = utf8Bytes(json);
  if (bytes > PROPERTY_VALUE_LIMIT) return { saved: false, settings: checked, message: settingsTooLarge(bytes, PROPERTY_VALUE_LIMIT) };
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_PROPERTY, json);
  return { saved: true, settings: checked };
}
