import { formatNumber, formatPercent, formatPoints, formatTolerance, roundShare } from './format';

const NBSP = '\u00a0';

describe('formatPercent: the published figures of DOMAIN.md come out of their raw counts', () => {
  it.each([
    [617, 636, '97,01%'],
    [617, 626, '98,56%'],
    [618, 626, '98,72%'],
    [237466, 312014, '76,11%'],
    [237474, 309292, '76,78%'],
    [237564, 309292, '76,81%'],
    [11869, 148870, '7,97%'],
    [7591, 10851, '69,96%'],
    [38, 385, '9,87%'],
  ])('%p of %p is %s', (part, base, expected) => {
    expect(formatPercent(part / base)).toBe(expected);
  });

  it('rounds a true half up (0,125 → 12,50%; 0,97015 → 97,02%)', () => {
    expect(formatPercent(0.125)).toBe('12,50%');
    expect(formatPercent(0.97015)).toBe('97,02%');
    // × 100 lands a hair below the half in binary (0.00145 × 100 = 0.14499999999999999): still up.
    expect(formatPercent(0.00145)).toBe('0,15%');
    expect(formatPercent(0.00565)).toBe('0,57%');
    expect(formatNumber(1.255, 2)).toBe('1,26');
  });

  it('shows missing shares as a dash', () => {
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatNumber', () => {
  it('groups thousands with a no-break space and uses a decimal comma', () => {
    expect(formatNumber(17218)).toBe(`17${NBSP}218`);
    expect(formatNumber(312014)).toBe(`312${NBSP}014`);
    expect(formatNumber(1234.5, 1)).toBe(`1${NBSP}234,5`);
    expect(formatNumber(-5)).toBe('−5');
  });
});

describe('formatPoints', () => {
  it('signs the change in percentage points', () => {
    expect(formatPoints(1.25)).toBe('+1,25 п.п.');
    expect(formatPoints(-0.5)).toBe('−0,50 п.п.');
    expect(formatPoints(0)).toBe('0,00 п.п.');
    expect(formatPoints(null)).toBe('—');
    // A change that rounds to nothing has no sign either way.
    expect(formatPoints(0.004)).toBe('0,00 п.п.');
    expect(formatPoints(-0.004)).toBe('0,00 п.п.');
    expect(formatPoints(0.005)).toBe('+0,01 п.п.');
  });
});

describe('formatTolerance', () => {
  it('writes the tolerance in percentage points, a half point as such', () => {
    expect(formatTolerance(0.05)).toBe('5 п.п.');
    expect(formatTolerance(0.005)).toBe('0,5 п.п.');
    expect(formatTolerance(0.025)).toBe('2,5 п.п.');
    expect(formatTolerance(0)).toBe('0 п.п.');
  });
});

describe('roundShare', () => {
  it('rounds to the displayed precision', () => {
    expect(roundShare(617 / 636)).toBe(0.9701);
    expect(roundShare(38 / 385)).toBe(0.0987);
  });
});
