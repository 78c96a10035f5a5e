/**
 * A weekly monitoring sheet of any size for tests and the benchmark: a title row with the
 * period, the official headers (from the core catalogue), a fixed set of districts and
 * deterministic numbers, some of them written as Russian text («1 234»).
 */
import { SCHOOL_COLUMNS, type SchoolColumnKey } from '../../core';
import type { Cell } from './fakeSpreadsheetApp';

const KEYS: readonly SchoolColumnKey[] = [
  'district', 'school', 'id', 'status', 'teachers', 'teachersCreatedChats', 'teachers3Messages', 'teachers10Messages',
  'teachersCalled', 'students', 'usersLinked', 'classesCreated', 'staffTotal', 'studentsTotal',
];

export const DISTRICTS = 30;

export function districtName(index: number): string {
  return `Район ${String(index + 1).padStart(2, '0')}`;
}

export interface MonitoringOptions {
  readonly seed?: number;
  /** Last week's numbers are a little lower: shares drop by about this many of every hundred teachers. */
  readonly lower?: number;
  readonly period?: string;
}

/** Header of the generated sheet, for tests that look columns up. */
export function monitoringHeaders(): string[] {
  return KEYS.map((key) => SCHOOL_COLUMNS.find((def) => def.key === key)?.header ?? key);
}

export function monitoringSheet(rows: number, options: MonitoringOptions = {}): Cell[][] {
  let state = options.seed ?? 20230421;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const between = (low: number, high: number): number => low + Math.floor(next() * (high - low + 1));
  const lower = options.lower ?? 0;
  const title = `Мониторинг использования «Сферума» за период ${options.period ?? '15.04.2023–21.04.2023'}`;
  const values: Cell[][] = [[title], monitoringHeaders()];
  for (let i = 0; i < rows; i++) {
    const teachers = between(8, 120);
    const share = (low: number, high: number): number => Math.max(0, Math.round((teachers * (between(low, high) - lower)) / 100));
    const students = between(60, 1500);
    const users = between(0, 40);
    const row: Record<SchoolColumnKey, Cell> = {
      district: districtName(i % DISTRICTS),
      school: `МБОУ СОШ № ${i + 1}`,
      id: String(2600000000 + i),
      status: users > 2 ? 'Активен' : 'Не активен',
      teachers,
      teachersCreatedChats: share(10, 60),
      teachers3Messages: share(5, 45),
      teachers10Messages: share(2, 40),
      teachersCalled: share(5, 50),
      // Every seventh count arrives as Russian text with a no-break space, as in mailed sheets.
      students: i % 7 === 3 ? students.toLocaleString('ru-RU') : students,
      usersLinked: users,
      classesCreated: between(0, 12),
      staffTotal: teachers + between(0, 15),
      studentsTotal: students + between(0, 200),
      teachersLinkedDiary: '',
      studentsLinkedDiary: '',
    };
    values.push(KEYS.map((key) => row[key]));
  }
  return values;
}
