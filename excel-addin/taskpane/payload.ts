/**
 * Round trips and their size. Excel on the web refuses a request or response above 5 MB, so
 * there every read and write is planned in bytes: operations are queued until the next one would
 * push the batch past the budget, and only then does the batch sync. Small workbooks take one
 * sync per phase; only large ones take more, in proportion to their size. Excel on Windows and
 * Mac has no such limit (Microsoft's «Resource limits» page names Excel on the web only), so
 * there the budget is large and a whole country's report takes as many syncs as a district's.
 */
import type { ExcelRequestContext } from './excelApi';

/** Excel on the web's limit per request and per response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** What we plan for on the web: a fifth below the limit, for the envelope of each operation and for estimates. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

/**
 * What we plan for in desktop Excel, which has no payload limit: a bound on the memory one batch
 * may hold, far above a whole country's report (about 20 MB for 40,000 schools).
 */
export const DESKTOP_PAYLOAD_BUDGET = 256 * 1024 * 1024;

/** Excel refuses to read more cells than this in one range, on every platform. */
export const READ_CELL_LIMIT = 5_000_000;

/**
 * The budget for the platform Office.onReady reports (Office.PlatformType): the large one only
 * for Excel on Windows ('PC') and Mac; the web's for the web, mobile apps and anything unknown.
 */
export function payloadBudgetFor(platform: unknown): number {
  return platform === 'PC' || platform === 'Mac' ? DESKTOP_PAYLOAD_BUDGET : PAYLOAD_BUDGET;
}

/** Envelope of one queued operation (object path, method, property name) when its data is small. */
export const OPERATION_BYTES = 200;

/**
 * Bytes of one row assumed before any of a sheet has been read (later blocks are sized from what
 * was actually read): room for two long texts, then so much per cell. Measured as JSON in UTF-8:
 * samples/weekly-current (16 columns, names like «МБОУ СОШ № 4») averages 138 bytes a row, at
 * most 187; the same row with a 194-character official name (363 bytes: Cyrillic takes two) and
 * a long district takes 530. The estimate for 16 columns, 656, is above that, so a region's
 * sheet, even of 5,000 schools, is read in one sync; the old 128 bytes a cell (2,048 a row)
 * split anything above ~2,000 rows. Where the guess is still short (a sheet of long texts), the
 * budget's fifth below the limit absorbs it, and a refused read is asked again in smaller
 * blocks (readSheetValues).
 */
export const FIRST_READ_TEXT_BYTES = 400;
export const FIRST_READ_BYTES_PER_CELL = 16;

export function firstReadRowBytes(columns: number): number {
  return FIRST_READ_TEXT_BYTES + columns * FIRST_READ_BYTES_PER_CELL;
}

const encoder = new TextEncoder();

/** Size of a value as JSON in UTF-8, as it travels to and from Excel. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/**
 * A batch of queued Excel operations with a running size. `reserve` before queuing an operation:
 * it syncs first when the operation would not fit in the current batch.
 */
export class SyncBatch {
  private pending = 0;
  private syncCount = 0;

  constructor(private readonly context: ExcelRequestContext, readonly budget = PAYLOAD_BUDGET) {}

  get syncs(): number {
    return this.syncCount;
  }

  /** Room for an operation of `bytes` (request and expected response together). */
  async reserve(bytes: number = OPERATION_BYTES): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  /** Sends what is queued (if anything). */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.sync();
  }

  /** Sends the batch even when nothing was reserved (loads queued by the caller). */
  async sync(): Promise<void> {
    this.pending = 0;
    this.syncCount++;
    await this.context.sync();
  }
}

/**
 * Splits rows into consecutive blocks of at most `budget` bytes each (a single row larger than
 * the budget still gets a block of its own), for writes of large report sheets.
 */
export function rowBlocks<T>(rows: readonly T[], bytesOf: (row: T) => number, budget = PAYLOAD_BUDGET - OPERATION_BYTES): { start: number; rows: T[]; bytes: number }[] {
  const blocks: { start: number; rows: T[]; bytes: number }[] = [];
  let current: { start: number; rows: T[]; bytes: number } | null = null;
  rows.forEach((row, index) => {
    const bytes = bytesOf(row) + 1;
    if (!current || (current.rows.length > 0 && current.bytes + bytes > budget)) {
      current = { start: index, rows: [], bytes: 2 };
      blocks.push(current);
    }
    current.rows.push(row);
    current.bytes += bytes;
  });
  return blocks;
}
