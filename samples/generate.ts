/**
 * Generates the sample spreadsheets of samples/: the weekly school-level monitoring sheet of an
 * invented region (this week and last week, with planted anomalies in this week's sheet), the
 * district plan for indicator 2.3, and the published week-by-week summary of Ставропольский край.
 *
 *   npx tsc -p tsconfig.build.json && node dist/node/samples/generate.js [output folder]
 *
 * Everything comes from a seeded PRNG and fixed dates, so running it twice gives identical files.
 * Header texts come from the core catalogue; nothing here spells a header the catalogue has.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import {
  officialSchoolHeader,
  SUMMARY_COLUMNS,
  type ColumnDef,
  type SchoolColumnKey,
  type SchoolCountKey,
  type SummaryColumnKey,
} from '../core/catalogue/columns';
import { PLAN_COLUMNS, type PlanColumnKey } from '../core/table/planTable';
import { mulberry32 } from './random';

export const DEFAULT_SEED = 20230414;
export const TOTAL_SCHOOLS = 800;
export const REGION = 'Северо-Западная область';
export const CURRENT_PERIOD = '10.04.2023–14.04.2023';
export const PREVIOUS_PERIOD = '03.04.2023–07.04.2023';

/** One cell as written: a number, a text, or nothing. */
export type Cell = string | number | null;
export type Rows = Cell[][];

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32, samples/random.ts).

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** Roughly normal noise with mean 0 and standard deviation `spread` (Irwin–Hall of 3). */
  noise(spread: number): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2 * spread;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const result = items.slice();
    for (let i = result.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = result[i] as T;
      result[i] = result[j] as T;
      result[j] = a;
    }
    return result;
  }
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

// ---------------------------------------------------------------------------------------------
// Headers, from the catalogue only.

function headerOf<K extends string>(columns: readonly ColumnDef<K>[], key: K): string {
  const def = columns.find((column) => column.key === key);
  if (!def) throw new Error(`no column «${key}» in the catalogue`);
  return def.header;
}

export const COUNT_KEYS: readonly SchoolCountKey[] = [
  'students', 'teachers', 'teachersCreatedChats', 'teachers3Messages', 'teachers10Messages', 'teachersCalled',
  'teachersLinkedDiary', 'studentsLinkedDiary', 'usersLinked', 'classesCreated', 'staffTotal', 'studentsTotal',
];
export const WEEKLY_KEYS: readonly SchoolColumnKey[] = ['district', 'school', 'id', 'status', ...COUNT_KEYS];

export function weeklyHeaders(): string[] {
  // The official long forms (with their parenthetical tails) show that recognition tolerates them.
  return WEEKLY_KEYS.map(officialSchoolHeader);
}

/** Spreadsheet column letter of a weekly column (A, B, …). */
function weeklyLetter(key: SchoolColumnKey): string {
  return String.fromCharCode(65 + WEEKLY_KEYS.indexOf(key));
}

const ACTIVE = 'Активен';
const INACTIVE = 'Не активен';

// ---------------------------------------------------------------------------------------------
// The invented region.

type Counts = Record<SchoolCountKey, number>;
type QuoteStyle = 'guillemets' | 'straight';

interface District {
  readonly name: string;
  readonly urban: boolean;
  /** 0…1: how far the district's schools go with chats, messages and calls. */
  readonly activity: number;
  readonly quotes: QuoteStyle;
  readonly taxOffice: string;
}

export interface SampleSchool {
  readonly district: string;
  readonly name: string;
  readonly inn: string;
  /** This week's values; null for a school that closed (only in last week's sheet). */
  readonly current: Counts | null;
  /** Last week's values; null for a school that is new this week. */
  readonly previous: Counts | null;
}

const CITIES = ['г. Озёрск', 'г. Северогорск', 'г. Светлоярск', 'г. Красноборск', 'г. Новоладожск', 'г. Ясногорск'];
const RURAL = [
  'Берёзовский район', 'Боровской район', 'Верхнеозёрский район', 'Вишнёвский район', 'Горностаевский район',
  'Дубравинский муниципальный округ', 'Еловский район', 'Журавлёвский район', 'Заозёрный район',
  'Ивановский муниципальный округ', 'Каменский муниципальный округ', 'Клюквенский район', 'Лебяжинский район',
  'Луговской район', 'Медвежинский район', 'Нижнедолинский район', 'Никольский муниципальный округ',
  'Ольховский район', 'Покровский район', 'Рябиновский район', 'Сосновский район', 'Старосельский район',
  'Тихореченский район', 'Черёмуховский муниципальный округ',
];
const VILLAGES = [
  'Александровская', 'Алексеевская', 'Андреевская', 'Березняковская', 'Богородская', 'Борисовская', 'Васильевская',
  'Верхнесельская', 'Владимировская', 'Вознесенская', 'Волчанская', 'Воскресенская', 'Высоковская', 'Гавриловская',
  'Горская', 'Григорьевская', 'Дмитриевская', 'Долговская', 'Дубовская', 'Екатериновская', 'Еленовская', 'Ершовская',
  'Жуковская', 'Заречная', 'Знаменская', 'Ивановская', 'Ильинская', 'Казанская', 'Калиновская', 'Кирилловская',
  'Ключевская', 'Константиновская', 'Красносельская', 'Крутоярская', 'Кузьминская', 'Лесновская', 'Липовская',
  'Малиновская', 'Марьинская', 'Михайловская', 'Никитинская', 'Новосёловская', 'Октябрьская', 'Ореховская',
  'Павловская', 'Песчанская', 'Петровская', 'Подгорненская', 'Полянская', 'Преображенская', 'Пригородная',
  'Раздольненская', 'Рождественская', 'Романовская', 'Светлинская', 'Семёновская', 'Сергиевская', 'Сидоровская',
  'Соколовская', 'Спасская', 'Степановская', 'Студёновская', 'Сухореченская', 'Тарасовская', 'Троицкая', 'Успенская',
  'Устьинская', 'Фроловская', 'Хуторская', 'Черновская', 'Яблоновская', 'Ягодненская', 'Яковлевская', 'Ясенская',
];

