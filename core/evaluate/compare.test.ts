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

  it('gives no change where a week has no data', () => {
    const empty = evaluated([{ district: 'Амурский район', school: 'СОШ № 2', teachers: 50 }]);
    expect(compareWeeks(current, empty).schools[0]?.changes.teachersCreatedChats).toBeNull();
  });
});
