/**
 * Builds the report model from an evaluation: the district summary (with the region total and
 * a chart against the target), the lagging schools with their gaps, the data-check findings,
 * the week-over-week changes, and the one-district sheet a methodist sends to schools.
 */
import { sortFindings, type Finding, type Severity } from '../findings';
import { formatPercent, formatTolerance } from '../format';
import type { Comparison, Changes } from '../evaluate/compare';
import type { Evaluation, GroupResult } from '../evaluate/evaluate';
import { schoolsOf } from '../evaluate/evaluate';
import type { GroupFigures } from '../evaluate/groupFigures';
import type { ActiveIndicator } from '../evaluate/indicatorSet';
import { statusOfCode } from '../evaluate/measure';
import type { SchoolColumns } from '../evaluate/schoolColumns';
import { nearFrom, STATUS_LAGGING, STATUS_MET, STATUS_NEAR, type Status } from '../rules';
import { normalizedHash } from '../nameKey';
import { normalizeText } from '../text';
import {
  isCutSheetName, MARKER, safeSheetName, taggedSheetName, type ChartSpec, type ReportCell, type ReportColumn, type ReportModel, type ReportRow, type ReportSheet,
  type SheetKind, type SheetRule, type Tone,
} from './model';
import { TonePatterns } from './tonePatterns';

export interface ReportOptions {
  /** Last week's comparison: adds change columns and the sheet of schools that came and went. */
  readonly comparison?: Comparison;
  /** One district only (the methodist's report): its schools, total and changes. */
  readonly district?: string;
  /** Shown under the title, e.g. the source file or sheet. */
  readonly source?: string;
}

export const SHEET_NAMES: Readonly<Record<Exclude<SheetKind, 'district'>, string>> = {
  districts: 'Сферум — районы',
  summary: 'Сферум — по неделям',
  lagging: 'Сферум — отстающие ОО',
  findings: 'Сферум — проверка данных',
  changes: 'Сферум — состав ОО',
};

/** Tags of 4 base-36 characters: 36⁴ of them. */
const TAG_SPACE = 36 ** 4;

/**
 * A district's tab: «Сферум — <district>». A name too long for a tab (31 characters) is cut and
 * ends in a short tag of the whole name: two districts that begin alike («Городской округ город
 * Махачкала», «… город Каспийск») would otherwise share a tab, and building one would replace
 * the other's report. The tag is of the normalised name, so a re-run finds the same tab.
 */
export function districtSheetName(district: string): string {
  const wanted = `Сферум — ${district}`;
  if (!isCutSheetName(wanted)) return safeSheetName(wanted);
  return taggedSheetName(wanted, (normalizedHash(district) % TAG_SPACE).toString(36).padStart(4, '0'));
}

export function toneOf(status: Status | null): Tone | null {
  if (status === STATUS_MET) return 'good';
  if (status === STATUS_NEAR) return 'near';
  if (status === STATUS_LAGGING) return 'bad';
  return null;
}

/**
 * A report row. Made by a constructor, not an object literal: V8 moves the objects of a literal
 * that were alive at a minor collection straight into the old generation from then on
 * (pretenuring), and a report's rows live only until the next report replaces it. Pretenured,
 * the district summary's rows took fresh pages of memory on every run (21 of them per run at
 * 1 600 districts, some 12 µs each on a virtual machine); made here they take 2–3.
 */
export class Row implements ReportRow {
  constructor(readonly kind: ReportRow['kind'], readonly cells: readonly ReportCell[], readonly tones: readonly (Tone | null)[]) {}
}

/** A row under construction: cells with their tones, added column by column. */
class RowBuilder {
  readonly cells: ReportCell[];
  private filled = 0;
  /**
   * `tones`: the sheet's, shared by its rows. `width`, when known, sizes the cells once (1 600
   * district rows grown by push were copied several times each).
   */
  constructor(private readonly tones: TonePatterns, width = 0) {
    this.cells = new Array<ReportCell>(width);
  }
  add(value: ReportCell, tone: Tone | null = null): this {
    if (tone !== null) this.tones.set(this.filled, tone);
    this.cells[this.filled++] = value;
    return this;
  }
  row(kind: ReportRow['kind'] = 'data'): ReportRow {
    // A width given too large leaves no holes behind.
    this.cells.length = this.filled;
    return new Row(kind, this.cells, this.tones.take(this.filled));
  }
}

