/**
 * The Apps Script entry: only the globals Sheets calls, each assigned explicitly with its JSDoc
 * right above. gas-webpack-plugin turns every `global.NAME = (a, b) => …` into a top-level
 * `function NAME(a, b) {}` carrying that JSDoc: Sheets needs top-level functions (menu items,
 * google.script.run, custom functions) and builds the formula autocomplete from the JSDoc of
 * the custom functions. The custom functions below are written from the core registry
 * (core/formulas/registry.ts) by customFunctions.ts: edit the registry, not them.
 */
import { callFormula, type SheetsArg } from './customFunctions';
import { clearActiveSheet, createMenu, highlightActiveSheet, showSidebar } from './server/menu';
import { buildReport, highlight, loadPanel, removeHighlight, saveSettings } from './server/panel';
import type { JobRequest } from '../ui/backend';

// The bundle's global object; webpack maps it to Apps Script's global scope.
declare const global: Record<string, unknown>;

// BEGIN GENERATED from core/formulas/registry.ts by customFunctions.ts (UPDATE_WRAPPERS=1 npx jest apps-script/customFunctions)
/**
 * Доля: часть ÷ база, от 0 до 1 (включите процентный формат). Пример: SFERUM_SHARE(617; 636) → 0,9701 (97,01%).
 *
 * @param {number|number[][]} часть Сколько человек с признаком: ячейка или диапазон, например столбец «Учителя, создавшие групповые чаты» (G4:G805).
 * @param {number|number[][]} база Сколько всего (база доли): ячейка или диапазон той же высоты, например столбец «Учителей всего» (F4:F805).
 * @return {number|number[][]} Доля от 0 до 1; пусто, если нет данных; ошибка, если база равна 0.
 * @customfunction
 */
global.SFERUM_SHARE = (часть: SheetsArg, база: SheetsArg) => callFormula('SHARE', [часть, база]);

/**
 * Доля района: сумма частей ÷ сумма баз, от 0 до 1. Пример: SFERUM_SHARE_BY(A4:A805; "г. Озёрск"; G4:G805; F4:F805) → 0,2782.
 *
 * @param {string[][]} районы Диапазон столбца «Район» (например A4:A805): по нему строки делятся на районы.
 * @param {string|string[][]} район Название района в кавычках ("г. Озёрск"), ячейка с ним или диапазон названий — по доле на каждое.
 * @param {number[][]} части Диапазон количеств той же высоты, что «районы», например «Учителя, создавшие групповые чаты» (G4:G805).
 * @param {number[][]} базы Диапазон баз той же высоты, что «районы», например «Учителей всего» (F4:F805).
 * @return {number|number[][]} Доля района от 0 до 1; строки без части или базы не учитываются.
 * @customfunction
 */
global.SFERUM_SHARE_BY = (районы: SheetsArg, район: SheetsArg, части: SheetsArg, базы: SheetsArg) => callFormula('SHARE_BY', [районы, район, части, базы]);

/**
 * Федеральная цель 2022–2023, долей: 0,35 = 35%. Пример: SFERUM_TARGET("Учителя, создавшие групповые чаты") → 0,35.
 *
 * @param {string|string[][]} показатель Заголовок столбца в кавычках ("Учителя, создавшие групповые чаты"), ключ (teachersCreatedChats) или ячейка с ним.
 * @param {string|string[][]} учебный_год Необязательно. Учебный год целей, например 2023 или "2022–2023". Если не указан — 2022–2023 (других пока нет).
 * @return {number|number[][]} Цель как доля (0,35 = 35%).
 * @customfunction
 */
global.SFERUM_TARGET = (показатель: SheetsArg, учебный_год?: SheetsArg) => callFormula('TARGET', [показатель, учебный_год]);

/**
 * Доля против цели: «выполнено», «близко», «отстаёт» или «нет данных». Пример: SFERUM_STATUS(33; 100; 0,35) → «близко».
 *
 * @param {number|number[][]} часть Сколько человек с признаком: ячейка или диапазон, например столбец «Учителя, создавшие групповые чаты» (G4:G805).
 * @param {number|number[][]} база Сколько всего (база доли): ячейка или диапазон той же высоты, например столбец «Учителей всего» (F4:F805).
 * @param {number|number[][]} цель Цель долей (0,35) или процентом (35%); число 35 без знака % — ошибка. Можно вставить TARGET(…).
 * @param {number|number[][]} допуск Необязательно. На сколько ниже цели доля ещё «близко»: долей (0,05) или процентом (5%). Если не указан — 0,05, то есть 5 п.п.
 * @return {string|string[][]} Текст: «выполнено», «близко», «отстаёт» или «нет данных».
 * @customfunction
 */
