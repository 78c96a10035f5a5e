import { DESKTOP_PAYLOAD_BUDGET, jsonBytes, PAYLOAD_BUDGET, PAYLOAD_LIMIT, payloadBudgetFor, rowBlocks } from './payload';

describe('payloadBudgetFor', () => {
  it('plans for the 5 MB limit on the web, on mobile and when the platform is unknown; for one batch in desktop Excel', () => {
    expect(payloadBudgetFor('OfficeOnline')).toBe(PAYLOAD_BUDGET);
    expect(payloadBudgetFor('iOS')).toBe(PAYLOAD_BUDGET);
    expect(payloadBudgetFor(undefined)).toBe(PAYLOAD_BUDGET);
    expect(payloadBudgetFor('PC')).toBe(DESKTOP_PAYLOAD_BUDGET);
    expect(payloadBudgetFor('Mac')).toBe(DESKTOP_PAYLOAD_BUDGET);
    expect(PAYLOAD_BUDGET).toBeLessThan(PAYLOAD_LIMIT);
  });
});

describe('rowBlocks', () => {
  test('cuts rows into consecutive blocks under the budget', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [i, 'x'.repeat(8)]);
    const blocks = rowBlocks(rows, jsonBytes, 50);
    expect(blocks.map((b) => b.start)).toEqual([0, 3, 6, 9]);
    expect(blocks.flatMap((b) => b.rows)).toEqual(rows);
    for (const block of blocks) expect(block.bytes).toBeLessThanOrEqual(50);
  });
  test('a row larger than the budget still gets a block of its own', () => {
    const blocks = rowBlocks([['a'], ['b'.repeat(100)], ['c']], jsonBytes, 20);
    expect(blocks.map((b) => b.rows.length)).toEqual([1, 1, 1]);
  });
  test('sizes are UTF-8 bytes: Cyrillic counts twice', () => {
    expect(jsonBytes(['ая'])).toBe(8);
  });
});