function quoted(text: string, style: QuoteStyle): string {
  return style === 'straight' ? `"${text}"` : `«${text}»`;
}

type SchoolSize = 'city' | 'centre' | 'village';

/** A school's values this week, before any anomaly is planted. */
function makeCounts(rng: Random, district: District, size: SchoolSize): Counts {
  const staffTotal = size === 'city' ? rng.int(25, 140) : size === 'centre' ? rng.int(30, 75) : rng.int(8, 35);
  const studentsTotal = Math.round(staffTotal * rng.uniform(8, 14));
  const teachers = Math.max(1, Math.round(staffTotal * (rng.chance(0.9) ? rng.uniform(0.6, 1) : rng.uniform(0.35, 0.6))));
  // About one school in ten has half of its students in «Сферум»: that, with half of the
  // teachers, is the 2.3 condition. Active districts have more such schools.
  const studentShare = rng.chance(0.02 + 0.18 * district.activity) ? rng.uniform(0.5, 0.95) : rng.uniform(0.3, 0.495);
  const students = Math.round(studentsTotal * studentShare);
  const a = clamp01(district.activity + rng.noise(0.12));
  const teachersCreatedChats = Math.round(teachers * (0.1 + 0.5 * a));
  // ≥10 messages is a subset of ≥3 messages, so only the most active districts can reach the
  // 35 % target for 10 messages: their 3-message share goes up to 50 %.
  const teachers3Messages = Math.round(teachers * 0.5 * a * (0.4 + 0.6 * a));
  const teachers10Messages = Math.min(teachers3Messages, Math.round(teachers3Messages * (0.3 + 0.65 * a)));
  const teachersCalled = Math.round(teachers * Math.min(0.4, 0.02 + 0.42 * a));
  const teachersLinkedDiary = Math.round(teachers * (0.2 + 0.7 * clamp01(0.5 * a + 0.5 * rng.float())));
  const studentsLinkedDiary = Math.round(students * (0.1 + 0.7 * clamp01(0.5 * a + 0.5 * rng.float())));
  const profile = rng.float();
  let usersLinked: number;
  let classesCreated: number;
  if (profile < 0.03) {
    usersLinked = rng.int(0, 2);
    classesCreated = rng.int(0, 1);
  } else {
    usersLinked = teachers + Math.round(students * rng.uniform(0.2, 0.9)) + rng.int(0, 3);
    classesCreated = profile < 0.07 ? 0 : Math.max(1, Math.min(40, Math.round((studentsTotal / 25) * rng.uniform(0.4, 1))));
  }
  return {
    students, teachers, teachersCreatedChats, teachers3Messages, teachers10Messages, teachersCalled,
    teachersLinkedDiary, studentsLinkedDiary, usersLinked, classesCreated, staffTotal, studentsTotal,
  };
}

/** Last week: the same school a little less active (cumulative counts never higher). */
function previousCounts(rng: Random, now: Counts): Counts {
  const down = (value: number, min: number, max: number): number => Math.max(0, value - rng.int(min, max));
  const teachers = Math.max(1, down(now.teachers, 0, 1));
  const students = down(now.students, 0, 4);
  const teachersCreatedChats = Math.min(teachers, down(now.teachersCreatedChats, 0, 2));
  const teachers3Messages = Math.min(teachers, down(now.teachers3Messages, -1, 3));
  const teachers10Messages = Math.min(teachers3Messages, down(now.teachers10Messages, -1, 2));
  const teachersCalled = Math.min(teachers, down(now.teachersCalled, -1, 3));
  const teachersLinkedDiary = Math.min(teachers, down(now.teachersLinkedDiary, 0, 2));
  const studentsLinkedDiary = Math.min(students, down(now.studentsLinkedDiary, 0, 8));
  const usersLinked = now.usersLinked <= 2 ? now.usersLinked : Math.max(3, down(now.usersLinked, 0, 6));
  const classesCreated = now.classesCreated > 0 && rng.chance(0.1) ? now.classesCreated - 1 : now.classesCreated;
  return {
    students, teachers, teachersCreatedChats, teachers3Messages, teachers10Messages, teachersCalled,
    teachersLinkedDiary, studentsLinkedDiary, usersLinked, classesCreated,
    staffTotal: now.staffTotal, studentsTotal: now.studentsTotal,
  };
}

export function statusOf(counts: Counts): string {
  return counts.usersLinked > 2 && counts.classesCreated >= 1 ? ACTIVE : INACTIVE;
}

/** A 10-digit ИНН of an organisation with a valid check digit. */
function makeInn(rng: Random, taxOffice: string, used: Set<string>): string {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  for (;;) {
    let body = taxOffice;
    while (body.length < 9) body += String(rng.int(0, 9));
    const sum = weights.reduce((total, weight, index) => total + weight * Number(body[index]), 0);
    const inn = body + String((sum % 11) % 10);
    if (!used.has(inn)) {
      used.add(inn);
      return inn;
    }
  }
}

interface NamedSchool {
  readonly name: string;
  readonly size: SchoolSize;
}

