/**
 * The columns of the two table shapes of DOMAIN.md and how their headers are recognised.
 * Headers are compared after normalizeHeader (case, «ё», punctuation, parenthetical tails):
 * first against the synonyms, then against the patterns. This is the only place that knows
 * header texts; the parser, TARGET(«header text») and the sample generator all read it.
 */

/** Counts of one school row (the weekly monitoring sheet). */
export type SchoolCountKey =
  | 'students'
  | 'teachers'
  | 'teachersCreatedChats'
  | 'teachers3Messages'
  | 'teachers10Messages'
  | 'teachersCalled'
  | 'teachersLinkedDiary'
  | 'studentsLinkedDiary'
  | 'usersLinked'
  | 'classesCreated'
  | 'staffTotal'
  | 'studentsTotal';

export type SchoolTextKey = 'district' | 'school' | 'id' | 'status';
export type SchoolColumnKey = SchoolTextKey | SchoolCountKey;

/** Columns of the region's week-by-week summary. */
export type SummaryCountKey =
  | 'schoolsTotal'
  | 'schoolsInSphere'
  | 'schoolsInactive'
  | 'schoolsInSpherePercent'
  | 'staffTotal'
  | 'teachersInSphere'
  | 'studentsTotal'
  | 'studentsInSphere'
  | 'studentsInSpherePercent'
  | 'authoritiesTotal'
  | 'authoritiesInSphere'
  | 'authoritiesInactive'
  | 'teachersCreatedChats'
  | 'teachers3Messages'
  | 'teachers10Messages';
export type SummaryColumnKey = 'week' | SummaryCountKey;

/** What a column holds: names, head counts, or shares. */
export type ColumnKind = 'text' | 'count' | 'share';

export interface ColumnDef<K extends string> {
  readonly key: K;
  /** The header as written in official documents: used in messages and generated sheets. */
  readonly header: string;
  /** The long form some official tables use, with its parenthetical tail (DOMAIN.md). */
  readonly officialHeader?: string;
  readonly kind: ColumnKind;
  /** Exact normalised header texts. */
  readonly synonyms: readonly string[];
  /** Every regexp of one entry must match the normalised header (entries are alternatives). */
  readonly patterns?: readonly (readonly RegExp[])[];
  /** Headers that must not be taken for this column even if a pattern matches. */
  readonly exclude?: readonly RegExp[];
  /** For repeated headers such as «В Сфере»: the column belongs to the nearest preceding column of this key. */
  readonly after?: K;
}

const TEACHER = /учител|педагог/;
const STUDENT = /ученик|обучающ|обуч ся/;
const LINKED = /связав|привязав|связан|привязан/;
const DIARY = /эжд|дневник/;

/** The columns a weekly sheet cannot be read without. */
export const REQUIRED_SCHOOL_COLUMNS: readonly SchoolColumnKey[] = ['district', 'school', 'teachers'];

