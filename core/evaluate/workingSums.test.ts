import { borrowSums, releaseSums } from './workingSums';
import { evaluate } from './evaluate';
import { parseSchoolTable } from '../table/schoolTable';
import type { CellValue } from '../values';

const HEADER = ['Район', 'Наименование ОО', 'Учителей всего', 'Учителей, создавших чаты'];

function table(rows: CellValue[][]) {
  const parsed = parseSchoolTable([HEADER, ...rows]);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.table;
}

describe('working sums kept between evaluations', () => {
  test('a borrowed array is all zeros, whatever the last evaluation left in it', () => {
    const first = borrowSums(100);
    first.fill(7);
    releaseSums(first);
    const again = borrowSums(40);
    expect(again).toHaveLength(40);
    expect([...again].every((v) => v === 0)).toBe(true);
    releaseSums(again);
    // The whole array is kept, not the shorter view.
    expect(borrowSums(100)).toHaveLength(100);
  });

  test('a small table evaluated after a big one gets the figures it gets alone', () => {
    const small = table([['Ленинский', 'Школа 1', 10, 4], ['Кировский', 'Школа 2', 20, 5]]);
    const alone = evaluate(small).districts.map((d) => [d.name, d.schools, d.counts.teachers, d.measures.teachersCreatedChats?.share]);
    const big = table(Array.from({ length: 300 }, (_, i) => [`Район ${i % 30}`, `Школа ${i}`, 50, 50]));
    expect(evaluate(big).districts).toHaveLength(30);
    const after = evaluate(small).districts.map((d) => [d.name, d.schools, d.counts.teachers, d.measures.teachersCreatedChats?.share]);
    expect(after).toEqual(alone);
    // Hand-computed: 4 of 10 and 5 of 20.
    expect(after).toEqual(expect.arrayContaining([['Ленинский', 1, 10, 0.4], ['Кировский', 1, 20, 0.25]]));
  });
});