function cityNames(rng: Random, count: number, quotes: QuoteStyle): NamedSchool[] {
  const gymnasia = rng.int(1, 3);
  const lyceums = rng.int(0, 2);
  const centres = rng.chance(0.3) ? 1 : 0;
  const names: NamedSchool[] = [];
  for (let k = 1; k <= gymnasia; k++) names.push({ name: `${rng.pick(['МБОУ', 'МАОУ'])} ${quoted(`Гимназия № ${k}`, quotes)}`, size: 'city' });
  for (let k = 1; k <= lyceums; k++) names.push({ name: `МАОУ ${quoted(`Лицей № ${k}`, quotes)}`, size: 'city' });
  for (let k = 1; k <= centres; k++) names.push({ name: `МБОУ ${quoted(`Центр образования № ${k}`, quotes)}`, size: 'city' });
  let number = 0;
  while (names.length < count) {
    number += rng.chance(0.15) ? 2 : 1;
    const kind = rng.chance(0.1) ? 'ООШ' : 'СОШ';
    names.push({ name: `${rng.chance(0.25) ? 'МАОУ' : 'МБОУ'} ${kind} № ${number}`, size: 'city' });
  }
  return rng.shuffle(names);
}

function ruralNames(rng: Random, count: number, quotes: QuoteStyle, villages: string[]): NamedSchool[] {
  const centre = rng.int(1, 3);
  const names: NamedSchool[] = [];
  for (let k = 1; k <= centre; k++) names.push({ name: `МБОУ СОШ № ${k}`, size: 'centre' });
  while (names.length < count) {
    const village = villages.pop();
    if (village === undefined) throw new Error('not enough village names');
    const roll = rng.float();
    const kind = roll < 0.55 ? 'СОШ' : roll < 0.93 ? 'ООШ' : 'НОШ';
    names.push({ name: `МКОУ ${quoted(`${village} ${kind}`, quotes)}`, size: 'village' });
  }
  return names;
}

