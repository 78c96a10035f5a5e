/**
 * Every Russian text the command prints of its own (core's messages come from core), in one
 * place so the wording can be reviewed together.
 */
import { messages } from '../core/messages';

const quoteList = (items: readonly string[]): string => items.map((item) => `«${item}»`).join(', ');

/** A sentence without its closing full stop, to end it differently. */
function withoutStop(text: string): string {
  return text.replace(/\.+$/, '');
}

/** «листе «21.04»» / «листах «21.04», «Архив» (скрытый)». */
function sheetList(sheets: readonly { name: string; hidden: boolean }[]): string {
  return `${sheets.length > 1 ? 'листах' : 'листе'} ${sheets.map((o) => `«${o.name}»${o.hidden ? ' (скрытый)' : ''}`).join(', ')}`;
}

export const cliMessages = {
  usage: (): string =>
    [
      'Отчёт по мониторингу «Сферума» без Excel и Google Таблиц.',
      '',
      'Использование:',
      '  sferum-monitor report [таблица.xlsx|таблица.csv] [параметры]',
      '  npm run report -- [таблица.xlsx|таблица.csv] [параметры]',
      '',
      'Без файла отчёт строится по образцу из samples/ (с прошлой неделей и планом 2.3).',
      '',
      'Параметры:',
      '  --sheet ИМЯ          лист с таблицей мониторинга (по умолчанию — первый, где она найдена)',
      '  --previous ФАЙЛ      таблица прошлой недели: изменения в п.п., появившиеся и пропавшие ОО',
      '  --previous-sheet ИМЯ лист прошлой недели в этом файле (по умолчанию — первый с таблицей, кроме листа этой недели)',
      '  --district ИМЯ       отчёт по одному району',
      '  --targets ФАЙЛ.json  цели и допуск: { "targets": { "teachersCreatedChats": "40%" }, "tolerance": 0.05, "teacherBase": "teachers" }',
      '  --plan ФАЙЛ          план по показателю 2.3: сколько ОО каждого района должны достичь условия',
      '  --out ФАЙЛ.xlsx      куда записать отчёт (по умолчанию out/report.xlsx)',
      '  --json ФАЙЛ.json     записать результаты для программ в JSON',
      '  --quiet              не печатать ход работы',
      '  --help               эта справка',
      '',
      'Коды выхода: 0 — готово; 2 — ошибка во входных данных или параметрах; 1 — внутренняя ошибка.',
      '',
    ].join('\n'),
  unknownCommand: (command: string): string => `неизвестная команда «${command}»; есть команда report (см. --help)`,
  noCommand: (): string => 'не указана команда; запустите: sferum-monitor report [таблица.xlsx]',
  unknownOption: (option: string): string => `неизвестный параметр «${option}» (см. --help)`,
  missingValue: (option: string): string => `после ${option} нужно указать значение`,
  repeatedOption: (option: string): string => `параметр ${option} указан дважды`,
  flagWithValue: (option: string): string => `параметр ${option} не принимает значения`,
  extraArgument: (first: string, extra: string): string => `указано больше одного входного файла: «${first}» и «${extra}»`,

  fileNotFound: (path: string): string => `файл не найден: ${path}`,
  notAFile: (path: string): string => `это не файл: ${path}`,
  unreadableFile: (path: string, reason: string): string => `не удаётся прочитать файл ${path}: ${reason}`,
  emptyFile: (path: string): string => `файл пуст: ${path}`,
  legacyFormat: (path: string, format: string): string =>
    `формат ${format} не поддерживается: ${path}. Сохраните таблицу как .xlsx («Книга Excel») или .csv`,
  passwordProtected: (path: string): string =>
    `книга защищена паролем или ограничением доступа: ${path}. Откройте её в Excel, снимите защиту (Файл → Сведения → Защита книги) и сохраните, затем запустите снова`,
  notXlsx: (path: string): string =>
    `файл не является книгой Excel (.xlsx): ${path}. Возможно, он повреждён или это другой формат; сохраните его как .xlsx или .csv`,
  notText: (path: string): string => `файл не похож на таблицу CSV (в нём двоичные данные): ${path}`,
  noSheets: (path: string): string => `в книге нет ни одного листа: ${path}`,
  sheetNotFound: (sheet: string, path: string, sheets: readonly string[]): string =>
    `лист «${sheet}» не найден в ${path}; есть листы: ${quoteList(sheets)}`,
  otherMonitoringSheets: (used: string, others: readonly { name: string; hidden: boolean }[]): string =>
    `таблица мониторинга есть на нескольких листах; отчёт построен по листу «${used}», ` +
    `она есть и на ${sheetList(others)}. Чтобы взять другой лист, укажите его: --sheet "${others[0]?.name ?? ''}"`,
  otherPreviousSheets: (path: string, used: string, others: readonly { name: string; hidden: boolean }[]): string =>
    `в файле прошлой недели ${path} таблица мониторинга есть на нескольких листах; для сравнения взят лист «${used}», ` +
    `она есть и на ${sheetList(others)}. Чтобы сравнить с другим, укажите его: --previous-sheet "${others[0]?.name ?? ''}"`,
  previousIsCurrent: (sheet: string): string =>
    `прошлая неделя взята с того же листа «${sheet}», что и эта: все изменения будут нулевыми. ` +
    'Укажите файл или лист прошлой недели (--previous, --previous-sheet)',
  previousSheetAlone: (): string => 'параметр --previous-sheet выбирает лист в файле --previous: укажите и файл прошлой недели',
  previousSheetIgnored: (path: string): string => `в файле CSV один лист, параметр --previous-sheet не нужен (${path})`,
  columnsAdvice: (sheetOption: boolean): string =>
    'Переименуйте в файле столбец с этими данными, как указано выше' +
    (sheetOption ? ', или выберите другой лист параметром --sheet.' : '.'),
  sheetOptionIgnored: (path: string): string => `в файле CSV один лист, параметр --sheet не нужен (${path})`,
  noMonitoringSheet: (path: string, reasons: readonly string[]): string =>
    `ни на одном листе ${path} не найдена таблица мониторинга:\n${reasons.map((r) => `  ${r}`).join('\n')}`,
  sampleMissing: (path: string): string =>
    `образец не найден: ${path}. Создайте образцы командой «npm run samples» или укажите свою таблицу: npm run report -- таблица.xlsx`,

  targetsUnreadable: (path: string, reason: string): string => `файл целей ${path} не читается как JSON: ${reason}`,
  targetsNotObject: (path: string): string =>
    `файл целей ${path} должен содержать объект вида { "targets": { "teachersCreatedChats": "40%" }, "tolerance": 0.05 }`,
  targetsUnknownKey: (key: string): string => `неизвестный ключ «${key}»; ожидаются targets, tolerance, teacherBase`,
  targetsNotMap: (): string => '«targets» должен быть объектом { "ключ показателя": доля }',
  targetsBadTeacherBase: (given: string): string =>
    `неизвестная база учительских показателей «${given}»: ожидается «teachers» (учителя в Сферуме) или «staffTotal» (численность педагогов ОО)`,
  /** `barePercent`: a number such as 40 that was probably meant as 40 %, to show how to write it. */
  targetsInvalid: (path: string, problems: readonly string[], barePercent: number | null): string =>
    `файл целей ${path} нельзя использовать: ${problems.join('; ')}.` +
    (barePercent === null ? '' : ` Проценты пишите со знаком %: "${barePercent}%" вместо ${barePercent} (или долей: ${Number((barePercent / 100).toPrecision(12))}).`) +
    ' Исправьте файл и запустите команду снова.',

  planEmpty: (): string => 'нет ни одного района с числом в столбце плана',
  /** Formulas of a sheet no program ever calculated: their cells were read as empty. */
  uncalculatedFormulas: (sheet: string, cells: readonly string[]): string =>
    `в листе «${sheet}» формулы без вычисленных значений (${cells.length}: ${cells.slice(0, 3).join('; ')}${cells.length > 3 ? '; …' : ''}): ` +
    'файл записан программой, а не Excel, и эти ячейки прочитаны как пустые. Откройте файл в Excel, сохраните и запустите команду снова',
  planUnusable: (path: string, reasons: readonly string[], columns: readonly string[]): string =>
    `в файле плана 2.3 ${path} не найден план по районам: ` +
    // Reasons may end with a full stop of their own: one is enough.
    (reasons.length === 1 ? `${withoutStop(reasons[0] ?? '')}. ` : '\n' + reasons.map((r) => `  ${withoutStop(r)}`).join('\n') + '\n') +
    `Нужна таблица со столбцами ${quoteList(columns)}.`,

  outNotXlsx: (path: string): string => `отчёт записывается в книгу .xlsx, а указан файл ${path}`,
  outputOverInput: (path: string): string => `нельзя записать результат поверх входного файла: ${path}`,
  sameOutputs: (path: string): string => `отчёт .xlsx и JSON указаны в один и тот же файл: ${path}`,
  writeFailed: (path: string, reason: string): string => `не удалось записать ${path}: ${reason}`,

  warning: (text: string): string => `Внимание: ${text}`,
  error: (text: string): string => `Ошибка: ${text}`,
  internal: (text: string): string =>
    `Внутренняя ошибка: ${text}\nЭто ошибка программы, а не ваших данных; сообщите о ней разработчикам.`,

  reading: (path: string, size: string): string => `Чтение ${path} (${size})…`,
  read: (sheet: string, rows: string, seconds: string): string => `Прочитан лист «${sheet}»: ${rows} строк за ${seconds} с`,
  computed: (schools: string, ms: string): string => `Расчёт: ${schools} ОО за ${ms} мс`,
  writing: (path: string): string => `Запись ${path}…`,
  written: (what: string, path: string): string => `${what}: ${path}`,
  reportWritten: (): string => 'Отчёт Excel',
  jsonWritten: (): string => 'Результаты JSON',
  sampleUsed: (): string => 'Входная таблица не указана: отчёт по образцу из samples/.',
} as const;

/**
 * Core's message for missing columns ends by offering to map them by hand, which the panels
 * allow and the command line does not: here the advice is what the command's user can do.
 * `sheetOption`: whether --sheet would apply (the weekly file, a workbook).
 */
export function withCommandLineAdvice(text: string, sheetOption: boolean): string {
  return text.split(messages.columnsAdvice()).join(cliMessages.columnsAdvice(sheetOption));
}