global.SFERUM_STATUS = (часть: SheetsArg, база: SheetsArg, цель: SheetsArg, допуск?: SheetsArg) => callFormula('STATUS', [часть, база, цель, допуск]);

/**
 * Сколько ещё человек нужно до цели (цель × база − часть, вверх до целого; 0 — достигнута). Пример: SFERUM_GAP(20; 74; 0,35) → 6.
 *
 * @param {number|number[][]} часть Сколько человек с признаком: ячейка или диапазон, например столбец «Учителя, создавшие групповые чаты» (G4:G805).
 * @param {number|number[][]} база Сколько всего (база доли): ячейка или диапазон той же высоты, например столбец «Учителей всего» (F4:F805).
 * @param {number|number[][]} цель Цель долей (0,35) или процентом (35%); число 35 без знака % — ошибка. Можно вставить TARGET(…).
 * @return {number|number[][]} Целое число людей, не меньше 0.
 * @customfunction
 */
global.SFERUM_GAP = (часть: SheetsArg, база: SheetsArg, цель: SheetsArg) => callFormula('GAP', [часть, база, цель]);

/**
 * Профиль ОО активен (ИСТИНА), если пользователей больше двух и есть хотя бы один класс. Пример: SFERUM_ACTIVE(3; 1) → ИСТИНА.
 *
 * @param {number|number[][]} пользователей Пользователей в профиле ОО: ячейка или диапазон, например столбец «Пользователей в профиле ОО» (M4:M805).
 * @param {number|number[][]} классов Создано классов: ячейка или диапазон той же высоты, например столбец «Создано классов» (N4:N805).
 * @return {boolean|boolean[][]} ИСТИНА или ЛОЖЬ.
 * @customfunction
 */
global.SFERUM_ACTIVE = (пользователей: SheetsArg, классов: SheetsArg) => callFormula('ACTIVE', [пользователей, классов]);

/**
 * Условие 2.3: доступ есть у ≥ 50% учителей и ≥ 50% учеников ОО (ИСТИНА/ЛОЖЬ). Пример: SFERUM_ACCESS50(30; 50; 200; 400) → ИСТИНА.
 *
 * @param {number|number[][]} учителей_с_доступом Учителей с доступом: ячейка или диапазон, например столбец «Учителей всего» (F4:F805).
 * @param {number|number[][]} учителей_всего Все учителя ОО (база): например столбец «Педагогов в ОО по штату» (O4:O805).
 * @param {number|number[][]} учеников_с_доступом Учеников с доступом: например столбец «Учеников всего» (E4:E805).
 * @param {number|number[][]} учеников_всего Все ученики ОО (база): например столбец «Обучающихся в ОО» (P4:P805).
 * @return {boolean|boolean[][]} ИСТИНА или ЛОЖЬ.
 * @customfunction
 */
global.SFERUM_ACCESS50 = (учителей_с_доступом: SheetsArg, учителей_всего: SheetsArg, учеников_с_доступом: SheetsArg, учеников_всего: SheetsArg) => callFormula('ACCESS50', [учителей_с_доступом, учителей_всего, учеников_с_доступом, учеников_всего]);

/**
 * Число из текста: «17 218», «97,01%» (даёт долю), «н/д» и «—» (дают пусто). Пример: SFERUM_PARSE("97,01%") → 0,9701.
 *
 * @param {string|string[][]} значение Ячейка или диапазон с числами, записанными текстом: «17 218», «97,01%», «н/д».
 * @return {number|number[][]} Число (процент — долей), пусто или ошибка с пояснением.
 * @customfunction
 */
global.SFERUM_PARSE = (значение: SheetsArg) => callFormula('PARSE', [значение]);

/**
 * Проверка пары чисел: пусто, если всё верно, иначе замечание. Пример: SFERUM_CHECK(25; 21) → «значение больше базы: 25 > 21».
 *
 * @param {number|number[][]} часть Сколько человек с признаком: ячейка или диапазон, например столбец «Учителя, создавшие групповые чаты» (G4:G805).
 * @param {number|number[][]} база Сколько всего (база доли): ячейка или диапазон той же высоты, например столбец «Учителей всего» (F4:F805).
 * @return {string|string[][]} Пусто или текст замечания.
 * @customfunction
 */
global.SFERUM_CHECK = (часть: SheetsArg, база: SheetsArg) => callFormula('CHECK', [часть, база]);
// END GENERATED

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
