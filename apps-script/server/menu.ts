/**
 * The «Сферум» menu. onOpen only builds the menu: it runs before the user has authorised the
 * script (AuthMode.NONE), when reading properties or sheets is not allowed.
 */
import type { ActionResult } from '../../ui/backend';
import { sheetsFailed } from '../sheetsMessages';
import { guarded, highlight, removeHighlight } from './panel';
import { readSettings } from './settingsStore';

export const MENU_TITLE = 'Сферум';
const SIDEBAR_FILE = 'sidebar';

/** Menu items: caption and the global function the item calls (declared in main.ts). */
export const MENU_ITEMS: readonly (readonly [caption: string, fn: string])[] = [
  ['Построить отчёт по району', 'menuBuildReport'],
  ['Подсветить отстающие школы', 'menuHighlight'],
  ['Снять подсветку', 'menuClearHighlight'],
  ['Настройки', 'menuSettings'],
];

export function createMenu(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const [caption, fn] of MENU_ITEMS) menu.addItem(caption, fn);
  menu.addToUi();
}

export function showSidebar(): void {
  try {
    const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(MENU_TITLE);
    SpreadsheetApp.getUi().showSidebar(html);
  } catch (error) {
    // A menu command that throws shows Google's English text at best: say it in Russian.
    tell({ ok: false, message: sheetsFailed(error), sheets: [] });
  }
}

/** A menu command's outcome: a toast when done, a dialog when the user must fix something. */
function tell(result: ActionResult): void {
  if (result.ok) SpreadsheetApp.getActiveSpreadsheet().toast(result.message, MENU_TITLE, 10);
  else SpreadsheetApp.getUi().alert(MENU_TITLE, result.message, SpreadsheetApp.getUi().ButtonSet.OK);
}

/**
 * Highlights the active sheet with the saved settings, without opening the sidebar. Guarded as a
 * whole: reading the active sheet or the settings can fail too, and a menu command that throws
 * gives no Russian word.
 */
export function highlightActiveSheet(): void {
  tell(guarded(() => highlight({ sheet: SpreadsheetApp.getActiveSheet().getName(), district: null, settings: readSettings() })));
}

export function clearActiveSheet(): void {
  tell(guarded(() => removeHighlight(SpreadsheetApp.getActiveSheet().getName())));
}
