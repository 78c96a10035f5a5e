/**
 * The region's plan for indicator 2.3: how many schools of each district must reach the
 * condition (e.g. Амурский район: 18 schools, 2 required). It is input data, never computed.
 */
import type { ColumnDef } from '../catalogue/columns';
import type { Finding } from '../findings';
import { messages } from '../messages';
import { cellText, normalizeText } from '../text';
import { isBlank, parseValue, type CellValue } from '../values';
import { finding, readCount, shareInCountCell, type CellPlace } from './cells';
import { locateTable, type ParseOptions, type ParseResult } from './locate';
import { TOTAL_ROW } from './totalRows';

export type PlanColumnKey = 'district' | 'schools' | 'required';

export const PLAN_COLUMNS: readonly ColumnDef<PlanColumnKey>[] = [
  {
    key: 'district', header: 'Район', kind: 'text',
    synonyms: ['район', 'муниципалитет', 'муниципальный район', 'муниципальное образование', 'мо', 'территория', 'наименование мо', 'муниципальный округ'],
  },
  { key: 'schools', header: 'Всего ОО', kind: 'count', synonyms: ['всего оо', 'количество оо', 'кол во оо', 'оо всего', 'всего школ'] },
  {
    key: 'required', header: 'План: ОО, достигших условия 2.3', kind: 'count',
    synonyms: ['план', 'план 2 3', 'требуется', 'должны достичь'],
    patterns: [[/план/], [/должн|необходим|требует/]],
  },
];

export interface PlanEntry {
  readonly row: number;
  readonly district: string;
  readonly districtKey: string;
  readonly schools: number | null;
  readonly required: number;
}

export interface DistrictPlan {
  readonly entries: readonly PlanEntry[];
  readonly findings: readonly Finding[];
}

/** District names as plans and tables write them differ in «район», «г.», «муниципальный»… */
const ADMIN_WORDS = /(^| )(муниципальный|муниципального|городской|сельский|район|района|округ|округа|город|г|го|мр|мо|ао)(?= |$)/g;
export function looseDistrictKey(name: string): string {
  return looseKeyOfNormalized(normalizeText(name));
}

/** looseDistrictKey of a name already passed through normalizeText. */
export function looseKeyOfNormalized(key: string): string {
  return key.replace(ADMIN_WORDS, ' ').replace(/ +/g, ' ').trim();
}

export function parsePlanTable(values: readonly (readonly CellValue[])[], options: ParseOptions<PlanColumnKey> = {}): ParseResult<DistrictPlan> {
  const located = locateTable(values, PLAN_COLUMNS, ['district', 'required'], options, 'таблицы плана 2.3');
  if (!located.ok) return located;
  const { columns, rowIndex } = located.header;
  const firstRow = options.firstRow ?? 1;
  const firstColumn = options.firstColumn ?? 0;
  const findings: Finding[] = [];
  const entries: PlanEntry[] = [];
  for (let index = rowIndex + 1; index < values.length; index++) {
    const cells = values[index] ?? [];
    if (cells.every(isBlank)) continue;
    const row = firstRow + index;
    const district = cellText(cells[columns.district?.index ?? 0]);
    if (!district || TOTAL_ROW.test(normalizeText(district))) continue;
    const schools = (): number | null => {
      const ref = columns.schools;
      if (!ref) return null;
      const cell = readCount(cells[ref.index], row, ref, firstColumn, findings);
      return typeof cell === 'number' ? cell : null;
    };
    const ref = columns.required;
    const required = ref ? readRequired(cells[ref.index], { row, column: ref, firstColumn }, findings) : null;
    if (required === null) continue;
    entries.push({ row, district, districtKey: normalizeText(district), schools: schools(), required });
  }
  return { ok: true, table: { entries, findings } };
}

/**
 * The plan cell: a number of schools, or null after one finding that says why the district is
 * left out (an empty cell, a text, a negative number, a share such as «50%» where a count of
 * schools belongs). A fractional count above 1 is kept with readCount's warning.
 */
function readRequired(raw: CellValue, place: CellPlace, findings: Finding[]): number | null {
  const parsed = parseValue(raw);
  let why: string;
  if (parsed.kind === 'missing') why = 'не указан план';
  else if (parsed.kind === 'invalid') why = messages.invalidValue(parsed.reason, parsed.text);
  else if (parsed.value < 0) why = messages.negative(parsed.value);
  else {
    const share = shareInCountCell(raw, parsed.value, parsed.percent);
    if (share === null) {
      const count = readCount(raw, place.row, place.column, place.firstColumn, findings);
      return typeof count === 'number' ? count : null;
    }
    why = `план — число школ, а не доля: «${share.text}»`;
  }
  findings.push(finding(place, 'unparseable', 'error', `${why}; район пропущен`));
  return null;
}
