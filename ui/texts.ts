/**
 * Every Russian text of the panel in one place, so wording can be reviewed at once and both
 * hosts (the Excel task pane and the Google Sheets sidebar) show the same words.
 */
/** The spreadsheet program an add-in runs in, as a Russian sentence names it when it refuses. */
export type HostName = 'excel' | 'sheets';
const HOST_REFUSED: Readonly<Record<HostName, string>> = {
  excel: 'Excel не выполнил действие',
  sheets: 'Google Таблицы не выполнили действие',
};

export const TEXTS = {
  title: 'Мониторинг «Сферума»',
  subtitle: 'Отстающие школы и отчёт по районам',
  loading: 'Чтение листа…',
  loadAction: 'Чтение листа',
  saveAction: 'Сохранение настроек',

  dataSection: 'Данные',
  sheetLabel: 'Лист с таблицей мониторинга',
  tableSummary: (headerRow: number | null, schools: number, districts: number): string =>
    `Строка заголовков: ${headerRow ?? '—'} · школ: ${schools} · районов: ${districts}`,

  reportSection: 'Отчёт',
  districtLabel: 'Район',
  allDistricts: 'Все районы',
  previousLabel: 'Прошлая неделя (лист для сравнения)',
  noPrevious: '— не сравнивать —',
  planLabel: 'План показателя 2.3 по районам (лист)',
  noPlan: '— без плана —',

  buildReport: 'Построить отчёт по районам',
  buildDistrictReport: 'Построить отчёт по району',
  highlight: 'Подсветить отстающие школы',
  clearHighlight: 'Снять подсветку',
  building: 'Построение отчёта…',
  highlighting: 'Подсветка отстающих школ…',
  clearing: 'Снятие подсветки…',
  writtenSheets: 'Листы: ',

  targetsSection: 'Цели и допуск',
  targetsHint: 'Цели в процентах; пустое поле — без цели. Сохраняются в файле таблицы.',
  /** The group of target fields (fieldset legend). */
  targetsLegend: 'Цели по показателям',
  toleranceLabel: 'Допуск «близко», п.п. ниже цели',
  /** The tolerance is a difference of percentages: percentage points. */
  pointsUnit: 'п.п.',
  teacherBaseLabel: 'База для долей учителей',
  teacherBases: { teachers: 'Учителя в «Сферуме»', staffTotal: 'Педагоги ОО по штату' } as const,
  saved: 'Настройки сохранены в файле таблицы.',

  columnsSection: (found: number, total: number): string => `Столбцы таблицы (распознано ${found} из ${total})`,
  columnsHint: 'Если столбец распознан неверно, выберите нужный. Выбор сохраняется в файле таблицы. Звёздочка * — обязательный столбец.',
  columnAuto: '— определить автоматически —',
  columnNone: '— нет в таблице —',

  percentInvalid: (text: string): string => `«${text}» — не процент: введите число от 0 до 100, например 35 или 12,5`,
  /** «0,35» in a percent field: 0,35 % is no target anyone sets; it is the share 35 % written as a fraction. */
  percentLooksLikeShare: (text: string, percent: string): string =>
    `«${text}» похоже на долю: поле в процентах — введите ${percent}. Если нужно именно ${text} %, введите «${text}%»`,
  percentRequired: (example: string): string => `Введите число, например ${example}`,
  /** Build or highlight pressed while a field holds a refused value: the saved value would be used instead. */
  fieldRefused: (action: string, field: string, value: string): string =>
    `${action}: не выполнено. Поле «${field}» ${value ? `содержит «${value}» — это значение нельзя принять` : 'пустое'}: ` +
    'исправьте его, иначе расчёт шёл бы по прежнему сохранённому значению, а не по тому, что видно в панели',
  failed: (action: string, reason: string): string => `${action}: не удалось. ${reason}`,
  unexpected: 'Непредвиденная ошибка',
  /** The host refused or failed an action: why (in Russian where known), then what to do. */
  hostFailed: (host: HostName, reason: string, advice: string): string => `${HOST_REFUSED[host]}: ${reason}. ${advice}`,
} as const;