export const SCHOOL_COLUMNS: readonly ColumnDef<SchoolColumnKey>[] = [
  {
    key: 'district', header: 'Район', kind: 'text',
    synonyms: ['район', 'муниципалитет', 'муниципальный район', 'муниципальный округ', 'городской округ',
      'муниципальное образование', 'мо', 'территория', 'наименование района', 'наименование муниципалитета',
      'наименование мо', 'наименование муниципального образования', 'район город', 'район округ', 'амо'],
    patterns: [[/^(наименование )?(муниципального )?(района|муниципалитета|территории|округа)$/]],
  },
  {
    key: 'school', header: 'Наименование ОО', kind: 'text',
    synonyms: ['оо', 'наименование оо', 'организация', 'школа', 'образовательная организация', 'название оо',
      'наименование организации', 'наименование образовательной организации', 'название школы',
      'наименование школы', 'краткое наименование оо', 'полное наименование оо', 'наименование'],
    patterns: [[/^(полное |краткое |сокращенное )?(наименование|название) (оо|организации|образовательной организации|школы|учреждения)/]],
  },
  { key: 'id', header: 'ИНН', kind: 'text', synonyms: ['инн', 'инн оо', 'инн организации', 'инн школы'] },
  {
    key: 'status', header: 'Статус', kind: 'text',
    synonyms: ['статус', 'статус оо', 'статус организации', 'статус профиля', 'статус профиля оо', 'статус в сферуме', 'активность'],
    patterns: [[/^статус/]],
  },
  {
    key: 'students', header: 'Учеников всего', officialHeader: 'Учеников всего (кол-во учеников в Сферуме)', kind: 'count',
    synonyms: ['учеников всего', 'всего учеников', 'обучающихся всего', 'всего обучающихся', 'ученики всего'],
  },
  {
    key: 'teachers', header: 'Учителей всего', officialHeader: 'Учителей всего (кол-во учителей в Сферуме, VK Мессенджере и ЭЖД)', kind: 'count',
    synonyms: ['учителей всего', 'всего учителей', 'учителя всего', 'педагогов всего', 'всего педагогов в сферуме'],
  },
  {
    key: 'teachersCreatedChats', header: 'Учителя, создавшие групповые чаты', kind: 'count',
    synonyms: ['учителя создавшие групповые чаты'],
    patterns: [[TEACHER, /создав/, /чат/]],
  },
  {
    key: 'teachers3Messages', header: 'Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю', kind: 'count',
    synonyms: ['учителя написавшие в групповых чатах минимум 3 сообщения за неделю'],
    patterns: [[TEACHER, /(^|\D)3 (сообщ|и более сообщ)/]],
  },
  {
    key: 'teachers10Messages', header: 'Учителя, написавшие в групповых чатах минимум 10 сообщений за неделю', kind: 'count',
    synonyms: ['учителя написавшие в групповых чатах минимум 10 сообщений за неделю'],
    patterns: [[TEACHER, /(^|\D)10 (сообщ|и более сообщ)/]],
  },
  {
    key: 'teachersCalled', header: 'Учителя, совершившие минимум 1 звонок за неделю', kind: 'count',
    synonyms: ['учителя совершившие минимум 1 звонок за неделю'],
    patterns: [[TEACHER, /звон/]],
  },
  {
    key: 'teachersLinkedDiary', header: 'Учителя, связавшие аккаунты ЭЖД', kind: 'count',
    synonyms: ['учителя связавшие аккаунты эжд'],
    patterns: [[TEACHER, LINKED, DIARY]],
  },
  {
    key: 'studentsLinkedDiary', header: 'Ученики, связавшие аккаунты ЭЖД', kind: 'count',
    synonyms: ['ученики связавшие аккаунты эжд'],
    patterns: [[STUDENT, LINKED, DIARY]],
  },
  {
    key: 'usersLinked', header: 'Пользователей в профиле ОО', kind: 'count',
    synonyms: ['пользователей в профиле оо', 'пользователей', 'привязано пользователей', 'количество пользователей',
      'кол во пользователей', 'зарегистрировано пользователей', 'пользователей в профиле'],
    patterns: [[/пользовател/]],
    exclude: [DIARY],
  },
  {
    key: 'classesCreated', header: 'Создано классов', kind: 'count',
    synonyms: ['создано классов', 'классов', 'количество классов', 'кол во классов', 'классов создано', 'создано классов в профиле'],
    patterns: [[/класс/, /созда|кол во|количество/]],
  },
  {
    key: 'staffTotal', header: 'Педагогов в ОО по штату', kind: 'count',
    synonyms: ['педагогов в оо по штату', 'педагогов в оо', 'всего педагогов в оо', 'учителей в оо', 'штатная численность педагогов',
      'численность педагогов', 'численность учителей', 'общее кол во педагогов', 'общее количество педагогов'],
    patterns: [[/(штат|численность|общее)/, TEACHER], [/(в оо|по данным оо|по реестру|в школе)/, TEACHER]],
  },
  {
    key: 'studentsTotal', header: 'Обучающихся в ОО', kind: 'count',
    synonyms: ['обучающихся в оо', 'учеников в оо', 'всего обучающихся в оо', 'численность обучающихся', 'численность учеников',
      'общее кол во обуч ся', 'общее количество обучающихся', 'контингент'],
    patterns: [[/(численность|общее|контингент)/, STUDENT], [/(в оо|по данным оо|по реестру|в школе)/, STUDENT]],
  },
];

