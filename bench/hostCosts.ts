/**
 * ── HOOK: host costs from the add-ins' fakes ─────────────────────────────────────────────
 * The Excel and Google Sheets add-ins each ship a fake of their host under test-support/ that
 * counts round trips (context.sync and request payloads; SpreadsheetApp calls). The benchmark
 * loads their compiled copies from dist/node (tsconfig.build.json must include
 * excel-addin/test-support and apps-script/test-support) and calls the cost function at each
 * size. Whatever is missing prints «не собрано»; whatever throws prints its message. Nothing
 * here can fail the benchmark.
 *
 * Contract: the module exports `excelHostCost(rows)` / `sheetsHostCost(rows)` (any export whose
 * name ends in «HostCost» is accepted), returning — directly or as a promise — an object whose
 * numeric fields are the counts (e.g. { calls, ms } or { syncs, largestPayload }).
 */
import { existsSync } from 'fs';
import { join } from 'path';

export interface HostSource {
  readonly host: string;
  /** Compiled module, relative to the package root. */
  readonly module: string;
  readonly preferred: string;
}

export const HOST_SOURCES: readonly HostSource[] = [
  { host: 'Excel', module: join('dist', 'node', 'excel-addin', 'test-support', 'index.js'), preferred: 'excelHostCost' },
  { host: 'Google Таблицы', module: join('dist', 'node', 'apps-script', 'test-support', 'index.js'), preferred: 'sheetsHostCost' },
];

export type HostCostRow =
  | { readonly host: string; readonly schools: number; readonly status: 'ok'; readonly counts: Readonly<Record<string, number>> }
  | { readonly host: string; readonly schools: number | null; readonly status: 'missing' | 'failed'; readonly note: string };

type CostFunction = (rows: number) => unknown;

function costFunction(exports: Record<string, unknown>, preferred: string): CostFunction | null {
  const named = exports[preferred];
  if (typeof named === 'function') return named as CostFunction;
  const any = Object.entries(exports).find(([name, value]) => name.endsWith('HostCost') && typeof value === 'function');
  return any ? (any[1] as CostFunction) : null;
}

function numericFields(result: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  if (typeof result !== 'object' || result === null) return counts;
  for (const [key, value] of Object.entries(result)) if (typeof value === 'number') counts[key] = value;
  return counts;
}

function message(error: unknown): string {
  const text = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return text.split('\n')[0] ?? text;
}

export async function hostCosts(root: string, sizes: readonly number[], sources: readonly HostSource[] = HOST_SOURCES): Promise<HostCostRow[]> {
  const rows: HostCostRow[] = [];
  for (const source of sources) {
    const path = join(root, source.module);
    if (!existsSync(path)) {
      rows.push({ host: source.host, schools: null, status: 'missing', note: `не собрано (нет ${source.module})` });
      continue;
    }
    let cost: CostFunction | null;
    try {
      // A runtime path: the fakes are optional and compiled separately, so no static import.
      cost = costFunction(require(path) as Record<string, unknown>, source.preferred);
    } catch (error) {
      rows.push({ host: source.host, schools: null, status: 'failed', note: `не загружается: ${message(error)}` });
      continue;
    }
    if (!cost) {
      rows.push({ host: source.host, schools: null, status: 'missing', note: `не собрано (в ${source.module} нет ${source.preferred})` });
      continue;
    }
    for (const schools of sizes) {
      try {
        rows.push({ host: source.host, schools, status: 'ok', counts: numericFields(await cost(schools)) });
      } catch (error) {
        rows.push({ host: source.host, schools, status: 'failed', note: message(error) });
      }
    }
  }
  return rows;
}
