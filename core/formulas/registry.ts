/**
 * The formula set, declared once: name, Russian descriptions for autocomplete, parameters and
 * the function itself. Excel's `=SFERUM.NAME` and Google Sheets' `=SFERUM_NAME` wrappers are
 * thin calls into `FORMULAS`, and a test checks that both hosts expose exactly this set.
 */
import { broadcast } from './broadcast';
import { access50Element, activeElement, checkElement, gapElement, parseElement, shareElement, statusElement, targetElement } from './elements';
import { shareBy } from './shareBy';
import type { FormulaArg, FormulaResult } from './types';

export type FormulaName = 'SHARE' | 'SHARE_BY' | 'TARGET' | 'STATUS' | 'GAP' | 'ACTIVE' | 'ACCESS50' | 'PARSE' | 'CHECK';

export interface ParamDef {
  readonly name: string;
  /** What the argument is, in Russian, for messages: «total (база): отрицательное значение: −3». */
  readonly label: string;
  readonly description: string;
  readonly optional?: boolean;
  /** elementwise: a value or a range combined element by element; range: always a whole range. */
  readonly shape: 'elementwise' | 'range';
}

export interface FormulaDef {
  readonly name: FormulaName;
  readonly description: string;
  readonly params: readonly ParamDef[];
  readonly returns: string;
  /** A call and its result, for documentation. */
  readonly example: string;
  readonly run: (...args: FormulaArg[]) => FormulaResult;
}

const each = (name: string, label: string, description: string): ParamDef => ({ name, label, description, shape: 'elementwise' });

/**
 * The call's arguments as messages name them: the name Excel and Sheets show in the formula's
 * help («total») and what it is («база»). Looked up when a formula runs, after FORMULAS is made.
 */
function argumentNames(name: FormulaName): readonly string[] {
  return formula(name).params.map((p) => `${p.name} (${p.label})`);
}

