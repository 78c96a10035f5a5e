/**
 * Excel's custom functions =SFERUM.SHARE(…) … =SFERUM.CHECK(…): thin wrappers over the core
 * formula set (core/formulas/registry.ts), which defines what each computes. The JSDoc here is
 * what custom-functions-metadata-plugin turns into functions.json (Russian help for
 * autocomplete) and is checked against the registry's texts by functionsJson.test.ts.
 *
 * Every argument is typed `any[][]`: Excel then passes a range as a matrix and a single value as
 * a 1×1 matrix, and the matrix result spills one value per element. (`any` is what the metadata
 * generator understands for "number, text or boolean"; a union type is rejected by it.)
 * The generator appends the CustomFunctions.associate calls itself.
 */
import { callFormula } from './excelResult';

/**
 * Доля: часть ÷ база (например, учителя, создавшие чаты ÷ учителей всего).
 * @customfunction SHARE
 * @param part Часть: количество (ячейка или диапазон).
 * @param total База: количество (ячейка или диапазон).
 * @returns Доля от 0 до 1; пусто, если нет данных; ошибка «база равна 0».
 */
export function share(part: any[][], total: any[][]): any[][] {
  return callFormula('SHARE', part, total);
}

/**
 * Взвешенная доля группы (района): сумма частей ÷ сумма баз по строкам группы.
 * @customfunction SHARE_BY
 * @param groups Столбец групп (районов).
 * @param group Группа или диапазон групп: по одному результату на каждую.
 * @param parts Столбец частей того же размера.
 * @param totals Столбец баз того же размера.
 * @returns Доля группы; строки без части или базы не учитываются.
 */
export function shareBy(groups: any[][], group: any[][], parts: any[][], totals: any[][]): any[][] {
  return callFormula('SHARE_BY', groups, group, parts, totals);
}

/**
 * Цель по умолчанию для показателя (федеральные цели 2022–2023).
 * @customfunction TARGET
 * @param indicator Ключ показателя (teachersCreatedChats) или текст заголовка столбца.
 * @param [year] Учебный год, например 2023 (необязательно).
 * @returns Цель как доля (0,35 = 35%).
 */
export function target(indicator: any[][], year?: any[][]): any[][] {
  return callFormula('TARGET', indicator, year);
}

/**
 * Статус показателя: «выполнено», «близко», «отстаёт» или «нет данных».
 * @customfunction STATUS
 * @param part Часть: количество.
 * @param total База: количество.
 * @param target Цель: доля (0,35) или процент (35%).
 * @param [tolerance] Допуск «близко» ниже цели, по умолчанию 0,05 (5 п.п.).
 * @returns Текст статуса.
 */
export function status(part: any[][], total: any[][], target: any[][], tolerance?: any[][]): any[][] {
  return callFormula('STATUS', part, total, target, tolerance);
}

/**
 * Сколько ещё человек нужно до цели: max(0; ⌈цель × база − часть⌉).
 * @customfunction GAP
 * @param part Часть: количество.
 * @param total База: количество.
 * @param target Цель: доля (0,35) или процент (35%).
 * @returns Целое число людей.
 */
export function gap(part: any[][], total: any[][], target: any[][]): any[][] {
  return callFormula('GAP', part, total, target);
}

/**
 * Активен ли профиль организации: больше двух пользователей и хотя бы один класс.
 * @customfunction ACTIVE
 * @param users Пользователей в профиле.
 * @param classes Создано классов.
 * @returns ИСТИНА или ЛОЖЬ.
 */
export function active(users: any[][], classes: any[][]): any[][] {
  return callFormula('ACTIVE', users, classes);
}

/**
 * Условие показателя 2.3: доступ есть не менее чем у 50% учителей и 50% учеников.
 * @customfunction ACCESS50
 * @param teachersWithAccess Учителей с доступом.
 * @param teachersTotal Учителей всего в ОО.
 * @param studentsWithAccess Учеников с доступом.
 * @param studentsTotal Учеников всего в ОО.
 * @returns ИСТИНА или ЛОЖЬ.
 */
export function access50(teachersWithAccess: any[][], teachersTotal: any[][], studentsWithAccess: any[][], studentsTotal: any[][]): any[][] {
  return callFormula('ACCESS50', teachersWithAccess, teachersTotal, studentsWithAccess, studentsTotal);
}

/**
 * Число из текста ячейки: «17 218» → 17218, «97,01%» → 0,9701, «н/д» → пусто.
 * @customfunction PARSE
 * @param value Ячейка или диапазон.
 * @returns Число, пусто или ошибка с пояснением.
 */
export function parse(value: any[][]): any[][] {
  return callFormula('PARSE', value);
}

/**
 * Проверка данных: пусто, если всё верно, иначе сообщение (больше базы, отрицательное, не число…).
 * @customfunction CHECK
 * @param part Часть: количество.
 * @param total База: количество.
 * @returns Пусто или текст замечания.
 */
export function check(part: any[][], total: any[][]): any[][] {
  return callFormula('CHECK', part, total);
}
