/**
 * What each panel action tells the user when it is done, in one place, so the Excel task pane
 * and the Google Sheets sidebar (and its menu toasts) say exactly the same words. Plain text,
 * no DOM: the Apps Script server imports it too.
 */
import { schoolsOf, type JobResult } from '../core';

type Done = Extract<JobResult, { ok: true }>;

const lagging = (schools: readonly { lagging: boolean }[]): number => schools.filter((s) => s.lagging).length;

/** Warnings on lines of their own under the message. */
export function withWarnings(message: string, warnings: readonly string[]): string {
  return [message, ...warnings.map((warning) => `Внимание: ${warning}`)].join('\n');
}

export const OUTCOMES = {
  /** Last week's sheet or the plan sheet the user chose is gone: the report is built without it. */
  previousMissing: (name: string): string => `лист прошлой недели «${name}» не найден: сравнение с прошлой неделей не построено.`,
  planMissing: (name: string): string => `лист плана 2.3 «${name}» не найден: план не учтён.`,
  /** Schools without a district, and the host could not tell which cells are merged. */
  mergedCellsUnknown: (why: string): string =>
    `у части ОО пустая ячейка района, а объединённые ячейки прочитать не удалось (${why}). Если район записан в объединённой ячейке, отмените объединение столбца «Район» и заполните район в каждой строке.`,

  report(job: Done, district: string | null, warnings: readonly string[] = job.warnings): string {
    const { evaluation, report } = job;
    const findings = report.sheets.find((sheet) => sheet.kind === 'findings')?.rows.length ?? 0;
    const checked = findings ? ` Замечаний к данным: ${findings}.` : '';
    if (district === null) {
      return withWarnings(
        `Отчёт по районам построен: районов — ${evaluation.districts.length}, школ — ${evaluation.region.schools}, отстающих — ${evaluation.region.laggingSchools}.${checked}`,
        warnings,
      );
    }
    const schools = schoolsOf(evaluation, district);
    return withWarnings(`Отчёт по району «${district}» построен: школ — ${schools.length}, отстающих — ${lagging(schools)}.${checked}`, warnings);
  },

  highlight(sheet: string, rules: number, warnings: readonly string[] = []): string {
    const message = rules
      ? `Отстающие школы подсвечены на листе «${sheet}»: красный — ниже цели больше чем на допуск, жёлтый — близко к цели. ` +
        'Цвета обновятся сами, когда изменятся числа. Ваши правила условного форматирования сохранены.'
      : `На листе «${sheet}» нечего подсвечивать: ни для одного найденного показателя не задана цель. Задайте цели в разделе «Цели и допуск».`;
    return withWarnings(message, warnings);
  },

  cleared(sheet: string, removed: number): string {
    return removed
      ? `Подсветка снята с листа «${sheet}»: удалено правил надстройки — ${removed}. Ваши правила условного форматирования не тронуты.`
      : `На листе «${sheet}» нет подсветки «Сферума»: снимать нечего.`;
  },

  /**
   * A report tab the user had added to (notes beside or below the table, a chart of their own):
   * kept as it is and no longer the add-in's. `report` is the tab the new report went to instead,
   * or null when this report has no tab in its place. Both hosts say it so.
   */
  keptEditedSheet: (kept: string, report: string | null): string =>
    `лист «${kept}» дополнен вручную (заметки или диаграмма вне отчёта) — он сохранён как есть и больше не обновляется надстройкой; ` +
    (report ? `новый отчёт — на листе «${report}».` : 'в этом отчёте такого листа нет.'),
  /** keptEditedSheet for each kept tab, one line each, shown with the report's warnings. */
  keptEditedSheets: (sheets: readonly { readonly name: string; readonly replacedBy: string | null }[]): string[] =>
    sheets.map(({ name, replacedBy }) => OUTCOMES.keptEditedSheet(name, replacedBy)),
} as const;
