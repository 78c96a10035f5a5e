/** Markdown tables for the benchmark's output (the README's «Производительность» quotes them). */
import { formatNumber } from '../core';

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const rule = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, rule, ...rows].map((row) => `| ${row.map(escape).join(' | ')} |`).join('\n') + '\n';
}

/** Milliseconds: one decimal below 100, whole above. */
export function ms(value: number): string {
  return formatNumber(value, value < 100 ? 1 : 0);
}

/** A ratio such as «3,2×» or «1 450×». */
export function times(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return `${formatNumber(value, value < 10 ? 1 : 0)}×`;
}

export function megabytes(bytes: number): string {
  return formatNumber(bytes / 1024 / 1024, 1);
}

export function kilobytes(bytes: number): string {
  return formatNumber(bytes / 1024, 1);
}