/** Brings the district sizes to exactly `total`, one school at a time, round-robin. */
function fitSizes(sizes: number[], total: number, min: number): void {
  let sum = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; sum !== total; i = (i + 1) % sizes.length) {
    const size = sizes[i] ?? 0;
    if (sum > total && size > min) {
      sizes[i] = size - 1;
      sum--;
    } else if (sum < total) {
      sizes[i] = size + 1;
      sum++;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Planted anomalies of this week's sheet.

export interface Anomaly {
  /** 1…11, as numbered in the brief and in samples/README.md. */
  readonly kind: number;
  /** Sheet row number (1-based) in weekly-current.xlsx/.csv. */
  readonly row: number;
  /** Column letter, or '' for a whole row. */
  readonly column: string;
  readonly header: string;
  readonly district: string;
  readonly school: string;
  /** The cell as written. */
  readonly written: string;
  readonly note: string;
}

interface Override {
  readonly key: SchoolColumnKey;
  readonly value: Cell;
  readonly kind: number;
  readonly note: string;
}

type CurrentLine =
  | { readonly type: 'school'; readonly school: SampleSchool; readonly overrides: readonly Override[]; readonly note?: Anomaly }
  | { readonly type: 'duplicate'; readonly school: SampleSchool }
  | { readonly type: 'empty' };

export interface Region {
  readonly districts: readonly string[];
  /** All schools in sheet order: closed ones (previous only) and new ones (current only) included. */
  readonly schools: readonly SampleSchool[];
  /** True number of schools per district this week (duplicate row not counted, empty district cell counted). */
  readonly schoolsPerDistrict: ReadonlyMap<string, number>;
  readonly currentLines: readonly CurrentLine[];
  readonly anomalies: readonly Anomaly[];
  readonly newSchools: readonly SampleSchool[];
  readonly closedSchools: readonly SampleSchool[];
}

export const FIRST_DATA_ROW = 4;

export function buildRegion(seed: number = DEFAULT_SEED): Region {
  const rng = new Random(seed);

  // Districts, with activities spread evenly from lagging badly to well above the targets.
  const names = [...CITIES, ...RURAL];
  const activities = rng.shuffle(names.map((_, i) => 0.05 + (0.93 * i) / (names.length - 1)));
  const districts: District[] = names.map((name, i) => ({
    name,
    urban: i < CITIES.length,
    activity: activities[i] ?? 0.5,
    quotes: rng.chance(0.3) ? 'straight' : 'guillemets',
    taxOffice: `98${String(i + 1).padStart(2, '0')}`,
  }));
  const sizes = districts.map((district) => (district.urban ? rng.int(35, 70) : rng.int(12, 30)));
  fitSizes(sizes, TOTAL_SCHOOLS, 10);

  const usedInns = new Set<string>();
  const schools: SampleSchool[] = [];
  const closedSchools: SampleSchool[] = [];
  districts.forEach((district, index) => {
    const count = sizes[index] ?? 0;
    const villages = rng.shuffle(VILLAGES);
    const named = district.urban ? cityNames(rng, count, district.quotes) : ruralNames(rng, count, district.quotes, villages);
    for (const { name, size } of named) {
      const current = makeCounts(rng, district, size);
      schools.push({ district: district.name, name, inn: makeInn(rng, district.taxOffice, usedInns), current, previous: previousCounts(rng, current) });
    }
  });

  // Two rural schools closed since last week: only in the previous sheet.
  for (const districtIndex of rng.shuffle(districts.map((_, i) => i).filter((i) => !(districts[i]?.urban ?? true))).slice(0, 2)) {
    const district = districts[districtIndex];
    if (!district) continue;
    const taken = new Set(schools.filter((s) => s.district === district.name).map((s) => s.name));
    const village = rng.shuffle(VILLAGES).find((v) => !taken.has(`МКОУ ${quoted(`${v} ООШ`, district.quotes)}`) && !taken.has(`МКОУ ${quoted(`${v} СОШ`, district.quotes)}`));
    if (!village) throw new Error('no village name left');
    const counts = makeCounts(rng, district, 'village');
    const closed: SampleSchool = {
      district: district.name,
      name: `МКОУ ${quoted(`${village} ООШ`, district.quotes)}`,
      inn: makeInn(rng, district.taxOffice, usedInns),
      current: null,
      previous: previousCounts(rng, counts),
    };
    const block = schools.map((s, i) => (s.district === district.name ? i : -1)).filter((i) => i >= 0);
    schools.splice(rng.pick(block.slice(1)), 0, closed);
    closedSchools.push(closed);
  }

  // Three schools new this week, in three different districts: only in the current sheet.
  const newSchools: SampleSchool[] = [];
  for (const districtIndex of rng.shuffle(districts.map((_, i) => i)).slice(0, 3)) {
    const district = districts[districtIndex];
    const block = schools.map((s, i) => (s.district === district?.name && s.previous && s.current ? i : -1)).filter((i) => i >= 0);
    const index = rng.pick(block);
    const school = schools[index];
    if (!school) continue;
    const replaced: SampleSchool = { ...school, previous: null };
    schools[index] = replaced;
    newSchools.push(replaced);
  }

  const schoolsPerDistrict = new Map<string, number>(districts.map((d) => [d.name, 0]));
  for (const school of schools) if (school.current) schoolsPerDistrict.set(school.district, (schoolsPerDistrict.get(school.district) ?? 0) + 1);

  const { lines, anomalies } = plantAnomalies(rng, schools);
  return { districts: districts.map((d) => d.name), schools, schoolsPerDistrict, currentLines: lines, anomalies, newSchools, closedSchools };
}

const GROUPABLE: readonly SchoolCountKey[] = ['studentsTotal', 'students', 'usersLinked', 'studentsLinkedDiary'];
const NBSP = '\u00a0';

function groupDigits(value: number, separator: string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function plantAnomalies(rng: Random, schools: readonly SampleSchool[]): { lines: CurrentLine[]; anomalies: Anomaly[] } {
  const current = schools.filter((s): s is SampleSchool & { current: Counts } => s.current !== null);
  const overrides = new Map<SampleSchool, Override[]>();
  const used = new Set<SampleSchool>();
  // Anomalies go to schools that were there last week, away from the first and last rows.
  const pool = rng.shuffle(current.slice(5, -5).filter((s) => s.previous !== null));
  const take = (test: (counts: Counts) => boolean): SampleSchool & { current: Counts } => {
    const school = pool.find((s) => !used.has(s) && test(s.current as Counts));
    if (!school || !school.current) throw new Error('no school fits an anomaly');
    used.add(school);
    return school as SampleSchool & { current: Counts };
  };
  const plant = (school: SampleSchool, override: Override): void => {
    overrides.set(school, [...(overrides.get(school) ?? []), override]);
  };

  // (1) Fifteen valid numbers stored as Russian-formatted text with a thousands separator.
  for (let n = 0; n < 15; n++) {
    // Mostly «Обучающихся в ОО», also the users and the students in «Сферум» where they reach 1000.
    const wanted = GROUPABLE[n % GROUPABLE.length] as SchoolCountKey;
    const fits = pool.some((s) => !used.has(s) && (s.current as Counts)[wanted] >= 1000);
    const key = fits ? wanted : 'studentsTotal';
    const school = take((c) => c[key] >= 1000);
    const separator = n % 3 === 2 ? ' ' : NBSP;
    plant(school, {
      key, kind: 1, value: groupDigits(school.current[key], separator),
      note: `число текстом с разделителем разрядов (${separator === NBSP ? 'неразрывный пробел' : 'обычный пробел'}), значение ${school.current[key]}`,
    });
  }
  // (2) A count above its base.
  {
    const school = take((c) => c.teachers >= 8 && c.teachersCreatedChats >= 2);
    const value = school.current.teachers + rng.int(3, 9);
    plant(school, { key: 'teachersCreatedChats', kind: 2, value, note: `больше, чем учителей (${school.current.teachers})` });
  }
  // (3) A negative value.
  {
    const school = take((c) => c.studentsLinkedDiary >= 10);
    plant(school, { key: 'studentsLinkedDiary', kind: 3, value: -school.current.studentsLinkedDiary, note: 'отрицательное значение' });
  }
  // (4) Text that is not a number.
  {
    const school = take((c) => c.teachersLinkedDiary >= 5);
    plant(school, { key: 'teachersLinkedDiary', kind: 4, value: 'много', note: 'текст вместо числа' });
  }
  // (5) No teachers, yet teachers who created chats. The other teacher counts are zeroed too,
  // so that this row holds only this one anomaly.
  {
    const school = take((c) => c.teachers <= 15 && c.teachersCreatedChats >= 2);
    const value = school.current.teachersCreatedChats;
    plant(school, { key: 'teachers', kind: 5, value: 0, note: `учителей 0, а создавших чаты ${value}` });
    for (const key of ['teachers3Messages', 'teachers10Messages', 'teachersCalled', 'teachersLinkedDiary'] as const) {
      plant(school, { key, kind: 0, value: 0, note: '' });
    }
  }
  const duplicated = take((c) => c.teachers >= 10);
  const noDistrict = take(() => true);
  plant(noDistrict, { key: 'district', kind: 7, value: null, note: 'пустая ячейка района' });
  // (8) A fractional count, written as text with a decimal comma.
  {
    const school = take((c) => c.teachers >= 30 && c.teachersCalled >= 10 && c.teachersCalled < c.teachers);
    plant(school, { key: 'teachersCalled', kind: 8, value: `${school.current.teachersCalled},5`, note: 'дробное количество' });
  }
  // (9) «н/д»: missing, not an error.
  {
    const school = take((c) => c.teachers10Messages >= 1);
    plant(school, { key: 'teachers10Messages', kind: 9, value: 'н/д', note: 'нет данных (пропуск, не ошибка)' });
  }
  // (11) A percentage in a count column.
  {
    const school = take((c) => c.teachers >= 20 && c.teachers3Messages * 100 >= 15 * c.teachers && c.teachers3Messages * 100 <= 35 * c.teachers);
    const percent = Math.round((school.current.teachers3Messages * 100) / school.current.teachers);
    plant(school, { key: 'teachers3Messages', kind: 11, value: `${percent}%`, note: `доля вместо количества (${school.current.teachers3Messages} из ${school.current.teachers})` });
  }

  // Lay out the rows: the duplicate three rows below (or at the end of its district), and the
  // empty row in the middle of the data.
  const lines: CurrentLine[] = current.map((school) => ({ type: 'school', school, overrides: overrides.get(school) ?? [] }));
  const at = lines.findIndex((line) => line.type === 'school' && line.school === duplicated);
  let insert = at + 1;
  while (insert < at + 4 && lines[insert]?.type === 'school' && (lines[insert] as { school: SampleSchool }).school.district === duplicated.district) insert++;
  lines.splice(insert, 0, { type: 'duplicate', school: duplicated });
  let middle = Math.floor(lines.length / 2);
  while (lines[middle - 1]?.type !== 'school' || lines[middle]?.type !== 'school') middle++;
  lines.splice(middle, 0, { type: 'empty' });

  const anomalies: Anomaly[] = [];
  lines.forEach((line, index) => {
    const row = FIRST_DATA_ROW + index;
    if (line.type === 'empty') {
      anomalies.push({ kind: 10, row, column: '', header: '', district: '', school: '', written: '', note: 'полностью пустая строка посреди данных' });
      return;
    }
    if (line.type === 'duplicate') {
      const first = FIRST_DATA_ROW + lines.findIndex((l) => l.type === 'school' && l.school === line.school);
      anomalies.push({
        kind: 6, row, column: '', header: '', district: line.school.district, school: line.school.name, written: line.school.inn,
        note: `повтор строки ${first} (тот же ИНН, район и наименование, те же значения)`,
      });
      return;
    }
    for (const override of line.overrides) {
      if (override.kind === 0) continue;
      anomalies.push({
        kind: override.kind, row, column: weeklyLetter(override.key), header: weeklyHeaders()[WEEKLY_KEYS.indexOf(override.key)] ?? '',
        district: line.school.district, school: line.school.name, written: override.value === null ? '' : String(override.value), note: override.note,
      });
    }
  });
  anomalies.sort((a, b) => a.kind - b.kind || a.row - b.row);
  return { lines, anomalies };
}

// ---------------------------------------------------------------------------------------------
// Sheets as rows of cells.

function schoolCells(school: SampleSchool, counts: Counts): Cell[] {
  return [school.district, school.name, school.inn, statusOf(counts), ...COUNT_KEYS.map((key) => counts[key])];
}

function weeklyTitle(period: string): string {
  return `Мониторинг использования ИКОП «Сферум» за период ${period}, ${REGION}`;
}

const emptyRow = (width: number): Cell[] => new Array<Cell>(width).fill(null);

/** The weekly sheet: title row, empty row, header row, then one row per school. */
export function buildWeeklyRows(seed: number = DEFAULT_SEED, week: 'current' | 'previous' = 'current', region: Region = buildRegion(seed)): Rows {
  const width = WEEKLY_KEYS.length;
  const title = emptyRow(width);
  title[0] = weeklyTitle(week === 'current' ? CURRENT_PERIOD : PREVIOUS_PERIOD);
  const rows: Rows = [title, emptyRow(width), weeklyHeaders()];
  if (week === 'previous') {
    for (const school of region.schools) if (school.previous) rows.push(schoolCells(school, school.previous));
    return rows;
  }
  for (const line of region.currentLines) {
    if (line.type === 'empty') {
      rows.push(emptyRow(width));
      continue;
    }
    const cells = schoolCells(line.school, line.school.current as Counts);
    if (line.type === 'school') for (const override of line.overrides) cells[WEEKLY_KEYS.indexOf(override.key)] = override.value;
    rows.push(cells);
  }
  return rows;
}

/** The 2.3 plan: schools per district this week and how many must reach the condition (10 %, at least 1). */
export function buildPlanRows(seed: number = DEFAULT_SEED, region: Region = buildRegion(seed)): Rows {
  const keys: readonly PlanColumnKey[] = ['district', 'schools', 'required'];
  const rows: Rows = [keys.map((key) => headerOf(PLAN_COLUMNS, key))];
  let schools = 0;
  let required = 0;
  for (const district of region.districts) {
    const count = region.schoolsPerDistrict.get(district) ?? 0;
    const plan = Math.max(1, Math.ceil(count / 10));
    rows.push([district, count, plan]);
    schools += count;
    required += plan;
  }
  rows.push(['Итого', schools, required]);
  return rows;
}

// The region summary: Ставропольский край, 2023, the seven published weeks of DOMAIN.md.
interface PublishedWeek {
  readonly week: string;
  readonly schoolsTotal: number;
  readonly schoolsInSphere: number;
  readonly schoolsInactive: number;
  /** As published; null where DOMAIN.md does not give it (computed from the counts). */
  readonly schoolsInSpherePercent: string | null;
  readonly staffTotal: number;
  readonly teachersInSphere: number;
  readonly studentsTotal: number;
  readonly studentsInSphere: number;
  readonly studentsInSpherePercent: string | null;
  readonly authoritiesTotal: number;
  readonly authoritiesInSphere: number;
  readonly authoritiesInactive: number;
  readonly teachersCreatedChats: string;
  readonly teachers3Messages: string;
  readonly teachers10Messages: string;
}

export const PUBLISHED_WEEKS: readonly PublishedWeek[] = [
  { week: '20.02-22.02.2023', schoolsTotal: 636, schoolsInSphere: 617, schoolsInactive: 50, schoolsInSpherePercent: '97,01%', staffTotal: 17218, teachersInSphere: 18013, studentsTotal: 312014, studentsInSphere: 237466, studentsInSpherePercent: '76,11%', authoritiesTotal: 33, authoritiesInSphere: 31, authoritiesInactive: 21, teachersCreatedChats: '21,292%', teachers3Messages: '0,064%', teachers10Messages: '' },
  { week: '23.02-03.03.2023', schoolsTotal: 626, schoolsInSphere: 617, schoolsInactive: 50, schoolsInSpherePercent: '98,56%', staffTotal: 16819, teachersInSphere: 18025, studentsTotal: 309292, studentsInSphere: 237474, studentsInSpherePercent: '76,78%', authoritiesTotal: 33, authoritiesInSphere: 31, authoritiesInactive: 21, teachersCreatedChats: '21,892%', teachers3Messages: '0,125%', teachers10Messages: '0,030%' },
  { week: '06.03-10.03.2023', schoolsTotal: 626, schoolsInSphere: 618, schoolsInactive: 50, schoolsInSpherePercent: null, staffTotal: 16819, teachersInSphere: 18031, studentsTotal: 309292, studentsInSphere: 237473, studentsInSpherePercent: null, authoritiesTotal: 33, authoritiesInSphere: 31, authoritiesInactive: 21, teachersCreatedChats: '21,999%', teachers3Messages: '0,083%', teachers10Messages: '0,024%' },
  { week: '13.03-17.03.2023', schoolsTotal: 626, schoolsInSphere: 618, schoolsInactive: 50, schoolsInSpherePercent: null, staffTotal: 16819, teachersInSphere: 18045, studentsTotal: 309292, studentsInSphere: 237468, studentsInSpherePercent: null, authoritiesTotal: 33, authoritiesInSphere: 31, authoritiesInactive: 21, teachersCreatedChats: '22,106%', teachers3Messages: '0,149%', teachers10Messages: '0,036%' },
  { week: '20.03-24.03.2023', schoolsTotal: 626, schoolsInSphere: 618, schoolsInactive: 50, schoolsInSpherePercent: null, staffTotal: 16819, teachersInSphere: 18043, studentsTotal: 309292, studentsInSphere: 237470, studentsInSpherePercent: null, authoritiesTotal: 33, authoritiesInSphere: 32, authoritiesInactive: 22, teachersCreatedChats: '22,177%', teachers3Messages: '0,131%', teachers10Messages: '0,030%' },
  { week: '27.03-31.03.2023', schoolsTotal: 626, schoolsInSphere: 618, schoolsInactive: 50, schoolsInSpherePercent: null, staffTotal: 16819, teachersInSphere: 18043, studentsTotal: 309292, studentsInSphere: 237480, studentsInSpherePercent: null, authoritiesTotal: 33, authoritiesInSphere: 32, authoritiesInactive: 22, teachersCreatedChats: '22,266%', teachers3Messages: '0,065%', teachers10Messages: '0,012%' },
  { week: '03.04-07.04.2023', schoolsTotal: 626, schoolsInSphere: 618, schoolsInactive: 50, schoolsInSpherePercent: '98,72%', staffTotal: 16819, teachersInSphere: 18064, studentsTotal: 309292, studentsInSphere: 237564, studentsInSpherePercent: '76,81%', authoritiesTotal: 33, authoritiesInSphere: 33, authoritiesInactive: 23, teachersCreatedChats: '22,266%', teachers3Messages: '0,363%', teachers10Messages: '0,101%' },
];

/** «98,56%»: a share with two decimals and a comma. */
export function percentText(part: number, whole: number): string {
  return `${((part * 100) / whole).toFixed(2).replace('.', ',')}%`;
}

export const SUMMARY_KEYS: readonly SummaryColumnKey[] = [
  'week', 'schoolsTotal', 'schoolsInSphere', 'schoolsInactive', 'schoolsInSpherePercent', 'staffTotal', 'teachersInSphere',
  'studentsTotal', 'studentsInSphere', 'studentsInSpherePercent', 'authoritiesTotal', 'authoritiesInSphere',
  'authoritiesInactive', 'teachersCreatedChats', 'teachers3Messages', 'teachers10Messages',
];
export const SUMMARY_TITLE = 'Мониторинг «Сферум», Ставропольский край, 2023';

/**
 * The summary as in the xlsx: teacher counts are numbers, student counts are text with a space
 * («309 292», as copied from a published document), shares are text exactly as published.
 */
export function buildSummaryRows(): Rows {
  const width = SUMMARY_KEYS.length;
  const title = emptyRow(width);
  title[0] = SUMMARY_TITLE;
  const rows: Rows = [title, SUMMARY_KEYS.map((key) => headerOf(SUMMARY_COLUMNS, key))];
  for (const w of PUBLISHED_WEEKS) {
    const cells: Record<SummaryColumnKey, Cell> = {
      week: w.week,
      schoolsTotal: w.schoolsTotal,
      schoolsInSphere: w.schoolsInSphere,
      schoolsInactive: w.schoolsInactive,
      schoolsInSpherePercent: w.schoolsInSpherePercent ?? percentText(w.schoolsInSphere, w.schoolsTotal),
      staffTotal: w.staffTotal,
      teachersInSphere: w.teachersInSphere,
      studentsTotal: groupDigits(w.studentsTotal, ' '),
      studentsInSphere: groupDigits(w.studentsInSphere, ' '),
      studentsInSpherePercent: w.studentsInSpherePercent ?? percentText(w.studentsInSphere, w.studentsTotal),
      authoritiesTotal: w.authoritiesTotal,
      authoritiesInSphere: w.authoritiesInSphere,
      authoritiesInactive: w.authoritiesInactive,
      teachersCreatedChats: w.teachersCreatedChats,
      teachers3Messages: w.teachers3Messages,
      teachers10Messages: w.teachers10Messages === '' ? null : w.teachers10Messages,
    };
    rows.push(SUMMARY_KEYS.map((key) => cells[key]));
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Writing: CSV (semicolon, UTF-8 with BOM, CRLF, RFC 4180 quoting) and xlsx.

export interface CsvOptions {
  /** Write numbers of 1000 and more with a space between digit groups («17 218»). */
  readonly groupThousands?: boolean;
}

function csvField(cell: Cell, options: CsvOptions): string {
  let text: string;
  if (cell === null) text = '';
  else if (typeof cell === 'number') {
    const plain = String(cell).replace('.', ',');
    text = options.groupThousands && Number.isInteger(cell) && Math.abs(cell) >= 1000 ? groupDigits(cell, ' ') : plain;
  } else text = cell;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: Rows, options: CsvOptions = {}): string {
  const width = Math.max(...rows.map((row) => row.length));
  const lines = rows.map((row) => {
    const cells = row.slice();
    while (cells.length < width) cells.push(null);
    return cells.map((cell) => csvField(cell, options)).join(';');
  });
  return '\uFEFF' + lines.map((line) => line + '\r\n').join('');
}

export interface SampleSheet {
  readonly base: string;
  readonly sheetName: string;
  readonly rows: Rows;
  /** 1-based rows: the title (merged across) and the header; 0 when there is none. */
  readonly titleRow: number;
  readonly headerRow: number;
  readonly widths: readonly number[];
  readonly csv: CsvOptions;
  /** Columns (1-based) shown as text in xlsx. */
  readonly textColumns?: readonly number[];
}

export function buildSampleSheets(seed: number = DEFAULT_SEED): { sheets: SampleSheet[]; region: Region } {
  const region = buildRegion(seed);
  const weeklyWidths = [30, 36, 13, 12, 14, 16, 14, 16, 16, 14, 14, 14, 12, 10, 12, 12];
  const sheets: SampleSheet[] = [
    { base: 'weekly-current', sheetName: 'Мониторинг', rows: buildWeeklyRows(seed, 'current', region), titleRow: 1, headerRow: 3, widths: weeklyWidths, csv: {}, textColumns: [3] },
    { base: 'weekly-previous', sheetName: 'Мониторинг', rows: buildWeeklyRows(seed, 'previous', region), titleRow: 1, headerRow: 3, widths: weeklyWidths, csv: {}, textColumns: [3] },
    { base: 'plan-2.3', sheetName: 'План 2.3', rows: buildPlanRows(seed, region), titleRow: 0, headerRow: 1, widths: [36, 12, 20], csv: {} },
    {
      base: 'region-summary', sheetName: 'Свод по краю', rows: buildSummaryRows(), titleRow: 1, headerRow: 2,
      widths: [18, 9, 9, 11, 9, 12, 10, 12, 10, 9, 8, 9, 10, 18, 18, 18], csv: { groupThousands: true },
    },
  ];
  return { sheets, region };
}

/** Fixed date for workbook properties and zip entries, so the xlsx bytes never change. */
const FIXED_DATE = new Date(Date.UTC(2023, 3, 14, 17, 0, 0));

/** Sets the DOS time and date of every zip entry (local and central headers) to FIXED_DATE. */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const time = (FIXED_DATE.getUTCHours() << 11) | (FIXED_DATE.getUTCMinutes() << 5) | (FIXED_DATE.getUTCSeconds() >> 1);
  const date = ((FIXED_DATE.getUTCFullYear() - 1980) << 9) | ((FIXED_DATE.getUTCMonth() + 1) << 5) | FIXED_DATE.getUTCDate();
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad zip central directory');
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('bad zip local header');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

export async function toXlsx(sheet: SampleSheet): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'sferum-monitor samples/generate.ts';
  workbook.lastModifiedBy = 'sferum-monitor samples/generate.ts';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  const worksheet = workbook.addWorksheet(sheet.sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: sheet.headerRow }] });
  const width = Math.max(...sheet.rows.map((row) => row.length));
  sheet.widths.forEach((w, i) => {
    worksheet.getColumn(i + 1).width = w;
  });
  for (const column of sheet.textColumns ?? []) worksheet.getColumn(column).numFmt = '@';
  sheet.rows.forEach((cells, index) => {
    const row = worksheet.getRow(index + 1);
    cells.forEach((value, column) => {
      if (value !== null) row.getCell(column + 1).value = value;
    });
    if (index + 1 === sheet.headerRow) {
      row.font = { bold: true };
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  });
  if (sheet.titleRow > 0) {
    worksheet.mergeCells(sheet.titleRow, 1, sheet.titleRow, width);
    worksheet.getRow(sheet.titleRow).font = { bold: true, size: 12 };
  }
  return fixZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()));
}

