/**
 * The user's choices (targets, tolerance, column corrections, last week's and the plan's
 * sheets) saved with the spreadsheet, so next Friday's report starts from them. Stored as the
 * JSON of the core's StoredSettings and always read back through parseStoredSettings, which
 * checks every field and falls back to the defaults.
 */
import { MARKER, parseStoredSettings, type StoredSettings } from '../../core';

/** Document property holding the settings (document properties are shared by all editors of the file). */
export const SETTINGS_PROPERTY = `${MARKER}:settings`;

export function readSettings(): StoredSettings {
  return parseStoredSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_PROPERTY));
}

/** Saves what the sidebar sent, after the same check as on reading: nothing unreadable is stored. */
export function writeSettings(settings: unknown): StoredSettings {
  const checked = parseStoredSettings(JSON.stringify(settings ?? null));
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_PROPERTY, JSON.stringify(checked));
  return checked;
}
