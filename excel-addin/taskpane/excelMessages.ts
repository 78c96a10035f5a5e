/**
 * Russian texts of the Excel backend: what was done, and what to fix when Excel refused. The
 * domain messages (missing columns, bad values…) come from core as they are.
 */
import { TEXTS } from '../../ui/texts';

export const EXCEL_TEXTS = {
  sheetMissing: (name: string): string =>
    `лист «${name}» не найден: возможно, он переименован или удалён. Выберите лист в списке заново.`,
  /** `code` (Office's error code) picks the advice: a protected sheet is not fixed by leaving a cell. */
  excelFailed: (reason: string, code?: string): string => TEXTS.hostFailed('excel', reason, ADVICE[code ?? ''] ?? DEFAULT_ADVICE),
  settingsNotSaved: (reason: string): string => `Отчёт построен, но список листов надстройки не сохранён в книге (${reason}).`,
  unsupported: 'Эта версия Excel не поддерживает нужные функции (ExcelApi 1.9). Откройте книгу в Microsoft 365, Excel 2021 или Excel в браузере.',
} as const;

const DEFAULT_ADVICE = 'Если открыт режим редактирования ячейки, завершите его (Enter или Esc) и повторите.';

/** What to do, by Office's error code, where the usual advice does not fit. */
const ADVICE: Readonly<Record<string, string>> = {
  AccessDenied: 'Если лист или книга защищены, снимите защиту («Рецензирование» → «Снять защиту листа» или «Защитить книгу») и повторите.',
  RequestPayloadSizeLimitExceeded: 'Повторите в приложении Excel.',
  ResponsePayloadSizeLimitExceeded: 'Повторите в приложении Excel.',
};

/** Excel's error codes that a user can act on, said in Russian. */
const KNOWN_REASONS: Readonly<Record<string, string>> = {
  RequestPayloadSizeLimitExceeded: 'Excel в браузере не принимает за раз больше 5 МБ данных; откройте книгу в приложении Excel или уменьшите таблицу',
  ResponsePayloadSizeLimitExceeded: 'Excel в браузере не отдаёт за раз больше 5 МБ данных; откройте книгу в приложении Excel или уменьшите таблицу',
};

/** The message of whatever Excel or the code threw, for the texts above. */
export function reasonOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const { message } = error as { message?: unknown };
    const code = codeOf(error);
    const known = code === undefined ? undefined : KNOWN_REASONS[code];
    if (known) return `${known} (${code as string})`;
    const text = typeof message === 'string' && message ? message : '';
    const tag = code ?? '';
    if (text && tag && !text.includes(tag)) return `${text} (${tag})`;
    if (text || tag) return text || tag;
  }
  return String(error);
}

/** Office's error code of what was thrown («AccessDenied»), if it has one. */
export function codeOf(error: unknown): string | undefined {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