/** The count columns of the weekly sheet, in catalogue order. */
export const SCHOOL_COUNT_KEYS: readonly SchoolCountKey[] = SCHOOL_COLUMNS.filter((def) => def.kind === 'count').map((def) => def.key as SchoolCountKey);

export const SUMMARY_COLUMNS: readonly ColumnDef<SummaryColumnKey>[] = [
  { key: 'week', header: 'Неделя', kind: 'text', synonyms: ['неделя', 'период', 'отчетная неделя', 'отчетный период'] },
  { key: 'schoolsTotal', header: 'Всего ОО', kind: 'count', synonyms: ['всего оо', 'оо всего', 'всего школ', 'количество оо'] },
  { key: 'schoolsInSphere', header: 'ОО в Сфере', kind: 'count', synonyms: ['оо в сфере', 'оо в сферуме', 'школ в сфере'] },
  {
    key: 'schoolsInactive', header: 'Школ не активно в Сфере', kind: 'count',
    synonyms: ['школ не активно в сфере', 'оо не активно в сфере'], patterns: [[/(школ|оо)/, /не актив/]],
  },
  { key: 'schoolsInSpherePercent', header: '% ОО в Сфере', kind: 'share', synonyms: ['% оо в сфере', 'доля оо в сфере'] },
  {
    key: 'staffTotal', header: 'Общее кол-во педагогов', kind: 'count',
    synonyms: ['общее кол во педагогов', 'общее количество педагогов', 'всего педагогов'],
  },
  { key: 'teachersInSphere', header: 'В Сфере', kind: 'count', synonyms: ['в сфере', 'в сферуме'], after: 'staffTotal' },
  {
    key: 'studentsTotal', header: 'Общее кол-во обуч-ся', kind: 'count',
    synonyms: ['общее кол во обуч ся', 'общее количество обучающихся', 'общее кол во обучающихся', 'всего обучающихся'],
  },
  { key: 'studentsInSphere', header: 'В Сфере', kind: 'count', synonyms: ['в сфере', 'в сферуме'], after: 'studentsTotal' },
  { key: 'studentsInSpherePercent', header: '% в Сфере', kind: 'share', synonyms: ['% в сфере', '% в сферуме'] },
  { key: 'authoritiesTotal', header: 'МОУО всего', kind: 'count', synonyms: ['моуо всего', 'всего моуо'] },
  { key: 'authoritiesInSphere', header: 'МОУО в Сфере', kind: 'count', synonyms: ['моуо в сфере', 'моуо в сферуме'] },
  {
    key: 'authoritiesInactive', header: 'МОУО не активно в Сфере', kind: 'count',
    synonyms: ['моуо не активно в сфере'], patterns: [[/моуо/, /не актив/]],
  },
  {
    key: 'teachersCreatedChats', header: 'Кол-во педагогов, создавших как минимум 1 чат в Сфере (с 01.09.2022)', kind: 'count',
    synonyms: ['кол во педагогов создавших как минимум 1 чат в сфере'], patterns: [[TEACHER, /создав/, /чат/]],
  },
  {
    key: 'teachers3Messages', header: 'Кол-во педагогов, написавших минимум 3 сообщения в чаты за неделю', kind: 'count',
    synonyms: ['кол во педагогов написавших минимум 3 сообщения в чаты за неделю'], patterns: [[TEACHER, /(^|\D)3 сообщ/]],
  },
  {
    key: 'teachers10Messages', header: '% педагогов, написавших минимум 10 сообщений за неделю', kind: 'share',
    synonyms: ['% педагогов написавших минимум 10 сообщений за неделю'], patterns: [[TEACHER, /(^|\D)10 сообщ/]],
  },
];

/** A school column's header in its official long form where there is one, else its header. */
export function officialSchoolHeader(key: SchoolColumnKey): string {
  const def = SCHOOL_COLUMNS.find((column) => column.key === key);
  if (!def) throw new Error(`no column ${key} in the catalogue`);
  return def.officialHeader ?? def.header;
}
