/**
 * The indicator catalogue: every share the project computes, with its numerator, its base,
 * its default target (federal targets for 2022–2023) and the rule in words. Reports, the
 * formula TARGET and both add-ins read indicators from here and from nowhere else.
 */
import type { SchoolCountKey, SummaryCountKey } from './columns';

/** Shares computed per school row (and summed per district and region). */
export type SchoolIndicatorKey =
  | 'teachersCreatedChats'
  | 'teachers3Messages'
  | 'teachers10Messages'
  | 'teachersCalled'
  | 'teachersLinkedDiary'
  | 'studentsLinkedDiary'
  | 'teachersCoverage'
  | 'studentsCoverage';

/** Shares of the region's week-by-week summary. */
export type SummaryIndicatorKey =
  | 'schoolsInSphere'
  | 'schoolsActive'
  | 'authoritiesInSphere'
  | 'authoritiesActive'
  | 'teachersInSphere'
  | 'studentsInSphere'
  | 'teachersCreatedChats'
  | 'teachers3Messages'
  | 'teachers10Messages';

export type IndicatorKey = SchoolIndicatorKey | SummaryIndicatorKey;

export interface IndicatorDef<N extends string, K extends string = IndicatorKey> {
  readonly key: K;
  /** Full Russian name, as in official letters. */
  readonly label: string;
  /** Short name for report column headers. */
  readonly shortLabel: string;
  readonly numerator: N;
  /** The base used unless the user picks another. */
  readonly base: N;
  /** Other columns the user may choose as base (e.g. the staff total of the school registry). */
  readonly alternativeBases: readonly N[];
  /** Default target as a fraction, or null when no federal target exists. */
  readonly defaultTarget: number | null;
  /** The rule as it stands in the official letters. */
  readonly rule: string;
}

export type SchoolIndicatorDef = IndicatorDef<SchoolCountKey, SchoolIndicatorKey>;
export type SummaryIndicatorDef = IndicatorDef<SummaryCountKey | 'schoolsActive' | 'authoritiesActive', SummaryIndicatorKey>;

/** The academic year whose federal targets are the defaults. */
export const DEFAULT_TARGET_YEAR = '2022–2023';

export const SCHOOL_INDICATORS: readonly SchoolIndicatorDef[] = [
  {
    key: 'teachersCreatedChats', label: 'Доля учителей, создавших групповые чаты', shortLabel: 'Создали чаты',
    numerator: 'teachersCreatedChats', base: 'teachers', alternativeBases: ['staffTotal'], defaultTarget: 0.35,
    rule: 'Учитываются только чаты, созданные пользователями с ролью «учитель».',
  },
  {
    key: 'teachers3Messages', label: 'Доля учителей, написавших в групповых чатах минимум 3 сообщения за неделю',
    shortLabel: '≥3 сообщений', numerator: 'teachers3Messages', base: 'teachers', alternativeBases: ['staffTotal'],
    defaultTarget: 0.25, rule: 'Учитываются только сообщения учителей за отчётную неделю.',
  },
  {
    key: 'teachers10Messages', label: 'Доля учителей, написавших в групповых чатах минимум 10 сообщений за неделю',
    shortLabel: '≥10 сообщений', numerator: 'teachers10Messages', base: 'teachers', alternativeBases: ['staffTotal'],
    defaultTarget: 0.35, rule: 'Учитываются только сообщения учителей за отчётную неделю.',
  },
  {
    key: 'teachersCalled', label: 'Доля учителей, совершивших минимум 1 звонок за неделю', shortLabel: 'Звонки',
    numerator: 'teachersCalled', base: 'teachers', alternativeBases: ['staffTotal'], defaultTarget: 0.3,
    rule: 'Учитываются звонки учителей за отчётную неделю.',
  },
  {
    key: 'teachersLinkedDiary', label: 'Доля учителей, связавших аккаунты ЭЖД', shortLabel: 'Учителя: ЭЖД',
    numerator: 'teachersLinkedDiary', base: 'teachers', alternativeBases: ['staffTotal'], defaultTarget: null,
    rule: 'Аккаунт регионального электронного дневника связан с аккаунтом «Сферума».',
  },
  {
    key: 'studentsLinkedDiary', label: 'Доля учеников, связавших аккаунты ЭЖД', shortLabel: 'Ученики: ЭЖД',
    numerator: 'studentsLinkedDiary', base: 'students', alternativeBases: ['studentsTotal'], defaultTarget: null,
    rule: 'Аккаунт регионального электронного дневника связан с аккаунтом «Сферума».',
  },
  {
    key: 'teachersCoverage', label: 'Доля педагогов ОО, зарегистрированных в «Сферуме»', shortLabel: 'Педагоги в Сферуме',
    numerator: 'teachers', base: 'staffTotal', alternativeBases: [], defaultTarget: 1,
    rule: 'Учителя в «Сферуме» от численности педагогов ОО; нужен столбец численности педагогов.',
  },
  {
    key: 'studentsCoverage', label: 'Доля обучающихся ОО, зарегистрированных в «Сферуме»', shortLabel: 'Ученики в Сферуме',
    numerator: 'students', base: 'studentsTotal', alternativeBases: [], defaultTarget: null,
    rule: 'Ученики в «Сферуме» от численности обучающихся ОО; нужен столбец численности обучающихся.',
  },
];