const col = (key: string, header: string, format: ReportColumn['format'], width: number): ReportColumn => ({ key, header, format, width });
const targeted = (indicators: readonly ActiveIndicator[]): ActiveIndicator[] => indicators.filter((i) => i.target !== null);

/** The share, schools-meeting and gap columns of every indicator, and change columns when comparing. */
function indicatorColumns(evaluation: Evaluation, withMeeting: boolean, comparison: boolean): ReportColumn[] {
  const columns: ReportColumn[] = [];
  for (const indicator of evaluation.indicators) {
    const short = indicator.def.shortLabel;
    columns.push(col(`share:${indicator.key}`, `${short}, доля`, 'percent', 12));
    if (comparison) columns.push(col(`change:${indicator.key}`, `${short}, изм. за неделю`, 'points', 12));
    if (indicator.target === null) continue;
    if (withMeeting) columns.push(col(`meeting:${indicator.key}`, `${short}: ОО с целью`, 'integer', 10));
    columns.push(col(`gap:${indicator.key}`, `${short}: не хватает, чел.`, 'integer', 12));
  }
  return columns;
}

/** One group's indicator cells, read from its sums (no Measure objects: a country has 1 600 districts). */
function addIndicatorCells(row: RowBuilder, evaluation: Evaluation, group: GroupFigures, withMeeting: boolean, changes: Changes | null | undefined, comparison: boolean): void {
  evaluation.indicators.forEach((indicator, i) => {
    const { share, status, gap } = group.measureAt(i);
    row.add(Number.isNaN(share) ? null : share, toneOf(statusOfCode(status)));
    if (comparison) row.add(changes?.[indicator.key] ?? null);
    if (indicator.target === null) return;
    if (withMeeting) row.add(group.meetingAt(i));
    row.add(Number.isNaN(gap) ? null : gap);
  });
}

/** Share-type columns get live threshold rules, so edited numbers recolour themselves. */
function thresholdRules(columns: readonly ReportColumn[], evaluation: Evaluation): SheetRule[] {
  const rules: SheetRule[] = [];
  columns.forEach((column, index) => {
    if (!column.key.startsWith('share:')) return;
    const indicator = evaluation.indicators.find((i) => `share:${i.key}` === column.key);
    if (indicator?.target != null) {
      const { tolerance } = evaluation.settings;
      rules.push({ kind: 'threshold', column: index, target: indicator.target, nearFrom: nearFrom(indicator.target, tolerance), tolerance });
    }
    rules.push({ kind: 'dataBar', column: index });
  });
  return rules;
}

function subtitle(evaluation: Evaluation, options: ReportOptions): string[] {
  const lines: string[] = [];
  const period = evaluation.table.week ? `Период: ${evaluation.table.week}. ` : '';
  lines.push(`${period}Источник: ${options.source ?? 'лист мониторинга'}, строка заголовков ${evaluation.table.headerRow}.`);
  const targets = targeted(evaluation.indicators).map((i) => `${i.def.shortLabel} ${formatPercent(i.target, 0)}`).join(', ');
  lines.push(`Цели: ${targets || 'не заданы'}; «близко» — не более ${formatTolerance(evaluation.settings.tolerance)} ниже цели. Доли района = сумма по ОО ÷ сумма баз.`);
  return lines;
}

function sheet(kind: SheetKind, name: string, title: string, sub: string[], columns: ReportColumn[], rows: ReportRow[], rules: SheetRule[], chart: ChartSpec | null, frozenColumns: number): ReportSheet {
  return { kind, name, marker: `${MARKER}:${kind}`, title, subtitle: sub, columns, rows, rules, chart, frozenColumns };
}

