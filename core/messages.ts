/**
 * Every Russian message the core produces, in one catalogue, so wording stays consistent
 * across the formula set, the data check and the reports, and can be reviewed in one place.
 */
import { formatNumber, formatPercent } from './format';

const COLUMNS_ADVICE = 'Переименуйте столбцы или укажите соответствие вручную.';

const n = (value: number): string => formatNumber(value, Number.isInteger(value) ? 0 : 2);

export const messages = {
  baseZero: (): string => 'база равна 0',
  missingBase: (count: string): string => `нет базы, а в «${count}» число есть; доли по этой базе для строки не считаются`,
  negative: (value: number): string => `отрицательное значение: ${n(value)}`,
  fractionalCount: (value: number): string => `дробное количество: ${n(value)}`,
  partAboveBase: (part: number, base: number): string =>
    `значение больше базы: ${n(part)} > ${n(base)}`,
  invalidValue: (reason: string, text: string): string => `${reason}: «${text}»`,
  percentInCount: (text: string, rows: number): string =>
    `в столбце количества стоит процент («${text}»${rows > 1 ? ` и ещё в ${rows - 1} стр.` : ''}); значение взято как доля`,
  fractionInCount: (text: string): string =>
    `в столбце количества стоит число от 0 до 1 («${text}»): похоже на процент, значение взято как доля`,
  duplicateSchool: (firstRow: number): string =>
    `школа повторяется (впервые в строке ${firstRow}); строка не учтена в итогах`,
  missingDistrict: (): string => 'не указан район; школа учтена в группе «Район не указан»',
  missingSchool: (): string => 'не указано наименование ОО',
  unknownStatus: (text: string): string => `непонятный статус «${text}»: ожидается «Активен» или «Не активен»`,
  publishedMismatch: (published: number, computed: number): string =>
    `опубликованный процент ${formatPercent(published)} не совпадает с расчётным ${formatPercent(computed)}`,
  subtotalRowSkipped: (whose: string): string =>
    `строка без наименования ОО, числа которой равны сумме ${whose}, — промежуточный итог; пропущена: итоги считаются заново`,
  rowWithoutNumbers: (text: string): string => `строка без чисел и без наименования ОО пропущена: «${text}»`,
  totalRowSkipped: (text: string): string => `строка итогов «${text}» пропущена: итоги считаются заново`,
  headerNotFound: (found: readonly string[], table = 'таблицы мониторинга'): string =>
    `не найдена строка заголовков ${table}` +
    (found.length ? `; в первых строках есть: ${found.map((h) => `«${h}»`).join(', ')}` : '; лист пуст'),
  requiredColumnsMissing: (missing: readonly string[], found: readonly string[]): string =>
    `не найдены обязательные столбцы: ${missing.map((h) => `«${h}»`).join(', ')}. ` +
    `Найдены заголовки: ${found.length ? found.map((h) => `«${h}»`).join(', ') : 'нет'}. ` +
    COLUMNS_ADVICE,
  /** The advice that ends requiredColumnsMissing: a host without a column mapping replaces it with its own. */
  columnsAdvice: (): string => COLUMNS_ADVICE,
  mappingColumnNotFound: (header: string, given: string): string =>
    `в соответствии столбцов для «${header}» указан столбец «${given}», но его нет в строке заголовков`,
  emptyTable: (headerRow: number): string => `в таблице нет ни одной строки с данными под заголовком (строка ${headerRow})`,
  unknownIndicator: (given: string, known: readonly string[]): string =>
    `неизвестный показатель «${given}»; известны: ${known.join(', ')}`,
  noTarget: (label: string): string => `для показателя «${label}» цель по умолчанию не задана`,
  unknownYear: (given: string, known: readonly string[]): string =>
    `цели на учебный год «${given}» не заданы; известны: ${known.join(', ')}`,
  targetOutOfRange: (text: string): string =>
    `цель должна быть долей от 0 до 1 (например 0,35 или 35%), а не «${text}»`,
  missingTarget: (): string => 'не указана цель (доля, например 0,35, или процент, например 35%)',
  unknownTeacherBase: (given: string): string =>
    `неизвестная база учительских показателей «${given}»: ожидается «teachers» (учителя в Сферуме) или «staffTotal» (численность педагогов ОО); взята «teachers»`,
  staffTotalMissing: (): string =>
    'учительские показатели выбрано считать от «Педагогов в ОО по штату», но такого столбца в таблице нет; они посчитаны от «Учителей всего»',
  toleranceOutOfRange: (text: string): string =>
    `допуск должен быть долей от 0 до 1 (например 0,05 или 5%), а не «${text}»`,
  errorInDistrict: (text: string, noDistrict: string): string =>
    `ошибка в ячейке района: «${text}»; школа учтена в группе «${noDistrict}»`,
  noRowsForGroup: (group: string): string => `района «${group}» нет в столбце районов — проверьте, как он написан`,
  shapeMismatch: (a: string, b: string): string => `размеры диапазонов не совпадают: ${a} и ${b} — выделите диапазоны одной высоты, например G4:G805 и F4:F805`,
  textExpected: (): string => 'ожидается текст',
  unknownPlanDistrict: (district: string): string => `район «${district}» из плана не найден в таблице`,
  /** A finding about a row of the plan sheet, told apart from the weekly sheet's. */
  planRowFinding: (row: number, cell: string, message: string): string => `строка ${row} листа плана${cell ? ` (ячейка ${cell})` : ''}: ${message}`,
} as const;

export type MessageKey = keyof typeof messages;