export const SUMMARY_INDICATORS: readonly SummaryIndicatorDef[] = [
  {
    key: 'schoolsInSphere', label: 'Доля ОО, зарегистрированных в «Сферуме» (показатель 10)', shortLabel: '% ОО в Сфере',
    numerator: 'schoolsInSphere', base: 'schoolsTotal', alternativeBases: [], defaultTarget: 1,
    rule: 'Доля общеобразовательных организаций, использующих ИКОП в составе ФГИС ЦОС, в общем количестве ОО субъекта (Р-210).',
  },
  {
    key: 'schoolsActive', label: 'Доля активных профилей ОО', shortLabel: '% ОО активны',
    numerator: 'schoolsActive', base: 'schoolsTotal', alternativeBases: [], defaultTarget: 1,
    rule: 'Профиль активен, если к нему привязано больше двух пользователей и создан хотя бы один класс.',
  },
  {
    key: 'authoritiesInSphere', label: 'Доля МОУО, зарегистрированных в «Сферуме»', shortLabel: '% МОУО в Сфере',
    numerator: 'authoritiesInSphere', base: 'authoritiesTotal', alternativeBases: [], defaultTarget: 1,
    rule: 'Муниципальный орган управления образованием зарегистрирован как организация.',
  },
  {
    key: 'authoritiesActive', label: 'Доля активных профилей МОУО', shortLabel: '% МОУО активны',
    numerator: 'authoritiesActive', base: 'authoritiesTotal', alternativeBases: [], defaultTarget: 1,
    rule: 'МОУО не активно, если администратор не входил и не построил структуру организации.',
  },
  {
    key: 'teachersInSphere', label: 'Доля педагогов в «Сферуме»', shortLabel: '% педагогов в Сфере',
    numerator: 'teachersInSphere', base: 'staffTotal', alternativeBases: [], defaultTarget: 1,
    rule: 'Зарегистрированные в «Сферуме» педагоги от общего количества педагогов.',
  },
  {
    key: 'studentsInSphere', label: 'Доля обучающихся в «Сферуме»', shortLabel: '% обуч-ся в Сфере',
    numerator: 'studentsInSphere', base: 'studentsTotal', alternativeBases: [], defaultTarget: null,
    rule: 'Зарегистрированные в «Сферуме» обучающиеся от общего количества обучающихся.',
  },
  {
    key: 'teachersCreatedChats', label: 'Доля педагогов, создавших как минимум 1 чат', shortLabel: 'Создали чаты',
    numerator: 'teachersCreatedChats', base: 'teachersInSphere', alternativeBases: ['staffTotal'], defaultTarget: 0.35,
    rule: 'Учитываются только чаты, созданные пользователями с ролью «учитель».',
  },
  {
    key: 'teachers3Messages', label: 'Доля педагогов, написавших минимум 3 сообщения за неделю', shortLabel: '≥3 сообщений',
    numerator: 'teachers3Messages', base: 'teachersInSphere', alternativeBases: ['staffTotal'], defaultTarget: 0.25,
    rule: 'Учитываются только сообщения учителей за отчётную неделю.',
  },
  {
    key: 'teachers10Messages', label: 'Доля педагогов, написавших минимум 10 сообщений за неделю', shortLabel: '≥10 сообщений',
    numerator: 'teachers10Messages', base: 'teachersInSphere', alternativeBases: ['staffTotal'], defaultTarget: 0.35,
    rule: 'Учитываются только сообщения учителей за отчётную неделю.',
  },
];

export function schoolIndicator(key: SchoolIndicatorKey): SchoolIndicatorDef {
  const def = SCHOOL_INDICATORS.find((d) => d.key === key);
  if (!def) throw new Error(`unknown school indicator ${key}`);
  return def;
}
