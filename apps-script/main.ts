/**
 * The Apps Script entry: only the globals Sheets calls, each assigned explicitly with its JSDoc
 * right above. gas-webpack-plugin turns every `global.NAME = (a, b) => …` into a top-level
 * `function NAME(a, b) {}` carrying that JSDoc: Sheets needs top-level functions (menu items,
 * google.script.run, custom functions) and builds the formula autocomplete from the JSDoc of
 * the custom functions. The texts repeat the core registry (core/formulas/registry.ts);
 * a test checks that they match it.
 */
import { callFormula, type SheetsArg } from './customFunctions';
import { clearActiveSheet, createMenu, highlightActiveSheet, showSidebar } from './server/menu';
import { buildReport, highlight, loadPanel, removeHighlight, saveSettings } from './server/panel';
import type { JobRequest } from '../ui/backend';

// The bundle's global object; webpack maps it to Apps Script's global scope.
declare const global: Record<string, unknown>;

/**
 * Доля: часть ÷ база (например, учителя, создавшие чаты ÷ учителей всего).
 *
 * @param {number|number[][]} part Часть: количество (ячейка или диапазон).
 * @param {number|number[][]} total База: количество (ячейка или диапазон).
 * @return {number|number[][]} Доля от 0 до 1; пусто, если нет данных; ошибка «база равна 0».
 * @customfunction
 */
global.SFERUM_SHARE = (part: SheetsArg, total: SheetsArg) => callFormula('SHARE', [part, total]);

/**
 * Взвешенная доля группы (района): сумма частей ÷ сумма баз по строкам группы.
 *
 * @param {string[][]} groups Столбец групп (районов).
 * @param {string|string[][]} group Группа или диапазон групп: по одному результату на каждую.
 * @param {number[][]} parts Столбец частей того же размера.
 * @param {number[][]} totals Столбец баз того же размера.
 * @return {number|number[][]} Доля группы; строки без части или базы не учитываются.
 * @customfunction
 */
global.SFERUM_SHARE_BY = (groups: SheetsArg, group: SheetsArg, parts: SheetsArg, totals: SheetsArg) =>
  callFormula('SHARE_BY', [groups, group, parts, totals]);

/**
 * Цель по умолчанию для показателя (федеральные цели 2022–2023).
 *
 * @param {string|string[][]} indicator Ключ показателя (teachersCreatedChats) или текст заголовка столбца.
 * @param {number} year Учебный год, например 2023 (необязательно).
 * @return {number|number[][]} Цель как доля (0,35 = 35%).
 * @customfunction
 */
global.SFERUM_TARGET = (indicator: SheetsArg, year?: SheetsArg) => callFormula('TARGET', [indicator, year]);

/**
 * Статус показателя: «выполнено», «близко», «отстаёт» или «нет данных».
 *
 * @param {number|number[][]} part Часть: количество.
 * @param {number|number[][]} total База: количество.
 * @param {number|number[][]} target Цель: доля (0,35) или процент (35%).
 * @param {number} tolerance Допуск «близко» ниже цели, по умолчанию 0,05 (5 п.п.).
 * @return {string|string[][]} Текст статуса.
 * @customfunction
 */
global.SFERUM_STATUS = (part: SheetsArg, total: SheetsArg, target: SheetsArg, tolerance?: SheetsArg) =>
  callFormula('STATUS', [part, total, target, tolerance]);

/**
 * Сколько ещё человек нужно до цели: max(0; ⌈цель × база − часть⌉).
 *
 * @param {number|number[][]} part Часть: количество.
 * @param {number|number[][]} total База: количество.
 * @param {number|number[][]} target Цель: доля (0,35) или процент (35%).
 * @return {number|number[][]} Целое число людей.
 * @customfunction
 */
global.SFERUM_GAP = (part: SheetsArg, total: SheetsArg, target: SheetsArg) => callFormula('GAP', [part, total, target]);

/**
 * Активен ли профиль организации: больше двух пользователей и хотя бы один класс.
 *
 * @param {number|number[][]} users Пользователей в профиле.
 * @param {number|number[][]} classes Создано классов.
 * @return {boolean|boolean[][]} ИСТИНА или ЛОЖЬ.
 * @customfunction
 */
global.SFERUM_ACTIVE = (users: SheetsArg, classes: SheetsArg) => callFormula('ACTIVE', [users, classes]);

/**
 * Условие показателя 2.3: доступ есть не менее чем у 50% учителей и 50% учеников.
 *
 * @param {number|number[][]} teachersWithAccess Учителей с доступом.
 * @param {number|number[][]} teachersTotal Учителей всего в ОО.
 * @param {number|number[][]} studentsWithAccess Учеников с доступом.
 * @param {number|number[][]} studentsTotal Учеников всего в ОО.
 * @return {boolean|boolean[][]} ИСТИНА или ЛОЖЬ.
 * @customfunction
 */
global.SFERUM_ACCESS50 = (teachersWithAccess: SheetsArg, teachersTotal: SheetsArg, studentsWithAccess: SheetsArg, studentsTotal: SheetsArg) =>
  callFormula('ACCESS50', [teachersWithAccess, teachersTotal, studentsWithAccess, studentsTotal]);

/**
 * Число из текста ячейки: «17 218» → 17218, «97,01%» → 0,9701, «н/д» → пусто.
 *
 * @param {string|number|string[][]} value Ячейка или диапазон.
 * @return {number|number[][]} Число, пусто или ошибка с пояснением.
 * @customfunction
 */
global.SFERUM_PARSE = (value: SheetsArg) => callFormula('PARSE', [value]);

/**
 * Проверка данных: пусто, если всё верно, иначе сообщение (больше базы, отрицательное, не число…).
 *
 * @param {number|number[][]} part Часть: количество.
 * @param {number|number[][]} total База: количество.
 * @return {string|string[][]} Пусто или текст замечания.
 * @customfunction
 */
global.SFERUM_CHECK = (part: SheetsArg, total: SheetsArg) => callFormula('CHECK', [part, total]);

/** Builds the «Сферум» menu when the spreadsheet opens. */
global.onOpen = (_event?: GoogleAppsScript.Events.SheetsOnOpen) => createMenu();

/** Runs once when the add-on is installed: the menu must appear without reopening the file. */
global.onInstall = (_event?: GoogleAppsScript.Events.AddonOnInstall) => createMenu();

/** Menu: «Построить отчёт по району» opens the sidebar. */
global.menuBuildReport = () => showSidebar();

/** Menu: «Подсветить отстающие школы» on the active sheet with the saved settings. */
global.menuHighlight = () => highlightActiveSheet();

/** Menu: «Снять подсветку» from the active sheet. */
global.menuClearHighlight = () => clearActiveSheet();

/** Menu: «Настройки» lives in the sidebar. */
global.menuSettings = () => showSidebar();

/** Sidebar (PanelBackend.load): the chosen sheet's columns, districts and the saved settings. */
global.panelLoad = (sheet?: string | null) => loadPanel(sheet);

/** Sidebar (PanelBackend.save). */
global.panelSave = (settings: unknown) => saveSettings(settings);

/** Sidebar (PanelBackend.buildReport). */
global.panelBuildReport = (request: JobRequest) => buildReport(request);

/** Sidebar (PanelBackend.highlight). */
global.panelHighlight = (request: JobRequest) => highlight(request);

/** Sidebar (PanelBackend.clearHighlight). */
global.panelClearHighlight = (sheet: string) => removeHighlight(sheet);
