/**
 * Opens an input file whatever it is (.xlsx or CSV, told apart by content first and the
 * extension second) and returns its sheets as plain rows. Every way a file can be wrong
 * becomes an InputError with a Russian message; the file is read, never written.
 */
import { promises as fs } from 'fs';
import { basename, extname } from 'path';
import { readReason } from './fileErrors';
import { InputError } from './inputError';
import { cliMessages } from './messages';
import type { PlainCell } from './plainCell';
import { decodeText, parseCsv } from './readCsv';
import { readXlsxSheets } from './readXlsx';
import { isOpenDocumentSpreadsheet, zipEntryNames } from './zipEntries';

export interface LoadedSheet {
  /** Tab name, or null for a CSV file. */
  readonly sheetName: string | null;
  /** How reports name it: «weekly.xlsx / Лист1», «weekly.csv». */
  readonly label: string;
  readonly hidden: boolean;
  readonly rows: PlainCell[][];
  /** Formulas of a never-calculated sheet, read as empty («D4: =40*2»); see readXlsx.ts. */
  readonly uncalculated: readonly string[];
}

export interface LoadedFile {
  readonly path: string;
  readonly format: 'xlsx' | 'csv';
  readonly bytes: number;
  readonly sheets: readonly LoadedSheet[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** The stream name of an encrypted workbook in the container's directory (UTF-16). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const XLSX_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
const LEGACY_EXTENSIONS: Readonly<Record<string, string>> = { '.xls': '.xls', '.xlsb': '.xlsb', '.ods': '.ods', '.numbers': '.numbers' };

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);


export async function fileSize(path: string): Promise<number> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') throw new InputError(cliMessages.fileNotFound(path));
    throw new InputError(cliMessages.unreadableFile(path, readReason(error)));
  }
  if (!stat.isFile()) throw new InputError(cliMessages.notAFile(path));
  return stat.size;
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error;
}

export async function loadSpreadsheet(path: string): Promise<LoadedFile> {
  await fileSize(path);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    throw new InputError(cliMessages.unreadableFile(path, readReason(error)));
  }
  if (bytes.length === 0) throw new InputError(cliMessages.emptyFile(path));
  const extension = extname(path).toLowerCase();
  const name = basename(path);

  // .xlsx is a zip; an old binary .xls is an OLE container. Content wins over the name, so a
  // workbook saved as «.csv» by mistake is still read, and a text file named .xlsx is refused.
  const legacy = LEGACY_EXTENSIONS[extension];
  if (startsWith(bytes, ZIP_MAGIC)) return loadZip(path, name, bytes, legacy);
  if (startsWith(bytes, OLE_MAGIC)) {
    // A password-protected .xlsx is kept in the same container as an old .xls, its workbook in a stream named so.
    if (bytes.includes(ENCRYPTED_PACKAGE)) throw new InputError(cliMessages.passwordProtected(path));
    throw new InputError(cliMessages.legacyFormat(path, extension === '.xls' ? '.xls' : 'Excel 97–2003 (.xls)'));
  }
  if (legacy) throw new InputError(cliMessages.legacyFormat(path, legacy));
  if (XLSX_EXTENSIONS.has(extension)) throw new InputError(cliMessages.notXlsx(path));

  const text = decodeText(bytes);
  if (text === null) throw new InputError(cliMessages.notText(path));
  return { path, format: 'csv', bytes: bytes.length, sheets: [{ sheetName: null, label: name, hidden: false, rows: parseCsv(text), uncalculated: [] }] };
}

/**
 * A zip is read as .xlsx only when it holds the workbook part ExcelJS reads (xl/workbook.xml);
 * an .ods, an .xlsb (xl/workbook.bin) or another zip is named for what it is, whatever its extension.
 */
function loadZip(path: string, name: string, bytes: Buffer, legacy: string | undefined): Promise<LoadedFile> {
  const entries = zipEntryNames(bytes);
  // A directory we cannot read goes to ExcelJS, which says whether it is a workbook after all.
  if (entries === null || entries.includes('xl/workbook.xml')) return loadXlsx(path, name, bytes);
  if (isOpenDocumentSpreadsheet(bytes)) throw new InputError(cliMessages.legacyFormat(path, '.ods'));
  if (entries.includes('xl/workbook.bin')) throw new InputError(cliMessages.legacyFormat(path, '.xlsb'));
  if (legacy) throw new InputError(cliMessages.legacyFormat(path, legacy));
  throw new InputError(cliMessages.notXlsx(path));
}

async function loadXlsx(path: string, name: string, bytes: Buffer): Promise<LoadedFile> {
  let sheets;
  try {
    sheets = await readXlsxSheets(bytes);
  } catch {
    throw new InputError(cliMessages.notXlsx(path));
  }
  if (sheets.length === 0) throw new InputError(cliMessages.noSheets(path));
  return {
    path,
    format: 'xlsx',
    bytes: bytes.length,
    sheets: sheets.map((sheet) => ({ sheetName: sheet.name, label: `${name} / ${sheet.name}`, hidden: sheet.hidden, rows: sheet.rows, uncalculated: sheet.uncalculated })),
  };
}

/** Rows of the biggest sheet, for deciding whether to show progress. */
export function rowCount(file: LoadedFile): number {
  return Math.max(0, ...file.sheets.map((sheet) => sheet.rows.length));
}
