/**
 * What to tell the user when Google refuses or fails an action (a protected sheet, a timeout, a
 * service error): Google's own text is English and says nothing to a methodist, so it is said in
 * Russian with what to do, and Google's words follow only as the detail to quote to support.
 * Used by the server (sidebar results, menu alerts) and by the sidebar (failures that
 * google.script.run reports itself, such as the execution time limit).
 */
import { errorText } from '../core/text';
import { TEXTS } from '../ui/texts';

/** Google's cap on one spreadsheet, all tabs together, empty rows and columns of the grid included. */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;

const CELL_LIMIT_REASON = 'в таблице не осталось места: Google допускает не больше 10 миллионов ячеек на всю таблицу '
  + '(все листы вместе, пустые строки и столбцы сетки тоже считаются)';
const CELL_LIMIT_ADVICE = 'Освободите место и повторите: удалите ненужные листы (например, выгрузки прошлых недель) или пустые строки '
  + 'и столбцы под и справа от таблиц. Отчёт по одному району занимает меньше места, чем по всем.';

/** Google's messages a user can act on: what happened and what to do, in Russian. */
// Google words its errors in the account's language: each pattern has the English and the Russian wording.
const KNOWN_REASONS: readonly (readonly [pattern: RegExp, reason: string, advice: string])[] = [
  // «This action would increase the number of cells in the workbook above the limit of 10000000 cells.»
  // Retrying cannot help here: room has to be made first.
  [/limit of [\d\s,.]+ cells|(предел|огранич|лимит)\S*[^.]{0,60}ячеек/i, CELL_LIMIT_REASON, CELL_LIMIT_ADVICE],
  [/protected|защищ/i, 'лист или диапазон защищён от изменений',
    'Попросите владельца таблицы снять защиту («Данные» → «Защищённые листы и диапазоны») или дать вам право её изменять, и повторите.'],
  [/maximum execution time|максимальное время выполнения/i, 'скрипт работал дольше, чем разрешает Google',
    'Повторите; если не поможет, постройте отчёт по одному району.'],
  [/timed out|timeout|истекло время|время ожидания/i, 'сервис Google не ответил вовремя', 'Подождите минуту и повторите.'],
  [/try again later|service (error|unavailable)|server error|internal error|повторите попытку|ошибка сервера|сбой сервера|внутренняя ошибка|временно недоступн/i, 'сбой на стороне Google', 'Подождите минуту и повторите.'],
  // The script itself not yet allowed to run (not the user's rights to the table).
  [/authorization is required|требуется авторизация|необходима авторизация/i, 'надстройке ещё не дано разрешение работать с таблицей',
    'Выберите в меню «Сферум» любой пункт, разрешите доступ в окне Google и повторите.'],
  [/permission|authoriz|not have access|access denied|нет разрешения|нет доступа|недостаточно прав/i, 'нет права изменять эту таблицу',
    'Попросите владельца таблицы дать вам доступ редактора, и повторите.'],
];

const RETRY = 'Повторите действие: то, что надстройка успела записать, следующий запуск заменит.';

/** Another report or highlight is being written in this spreadsheet (server/oneAtATime.ts). */
export function sheetsBusy(secondsAgo: number): string {
  return `В этой таблице уже строится отчёт или подсветка (начато ${secondsAgo} с назад — другим пользователем или вами в другой вкладке). `
    + 'Дождитесь, пока он закончится (не дольше 6 минут), и повторите: результат будет тем же.';
}

/** The settings would not fit in one document property (server/settingsStore.ts). */
export function settingsTooLarge(bytes: number, limit: number): string {
  const kb = (n: number): string => (n / 1024).toFixed(1).replace('.', ',');
  return `Настройки не сохранены: они занимают ${kb(bytes)} КБ, а Google хранит в таблице не больше ${kb(limit)} КБ настроек. `
    + 'Обычно причина — очень длинный текст в заголовке столбца, выбранного вручную: сократите заголовок в таблице и выберите столбец заново.';
}

/** The Russian message for whatever Google (or the script) threw, with Google's words as the detail. */
export function sheetsFailed(error: unknown): string {
  const detail = errorText(error).replace(/^(Exception|Error|ScriptError):\s*/i, '').trim();
  const known = KNOWN_REASONS.find(([pattern]) => pattern.test(detail));
  const message = TEXTS.hostFailed('sheets', known?.[1] ?? 'непредвиденная ошибка', known?.[2] ?? RETRY);
  return detail ? `${message} (Ответ Google: ${detail})` : message;
}

/**
 * The server's own messages (Russian, and already framed) stay as they are; anything else is
 * Google's, in English or in Russian, and is explained with what to do.
 */
export function inRussian(message: string): string {
  const framed = message.replace(/^(Exception|Error|ScriptError):\s*/i, '').startsWith(FRAME);
  const own = /[а-яё]/i.test(message) && (framed || !KNOWN_REASONS.some(([pattern]) => pattern.test(message)));
  return own ? message.replace(/^(Exception|Error|ScriptError):\s*(?=Google)/i, '') : sheetsFailed(message);
}

/** How every message of sheetsFailed begins («Google Таблицы не выполнили действие»). */
const FRAME = TEXTS.hostFailed('sheets', '', '').split(':')[0] ?? '';
