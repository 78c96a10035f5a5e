/**
 * Google's English errors said in Russian: by the server (sheetsFailed) and by the sidebar for
 * what google.script.run reports itself (gasBackend).
 */
import { DEFAULT_STORED_SETTINGS } from '../core';
import { gasBackend, type ScriptRun } from './sidebar/gasBackend';
import { inRussian, sheetsFailed } from './sheetsMessages';

describe('sheetsFailed', () => {
  it('says what happened and what to do in Russian, with Google\'s words only as the detail', () => {
    expect(sheetsFailed(new Error('Exception: Service Spreadsheets timed out while accessing document with id 1x.'))).toBe(
      'Google Таблицы не выполнили действие: сервис Google не ответил вовремя. Подождите минуту и повторите. '
      + '(Ответ Google: Service Spreadsheets timed out while accessing document with id 1x.)',
    );
    expect(sheetsFailed(new Error('Something new'))).toBe(
      'Google Таблицы не выполнили действие: непредвиденная ошибка. Повторите действие: то, что надстройка успела записать, '
      + 'следующий запуск заменит. (Ответ Google: Something new)',
    );
    expect(sheetsFailed('')).toBe('Google Таблицы не выполнили действие: непредвиденная ошибка. Повторите действие: то, что надстройка успела записать, следующий запуск заменит.');
  });

  it('leaves the server\'s own Russian messages as they are', () => {
    expect(inRussian('Лист «Мониторинг» не найден')).toBe('Лист «Мониторинг» не найден');
    expect(inRussian('Exceeded maximum execution time')).toMatch(/^Google Таблицы не выполнили действие: скрипт работал дольше, чем разрешает Google\./);
    // Google speaks Russian to a Russian account: its own Russian words are explained too.
    expect(inRussian('Превышено максимальное время выполнения')).toMatch(/^Google Таблицы не выполнили действие: скрипт работал дольше, чем разрешает Google\. Повторите; .*\(Ответ Google: Превышено максимальное время выполнения\)$/);
    expect(inRussian('Сбой сервера. Повторите попытку.')).toMatch(/^Google Таблицы не выполнили действие: сбой на стороне Google\. Подождите минуту/);
    expect(inRussian('Служба Таблиц временно недоступна.')).toMatch(/^Google Таблицы не выполнили действие: сбой на стороне Google\./);
    // A message already told in Russian is not told twice, even with the prefix Apps Script may add.
    const told = sheetsFailed('Service error');
    expect(inRussian(`Error: ${told}`)).toBe(told);
    expect(sheetsFailed(new Error('Вы пытаетесь изменить защищенную ячейку или объект.'))).toMatch(/^Google Таблицы не выполнили действие: лист или диапазон защищён от изменений\. Попросите владельца/);
    expect(sheetsFailed(new Error('Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.'))).toMatch(
      /^Google Таблицы не выполнили действие: в таблице не осталось места: Google допускает не больше 10 миллионов ячеек .*удалите ненужные листы .*\(Ответ Google: This action would increase/,
    );
    expect(sheetsFailed(new Error('Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells.'))).not.toMatch(/Повторите действие:/);
    expect(sheetsFailed(new Error('Authorization is required to perform that action.'))).toMatch(/^Google Таблицы не выполнили действие: надстройке ещё не дано разрешение работать с таблицей\. Выберите в меню «Сферум»/);
  });
});

describe('the sidebar\'s backend', () => {
  /** google.script.run whose every server call fails with `error`, as its failure handler receives it. */
  const failing = (error: unknown) => (): ScriptRun => {
    let onFailure: (error: unknown) => void = () => undefined;
    const runner: ScriptRun & Record<string, unknown> = {
      withSuccessHandler: () => runner,
      withFailureHandler: (handler) => ((onFailure = handler), runner),
      panelHighlight: () => onFailure(error),
    };
    return runner;
  };
  const request = { sheet: 'Мониторинг', district: null, settings: DEFAULT_STORED_SETTINGS };

  it('explains in Russian what google.script.run reports in English', async () => {
    await expect(gasBackend(failing(new Error('Exceeded maximum execution time'))).highlight(request)).rejects.toThrow(
      /^Google Таблицы не выполнили действие: скрипт работал дольше, чем разрешает Google\. .*\(Ответ Google: Exceeded maximum execution time\)$/,
    );
    await expect(gasBackend(failing({ message: 'NetworkError: Connection failure due to HTTP 0' })).highlight(request)).rejects.toThrow(
      /^Google Таблицы не выполнили действие: .*\(Ответ Google: NetworkError: Connection failure due to HTTP 0\)$/,
    );
  });

  it('passes the server\'s Russian message through unchanged', async () => {
    const said = 'Google Таблицы не выполнили действие: сбой на стороне Google. Подождите минуту и повторите.';
    await expect(gasBackend(failing(new Error(said))).highlight(request)).rejects.toThrow(said);
  });
});
