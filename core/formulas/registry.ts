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
  /**
   * The name both hosts show in the formula's help («=SFERUM.SHARE(часть; база)») and error
   * messages use to say which argument is wrong. Russian, as the names of Excel's own functions
   * are in a Russian Excel (СУММЕСЛИ(диапазон; критерий; …)); words joined by «_», since the
   * Sheets wrapper declares it as a JavaScript parameter.
   */
  readonly name: string;
  /** What to select or type, in the units expected, with an example; shown under the name. */
  readonly description: string;
  /** May be left out; the description then says what is assumed. */
  readonly optional?: boolean;
  /** elementwise: a value or a range combined element by element; range: always a whole range. */
  readonly shape: 'elementwise' | 'range';
  /** What a cell of it holds, for the parameter types the hosts' documentation comments declare. */
  readonly holds: 'number' | 'text';
}

export interface FormulaDef {
  readonly name: FormulaName;
  /** What the formula gives and in what units («доля от 0 до 1»): the first line of its help. */
  readonly description: string;
  readonly params: readonly ParamDef[];
  /** The result, for a host's @return line (Excel does not show it: the description must say it all). */
  readonly returns: string;
  readonly result: 'number' | 'text' | 'boolean';
  /** A call and its result, shown in the help after the description: `PREFIX + name + (args)`. */
  readonly example: { readonly args: string; readonly result: string };
  readonly run: (...args: FormulaArg[]) => FormulaResult;
}

const count = (name: string, description: string): ParamDef => ({ name, description, shape: 'elementwise', holds: 'number' });

/** The arguments as messages name them: the names Excel and Sheets show in the formula's help. */
function argumentNames(name: FormulaName): readonly string[] {
  return formula(name).params.map((p) => p.name);
}

// The same argument of several formulas is described once.
const PART = count('часть', 'Сколько человек с признаком: ячейка или диапазон, например столбец «Учителя, создавшие групповые чаты» (G4:G805).');
const BASE = count('база', 'Сколько всего (база доли): ячейка или диапазон той же высоты, например столбец «Учителей всего» (F4:F805).');
const TARGET_ARG = count('цель', 'Цель долей (0,35) или процентом (35%); число 35 без знака % — ошибка. Можно вставить TARGET(…).');

