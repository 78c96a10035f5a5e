import { runJob } from '../core';
import { weeklySheet } from '../test/fixtures/weekly';
import { OUTCOMES } from './outcomes';
import { TEXTS } from './texts';

const week = weeklySheet([
  { district: 'Амурский район', school: 'СОШ № 1', teachers: 100, teachersCreatedChats: 40, teachers3Messages: 30 },
  { district: 'Амурский район', school: 'СОШ № 2', teachers: 10, teachersCreatedChats: 1, teachers3Messages: 'много' },
  { district: 'Бикинский район', school: 'СОШ № 3', teachers: 20, teachersCreatedChats: 2, teachers3Messages: 1 },
]);
const job = runJob({ current: { values: week } });
if (!job.ok) throw new Error(job.error);

describe('OUTCOMES: the same words in the Excel task pane and the Google Sheets sidebar', () => {
  it('sums up a report of all districts, with the data-check count and warnings on their own lines', () => {
    expect(OUTCOMES.report(job, null, ['план не найден'])).toBe(
      'Отчёт по районам построен: районов — 2, школ — 3, отстающих — 2. Замечаний к данным: 1.\nВнимание: план не найден',
    );
  });
  it('sums up one district\'s report with its own findings only', () => {
    const district = runJob({ current: { values: week }, district: 'Бикинский район' });
    if (!district.ok) throw new Error(district.error);
    expect(OUTCOMES.report(district, 'Бикинский район')).toBe('Отчёт по району «Бикинский район» построен: школ — 1, отстающих — 1.');
  });
  it('says what highlighting did, or why it did nothing', () => {
    expect(OUTCOMES.highlight('Мониторинг', 5)).toMatch(/^Отстающие школы подсвечены на листе «Мониторинг»: красный/);
    expect(OUTCOMES.highlight('Мониторинг', 0)).toMatch(/^На листе «Мониторинг» нечего подсвечивать/);
  });
  it('says what clearing removed', () => {
    expect(OUTCOMES.cleared('Мониторинг', 3)).toBe('Подсветка снята с листа «Мониторинг»: удалено правил надстройки — 3. Ваши правила условного форматирования не тронуты.');
    expect(OUTCOMES.cleared('Мониторинг', 0)).toBe('На листе «Мониторинг» нет подсветки «Сферума»: снимать нечего.');
  });
});

describe('TEXTS.hostFailed: one frame for both hosts when the host refuses', () => {
  it('says which host refused, why and what to do', () => {
    expect(TEXTS.hostFailed('excel', 'ошибка', 'Повторите.')).toBe('Excel не выполнил действие: ошибка. Повторите.');
    expect(TEXTS.hostFailed('sheets', 'ошибка', 'Повторите.')).toBe('Google Таблицы не выполнили действие: ошибка. Повторите.');
  });
});