export const FORMULAS: readonly FormulaDef[] = [
  {
    name: 'SHARE',
    description: 'Доля: часть ÷ база (например, учителя, создавшие чаты ÷ учителей всего).',
    params: [each('part', 'часть', 'Часть: количество (ячейка или диапазон).'), each('total', 'база', 'База: количество (ячейка или диапазон).')],
    returns: 'Доля от 0 до 1; пусто, если нет данных; ошибка «база равна 0».',
    example: 'SHARE(617; 636) → 0,9701 (97,01%)',
    run: (part, total) => broadcast([part, total], (p, t) => shareElement(p, t), argumentNames('SHARE')),
  },
  {
    name: 'SHARE_BY',
    description: 'Взвешенная доля группы (района): сумма частей ÷ сумма баз по строкам группы.',
    params: [
      { name: 'groups', label: 'группы', description: 'Столбец групп (районов).', shape: 'range' },
      each('group', 'группа', 'Группа или диапазон групп: по одному результату на каждую.'),
      { name: 'parts', label: 'части', description: 'Столбец частей того же размера.', shape: 'range' },
      { name: 'totals', label: 'базы', description: 'Столбец баз того же размера.', shape: 'range' },
    ],
    returns: 'Доля группы; строки без части или базы не учитываются.',
    example: 'SHARE_BY(A2:A9; "Амурский район"; D2:D9; C2:C9)',
    run: (groups, group, parts, totals) => shareBy(groups, group, parts, totals, argumentNames('SHARE_BY')),
  },
  {
    name: 'TARGET',
    description: 'Цель по умолчанию для показателя (федеральные цели 2022–2023).',
    params: [each('indicator', 'показатель', 'Ключ показателя (teachersCreatedChats) или текст заголовка столбца.'), { ...each('year', 'учебный год', 'Учебный год, например 2023 (необязательно).'), optional: true }],
    returns: 'Цель как доля (0,35 = 35%).',
    example: 'TARGET("Учителя, создавшие групповые чаты") → 0,35',
    run: (indicator, year) => broadcast([indicator, year ?? null], (i, y) => targetElement(i, y), argumentNames('TARGET')),
  },
  {
    name: 'STATUS',
    description: 'Статус показателя: «выполнено», «близко», «отстаёт» или «нет данных».',
    params: [
      each('part', 'часть', 'Часть: количество.'),
      each('total', 'база', 'База: количество.'),
      each('target', 'цель', 'Цель: доля (0,35) или процент (35%).'),
      { ...each('tolerance', 'допуск', 'Допуск «близко» ниже цели, по умолчанию 0,05 (5 п.п.).'), optional: true },
    ],
    returns: 'Текст статуса.',
    example: 'STATUS(33; 100; 0,35) → «близко»',
    run: (part, total, target, tolerance) => broadcast([part, total, target, tolerance ?? null], (p, t, g, tol) => statusElement(p, t, g, tol), argumentNames('STATUS')),
  },
  {
    name: 'GAP',
    description: 'Сколько ещё человек нужно до цели: max(0; ⌈цель × база − часть⌉).',
    params: [each('part', 'часть', 'Часть: количество.'), each('total', 'база', 'База: количество.'), each('target', 'цель', 'Цель: доля (0,35) или процент (35%).')],
    returns: 'Целое число людей.',
    example: 'GAP(20; 100; 0,25) → 5',
    run: (part, total, target) => broadcast([part, total, target], (p, t, g) => gapElement(p, t, g), argumentNames('GAP')),
  },
  {
    name: 'ACTIVE',
    description: 'Активен ли профиль организации: больше двух пользователей и хотя бы один класс.',
    params: [each('users', 'пользователи', 'Пользователей в профиле.'), each('classes', 'классы', 'Создано классов.')],
    returns: 'ИСТИНА или ЛОЖЬ.',
    example: 'ACTIVE(3; 1) → ИСТИНА',
    run: (users, classes) => broadcast([users, classes], (u, c) => activeElement(u, c), argumentNames('ACTIVE')),
  },
  {
    name: 'ACCESS50',
    description: 'Условие показателя 2.3: доступ есть не менее чем у 50% учителей и 50% учеников.',
    params: [
      each('teachersWithAccess', 'учителя с доступом', 'Учителей с доступом.'),
      each('teachersTotal', 'учителей всего', 'Учителей всего в ОО.'),
      each('studentsWithAccess', 'ученики с доступом', 'Учеников с доступом.'),
      each('studentsTotal', 'учеников всего', 'Учеников всего в ОО.'),
    ],
    returns: 'ИСТИНА или ЛОЖЬ.',
    example: 'ACCESS50(30; 50; 200; 400) → ИСТИНА',
    run: (tw, tt, sw, st) => broadcast([tw, tt, sw, st], (a, b, c, d) => access50Element(a, b, c, d), argumentNames('ACCESS50')),
  },
  {
    name: 'PARSE',
    description: 'Число из текста ячейки: «17 218» → 17218, «97,01%» → 0,9701, «н/д» → пусто.',
    params: [each('value', 'значение', 'Ячейка или диапазон.')],
    returns: 'Число, пусто или ошибка с пояснением.',
    example: 'PARSE("97,01%") → 0,9701',
    run: (value) => broadcast([value], (v) => parseElement(v), argumentNames('PARSE')),
  },
  {
    name: 'CHECK',
    description: 'Проверка данных: пусто, если всё верно, иначе сообщение (больше базы, отрицательное, не число…).',
    params: [each('part', 'часть', 'Часть: количество.'), each('total', 'база', 'База: количество.')],
    returns: 'Пусто или текст замечания.',
    example: 'CHECK(18013; 17218) → «значение больше базы: 18 013 > 17 218»',
    run: (part, total) => broadcast([part, total], (p, t) => checkElement(p, t), argumentNames('CHECK')),
  },
];

export const FORMULA_NAMES: readonly FormulaName[] = FORMULAS.map((f) => f.name);

export function formula(name: FormulaName): FormulaDef {
  const def = FORMULAS.find((f) => f.name === name);
  if (!def) throw new Error(`unknown formula ${name}`);
  return def;
}
