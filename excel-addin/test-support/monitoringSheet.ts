/**
 * Deterministic weekly monitoring sheets for tests and the benchmark, shaped like the real ones:
 * a title row with the period, an empty row, the official headers, one row per school with
 * long official names (so payload sizes are realistic), counts from a seeded generator.
 */
import type { FakeCell } from './fakeExcel';
import { officialSchoolHeader } from '../../core/catalogue/columns';

export const MONITORING_HEADERS: readonly string[] = (
  [
    'district', 'school', 'id', 'students', 'teachers', 'teachersCreatedChats', 'teachers3Messages', 'teachers10Messages',
    'teachersCalled', 'teachersLinkedDiary', 'studentsLinkedDiary',
  ] as const
).map(officialSchoolHeader);

const DISTRICT_NAMES = [
  'Амурский', 'Аяно-Майский', 'Бикинский', 'Ванинский', 'Верхнебуреинский', 'Вяземский', 'Комсомольский', 'Нанайский',
  'Николаевский', 'Охотский', 'Солнечный', 'Советско-Гаванский', 'Тугуро-Чумиканский', 'Ульчский', 'Хабаровский',
  'Чегдомынский', 'Бурейский', 'Октябрьский', 'Северный', 'Южный', 'Лесной', 'Речной', 'Озёрный', 'Горный', 'Приморский',
  'Заречный', 'Степной', 'Таёжный', 'Луговой', 'Кедровый',
];

/** A small linear congruential generator: the same seed gives the same sheet on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

export interface MonitoringOptions {
  /** Changes the counts (not the schools): week 2 is "last week" of week 1's schools. */
  readonly week?: number;
  readonly districts?: number;
  /** Replaces the first district's name (e.g. with markup that must stay text). */
  readonly firstDistrictName?: string;
}

export function districtName(index: number): string {
  const base = DISTRICT_NAMES[index % DISTRICT_NAMES.length] ?? 'Район';
  const round = Math.floor(index / DISTRICT_NAMES.length);
  return `${base} район${round ? ` ${round + 1}` : ''}`;
}

/** A weekly sheet with `schools` school rows (title row, empty row, header row, data). */
export function monitoringSheet(schools: number, options: MonitoringOptions = {}): FakeCell[][] {
  const districts = options.districts ?? Math.min(30, Math.max(1, Math.ceil(schools / 27)));
  const names = random(7);
  const counts = random(1000 + (options.week ?? 1));
  const rows: FakeCell[][] = [
    ['Мониторинг использования ИКОП «Сферум» за период 15.04.2023–21.04.2023'],
    [],
    [...MONITORING_HEADERS],
  ];
  for (let i = 0; i < schools; i++) {
    const d = i % districts;
    const district = d === 0 && options.firstDistrictName ? options.firstDistrictName : districtName(d);
    const number = 1 + Math.floor(names() * 150);
    const school = `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${number}» (${i + 1})`;
    const teachers = 8 + Math.floor(counts() * 110);
    const students = teachers * (8 + Math.floor(counts() * 10));
    const chats = Math.round(teachers * (0.1 + counts() * 0.5));
    const messages3 = Math.round(teachers * counts() * 0.4);
    const messages10 = Math.round(messages3 * counts());
    const calls = Math.round(teachers * counts() * 0.5);
    const diary = Math.round(teachers * counts());
    const studentsDiary = Math.round(students * counts());
    rows.push([district, school, String(2700000000 + i), students, teachers, chats, messages3, messages10, calls, diary, studentsDiary]);
  }
  return rows;
}

/** A 2.3 plan for the districts of monitoringSheet: how many schools must reach the condition. */
export function planSheet(districts: number): FakeCell[][] {
  const rows: FakeCell[][] = [['Район', 'Всего ОО', 'План: ОО, достигших условия 2.3']];
  for (let d = 0; d < districts; d++) rows.push([districtName(d), 27, 2 + (d % 4)]);
  return rows;
}
