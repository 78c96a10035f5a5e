/**
 * One writing action at a time per spreadsheet. Two methodists pressing «Построить отчёт» in the
 * same file would otherwise interleave: the second lists the tabs while the first has made one
 * and not yet tagged it, takes it for the user's and writes «… (2)» beside it, or the two clear
 * and write the same tab at once.
 *
 * Apps Script's LockService would be the exact tool, but the project keeps Code.js to the
 * services its two scopes plainly cover (test/privacy.test.ts), so the mark is a document
 * property: read, and if no other run holds it, set before anything is written and removed
 * after, whatever happens. It is not atomic: two runs starting within the same fraction of a
 * second can both pass. Apps Script stops a server call after 6 minutes, so an older mark was
 * left by a stopped run and is ignored.
 */
import { MARKER } from '../../core';
import { sheetsBusy } from '../sheetsMessages';

/** Document property holding «start time:token» of the run under way. */
export const RUNNING_PROPERTY = `${MARKER}:running`;

/** Apps Script's limit for one server call (menu, sidebar). */
export const MAX_RUN_MS = 6 * 60_000;

/** Runs `action` unless another run holds the spreadsheet; then `busy` gets the Russian message. */
export function oneAtATime<T>(action: () => T, busy: (message: string) => T): T {
  const properties = PropertiesService.getDocumentProperties();
  const now = Date.now();
  const held = properties.getProperty(RUNNING_PROPERTY);
  const started = held ? Number(held.split(':')[0]) : NaN;
  if (Number.isFinite(started) && now - started >= 0 && now - started < MAX_RUN_MS) {
    return busy(sheetsBusy(Math.round((now - started) / 1000)));
  }
  const token = `${now}:${Math.random().toString(36).slice(2)}`;
  properties.setProperty(RUNNING_PROPERTY, token);
  try {
    return action();
  } finally {
    // Only our own mark goes: one set meanwhile by a run that slipped past belongs to it.
    if (properties.getProperty(RUNNING_PROPERTY) === token) properties.deleteProperty(RUNNING_PROPERTY);
  }
}
