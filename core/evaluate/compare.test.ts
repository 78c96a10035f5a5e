import { weeklySheet } from '../../test/fixtures/weekly';
import { parseSchoolTable } from '../table/schoolTable';
import type { CellValue } from '../values';
import { compareWeeks } from './compare';
import { evaluate } from './evaluate';

const evaluated = (rows: Record<string, CellValue>[]) => {
  const parsed = parseSchoolTable(weeklySheet(rows));
  if (!parsed.ok) throw new Error(parsed.error);
  return evaluate(parsed.table);
};

describe('compareWeeks', () => {
  const previous = evaluated([
    { district: 'Амурский район', school: 'СОШ № 1', id: '111', teachers: 100, teachersCreatedChats: 30 },
    { district: 'Амурский район', school: 'СОШ № 2', teachers: 50, teachersCreatedChats: 10 },
    { district: 'Амурский район', school: 'Закрытая школа', teachers: 10, teachersCreatedChats: 1 },
  ]);
  const current = evaluated([
    // Renamed this week, but the ИНН is the same.
    { district: 'Амурский район', school: 'МБОУ СОШ № 1 им. Ленина', id: '111', teachers: 100, teachersCreatedChats: 35 },
    { district: 'амурский район', school: 'сош № 2', teachers: 50, teachersCreatedChats: 9 },
    { district: 'Амурский район', school: 'Новая школа', teachers: 20, teachersCreatedChats: 2 },
  ]);
  const comparison = compareWeeks(current, previous);

  it('matches by ИНН first, then by district and normalised name', () => {
    expect(comparison.schools.map((s) => [s.current.record.school, s.previous.record.school, s.matchedBy])).toEqual([
      ['МБОУ СОШ № 1 им. Ленина', 'СОШ № 1', 'id'],
      ['сош № 2', 'СОШ № 2', 'name'],
    ]);
  });

  it('gives changes in percentage points', () => {
    expect(comparison.schools.map((s) => s.changes.teachersCreatedChats)).toEqual([5, -2]);
    // District: 46/170 now, 41/160 before.
    expect(comparison.districts[0]?.changes.teachersCreatedChats).toBeCloseTo((46 / 170 - 41 / 160) * 100, 8);
    expect(comparison.region.changes.teachersCreatedChats).toBeCloseTo((46 / 170 - 41 / 160) * 100, 8);
  });

  it('lists schools that appeared (this week\'s row) and disappeared (last week\'s row)', () => {
    expect(comparison.appeared).toEqual([{ row: 6, district: 'Амурский район', school: 'Новая школа' }]);
    expect(comparison.disappeared).toEqual([{ row: 6, district: 'Амурский район', school: 'Закрытая школа' }]);
  });

  it('matches an ИНН written with spaces in one week and without in the other', () => {
    const spaced = evaluated([{ district: 'Амурский район', school: 'Лицей', id: '2706 001 234', teachers: 10, teachersCreatedChats: 1 }]);
    const plain = evaluated([{ district: 'Амурский район', school: 'МАОУ Лицей № 1', id: '2706001234', teachers: 10, teachersCreatedChats: 3 }]);
    const matched = compareWeeks(plain, spaced);
    expect(matched.schools.map((s) => [s.matchedBy, s.changes.teachersCreatedChats])).toEqual([['id', 20]]);
    expect([matched.appeared, matched.disappeared]).toEqual([[], []]);
  });

  it('matches last week\'s school once: a second school taking its old name this week is new', () => {
    // СОШ № 1 (ИНН 111) was renamed «Гимназия № 1»; a school without an ИНН now bears the old name.
    const before = evaluated([{ district: 'Амурский район', school: 'СОШ № 1', id: '111', teachers: 10, teachersCreatedChats: 1 }]);
    const now = evaluated([
      { district: 'Амурский район', school: 'Гимназия № 1', id: '111', teachers: 10, teachersCreatedChats: 2 },
      { district: 'Амурский район', school: 'СОШ № 1', teachers: 30, teachersCreatedChats: 3 },
    ]);
    const result = compareWeeks(now, before);
    expect(result.schools.map((s) => [s.current.record.school, s.previous.record.school, s.matchedBy])).toEqual([['Гимназия № 1', 'СОШ № 1', 'id']]);
    expect(result.appeared).toEqual([{ row: 5, district: 'Амурский район', school: 'СОШ № 1' }]);
    expect(result.disappeared).toEqual([]);
  });

  it('gives a district no change when it was not in last week\'s sheet', () => {
    const before = evaluated([{ district: 'Бикинский район', school: 'СОШ № 7', teachers: 10, teachersCreatedChats: 1 }]);
    const result = compareWeeks(current, before);
    expect(result.districts.map((d) => [d.name, d.previous, d.changes.teachersCreatedChats])).toEqual([['Амурский район', null, null]]);
  });

  it('gives no change where a week has no data', () => {
    const empty = evaluated([{ district: 'Амурский район', school: 'СОШ № 2', teachers: 50 }]);
    expect(compareWeeks(current, empty).schools[0]?.changes.teachersCreatedChats).toBeNull();
  });
});
