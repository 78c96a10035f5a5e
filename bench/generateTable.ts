/**
 * Weekly monitoring tables of any size for the benchmark, generated in memory with a fixed
 * seed: a title row, the official headers from core's catalogue, and schools spread over
 * districts about as in real data (a region: ~25 schools a district; Russia: ~1 600 districts
 * for 40 000 schools). Counts are numbers, as .xlsx cells usually hold them.
 */
import { SCHOOL_COLUMNS, type SchoolColumnKey, type SchoolCountKey } from '../core';
import { mulberry32 } from '../samples/random';

export type BenchCell = string | number | null;

/** Count columns in sheet order, after «Район» and «Наименование ОО». */
export const COUNT_KEYS: readonly SchoolCountKey[] = [
  'students', 'teachers', 'teachersCreatedChats', 'teachers3Messages', 'teachers10Messages', 'teachersCalled',
  'teachersLinkedDiary', 'studentsLinkedDiary',
];
const KEYS: readonly SchoolColumnKey[] = ['district', 'school', ...COUNT_KEYS];

export const TITLE = 'Мониторинг использования ИКОП «Сферум» за период 10.04.2023–14.04.2023';
/** Zero-based row of the header in the generated values (a title row and a blank row above it). */
export const HEADER_ROW_INDEX = 2;
export const DISTRICT_COLUMN = 0;
/** Zero-based column of each count. */
export const COUNT_COLUMN: Readonly<Record<SchoolCountKey, number>> = Object.fromEntries(
  COUNT_KEYS.map((key, i) => [key, 2 + i]),
) as Record<SchoolCountKey, number>;

export interface GeneratedTable {
  readonly schools: number;
  readonly districts: readonly string[];
  /** Title row, blank row, header row, then one row per school. */
  readonly values: readonly (readonly BenchCell[])[];
}


export function districtCount(schools: number): number {
  return Math.max(15, Math.round(schools / 25));
}

/** How schools are named: short forms as in most weekly sheets and the sample (median 19 characters), or full official names (about 100). */
export type SchoolNames = 'short' | 'full';

export function generateTable(schools: number, seed = 20230414, names: SchoolNames = 'short'): GeneratedTable {
  const random = mulberry32(seed + schools);
  const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const share = (low: number, high: number): number => low + random() * (high - low);
  const districts = Array.from({ length: districtCount(schools) }, (_, i) => `Район ${String(i + 1).padStart(4, '0')}`);
  // Districts lag by different amounts, so statuses and rankings are spread as in real data.
  const activity = districts.map(() => share(0.3, 1.3));

  const headers = KEYS.map((key) => SCHOOL_COLUMNS.find((def) => def.key === key)?.header ?? key);
  const values: BenchCell[][] = [[TITLE], [], headers];
  for (let i = 0; i < schools; i++) {
    const d = between(0, districts.length - 1);
    const level = activity[d] ?? 1;
    const teachers = between(8, 140);
    const chats = Math.min(teachers, Math.round(teachers * share(0.1, 0.45) * level));
    const three = Math.min(teachers, Math.round(teachers * share(0.02, 0.35) * level));
    const ten = Math.min(three, Math.round(three * share(0.2, 0.8)));
    const called = Math.min(teachers, Math.round(teachers * share(0.05, 0.4) * level));
    const students = teachers * between(8, 16);
    values.push([
      districts[d] ?? '',
      names === 'full' ? `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${i + 1}»` : `МБОУ СОШ № ${i + 1}`,
      students,
      teachers,
      chats,
      three,
      ten,
      called,
      Math.round(teachers * share(0.3, 0.8)),
      Math.round(students * share(0.2, 0.7)),
    ]);
  }
  // Values reach the task pane from Excel as JSON, and every text then is a flat string of its
  // own. A template literal makes a string of joined pieces instead, which V8 reads through an
  // extra indirection; a benchmark on those would time the generator's strings, not a sheet's.
  return { schools, districts, values: JSON.parse(JSON.stringify(values)) as BenchCell[][] };
}