// ---------------------------------------------------------------------------------------------
// Checks printed while generating (and used by the tests).

export function meets23(counts: Counts): boolean {
  return counts.staffTotal > 0 && counts.studentsTotal > 0 && counts.teachers * 2 >= counts.staffTotal && counts.students * 2 >= counts.studentsTotal;
}

export interface DistrictShares {
  readonly district: string;
  readonly chats: number;
  readonly messages3: number;
  readonly messages10: number;
  readonly calls: number;
  readonly met23: number;
  readonly schools: number;
}

/** Weighted shares of the clean values of this week, per district. */
export function districtShares(region: Region): DistrictShares[] {
  return region.districts.map((district) => {
    const counts = region.schools.filter((s) => s.district === district && s.current).map((s) => s.current as Counts);
    const sum = (key: SchoolCountKey): number => counts.reduce((total, c) => total + c[key], 0);
    const teachers = sum('teachers');
    return {
      district,
      chats: sum('teachersCreatedChats') / teachers,
      messages3: sum('teachers3Messages') / teachers,
      messages10: sum('teachers10Messages') / teachers,
      calls: sum('teachersCalled') / teachers,
      met23: counts.filter(meets23).length,
      schools: counts.length,
    };
  });
}

/** The anomaly list as markdown table rows, for samples/README.md. */
export function anomalyTable(anomalies: readonly Anomaly[]): string {
  const lines = ['| № | Строка | Столбец | Район / ОО | Записано | Что не так |', '| --- | --- | --- | --- | --- | --- |'];
  for (const a of anomalies) {
    const where = a.column ? `${a.column}${a.row} «${a.header}»` : 'вся строка';
    const who = a.school ? `${a.district || '—'} / ${a.school}` : '—';
    const written = a.written === '' ? 'пусто' : `«${a.written.replace(/\u00a0/g, '⍽')}»`;
    lines.push(`| ${a.kind} | ${a.row} | ${where} | ${who.replace(/\|/g, '\\|')} | ${written} | ${a.note} |`);
  }
  return lines.join('\n');
}

