import { weeklySheet } from '../../test/fixtures/weekly';
import { runJob } from '../pipeline';
import type { CellValue } from '../values';
import { emptyDistrictSpan, fillMergedCells, mergedAreaOf } from './merges';
import { parseSchoolTable } from './schoolTable';

/** Deeply frozen, so a test fails if the user's values are written to. */
function frozen(values: CellValue[][]): readonly (readonly CellValue[])[] {
  return Object.freeze(values.map((row) => Object.freeze(row)));
}

// Rows 4–8: two districts, each name merged down its schools' rows (A4:A6, A7:A8), as Excel
// and Google Sheets hand them over: the name in the top row only.
const merged = frozen(weeklySheet([
  { district: 'Амурский район', school: 'СОШ № 1', teachers: 100, teachersCreatedChats: 40 },
  { school: 'СОШ № 2', teachers: 50, teachersCreatedChats: 10 },
  { school: 'СОШ № 3', teachers: 10, teachersCreatedChats: 9 },
  { district: 'Бикинский район', school: 'СОШ № 4', teachers: 20, teachersCreatedChats: 2 },
  { school: 'СОШ № 5', teachers: 30, teachersCreatedChats: 3 },
]));
const areas = [
  { row: 4, column: 0, rows: 3, columns: 1 },
  { row: 7, column: 0, rows: 2, columns: 1 },
];

describe('fillMergedCells', () => {
  it('repeats a merged district down its rows, in copies of those rows only', () => {
    const filled = fillMergedCells(merged, areas);
    expect(filled.slice(3).map((row) => row[0])).toEqual(['Амурский район', 'Амурский район', 'Амурский район', 'Бикинский район', 'Бикинский район']);
    // The user's rows are untouched; rows no merge reaches are the same objects.
    expect(merged[4]?.[0]).toBeNull();
    expect(filled[3]).toBe(merged[3]);
    expect(filled[4]).not.toBe(merged[4]);
    expect(filled[4]?.slice(1)).toEqual(merged[4]?.slice(1));
    expect(fillMergedCells(merged, [])).toBe(merged);
  });

  it('repeats only text, down the first column: a number counts once, a title merged across columns adds nothing', () => {
    const values = frozen([
      ['Мониторинг', null, null],
      ['Район', 'ОО', 'Учителей всего'],
      ['Амурский район', 'СОШ № 1', 40],
      [null, 'СОШ № 2', null],
    ]);
    const filled = fillMergedCells(values, [
      { row: 1, column: 0, rows: 1, columns: 3 },
      { row: 3, column: 0, rows: 2, columns: 1 },
      { row: 3, column: 2, rows: 2, columns: 1 },
    ]);
    expect(filled).toEqual([
      ['Мониторинг', null, null],
      ['Район', 'ОО', 'Учителей всего'],
      ['Амурский район', 'СОШ № 1', 40],
      ['Амурский район', 'СОШ № 2', null],
    ]);
  });

  it('a merge left empty stays empty, not the district above\'s; a merge returned twice fills the same', () => {
    const values = frozen([['Северный'], [null], ['Южный'], [null], [null], [null]]);
    const filled = fillMergedCells(values, [
      { row: 1, column: 0, rows: 2, columns: 1 },
      { row: 3, column: 0, rows: 2, columns: 1 },
      { row: 3, column: 0, rows: 2, columns: 1 },
      { row: 5, column: 0, rows: 2, columns: 1 },
    ]);
    expect(filled.map((row) => row[0])).toEqual(['Северный', 'Северный', 'Южный', 'Южный', null, null]);
  });

  it('places areas by sheet row and column when the values start further in', () => {
    // values[0][0] is sheet cell C10.
    const values = frozen([['Амурский район', 'СОШ № 1'], [null, 'СОШ № 2']]);
    const filled = fillMergedCells(values, [{ row: 10, column: 2, rows: 2, columns: 1 }, { row: 40, column: 2, rows: 2, columns: 1 }], 10, 2);
    expect(filled.map((row) => row[0])).toEqual(['Амурский район', 'Амурский район']);
  });
});

/** Districts in name order (the report ranks them by attainment). */
function byName<T extends { readonly name: string }>(districts: readonly T[]): T[] {
  return [...districts].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

describe('merged district cells through the whole job', () => {
  it('says where the empty district cells are, and with the merges filled counts each school in its district', () => {
    const first = runJob({ current: { values: merged } });
    if (!first.ok) throw new Error(first.error);
    // Read as the hosts read it: three schools under «Район не указан».
    expect(byName(first.evaluation.districts).map((d) => [d.name, d.schools])).toEqual([['Амурский район', 1], ['Бикинский район', 1], ['Район не указан', 3]]);
    expect(first.districtGaps).toEqual({ current: { column: 0, fromRow: 4, toRow: 8 }, previous: null });

    const filled = runJob({ current: { values: fillMergedCells(merged, areas) }, previous: { values: merged } });
    if (!filled.ok) throw new Error(filled.error);
    expect(byName(filled.evaluation.districts).map((d) => [d.name, d.schools, d.counts.teachers])).toEqual([['Амурский район', 3, 160], ['Бикинский район', 2, 50]]);
    expect(filled.evaluation.table.findings.filter((f) => f.code === 'missingDistrict')).toEqual([]);
    expect(filled.districtGaps).toEqual({ current: null, previous: { column: 0, fromRow: 4, toRow: 8 } });
  });

  it('the span is null when every school names its district, and is in sheet columns when the table starts further right', () => {
    const plain = parseSchoolTable(weeklySheet([{ district: 'Амурский район', school: 'СОШ № 1', teachers: 1 }]));
    expect(plain.ok && emptyDistrictSpan(plain.table)).toBeNull();
    const shifted = parseSchoolTable(merged.map((row) => [null, ...row]), { firstRow: 1, firstColumn: 3 });
    expect(shifted.ok && emptyDistrictSpan(shifted.table)).toEqual({ column: 4, fromRow: 4, toRow: 8 });
  });
});

describe('mergedAreaOf', () => {
  it('reads an A1 range into sheet row, zero-based column and size', () => {
    expect(mergedAreaOf('A4:A9')).toEqual({ row: 4, column: 0, rows: 6, columns: 1 });
    expect(mergedAreaOf('$AB$10:$AC$11')).toEqual({ row: 10, column: 27, rows: 2, columns: 2 });
    expect(mergedAreaOf('C7')).toEqual({ row: 7, column: 2, rows: 1, columns: 1 });
    expect(mergedAreaOf('Лист1!A4:A9')).toBeNull();
  });
});
