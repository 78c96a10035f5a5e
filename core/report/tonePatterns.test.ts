import { TonePatterns } from './tonePatterns';

describe('the tones of a sheet\'s rows', () => {
  it('gives each row its tones, cell by cell, with none where no tone was set', () => {
    const tones = new TonePatterns();
    tones.set(1, 'bad');
    tones.set(3, 'good');
    expect(tones.take(5)).toEqual([null, 'bad', null, 'good', null]);
    tones.set(0, 'near');
    // The next row starts with no tones: nothing of the last one is carried over.
    expect(tones.take(4)).toEqual(['near', null, null, null]);
    expect(tones.take(2)).toEqual([null, null]);
  });

  it('hands rows whose tones are alike one frozen array, and rows that differ their own', () => {
    const tones = new TonePatterns();
    const row = (bad: number, width: number) => {
      tones.set(bad, 'bad');
      return tones.take(width);
    };
    const first = row(2, 4);
    const alike = row(2, 4);
    expect(alike).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // Same tones but one cell longer, or a tone one cell on: another pattern.
    expect(row(2, 5)).not.toBe(first);
    expect(row(3, 4)).toEqual([null, null, null, 'bad']);
    expect(row(2, 4)).toBe(first);
  });

  it('takes rows wider than its first guess of a row', () => {
    const tones = new TonePatterns();
    tones.set(40, 'good');
    tones.set(2, 'near');
    const wide = tones.take(42);
    expect(wide).toHaveLength(42);
    expect([wide[2], wide[40], wide[41], wide[39]]).toEqual(['near', 'good', null, null]);
  });
});

describe('a sheet whose rows share tones', () => {
  it('is not a sheet whose rows can be recoloured through another row', () => {
    const tones = new TonePatterns();
    tones.set(0, 'bad');
    const row = tones.take(1) as (string | null)[];
    expect(() => {
      row[0] = 'good';
    }).toThrow(TypeError);
  });
});
