/**
 * Which catalogue indicators a given table can compute, with the base and target the user's
 * settings give them. Everything downstream iterates this list instead of the raw catalogue.
 */
import type { SchoolCountKey } from '../catalogue/columns';
import { SCHOOL_INDICATORS, type SchoolIndicatorDef, type SchoolIndicatorKey } from '../catalogue/indicators';
import { targetOf, type Settings } from '../settings';
import type { SchoolTable } from '../table/schoolTable';

export interface ActiveIndicator {
  readonly key: SchoolIndicatorKey;
  readonly def: SchoolIndicatorDef;
  readonly numerator: SchoolCountKey;
  readonly base: SchoolCountKey;
  /** null: no target, so no status and no gap. */
  readonly target: number | null;
}

export function baseFor(def: SchoolIndicatorDef, settings: Settings): SchoolCountKey {
  return def.base === 'teachers' && settings.teacherBase === 'staffTotal' && def.alternativeBases.includes('staffTotal')
    ? 'staffTotal'
    : def.base;
}

export function activeIndicators(table: Pick<SchoolTable, 'columns'>, settings: Settings): ActiveIndicator[] {
  const result: ActiveIndicator[] = [];
  for (const def of SCHOOL_INDICATORS) {
    const base = baseFor(def, settings);
    if (table.columns[def.numerator] === undefined || table.columns[base] === undefined) continue;
    result.push({ key: def.key, def, numerator: def.numerator, base, target: targetOf(settings, def.key) });
  }
  return result;
}