/** The district summary: one row per district, furthest behind first, then the region total. */
export function districtSummarySheet(evaluation: Evaluation, options: ReportOptions = {}): ReportSheet {
  const comparison = options.comparison;
  const columns: ReportColumn[] = [
    col('priority', 'Приоритет', 'integer', 10),
    col('district', 'Район', 'text', 28),
    col('schools', 'ОО', 'integer', 7),
    col('teachers', 'Учителей в Сферуме', 'integer', 11),
    col('attainment', 'Выполнение целей', 'percent', 11),
    ...indicatorColumns(evaluation, true, comparison !== undefined),
    col('active', 'Активных профилей', 'integer', 11),
    col('access50', '2.3: ОО с доступом ≥50%', 'integer', 12),
    col('plan', '2.3: план', 'integer', 9),
    col('planMet', '2.3: план выполнен', 'text', 11),
    col('lagging', 'Отстающих ОО', 'integer', 10),
  ];
  const changeOf = (group: GroupResult): Changes | null =>
    comparison ? (group === evaluation.region ? comparison.region.changes : comparison.districts.find((d) => d.current === group)?.changes ?? null) : null;
  const tones = new TonePatterns();
  const rowOf = (group: GroupFigures, kind: ReportRow['kind']): ReportRow => {
    const row = new RowBuilder(tones, columns.length)
      .add(kind === 'total' ? null : group.priority)
      .add(group.name)
      .add(group.schools)
      .add(group.countOf('teachers'))
      .add(group.attainment);
    addIndicatorCells(row, evaluation, group, true, changeOf(group), comparison !== undefined);
    row.add(group.profilesKnown ? group.activeProfiles : null)
      .add(group.access50Known ? group.access50 : null)
      .add(group.plan)
      .add(group.planMet === null ? null : group.planMet ? 'да' : 'нет', group.planMet === null ? null : group.planMet ? 'good' : 'bad')
      .add(group.laggingSchools);
    return row.row(kind);
  };
  const rows = [...evaluation.districts.map((d) => rowOf(d, 'data')), rowOf(evaluation.region, 'total')];
  const first = targeted(evaluation.indicators)[0];
  const chart: ChartSpec | null = first
    ? { title: `${first.def.label}: районы и цель ${formatPercent(first.target, 0)}`, categoryColumn: 1, valueColumns: [columns.findIndex((c) => c.key === `share:${first.key}`)], target: first.target }
    : null;
  return sheet('districts', SHEET_NAMES.districts, 'Сферум: сводка по районам', subtitle(evaluation, options), columns, rows, thresholdRules(columns, evaluation), chart, 2);
}

function schoolColumns(evaluation: Evaluation, comparison: boolean): ReportColumn[] {
  return [
    col('priority', 'Приоритет', 'integer', 10),
    col('district', 'Район', 'text', 24),
    col('school', 'ОО', 'text', 36),
    col('row', 'Строка в исходном листе', 'integer', 10),
    col('teachers', 'Учителей в Сферуме', 'integer', 11),
    col('attainment', 'Выполнение целей', 'percent', 11),
    ...indicatorColumns(evaluation, false, comparison),
    col('totalGap', 'Не хватает всего, чел.', 'integer', 12),
    col('profile', 'Профиль', 'text', 12),
    col('access50', '2.3: доступ ≥50%', 'text', 10),
  ];
}

const PROFILE_TEXT = (active: boolean | null): string | null => (active === null ? null : active ? 'Активен' : 'Не активен');
const YES_NO = (value: boolean | null): string | null => (value === null ? null : value ? 'да' : 'нет');
const GOOD_BAD = (value: boolean | null): Tone | null => (value === null ? null : value ? 'good' : 'bad');

/**
 * One school's row, read straight from the evaluation's columns: the lagging list of a whole
 * country has tens of thousands of rows, so no Measure objects are made for it.
 */
function schoolRow(evaluation: Evaluation, tones: TonePatterns, position: number, priority: number | null, changes: Changes | null, comparison: boolean, width: number): ReportRow {
  const columns = evaluation.schoolColumns;
  const { rows } = evaluation.table;
  const index = columns.indexOf(position);
  const teachers = evaluation.table.countColumns.teachers?.[index];
  const cells: ReportCell[] = new Array<ReportCell>(width);
  cells[0] = priority;
  cells[1] = rows.districtAt(index);
  cells[2] = rows.schoolAt(index);
  cells[3] = rows.rowAt(index);
  cells[4] = teachers === undefined || Number.isNaN(teachers) ? null : teachers;
  cells[5] = columns.attainmentAt(position);
  let c = 6;
  evaluation.indicators.forEach((indicator, i) => {
    const { share, status, gap } = columns.measureAt(position, i);
    tones.set(c, toneOf(statusOfCode(status)));
    cells[c++] = Number.isNaN(share) ? null : share;
    if (comparison) cells[c++] = changes?.[indicator.key] ?? null;
    if (indicator.target === null) return;
    cells[c++] = Number.isNaN(gap) ? null : gap;
  });
  const active = columns.activeAt(position);
  const access50 = columns.access50At(position);
  cells[c++] = columns.totalGap[position] as number;
  tones.set(c, GOOD_BAD(active));
  cells[c++] = PROFILE_TEXT(active);
  tones.set(c, GOOD_BAD(access50));
  cells[c++] = YES_NO(access50);
  return new Row('data', cells, tones.take(width));
}

