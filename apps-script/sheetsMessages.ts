/**
 * What to tell the user when Google refuses or fails an action (a protected sheet, a timeout, a
 * service error): Google's own text is English and says nothing to a methodist, so it is said in
 * Russian with what to do, and Google's words follow only as the detail to quote to support.
 * Used by the server (sidebar results, menu alerts) and by the sidebar (failures that
 * google.script.run reports itself, such as the execution time limit).
 */
import { errorText } from '../core/text';
import { TEXTS } from '../ui/texts';

/** Google's messages a user can act on: what happened and what to do, in Russian. */
const KNOWN_REASONS: readonly (readonly [pattern: RegExp, reason: string, advice: string])[] = [
  [/protected/i, 'лист или диапазон защищён от изменений',
    'Попросите владельца таблицы снять защиту («Данные» → «Защищённые листы и диапазоны») или дать вам право её изменять, и повторите.'],
  [/maximum execution time/i, 'скрипт работал дольше, чем разрешает Google',
    'Повторите; если не поможет, постройте отчёт по одному району.'],
  [/timed out|timeout/i, 'сервис Google не ответил вовремя', 'Подождите минуту и повторите.'],
  [/try again later|service (error|unavailable)|server error|internal error/i, 'сбой на стороне Google', 'Подождите минуту и повторите.'],
  [/permission|authoriz|not have access|access denied/i, 'нет права изменять эту таблицу',
    'Попросите владельца таблицы дать вам доступ редактора, и повторите.'],
];

const RETRY = 'Повторите действие: то, что надстройка успела записать, следующий запуск заменит.';

/** The Russian message for whatever Google (or the script) threw, with Google's words as the detail. */
export function sheetsFailed(error: unknown): string {
  const detail = errorText(error).replace(/^(Exception|Error|ScriptError):\s*/i, '').trim();
  const known = KNOWN_REASONS.find(([pattern]) => pattern.test(detail));
  const message = TEXTS.hostFailed('sheets', known?.[1] ?? 'непредвиденная ошибка', known?.[2] ?? RETRY);
  return detail ? `${message} (Ответ Google: ${detail})` : message;
}

/** Russian text stays as it is (the server's own messages); anything else is Google's and is explained. */
export function inRussian(message: string): string {
  return /[а-яё]/i.test(message) ? message : sheetsFailed(message);
}
