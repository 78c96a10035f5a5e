import { pageCost } from './pageCost';
import { median, medianTime, medianTimesInTurn, pagesMapped, partsInTurn } from './timing';

describe('median', () => {
  test('middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('medianTime', () => {
  test('calls the job warm-up plus timed times and returns the last result', () => {
    let calls = 0;
    const timed = medianTime(() => ++calls, 5, 3);
    expect(calls).toBe(8);
    expect(timed.result).toBe(8);
    expect(timed.ms).toBeGreaterThanOrEqual(0);
  });
});

describe('medianTimesInTurn', () => {
  test('runs the jobs in turn, round by round, each as many times a round as asked', () => {
    const log: string[] = [];
    const [a, b, c] = medianTimesInTurn(
      [{ fn: () => log.push('a'), perRound: 2 }, { fn: () => log.push('b'), perRound: 1 }, { fn: () => log.push('c'), perRound: 1 }],
      2,
      1,
    );
    expect(log.join('')).toBe('aabc'.repeat(3));
    expect(a.result).toBe(10); // log.push returns the new length: the 10th entry of «aabcaabcaabc»
    expect(b.result).toBe(11);
    expect(c.result).toBe(12);
  });

  test('times each job on its own: a slow job does not slow the other one down in the figures', () => {
    const busy = (ms: number): number => {
      const end = performance.now() + ms;
      let spins = 0;
      while (performance.now() < end) spins++;
      return spins;
    };
    const [fast, slow] = medianTimesInTurn([{ fn: () => busy(1), perRound: 3 }, { fn: () => busy(20), perRound: 1 }], 3, 0);
    expect(fast.ms).toBeGreaterThanOrEqual(1);
    expect(fast.ms).toBeLessThan(slow.ms);
    expect(slow.ms).toBeGreaterThanOrEqual(20);
  });
});

describe('partsInTurn', () => {
  test('runs the floor and the parts in turn and gives the median of each part over the timed rounds', () => {
    const log: string[] = [];
    let round = 0;
    const result = partsInTurn({ fn: () => log.push('f'), perRound: 2 }, () => {
      log.push('p');
      round++;
      return [round, 10 * round];
    }, 3, 2);
    expect(log.join('')).toBe('ffp'.repeat(5));
    // Rounds 3, 4 and 5 are timed: medians 4 and 40.
    expect(result.partsMs).toEqual([4, 40]);
    expect(result.floorMs).toBeGreaterThanOrEqual(0);
  });
});

// Linux counts the pages a process is given; where a system does not, the bench prints «не измерено».
const linux = process.platform === 'linux' ? describe : describe.skip;

linux('new pages of memory', () => {
  // 40 MB is above the size glibc serves from memory it already holds: every page is new.
  const touchFresh = (): number => {
    const buffer = new Uint8Array(40 * 2 ** 20);
    for (let at = 0; at < buffer.length; at += 4096) buffer[at] = 1;
    return buffer[4096] as number;
  };

  test('pagesMapped grows by about a page per 4 KB first touched', () => {
    const before = pagesMapped();
    touchFresh();
    expect(pagesMapped() - before).toBeGreaterThanOrEqual(10_240 * 0.9);
  });

  test('each job gets the median of the new pages of its timed calls: fresh memory counts, none does not', () => {
    const [fresh, none] = medianTimesInTurn([{ fn: touchFresh, perRound: 1 }, { fn: () => 1 + 1, perRound: 1 }], 3, 1);
    expect(fresh.pages).toBeGreaterThanOrEqual(10_240 * 0.9);
    expect(none.pages).toBeLessThan(100);
  });

  test('pageCost times fresh pages and counts them', () => {
    // Its own 40 MB: a smaller buffer may be served from memory this process already has.
    const cost = pageCost(2);
    expect(cost?.pages).toBeGreaterThanOrEqual(10_240 * 0.9);
    expect(cost?.micros).toBeGreaterThan(0);
  });
});