async function main(outDir: string): Promise<void> {
  const { sheets, region } = buildSampleSheets(DEFAULT_SEED);
  fs.mkdirSync(outDir, { recursive: true });
  for (const sheet of sheets) {
    fs.writeFileSync(path.join(outDir, `${sheet.base}.csv`), toCsv(sheet.rows, sheet.csv));
    fs.writeFileSync(path.join(outDir, `${sheet.base}.xlsx`), await toXlsx(sheet));
    console.log(`${sheet.base}: ${sheet.rows.length} строк → ${path.join(outDir, sheet.base)}.csv/.xlsx`);
  }
  const current = region.schools.filter((s) => s.current);
  const met = current.filter((s) => meets23(s.current as Counts)).length;
  console.log(`\nОО на этой неделе: ${current.length}, районов: ${region.districts.length}; условие 2.3: ${met} (${percentText(met, current.length)})`);
  const rowOf = (rows: Rows, school: SampleSchool): number => rows.findIndex((cells) => cells[2] === school.inn) + 1;
  const [currentSheet, previousSheet] = sheets;
  const list = (schools: readonly SampleSchool[], rows: Rows): string =>
    schools.map((s) => `строка ${rowOf(rows, s)}: ${s.district} / ${s.name}`).join('; ');
  console.log(`Новые ОО (weekly-current): ${list(region.newSchools, currentSheet?.rows ?? [])}`);
  console.log(`Закрытые ОО (weekly-previous): ${list(region.closedSchools, previousSheet?.rows ?? [])}`);
  const shares = districtShares(region);
  const count = (test: (d: DistrictShares) => boolean): number => shares.filter(test).length;
  console.log(
    `Районов с целью: чаты ≥35 % ${count((d) => d.chats >= 0.35)}, ≥3 сообщ. ≥25 % ${count((d) => d.messages3 >= 0.25)}, ` +
      `≥10 сообщ. ≥35 % ${count((d) => d.messages10 >= 0.35)}, звонки ≥30 % ${count((d) => d.calls >= 0.3)} (из ${shares.length})`,
  );
  for (const d of shares) {
    const p = (x: number): string => (x * 100).toFixed(1).padStart(5);
    console.log(`  ${d.district.padEnd(36)} ОО ${String(d.schools).padStart(3)}  чаты ${p(d.chats)}  3с ${p(d.messages3)}  10с ${p(d.messages10)}  зв ${p(d.calls)}  2.3 ${d.met23}`);
  }
  console.log('\nЗаложенные аномалии (weekly-current):\n' + anomalyTable(region.anomalies));
}

/** samples/ of the repository, whether this runs compiled (dist/node/samples) or from source. */
function defaultOutDir(): string {
  const compiled = path.basename(path.resolve(__dirname, '../..')) === 'dist';
  return compiled ? path.resolve(__dirname, '../../../samples') : __dirname;
}

if (require.main === module) {
  main(path.resolve(process.argv[2] ?? defaultOutDir())).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
