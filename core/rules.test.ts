import {
  changeInPoints, gapInPeople, isProfileActive, isShareInCount, meetsAccess50, meetsTarget, nearFrom, ratio, share, statusCodeOf, statusOf, STATUS_BY_CODE,
} from './rules';

describe('share', () => {
  it('divides the part by the base', () => {
    expect(share(617, 636)).toBeCloseTo(0.970125786, 9);
    expect(share(18013, 17218)).toBeCloseTo(1.04617261, 8);
  });
  it('is null for a zero base', () => {
    expect(share(5, 0)).toBeNull();
  });
});

describe('statusOf', () => {
  it('meets the target exactly at the target', () => {
    expect(statusOf(35 / 100, 0.35)).toBe('выполнено');
    expect(statusOf(7 / 20, 0.35)).toBe('выполнено');
  });
  it('is «близко» within the tolerance below the target, boundary included', () => {
    expect(statusOf(0.33, 0.35)).toBe('близко');
    expect(statusOf(30 / 100, 0.35)).toBe('близко');
    expect(statusOf(0.2999, 0.35)).toBe('отстаёт');
  });
  it('uses the given tolerance', () => {
    expect(statusOf(0.33, 0.35, 0.01)).toBe('отстаёт');
    expect(statusOf(0.34, 0.35, 0.01)).toBe('близко');
  });
  it('is «нет данных» without a share', () => {
    expect(statusOf(null, 0.35)).toBe('нет данных');
    expect(statusOf(Number.NaN, 0.35)).toBe('нет данных');
  });
  it('meetsTarget agrees with the status', () => {
    expect(meetsTarget(0.25, 0.25)).toBe(true);
    expect(meetsTarget(0.2499, 0.25)).toBe(false);
  });
});

describe('nearFrom (the red/yellow boundary written into spreadsheet rules)', () => {
  it('is the target less the tolerance, without binary noise', () => {
    // 0.35 − 0.1 is 0.24999999999999997 and 0.35 − 0.01 is 0.33999999999999997 in binary:
    // a rule written with those would print the noise into the user's sheet.
    expect(nearFrom(0.35, 0.1)).toBe(0.25);
    expect(nearFrom(0.35, 0.01)).toBe(0.34);
    expect(nearFrom(0.25)).toBe(0.2);
  });
  it('never goes below zero (a tolerance wider than the target)', () => {
    expect(nearFrom(0.03, 0.05)).toBe(0);
    expect(nearFrom(0, 0.05)).toBe(0);
  });
});

describe('statusCodeOf', () => {
  it('gives the code of each status, indexing STATUS_BY_CODE', () => {
    expect([0.35, 0.31, 0.1, Number.NaN, Number.POSITIVE_INFINITY].map((v) => STATUS_BY_CODE[statusCodeOf(v, 0.35)])).toEqual([
      'выполнено', 'близко', 'отстаёт', 'нет данных', 'нет данных',
    ]);
  });
});

describe('ratio', () => {
  it('divides, and is NaN (not Infinity) for a zero base', () => {
    expect(ratio(41, 110)).toBe(41 / 110);
    expect(ratio(5, 0)).toBeNaN();
    expect(ratio(0, 0)).toBeNaN();
  });
});

describe('isShareInCount', () => {
  it('takes a percentage, or a number strictly between 0 and 1, as a share; 0, 1 and whole counts as counts', () => {
    expect(isShareInCount(0.25, false)).toBe(true);
    expect(isShareInCount(0.999, false)).toBe(true);
    expect(isShareInCount(25, true)).toBe(true);
    expect(isShareInCount(0, false)).toBe(false);
    expect(isShareInCount(1, false)).toBe(false);
    expect(isShareInCount(12, false)).toBe(false);
  });
});

describe('gapInPeople', () => {
  it.each([
    [25, 100, 0.25, 0],
    [35, 100, 0.35, 0],
    [34, 100, 0.35, 1],
    [20, 100, 0.25, 5],
    [0, 7, 0.35, 3], // 2.45 people → 3
    [29, 100, 0.29, 0], // 0.29 × 100 = 28.999999999999996 in binary
    [0, 3, 1, 3],
    [50, 100, 0.35, 0],
    [41, 110, 0.35, 0], // 38.5 needed, 41 there
    [38, 110, 0.35, 1],
  ])('%p of %p at %p needs %p more', (part, base, target, expected) => {
    expect(gapInPeople(part, base, target)).toBe(expected);
  });
  it('needs nobody when a part taken from «29%» of 100 teachers is 28.999999999999996 in binary', () => {
    // A percentage in a count cell becomes share × base; the target is met exactly.
    expect(0.29 * 100).toBeLessThan(29);
    expect(gapInPeople(0.29 * 100, 100, 0.29)).toBe(0);
    expect(gapInPeople(0.35 * 20, 20, 0.35)).toBe(0);
  });
  it('needs nobody for a target of 0 or a base of 0', () => {
    expect(gapInPeople(0, 40, 0)).toBe(0);
    expect(gapInPeople(0, 0, 0.35)).toBe(0);
  });
});

describe('isProfileActive', () => {
  it('needs more than two users and at least one class', () => {
    expect(isProfileActive(3, 1)).toBe(true);
    expect(isProfileActive(2, 1)).toBe(false);
    expect(isProfileActive(3, 0)).toBe(false);
    expect(isProfileActive(120, 14)).toBe(true);
  });
});

describe('meetsAccess50', () => {
  it('needs at least 50 % of both teachers and students', () => {
    expect(meetsAccess50(0.5, 0.5)).toBe(true);
    expect(meetsAccess50(14 / 28, 193 / 386)).toBe(true);
    expect(meetsAccess50(0.4999, 0.9)).toBe(false);
    expect(meetsAccess50(0.9, 0.4999)).toBe(false);
  });
});

describe('changeInPoints', () => {
  it('is the difference in percentage points, free of binary noise', () => {
    expect(changeInPoints(0.3, 0.1)).toBe(20);
    expect(changeInPoints(0.9856, 0.9701)).toBe(1.55);
    expect(changeInPoints(0.1, 0.3)).toBe(-20);
  });
});
