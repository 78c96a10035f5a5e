/**
 * A second yardstick beside the floor: the least work core's own requirements ask of every row,
 * in one loop written for speed alone. On top of the floor's sums it checks each count (a whole
 * non-negative number, else a gap), reads each school's name into the hash that finds repeated
 * schools (core's scanName, character by character), compares the hashes as core does (repeatedHashes), and
 * tells each school's status on each targeted indicator (core's thresholds) to count the schools
 * meeting each target and the lagging schools of each district. No findings, no stored rows, no
 * ranking, no report: whatever core spends beyond this goes on those.
 */
import { DEFAULT_SETTINGS, laggingBelow, metFrom, ratio, SCHOOL_INDICATORS, type SchoolIndicatorKey } from '../core';
import { districtSeed, repeatedHashes, scanName, type NameScan } from '../core/nameKey';
import { COUNT_COLUMN, COUNT_KEYS, DISTRICT_COLUMN, HEADER_ROW_INDEX, type GeneratedTable } from './generateTable';

/** The school's name, after «Район». */
const SCHOOL_COLUMN = DISTRICT_COLUMN + 1;

/** Indicators with a default target whose two columns the generated table has. */
const TARGETED = SCHOOL_INDICATORS.flatMap((def) => {
  const target = DEFAULT_SETTINGS.targets[def.key];
  const part = COUNT_KEYS.indexOf(def.numerator);
  const base = COUNT_KEYS.indexOf(def.base);
  return target === null || target === undefined || part < 0 || base < 0 ? [] : [{ key: def.key, part, base, target }];
});

export interface LeastWorkResult {
  /** Per district: the count sums in COUNT_KEYS order, then the number of schools. */
  readonly sums: Map<string, Float64Array>;
  /** Per district: schools meeting each targeted indicator's target, in `indicators` order. */
  readonly meeting: Map<string, Float64Array>;
  readonly lagging: Map<string, number>;
  readonly indicators: readonly SchoolIndicatorKey[];
  /** Rows whose district and name hash met an earlier row's (repeated schools, or rare collisions). */
  readonly repeats: number;
}

export function leastWork(table: GeneratedTable, tolerance = DEFAULT_SETTINGS.tolerance): LeastWorkResult {
  const values = table.values;
  const width = COUNT_KEYS.length;
  const indicators = TARGETED.length;
  // Per district, one block: the counts, the number of schools, schools meeting each target, lagging schools.
  const stride = width + 1 + indicators + 1;
  const cells = Int32Array.from(COUNT_KEYS, (key) => COUNT_COLUMN[key]);
  const parts = Int32Array.from(TARGETED, (t) => t.part);
  const bases = Int32Array.from(TARGETED, (t) => t.base);
  const met = Float64Array.from(TARGETED, (t) => metFrom(t.target));
  const lags = Float64Array.from(TARGETED, (t) => laggingBelow(t.target, tolerance));
  const rows = Math.max(0, values.length - HEADER_ROW_INDEX - 1);
  const hashes = new Int32Array(rows);
  const counts = new Float64Array(width);
  const groups = new Map<string, { group: number; seed: number }>();
  const names: string[] = [];
  let sums = new Float64Array(64 * stride);
  const scan: NameScan = { hash: 0, needsFolding: false };

  for (let r = HEADER_ROW_INDEX + 1, k = 0; r < values.length; r++, k++) {
    const row = values[r] as readonly (string | number | null)[];
    const district = row[DISTRICT_COLUMN] as string;
    let place = groups.get(district);
    if (place === undefined) {
      place = { group: names.length, seed: districtSeed(district) };
      groups.set(district, place);
      names.push(district);
      if (names.length * stride > sums.length) {
        const grown = new Float64Array(sums.length * 2);
        grown.set(sums);
        sums = grown;
      }
    }
    const name = row[SCHOOL_COLUMN];
    scanName(typeof name === 'string' ? name : String(name), place.seed, scan);
    hashes[k] = scan.hash;
    const at = place.group * stride;
    for (let j = 0; j < width; j++) {
      const raw = row[cells[j] as number];
      const value = typeof raw === 'number' && raw >= 0 && Number.isInteger(raw) ? raw : NaN;
      counts[j] = value;
      if (value === value) sums[at + j] = (sums[at + j] as number) + value;
    }
    sums[at + width] = (sums[at + width] as number) + 1;
    let lagging = 0;
    for (let i = 0; i < indicators; i++) {
      const base = counts[bases[i] as number] as number;
      const share = ratio(counts[parts[i] as number] as number, base);
      if (share !== share) continue;
      const isMet = Number(share >= (met[i] as number));
      sums[at + width + 1 + i] = (sums[at + width + 1 + i] as number) + isMet;
      lagging |= (1 - isMet) & Number(!(share >= (lags[i] as number)));
    }
    sums[at + stride - 1] = (sums[at + stride - 1] as number) + lagging;
  }

  const repeats = repeatedHashes(hashes, rows, null).length / 2;

  const byName = new Map<string, Float64Array>();
  const meeting = new Map<string, Float64Array>();
  const lagging = new Map<string, number>();
  names.forEach((name, g) => {
    const at = g * stride;
    byName.set(name, sums.slice(at, at + width + 1));
    meeting.set(name, sums.slice(at + width + 1, at + width + 1 + indicators));
    lagging.set(name, sums[at + stride - 1] as number);
  });
  return { sums: byName, meeting, lagging, indicators: TARGETED.map((t) => t.key), repeats };
}
