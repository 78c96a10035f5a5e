/**
 * Progress lines on stderr for large inputs, so a 40 000-row file does not look hung while
 * ExcelJS reads it. Small files print nothing: the table is the whole story there.
 */
import { formatNumber } from '../core';
import type { CliIo } from './io';

/** Files from this size on get progress lines (≈ 4 000 rows of .xlsx). */
export const LARGE_FILE_BYTES = 256 * 1024;

export class Progress {
  private started = Date.now();
  constructor(private readonly io: CliIo, private enabled: boolean) {}

  /** Turns progress on once a file turns out to be large (unless --quiet). */
  enableIf(large: boolean, quiet: boolean): void {
    if (large && !quiet) this.enabled = true;
  }

  line(text: string): void {
    if (this.enabled) this.io.stderr(text + '\n');
  }

  /** Restarts the clock and returns the seconds since the last restart. */
  lap(): number {
    const now = Date.now();
    const seconds = (now - this.started) / 1000;
    this.started = now;
    return seconds;
  }
}

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, 1)} МБ`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} КБ`;
}
