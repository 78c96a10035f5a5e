/**
 * The «Сферум» menu. onOpen only builds the menu: it runs before the user has authorised the
 * script (AuthMode.NONE), when reading properties or sheets is not allowed.
 */
import type { ActionResult } from '../../ui/backend';
import { highlight, removeHighlight } from './panel';
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
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(MENU_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** A menu command's outcome: a toast when done, a dialog when the user must fix something. */
function tell(result: ActionResult): void {
  if (result.ok) SpreadsheetApp.getActiveSpreadsheet().toast(result.message, MENU_TITLE, 10);
  else SpreadsheetApp.getUi().alert(MENU_TITLE, result.message, SpreadsheetApp.getUi().ButtonSet.OK);
}

/** Highlights the active sheet with the saved settings, without opening the sidebar. */
export function highlightActiveSheet(): void {
  const sheet = SpreadsheetApp.getActiveSheet().getName();
  tell(highlight({ sheet, district: null, settings: readSettings() }));
}

export function clearActiveSheet(): void {
  tell(removeHighlight(SpreadsheetApp.getActiveSheet().getName()));
}
