/** addedToByUser: what tells the user's additions on a report sheet from the report itself. */
import { addedToByUser } from './writtenExtent';

const written = { rows: 9, columns: 12, charts: 1 };

describe('addedToByUser', () => {
  test('the report as written, or less of it (a failed run, a cleared cell), is not an addition', () => {
    expect(addedToByUser(written, { rows: 9, columns: 12, charts: 1 })).toBe(false);
    expect(addedToByUser(written, { rows: 4, columns: 3, charts: 0 })).toBe(false);
    expect(addedToByUser(written, { rows: 0, columns: 0, charts: 0 })).toBe(false);
  });

  test('a value one row below or one column right of the block, or one more chart, is', () => {
    expect(addedToByUser(written, { rows: 10, columns: 12, charts: 1 })).toBe(true);
    expect(addedToByUser(written, { rows: 9, columns: 13, charts: 1 })).toBe(true);
    expect(addedToByUser(written, { rows: 9, columns: 12, charts: 2 })).toBe(true);
    expect(addedToByUser({ rows: 9, columns: 12, charts: 0 }, { rows: 9, columns: 12, charts: 1 })).toBe(true);
  });

  test('a sheet recorded without an extent (an older version), or not read, is not checked', () => {
    expect(addedToByUser(undefined, { rows: 500, columns: 40, charts: 3 })).toBe(false);
    expect(addedToByUser(written, undefined)).toBe(false);
  });
});
