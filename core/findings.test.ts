/** Where a finding points: column letters both ways, and the order a reader scans a sheet in. */
import { columnIndexOf, columnLetter, sortFindings, type Finding } from './findings';

describe('columnLetter and columnIndexOf', () => {
  it.each([[0, 'A'], [7, 'H'], [25, 'Z'], [26, 'AA'], [27, 'AB'], [51, 'AZ'], [52, 'BA'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']])('%p is column %s, and back', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndexOf(letters)).toBe(index);
  });
  it('reads lower-case letters as a user types them', () => {
    expect(columnIndexOf('ab')).toBe(27);
  });
});

describe('sortFindings', () => {
  const at = (row: number, cell: string): Finding => ({ row, cell, column: '', code: 'aboveBase', severity: 'warning', message: `${cell || 'строка'} ${row}` });

  it('orders by row, then by column as a sheet reads (B before AA), whole-row findings first; the input is left as it was', () => {
    const findings = [at(12, 'AA12'), at(5, 'E5'), at(12, 'B12'), at(12, ''), at(3, 'Z3'), at(12, 'AB12')];
    const copy = [...findings];
    expect(sortFindings(findings).map((f) => f.message)).toEqual(['Z3 3', 'E5 5', 'строка 12', 'B12 12', 'AA12 12', 'AB12 12']);
    expect(findings).toEqual(copy);
  });
});
