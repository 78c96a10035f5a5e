/**
 * Which sheets a report rewrites, deletes and adds, and what its tabs are called. Only sheets the
 * add-in recorded as its own (see workbookStore.ts) and that still carry the name it gave them
 * are ever rewritten or deleted; a user's sheet that happens to carry a report's name stays, and
 * the report takes the next free name («… (2)»); a report sheet the user renamed is the user's
 * from then on. A sheet of the same report is rewritten in place rather than deleted and added:
 * the user's formulas that point at it keep working (Excel turns references to a deleted sheet
 * into #REF! for good) and its tab stays where the user moved it. A report sheet the user added
 * to (notes beside or below the table, a chart of their own: see addedToByUser in core/report/writtenExtent.ts) is the user's from
 * then on too: neither cleared nor deleted, and the report goes to a new sheet «… (2)».
 */
import { freeSheetName, isGivenSheetName, type ReportModel, type ReportSheet } from '../../core/report/model';
import type { OwnedSheet } from './workbookStore';

export interface SheetInfo {
  readonly id: string;
  readonly name: string;
}

export interface ReplacementPlan {
  /** The add-in's sheets to delete before writing. */
  readonly remove: readonly SheetInfo[];
  /** Per report sheet, in report order: the add-in's sheet to clear and write it on, or null to add a new one. */
  readonly reuse: readonly (SheetInfo | null)[];
  /** The tab name of each report sheet, in report order. */
  readonly names: readonly string[];
  /** The add-in's sheets that stay (other districts' sheets), still recorded as ours. */
  readonly keep: readonly OwnedSheet[];
  /**
   * The add-in's sheets the user added to, which this report would have rewritten or deleted:
   * kept as they are and no longer recorded as ours; each with the name of the sheet the report
   * writes instead (null when the report has no sheet in its place, as for a «состав ОО» sheet
   * of an earlier run with comparison).
   */
  readonly released: readonly { readonly sheet: SheetInfo; readonly replacedBy: string | null }[];
}

/** What a report sheet is, for the record of our sheets: its marker and the name the report asked for. */
export function sheetKey(sheet: Pick<ReportSheet, 'marker' | 'name'>): string {
  return `${sheet.marker}|${sheet.name}`;
}

/**
 * Excel (and Google Sheets) compare tab names without regard to case, so «сферум — районы» of a
 * user blocks «Сферум — районы» too.
 */
class TakenNames extends Set<string> {
  override has(name: string): boolean {
    return super.has(name.toLocaleLowerCase('ru'));
  }
  override add(name: string): this {
    return super.add(name.toLocaleLowerCase('ru'));
  }
}

/**
 * Sheets that carry the exact name of one of this report's sheets but are not recorded as the
 * add-in's: the user's own, or an empty sheet a failed run added before it could record it (Excel
 * refused the next sheet, or the answer of that sync was lost). The backend checks which of them
 * are empty: an empty one is adopted as the add-in's (nothing of the user's is on it), so a
 * failed run does not leave the next report beside a stray as «… (2)».
 */
export function strayCandidates(report: ReportModel, existing: readonly SheetInfo[], owned: readonly OwnedSheet[], inputs: readonly string[]): { sheet: SheetInfo; entry: OwnedSheet }[] {
  const ours = new Set(owned.map((entry) => entry.id));
  const protectedNames = new TakenNames(inputs);
  return existing.flatMap((sheet) => {
    if (ours.has(sheet.id) || protectedNames.has(sheet.name)) return [];
    const match = report.sheets.find((s) => s.name === sheet.name);
    return match ? [{ sheet, entry: { id: sheet.id, kind: match.kind, key: sheetKey(match) } }] : [];
  });
}

/**
 * A report replaces the add-in's earlier sheets of the same report: the full report every earlier
 * full-report sheet (so a «состав ОО» sheet from a run with comparison does not linger), a
 * one-district report only the sheets with its own names, so each district's sheet stays until
 * that district is rebuilt. Sheets the job reads are never removed.
 */
export function planReplacement(
  report: ReportModel,
  existing: readonly SheetInfo[],
  owned: readonly OwnedSheet[],
  inputs: readonly string[],
  /** Ids of the add-in's sheets the user added to (addedToByUser). */
  added: ReadonlySet<string> = new Set(),
): ReplacementPlan {
  const keys = new Set(report.sheets.map(sheetKey));
  const oneDistrict = report.sheets.some((s) => s.kind === 'district');
  const protectedNames = new TakenNames(inputs);
  const byId = new Map(existing.map((sheet) => [sheet.id, sheet]));

  const remove: SheetInfo[] = [];
  const keep: OwnedSheet[] = [];
  const released: { sheet: SheetInfo; key: string }[] = [];
  /** Report sheet key → the first of the add-in's sheets with it, to be rewritten. */
  const reusable = new Map<string, SheetInfo>();
  for (const entry of owned) {
    const sheet = byId.get(entry.id);
    if (!sheet) continue; // deleted by the user meanwhile
    // Renamed by the user (a snapshot they keep): theirs from now on, neither replaced nor recorded.
    if (!isGivenSheetName(sheet.name, entry.key.slice(entry.key.indexOf('|') + 1))) continue;
    const replaced = keys.has(entry.key) || (!oneDistrict && entry.kind !== 'district');
    if (!replaced || protectedNames.has(sheet.name)) keep.push(entry);
    // The user's from now on: it keeps its name, so the report's sheet takes the next free one.
    else if (added.has(entry.id)) released.push({ sheet, key: entry.key });
    else if (keys.has(entry.key) && !reusable.has(entry.key)) reusable.set(entry.key, sheet);
    // A second sheet of one key (left by a run that failed before it was recorded) goes.
    else remove.push(sheet);
  }

  const reuse = report.sheets.map((sheet) => reusable.get(sheetKey(sheet)) ?? null);
  const removed = new Set(remove.map((s) => s.id));
  // Rewritten sheets keep their names, which stay taken.
  const taken = new TakenNames(existing.filter((s) => !removed.has(s.id)).map((s) => s.name));
  const names = report.sheets.map((sheet, index) => {
    const reused = reuse[index];
    if (reused) return reused.name;
    const name = freeSheetName(sheet.name, taken);
    taken.add(name);
    return name;
  });
  const replacedBy = (key: string): string | null => {
    const index = report.sheets.findIndex((sheet) => sheetKey(sheet) === key);
    return index < 0 ? null : (names[index] ?? null);
  };
  return { remove, reuse, names, keep, released: released.map(({ sheet, key }) => ({ sheet, replacedBy: replacedBy(key) })) };
}
