/**
 * What the add-in keeps inside the workbook, in Office's document settings (saved with the file,
 * private to the add-in, invisible in the grid):
 *  - the user's StoredSettings (targets, tolerance, column corrections, chosen sheets);
 *  - the sheets the add-in created, by worksheet id: a re-run replaces exactly these;
 *  - the sheet the last report was built from, to reopen the panel on it.
 *
 * Why ids in settings mark our sheets: an id never changes when a sheet is renamed or moved, a
 * copy the user makes of our sheet gets a new id (so the copy is the user's), and a user cannot
 * create a sheet with our id. Nothing is written into the grid, where a user could clear or
 * copy it. If the settings are lost (another copy of the add-in), old report sheets are simply
 * no longer ours: new ones get free names, and no user sheet is ever deleted.
 */
import type { SheetKind } from '../../core/report/model';
import { parseWrittenExtent, type WrittenExtent } from '../../core/report/writtenExtent';
import { parseStoredSettings, type StoredSettings } from '../../core/settings';
import type { DocumentSettings } from './excelApi';

export const SETTINGS_KEY = 'sferum-monitor.settings';
export const OWNED_SHEETS_KEY = 'sferum-monitor.sheets';
export const SOURCE_SHEET_KEY = 'sferum-monitor.source';

/**
 * A sheet the add-in made: its id, its kind, what it holds (ReportSheet.marker + the name asked
 * for) and what it wrote there. Records from before extents were kept have none: such a sheet
 * is rewritten as before, without the check for the user's additions.
 */
export interface OwnedSheet {
  readonly id: string;
  readonly kind: SheetKind;
  readonly key: string;
  readonly extent?: WrittenExtent;
}

const SHEET_KINDS: readonly SheetKind[] = ['districts', 'lagging', 'findings', 'changes', 'district'];

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export class WorkbookStore {
  constructor(private readonly settings: DocumentSettings) {}

  readSettings(): StoredSettings {
    return parseStoredSettings(text(this.settings.get(SETTINGS_KEY)));
  }

  ownedSheets(): OwnedSheet[] {
    const raw = text(this.settings.get(OWNED_SHEETS_KEY));
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!Array.isArray(parsed)) return [];
      return parsed.flatMap((item: unknown) => {
        const entry = item as { id?: unknown; kind?: unknown; key?: unknown; extent?: unknown } | null;
        const kind = SHEET_KINDS.find((k) => k === entry?.kind);
        if (!entry || typeof entry.id !== 'string' || typeof entry.key !== 'string' || !kind) return [];
        const extent = parseWrittenExtent(entry.extent);
        return [extent ? { id: entry.id, kind, key: entry.key, extent } : { id: entry.id, kind, key: entry.key }];
      });
    } catch {
      return [];
    }
  }

  sourceSheet(): string | null {
    return text(this.settings.get(SOURCE_SHEET_KEY));
  }

  /** Changes and saves in one go: settings only reach the file through saveAsync. */
  async save(changes: { settings?: StoredSettings; ownedSheets?: readonly OwnedSheet[]; sourceSheet?: string }): Promise<void> {
    if (changes.settings) this.settings.set(SETTINGS_KEY, JSON.stringify(changes.settings));
    if (changes.ownedSheets) this.settings.set(OWNED_SHEETS_KEY, JSON.stringify(changes.ownedSheets));
    if (changes.sourceSheet !== undefined) this.settings.set(SOURCE_SHEET_KEY, changes.sourceSheet);
    await new Promise<void>((resolve, reject) => {
      this.settings.saveAsync((result) => {
        if (String(result.status) === 'failed') reject(new Error(result.error?.message ?? 'настройки книги не сохранены'));
        else resolve();
      });
    });
  }
}
