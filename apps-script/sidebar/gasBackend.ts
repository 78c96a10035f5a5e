/**
 * The shared panel's PanelBackend over google.script.run: each method is one call of the server
 * function of the same role (serverFunctions.ts), turned into a Promise. Only plain JSON crosses
 * (google.script.run drops Date objects and functions), so the progress callback stays here.
 */
import type { StoredSettings } from '../../core/settings';
import type { ActionResult, JobRequest, PanelBackend, PanelState } from '../../ui/backend';
import { SERVER_FUNCTIONS, type ServerFunction } from '../serverFunctions';
import { inRussian } from '../sheetsMessages';

/** The part of the client-side google.script.run the sidebar uses. */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
}

/** A fresh runner per call: handlers set on one must not leak into the next call. */
export type ScriptRunFactory = () => ScriptRun;

/** Progress lines: google.script.run cannot report from inside a call, so the sidebar says what the one call does. */
export const PROGRESS = {
  report: 'Чтение таблицы, расчёт показателей и запись листов отчёта…',
} as const;

/**
 * The server says its failures in Russian; what google.script.run reports itself (the execution
 * time limit, a lost connection) is Google's English, and is explained.
 */
function errorOf(error: unknown): Error {
  const message = typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
    ? (error as { message: string }).message
    : String(error);
  return new Error(inRussian(message));
}

export function gasBackend(run: ScriptRunFactory): PanelBackend {
  const call = <T>(name: ServerFunction, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const runner = run()
        .withSuccessHandler((value) => resolve(value as T))
        .withFailureHandler((error) => reject(errorOf(error)));
      const fn = (runner as unknown as Record<string, ((...a: unknown[]) => void) | undefined>)[name];
      if (typeof fn !== 'function') {
        reject(new Error(`функция «${name}» не найдена на сервере: обновите дополнение (npm run push:sheets)`));
        return;
      }
      fn.apply(runner, args);
    });

  return {
    // undefined does not survive google.script.run: «no sheet chosen» travels as null.
    load: (sheet?: string) => call<PanelState>(SERVER_FUNCTIONS.load, sheet ?? null),
    save: (settings: StoredSettings) => call<void>(SERVER_FUNCTIONS.save, settings),
    buildReport: (request: JobRequest, progress: (text: string) => void) => {
      progress(PROGRESS.report);
      return call<ActionResult>(SERVER_FUNCTIONS.buildReport, request);
    },
    highlight: (request: JobRequest) => call<ActionResult>(SERVER_FUNCTIONS.highlight, request),
    clearHighlight: (sheet: string) => call<ActionResult>(SERVER_FUNCTIONS.clearHighlight, sheet),
  };
}