/**
 * Schools furthest behind first: lowest attainment, then the largest gap in people, then sheet
 * order. Compares positions in the evaluation's columns (they follow the sheet's rows), so a
 * whole country's list is sorted without objects.
 */
function positionsByNeed(columns: SchoolColumns): (a: number, b: number) => number {
  const { totalGap } = columns;
  const rank = columns.attainment.map((value) => (Number.isNaN(value) ? Infinity : value));
  // Infinity − Infinity is NaN, which || passes over like 0.
  return (a, b) => (rank[a] as number) - (rank[b] as number) || (totalGap[b] as number) - (totalGap[a] as number) || a - b;
}

/**
 * The rows of schools listed in need order, made in sheet order: a row reads every indicator
 * column of its school, and a country's lagging schools taken in need order missed the cache on
 * each read (about half the time of the whole lagging sheet). Row r is still the school ordered[r].
 */
function rowsInSheetOrder(ordered: readonly number[], schools: number, make: (position: number, rank: number) => ReportRow): ReportRow[] {
  const rankOf = new Int32Array(schools).fill(-1);
  ordered.forEach((position, rank) => (rankOf[position] = rank));
  const rows = new Array<ReportRow>(ordered.length);
  for (let position = 0; position < schools; position++) {
    const rank = rankOf[position] as number;
    if (rank >= 0) rows[rank] = make(position, rank);
  }
  return rows;
}

function schoolChanges(comparison: Comparison | undefined): Map<number, Changes> {
  return new Map((comparison?.schools ?? []).map((c) => [c.current.position, c.changes]));
}

function laggingSheet(evaluation: Evaluation, options: ReportOptions): ReportSheet {
  const comparison = options.comparison !== undefined;
  const changes = schoolChanges(options.comparison);
  const columns = evaluation.schoolColumns;
  const lagging: number[] = [];
  for (let position = 0; position < columns.schools; position++) if (columns.lagging[position] === 1) lagging.push(position);
  lagging.sort(positionsByNeed(columns));
  const sheetColumns = schoolColumns(evaluation, comparison);
  const tones = new TonePatterns();
  const rows = rowsInSheetOrder(lagging, columns.schools, (position, rank) =>
    schoolRow(evaluation, tones, position, rank + 1, changes.get(position) ?? null, comparison, sheetColumns.length));
  const sub = [
    ...subtitle(evaluation, options),
    `Отстающих ОО: ${lagging.length} из ${columns.schools}. Сначала — дальше всех от целей; «не хватает» — сколько ещё учителей нужно до цели.`,
  ];
  return sheet('lagging', SHEET_NAMES.lagging, 'Сферум: отстающие ОО', sub, sheetColumns, rows, thresholdRules(sheetColumns, evaluation), null, 3);
}

const SEVERITY_TEXT: Readonly<Record<Severity, string>> = { error: 'ошибка', warning: 'проверить', info: 'к сведению' };
const SEVERITY_TONE: Readonly<Record<Severity, Tone | null>> = { error: 'bad', warning: 'near', info: null };

/** The findings of the whole table, or of one district's rows (repeated rows included): what every output of a district's report lists. */
export function findingsFor(evaluation: Evaluation, district?: GroupResult | null): readonly Finding[] {
  if (!district) return evaluation.findings;
  const key = normalizeText(district.name);
  const rowsOfDistrict = new Set(evaluation.table.records.filter((r) => r.districtKey === key).map((r) => r.row));
  return evaluation.findings.filter((f) => rowsOfDistrict.has(f.row));
}

function findingsSheet(evaluation: Evaluation, options: ReportOptions, district?: GroupResult): ReportSheet {
  return findingsListSheet(findingsFor(evaluation, district), options.source, evaluation.planWarnings.map((w) => `План 2.3: ${w}.`));
}

