import { DEFAULT_STORED_SETTINGS } from '../core/settings';
import { buildPanelState, jobInput } from './panelState';

const header = ['Район', 'Наименование ОО', 'Учителей всего', 'Учителя, создавшие групповые чаты'];
const values = [
  ['Мониторинг за период 15.04.2023–21.04.2023'],
  header,
  ['Бикинский район', 'СОШ № 1', 40, 10],
  ['Амурский район', 'СОШ № 2', 50, 20],
  ['Амурский район', 'СОШ № 3', 10, 1],
];

test('the panel state of a monitoring sheet: header row, columns by sheet index, sorted districts', () => {
  const state = buildPanelState({ sheets: ['Лист1', 'План'], sheet: { name: 'Лист1', values }, settings: DEFAULT_STORED_SETTINGS });
  expect(state.error).toBeNull();
  expect(state.headerRow).toBe(2);
  expect(state.schools).toBe(3);
  expect(state.districts).toEqual(['Амурский район', 'Бикинский район']);
  expect(state.headers).toEqual(header.map((text, index) => ({ index, text })));
  expect(state.columns.find((c) => c.key === 'teachersCreatedChats')).toEqual({ key: 'teachersCreatedChats', label: 'Учителя, создавшие групповые чаты', required: false, index: 3 });
  expect(state.columns.filter((c) => c.required).map((c) => c.key)).toEqual(['district', 'school', 'teachers']);
});

test('a table missing a required column: the core message, and the headers to fix it with', () => {
  const state = buildPanelState({ sheets: ['Лист1'], sheet: { name: 'Лист1', values: values.map((row) => row.slice(0, 2).concat(row.slice(3))) }, settings: DEFAULT_STORED_SETTINGS });
  expect(state.error).toMatch(/не найдены обязательные столбцы: «Учителей всего»/);
  expect(state.headerRow).toBe(2);
  expect(state.headers.map((h) => h.text)).toEqual(['Район', 'Наименование ОО', 'Учителя, создавшие групповые чаты']);
  expect(state.columns.find((c) => c.key === 'teachers')?.index).toBeNull();
});

test('a header with no school under it: the message the report would give, not just «школ: 0»; the headers stay offered', () => {
  const state = buildPanelState({ sheets: ['Лист1'], sheet: { name: 'Лист1', values: values.slice(0, 2) }, settings: DEFAULT_STORED_SETTINGS });
  expect(state.error).toBe('в таблице нет ни одной строки с данными под заголовком (строка 2)');
  expect(state.headers.map((h) => h.text)).toEqual(header);
});

test('the saved mapping corrects recognition (by sheet column index)', () => {
  const state = buildPanelState({ sheets: ['Лист1'], sheet: { name: 'Лист1', values }, settings: { ...DEFAULT_STORED_SETTINGS, mapping: { teachers: 3, teachersCreatedChats: 2 } } });
  expect(state.columns.find((c) => c.key === 'teachers')?.index).toBe(3);
  expect(state.columns.find((c) => c.key === 'teachersCreatedChats')?.index).toBe(2);
});

test('jobInput: sheets from A1, the request settings, and never last week = this week', () => {
  const request = { sheet: 'Лист1', district: 'Амурский район', settings: { ...DEFAULT_STORED_SETTINGS, tolerance: 0.1, previousSheet: 'Лист1' } };
  const input = jobInput(request, { current: { name: 'Лист1', values }, previous: { name: 'Лист1', values } });
  expect(input.current).toEqual({ values, firstRow: 1, firstColumn: 0, name: 'Лист1' });
  expect(input.previous).toBeUndefined();
  expect(input.settings).toEqual({ targets: DEFAULT_STORED_SETTINGS.targets, tolerance: 0.1, teacherBase: 'teachers' });
  expect(input.district).toBe('Амурский район');
  expect(input.mapping).toBeUndefined();
});

test('a header of two rows, «Район» and «Наименование ОО» merged down both: the panel lists them with the sub-headers', () => {
  const twoRows = [
    ['Мониторинг за период 15.04.2023–21.04.2023'],
    ['Район', 'Наименование ОО', 'Учителя', null],
    [null, null, 'Учителей всего', 'Учителя, создавшие групповые чаты'],
    ['Амурский район', 'СОШ № 2', 50, 20],
  ];
  const state = buildPanelState({ sheets: ['Лист1'], sheet: { name: 'Лист1', values: twoRows }, settings: DEFAULT_STORED_SETTINGS });
  expect(state.error).toBeNull();
  expect(state.headerRow).toBe(3);
  expect(state.headers).toEqual(header.map((text, index) => ({ index, text })));
  expect(state.districts).toEqual(['Амурский район']);
});