export const FORMULAS: readonly FormulaDef[] = [
  {
    name: 'SHARE',
    description: 'Доля: часть ÷ база, от 0 до 1 (включите процентный формат).',
    params: [PART, BASE],
    returns: 'Доля от 0 до 1; пусто, если нет данных; ошибка, если база равна 0.',
    result: 'number',
    example: { args: '617; 636', result: '0,9701 (97,01%)' },
    run: (part, total) => broadcast([part, total], (p, t) => shareElement(p, t), argumentNames('SHARE')),
  },
  {
    name: 'SHARE_BY',
    description: 'Доля района: сумма частей ÷ сумма баз, от 0 до 1.',
    params: [
      { name: 'районы', description: 'Диапазон столбца «Район» (например A4:A805): по нему строки делятся на районы.', shape: 'range', holds: 'text' },
      { name: 'район', description: 'Название района в кавычках ("г. Озёрск"), ячейка с ним или диапазон названий — по доле на каждое.', shape: 'elementwise', holds: 'text' },
      { name: 'части', description: 'Диапазон количеств той же высоты, что «районы», например «Учителя, создавшие групповые чаты» (G4:G805).', shape: 'range', holds: 'number' },
      { name: 'базы', description: 'Диапазон баз той же высоты, что «районы», например «Учителей всего» (F4:F805).', shape: 'range', holds: 'number' },
    ],
    returns: 'Доля района от 0 до 1; строки без части или базы не учитываются.',
    result: 'number',
    example: { args: 'A4:A805; "г. Озёрск"; G4:G805; F4:F805', result: '0,2782' },
    run: (groups, group, parts, totals) => shareBy(groups, group, parts, totals, argumentNames('SHARE_BY')),
  },
  {
    name: 'TARGET',
    description: 'Федеральная цель 2022–2023, долей: 0,35 = 35%.',
    params: [
      { name: 'показатель', description: 'Заголовок столбца в кавычках ("Учителя, создавшие групповые чаты"), ключ (teachersCreatedChats) или ячейка с ним.', shape: 'elementwise', holds: 'text' },
      { name: 'учебный_год', description: 'Учебный год целей, например 2023 или "2022–2023". Если не указан — 2022–2023 (других пока нет).', optional: true, shape: 'elementwise', holds: 'text' },
    ],
    returns: 'Цель как доля (0,35 = 35%).',
    result: 'number',
    example: { args: '"Учителя, создавшие групповые чаты"', result: '0,35' },
    run: (indicator, year) => broadcast([indicator, year ?? null], (i, y) => targetElement(i, y), argumentNames('TARGET')),
  },
  {
    name: 'STATUS',
    description: 'Доля против цели: «выполнено», «близко», «отстаёт» или «нет данных».',
    params: [
      PART,
      BASE,
      TARGET_ARG,
      { ...count('допуск', 'На сколько ниже цели доля ещё «близко»: долей (0,05) или процентом (5%). Если не указан — 0,05, то есть 5 п.п.'), optional: true },
    ],
    returns: 'Текст: «выполнено», «близко», «отстаёт» или «нет данных».',
    result: 'text',
    example: { args: '33; 100; 0,35', result: '«близко»' },
    run: (part, total, target, tolerance) => broadcast([part, total, target, tolerance ?? null], (p, t, g, tol) => statusElement(p, t, g, tol), argumentNames('STATUS')),
  },
  {
    name: 'GAP',
    description: 'Сколько ещё человек нужно до цели (цель × база − часть, вверх до целого; 0 — достигнута).',
    params: [PART, BASE, TARGET_ARG],
    returns: 'Целое число людей, не меньше 0.',
    result: 'number',
    example: { args: '20; 74; 0,35', result: '6' },
    run: (part, total, target) => broadcast([part, total, target], (p, t, g) => gapElement(p, t, g), argumentNames('GAP')),
  },
  {
    name: 'ACTIVE',
    description: 'Профиль ОО активен (ИСТИНА), если пользователей больше двух и есть хотя бы один класс.',
    params: [
      count('пользователей', 'Пользователей в профиле ОО: ячейка или диапазон, например столбец «Пользователей в профиле ОО» (M4:M805).'),
      count('классов', 'Создано классов: ячейка или диапазон той же высоты, например столбец «Создано классов» (N4:N805).'),
    ],
    returns: 'ИСТИНА или ЛОЖЬ.',
    result: 'boolean',
    example: { args: '3; 1', result: 'ИСТИНА' },
    run: (users, classes) => broadcast([users, classes], (u, c) => activeElement(u, c), argumentNames('ACTIVE')),
  },
  {
    name: 'ACCESS50',
    description: 'Условие 2.3: доступ есть у ≥ 50% учителей и ≥ 50% учеников ОО (ИСТИНА/ЛОЖЬ).',
    params: [
      count('учителей_с_доступом', 'Учителей с доступом: ячейка или диапазон, например столбец «Учителей всего» (F4:F805).'),
      count('учителей_всего', 'Все учителя ОО (база): например столбец «Педагогов в ОО по штату» (O4:O805).'),
      count('учеников_с_доступом', 'Учеников с доступом: например столбец «Учеников всего» (E4:E805).'),
      count('учеников_всего', 'Все ученики ОО (база): например столбец «Обучающихся в ОО» (P4:P805).'),
    ],
    returns: 'ИСТИНА или ЛОЖЬ.',
    result: 'boolean',
    example: { args: '30; 50; 200; 400', result: 'ИСТИНА' },
    run: (tw, tt, sw, st) => broadcast([tw, tt, sw, st], (a, b, c, d) => access50Element(a, b, c, d), argumentNames('ACCESS50')),
  },
  {
    name: 'PARSE',
    description: 'Число из текста: «17 218», «97,01%» (даёт долю), «н/д» и «—» (дают пусто).',
    params: [{ name: 'значение', description: 'Ячейка или диапазон с числами, записанными текстом: «17 218», «97,01%», «н/д».', shape: 'elementwise', holds: 'text' }],
    returns: 'Число (процент — долей), пусто или ошибка с пояснением.',
    result: 'number',
    example: { args: '"97,01%"', result: '0,9701' },
    run: (value) => broadcast([value], (v) => parseElement(v), argumentNames('PARSE')),
  },
  {
    name: 'CHECK',
    description: 'Проверка пары чисел: пусто, если всё верно, иначе замечание.',
    params: [PART, BASE],
    returns: 'Пусто или текст замечания.',
    result: 'text',
    example: { args: '25; 21', result: '«значение больше базы: 25 > 21»' },
    run: (part, total) => broadcast([part, total], (p, t) => checkElement(p, t), argumentNames('CHECK')),
  },
];

export const FORMULA_NAMES: readonly FormulaName[] = FORMULAS.map((f) => f.name);

export function formula(name: FormulaName): FormulaDef {
  const def = FORMULAS.find((f) => f.name === name);
  if (!def) throw new Error(`unknown formula ${name}`);
  return def;
}

/**
 * The help of a formula as both hosts show it, from the declarations above: the description
 * followed by the example written with the host's name of the function (`prefix` is «SFERUM.»
 * or «SFERUM_»). Excel shows it in the formula autocomplete and the «Вставить функцию» dialog,
 * Sheets in the formula help card; neither shows the @return line, so this carries the units.
 */
export function formulaHelp(def: FormulaDef, prefix: string): string {
  return `${def.description} Пример: ${prefix}${def.name}(${def.example.args}) → ${def.example.result}.`;
}

/** A parameter's help: its description, marked when it may be left out (Sheets has no other mark for that). */
export function parameterHelp(param: ParamDef): string {
  return param.optional ? `Необязательно. ${param.description}` : param.description;
}