/** The data-check sheet of any table shape: one row per finding, in sheet order. */
export function findingsListSheet(findings: readonly Finding[], source: string | undefined, notes: readonly string[] = []): ReportSheet {
  const columns = [
    col('row', 'Строка', 'integer', 8),
    col('cell', 'Ячейка', 'text', 8),
    col('column', 'Столбец', 'text', 36),
    col('severity', 'Важность', 'text', 12),
    col('message', 'Замечание', 'text', 80),
  ];
  const tones = new TonePatterns();
  const rows = sortFindings(findings).map((f) =>
    new RowBuilder(tones).add(f.row).add(f.cell || null).add(f.column || null).add(SEVERITY_TEXT[f.severity], SEVERITY_TONE[f.severity]).add(f.message).row(),
  );
  const sub = [
    `Источник: ${source ?? 'лист мониторинга'}. Исходные значения не изменялись.`,
    `Замечаний: ${rows.length}. «Ошибка» — значение не учтено в итогах; «проверить» — учтено как есть.`,
    ...notes,
  ];
  return sheet('findings', SHEET_NAMES.findings, 'Сферум: проверка данных', sub, columns, rows, [], null, 0);
}

function changesSheet(comparison: Comparison): ReportSheet {
  const columns = [col('change', 'Изменение', 'text', 14), col('district', 'Район', 'text', 24), col('school', 'ОО', 'text', 36), col('row', 'Строка', 'integer', 8)];
  const tones = new TonePatterns();
  const rows = [
    ...comparison.appeared.map((s) => new RowBuilder(tones).add('появилась').add(s.district).add(s.school).add(s.row).row()),
    ...comparison.disappeared.map((s) => new RowBuilder(tones).add('пропала', 'near').add(s.district).add(s.school).add(s.row).row()),
  ];
  const sub = [`Появились: ${comparison.appeared.length} (строка этой недели); пропали: ${comparison.disappeared.length} (строка прошлой недели).`];
  return sheet('changes', SHEET_NAMES.changes, 'Сферум: состав ОО по сравнению с прошлой неделей', sub, columns, rows, [], null, 0);
}

/** The one-district sheet: its schools (furthest behind first), then the district total. */
function oneDistrictSheet(evaluation: Evaluation, district: GroupFigures, options: ReportOptions): ReportSheet {
  const comparison = options.comparison !== undefined;
  const changes = schoolChanges(options.comparison);
  const positions = schoolsOf(evaluation, district.name).map((s) => s.position).sort(positionsByNeed(evaluation.schoolColumns));
  const columns = schoolColumns(evaluation, comparison);
  const tones = new TonePatterns();
  const rows = rowsInSheetOrder(positions, evaluation.schoolColumns.schools, (position, rank) =>
    schoolRow(evaluation, tones, position, rank + 1, changes.get(position) ?? null, comparison, columns.length));
  const total = new RowBuilder(tones).add(null).add(district.name).add(`Итого: ${district.schools} ОО`).add(null).add(district.countOf('teachers')).add(district.attainment);
  addIndicatorCells(total, evaluation, district, false, options.comparison?.districts.find((d) => d.current === district)?.changes, comparison);
  total.add(district.totalGap)
    .add(district.profilesKnown ? `${district.activeProfiles} из ${district.profilesKnown} активны` : null)
    .add(district.access50Known ? `${district.access50} ОО${district.plan !== null ? `, план ${district.plan}` : ''}` : null);
  rows.push(total.row('total'));
  const sub = [...subtitle(evaluation, options), `Место района: ${district.priority} из ${evaluation.districts.length} (1 — дальше всех от целей).`];
  return sheet('district', districtSheetName(district.name), `Сферум: ${district.name}`, sub, columns, rows, thresholdRules(columns, evaluation), null, 3);
}

/** Finds a district by name, tolerant of case, «ё» and spacing. */
export function findDistrict(evaluation: Evaluation, name: string): GroupFigures | undefined {
  const key = normalizeText(name);
  return evaluation.districts.find((d) => normalizeText(d.name) === key);
}

export function buildReport(evaluation: Evaluation, options: ReportOptions = {}): ReportModel {
  if (options.district !== undefined) {
    const district = findDistrict(evaluation, options.district);
    if (!district) throw new RangeError(`district not found: ${options.district}`);
    return { title: `Сферум: отчёт по району ${district.name}`, sheets: [oneDistrictSheet(evaluation, district, options), findingsSheet(evaluation, options, district)] };
  }
  const sheets = [districtSummarySheet(evaluation, options), laggingSheet(evaluation, options), findingsSheet(evaluation, options)];
  if (options.comparison) sheets.push(changesSheet(options.comparison));
  return { title: 'Сферум: отчёт по районам', sheets };
}
