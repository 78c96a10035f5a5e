/**
 * Shares of the region's week-by-week summary: schools, authorities, teachers and students in
 * «Сферум», active profiles and the activity shares, each against its target; plus checks that
 * the published percentages agree with the counts next to them.
 */
import type { SummaryCountKey } from '../catalogue/columns';
import { SUMMARY_INDICATORS, type SummaryIndicatorDef, type SummaryIndicatorKey } from '../catalogue/indicators';
import type { Finding } from '../findings';
import { roundShare } from '../format';
import { messages } from '../messages';
import { DEFAULT_SETTINGS, targetOf, type Settings } from '../settings';
import { finding } from '../table/cells';
import type { SummaryTable, SummaryWeek } from '../table/summaryTable';
import { measure, type Measure } from './measure';

export interface SummaryWeekResult {
  readonly week: SummaryWeek;
  readonly measures: Readonly<Partial<Record<SummaryIndicatorKey, Measure>>>;
}

export interface SummaryEvaluation {
  readonly table: SummaryTable;
  readonly indicators: readonly SummaryIndicatorDef[];
  readonly weeks: readonly SummaryWeekResult[];
  readonly findings: readonly Finding[];
}

/** Counts derived from two columns: profiles active = in «Сферум» − not active. */
function countOf(week: SummaryWeek, key: SummaryIndicatorDef['numerator']): number | undefined {
  if (key === 'schoolsActive') return difference(week.counts.schoolsInSphere, week.counts.schoolsInactive);
  if (key === 'authoritiesActive') return difference(week.counts.authoritiesInSphere, week.counts.authoritiesInactive);
  return week.counts[key];
}

function difference(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a - b;
}

/** Published percentage columns and the count indicator they restate. */
const PUBLISHED: readonly [SummaryCountKey, SummaryIndicatorKey][] = [
  ['schoolsInSpherePercent', 'schoolsInSphere'],
  ['studentsInSpherePercent', 'studentsInSphere'],
];

export function evaluateSummary(table: SummaryTable, settings: Settings = DEFAULT_SETTINGS): SummaryEvaluation {
  const findings: Finding[] = [...table.findings];
  const indicators = SUMMARY_INDICATORS.filter((def) =>
    def.numerator in table.columns
    || (def.numerator === 'schoolsActive' && table.columns.schoolsInactive !== undefined)
    || (def.numerator === 'authoritiesActive' && table.columns.authoritiesInactive !== undefined));
  const weeks = table.weeks.map((week) => {
    const measures: Partial<Record<SummaryIndicatorKey, Measure>> = {};
    for (const def of indicators) {
      const target = targetOf(settings, def.key);
      const given = def.numerator in week.shares ? week.shares[def.numerator as SummaryCountKey] : undefined;
      if (given !== undefined) {
        // A share given as such is used as it is: its base is unknown, so there is no gap in people.
        measures[def.key] = { ...measure(target, given, 1, settings.tolerance), part: null, base: null, gap: null };
        continue;
      }
      const part = countOf(week, def.numerator);
      const base = week.counts[def.base as SummaryCountKey];
      measures[def.key] = measure(target, part, base, settings.tolerance);
      const column = table.columns[def.numerator as SummaryCountKey];
      if (part !== undefined && base !== undefined && base > 0 && part > base && column) {
        findings.push(finding({ row: week.row, column, firstColumn: table.firstColumn }, 'aboveBase', 'warning',
          `${messages.partAboveBase(part, base)} («${table.columns[def.base as SummaryCountKey]?.header ?? def.base}»)`));
      }
    }
    for (const [percentKey, indicatorKey] of PUBLISHED) {
      const published = week.shares[percentKey];
      const computed = measures[indicatorKey]?.share;
      const column = table.columns[percentKey];
      if (published === undefined || computed === undefined || computed === null || !column) continue;
      if (Math.abs(roundShare(computed) - published) > 0.00005 + 1e-12) {
        findings.push(finding({ row: week.row, column, firstColumn: table.firstColumn }, 'publishedMismatch', 'warning', messages.publishedMismatch(published, computed)));
      }
    }
    return { week, measures };
  });
  return { table, indicators, weeks, findings };
}
