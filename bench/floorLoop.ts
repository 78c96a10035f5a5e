/**
 * The floor the core is compared with: one tight loop over the rows that sums the same count
 * columns by district and divides. No header search, no parsing, no findings, no report:
 * the least any code must do to get the district shares.
 */
import { COUNT_KEYS, COUNT_COLUMN, DISTRICT_COLUMN, HEADER_ROW_INDEX, type GeneratedTable } from './generateTable';

export interface FloorResult {
  /** Per district: the sums of the count columns in COUNT_KEYS order, then the number of schools. */
  readonly sums: Map<string, Float64Array>;
  /** Per district: the share of each count over teachers (checks the loop is not optimised away). */
  readonly shares: Map<string, Float64Array>;
}

export function floorLoop(table: GeneratedTable): FloorResult {
  const columns = COUNT_KEYS.map((key) => COUNT_COLUMN[key]);
  const width = columns.length;
  const sums = new Map<string, Float64Array>();
  const values = table.values;
  for (let r = HEADER_ROW_INDEX + 1; r < values.length; r++) {
    const row = values[r] as readonly (string | number | null)[];
    const district = row[DISTRICT_COLUMN] as string;
    let acc = sums.get(district);
    if (!acc) {
      acc = new Float64Array(width + 1);
      sums.set(district, acc);
    }
    for (let j = 0; j < width; j++) {
      const value = row[columns[j] as number];
      if (typeof value === 'number') acc[j] = (acc[j] as number) + value;
    }
    acc[width] = (acc[width] as number) + 1;
  }
  const teachers = COUNT_KEYS.indexOf('teachers');
  const shares = new Map<string, Float64Array>();
  for (const [district, acc] of sums) {
    const base = acc[teachers] as number;
    shares.set(district, acc.map((sum) => (base > 0 ? sum / base : NaN)));
  }
  return { sums, shares };
}
