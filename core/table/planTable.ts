/**
 * The region's plan for indicator 2.3: how many schools of each district must reach the
 * condition (e.g. Амурский район: 18 schools, 2 required). It is input data, never computed.
 */
import type { ColumnDef } from '../catalogue/columns';
import type { Finding } from '../findings';
import { cellText, normalizeText } from '../text';
import { isBlank, type CellValue } from '../values';
import { finding, readCount } from './cells';
import { locateTable, type ParseOptions, type ParseResult } from './locate';

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
    if (!district || /^(итого|всего)( |$)/.test(normalizeText(district))) continue;
    const read = (key: 'schools' | 'required'): number | null => {
      const ref = columns[key];
      if (!ref) return null;
      const cell = readCount(cells[ref.index], row, ref, firstColumn, findings);
      return typeof cell === 'number' ? cell : null;
    };
    const required = read('required');
    if (required === null) {
      const ref = columns.required;
      if (ref) findings.push(finding({ row, column: ref, firstColumn }, 'unparseable', 'error', 'не указан план; район пропущен'));
      continue;
    }
    entries.push({ row, district, districtKey: normalizeText(district), schools: read('schools'), required });
  }
  return { ok: true, table: { entries, findings } };
}
