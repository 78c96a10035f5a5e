/**
 * The --json output: the evaluation with the key layout of issue 5, for scripts and other
 * programs. Shares are fractions (null where there is no data); every figure is core's,
 * this file only chooses keys and order.
 */
import {
  findDistrict, findingsFor, normalizeText, SCHOOL_COLUMNS, sortFindings, type Evaluation, type GroupResult, type Measures,
  type Finding, type SchoolCountKey, type SchoolResult, type Severity, type Status,
} from '../core';

export type Fractions = Record<string, number | null>;

export interface JsonGroupFigures {
  readonly schools: number;
  readonly counts: Record<string, number>;
  readonly shares: Fractions;
}

export interface JsonDistrict extends JsonGroupFigures {
  readonly district: string;
  /** null when the sheet says nothing about profiles (no status, users or classes columns). */
  readonly activeProfiles: number | null;
  /** Schools whose own share meets the target, for indicators that have a target. */
  readonly meetingTarget: Record<string, number>;
  readonly laggingSchools: number;
}

export interface JsonSchool {
  /** Row number in the source sheet. */
  readonly row: number;
  readonly district: string;
  readonly school: string;
  readonly shares: Fractions;
  /** «выполнено» / «близко» / «отстаёт» / «нет данных»; null for an indicator without a target. */
  readonly status: Record<string, Status | null>;
  /** People still needed to reach the target; null without a target or data. */
  readonly gap: Record<string, number | null>;
}

export interface JsonFinding {
  readonly row: number;
  /** The column's header as written; empty for a finding about a whole row. */
  readonly column: string;
  /** The cell as a spreadsheet names it («E8»); empty for a whole row. */
  readonly cell: string;
  /** «error»: the value is left out of the figures; «warning»: counted as is, worth checking; «info»: for the record. */
  readonly severity: Severity;
  readonly message: string;
}

export interface JsonReport {
  readonly source: string;
  readonly week: string | null;
  readonly targets: Fractions;
  readonly region: JsonGroupFigures;
  readonly districts: readonly JsonDistrict[];
  readonly schools: readonly JsonSchool[];
  readonly findings: readonly JsonFinding[];
  /**
   * What the terminal prints as «Предупреждение»: problems that did not stop the report and
   * belong to no row of this week's sheet (the plan's rows and districts, last week's sheet,
   * settings, formulas without stored results). Empty when there are none.
   */
  readonly warnings: readonly string[];
}

/** Count keys in catalogue order, so the JSON reads like the sheet. */
const COUNT_ORDER: readonly SchoolCountKey[] = SCHOOL_COLUMNS.filter((def) => def.kind === 'count').map((def) => def.key as SchoolCountKey);

function countsOf(group: GroupResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of COUNT_ORDER) {
    const value = group.counts[key];
    if (value !== undefined) counts[key] = value;
  }
  return counts;
}

function byIndicator<T>(evaluation: Evaluation, value: (key: Evaluation['indicators'][number]) => T): Record<string, T> {
  return Object.fromEntries(evaluation.indicators.map((indicator) => [indicator.key, value(indicator)]));
}

const sharesOf = (evaluation: Evaluation, measures: Measures): Fractions => byIndicator(evaluation, (i) => measures[i.key]?.share ?? null);

function groupFigures(evaluation: Evaluation, group: GroupResult): JsonGroupFigures {
  return { schools: group.schools, counts: countsOf(group), shares: sharesOf(evaluation, group.measures) };
}

function districtJson(evaluation: Evaluation, group: GroupResult): JsonDistrict {
  const meetingTarget: Record<string, number> = {};
  for (const indicator of evaluation.indicators) {
    if (indicator.target !== null) meetingTarget[indicator.key] = group.meetingTarget[indicator.key] ?? 0;
  }
  const figures = groupFigures(evaluation, group);
  return {
    district: group.name,
    schools: figures.schools,
    activeProfiles: group.profilesKnown > 0 ? group.activeProfiles : null,
    counts: figures.counts,
    shares: figures.shares,
    meetingTarget,
    laggingSchools: group.laggingSchools,
  };
}

function schoolJson(evaluation: Evaluation, school: SchoolResult): JsonSchool {
  return {
    row: school.record.row,
    district: school.record.district,
    school: school.record.school,
    shares: sharesOf(evaluation, school.measures),
    status: byIndicator(evaluation, (i) => school.measures[i.key]?.status ?? null),
    gap: byIndicator(evaluation, (i) => school.measures[i.key]?.gap ?? null),
  };
}

export interface JsonReportOptions {
  readonly source: string;
  /** One district only: its row, its schools and the findings on its rows (the region stays the whole region). */
  readonly district?: string | null;
  readonly warnings?: readonly string[];
}

export function toJsonReport(evaluation: Evaluation, options: JsonReportOptions): JsonReport {
  let districts = evaluation.districts;
  let schools = evaluation.schools;
  const district = options.district ? findDistrict(evaluation, options.district) ?? null : null;
  if (options.district) {
    const key = district ? normalizeText(district.name) : null;
    districts = district ? [district] : [];
    schools = schools.filter((s) => s.record.districtKey === key);
  }
  return {
    source: options.source,
    week: evaluation.table.week,
    targets: byIndicator(evaluation, (i) => i.target),
    region: groupFigures(evaluation, evaluation.region),
    districts: districts.map((d) => districtJson(evaluation, d)),
    schools: schools.map((s) => schoolJson(evaluation, s)),
    findings: jsonFindings(findingsFor(evaluation, district)),
    warnings: options.warnings ?? [],
  };
}

/** Findings for --json, in sheet order, of either table shape. */
export function jsonFindings(findings: readonly Finding[]): JsonFinding[] {
  return sortFindings(findings).map((f) => ({ row: f.row, column: f.column, cell: f.cell, severity: f.severity, message: f.message }));
}

export function jsonText(report: JsonReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
