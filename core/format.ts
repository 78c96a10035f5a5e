/**
 * Russian number formatting for text output (terminal, messages): «97,01%», «17 218»,
 * «+1,25 п.п.». Spreadsheet renderers use number formats instead and keep the numbers.
 */

const THIN_GROUP = '\u00a0';

function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = value * factor;
  // A relative nudge so that 0.97015 (stored as 0.970149999…) rounds as the decimal it is.
  const nudged = scaled + Math.sign(scaled) * Math.abs(scaled) * 1e-12;
  return (Math.sign(nudged) * Math.round(Math.abs(nudged))) / factor;
}

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, THIN_GROUP);
}

/** A number with a decimal comma and no-break spaces between thousands. */
export function formatNumber(value: number, decimals = 0): string {
  const rounded = roundHalfAway(value, decimals);
  const [integerPart, fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const sign = rounded < 0 ? '−' : '';
  return sign + groupThousands(integerPart ?? '0') + (fraction ? ',' + fraction : '');
}

/** A fraction as a percentage with two decimals: 0.970125… → «97,01%». */
export function formatPercent(fraction: number | null, decimals = 2): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return formatNumber(fraction * 100, decimals) + '%';
}

/**
 * The tolerance below a target as a difference of percentages: 0.05 → «5 п.п.», 0.005 →
 * «0,5 п.п.» (a whole percent, rounded, would say «1%» for half a point).
 */
export function formatTolerance(share: number): string {
  return `${String(Number((share * 100).toFixed(2))).replace('.', ',')} п.п.`;
}

/** A change in percentage points with its sign: 1.25 → «+1,25 п.п.». */
export function formatPoints(points: number | null): string {
  if (points === null || !Number.isFinite(points)) return '—';
  const text = formatNumber(points, 2);
  return (points > 0 && text !== '0,00' ? '+' : '') + text + ' п.п.';
}

/** A share rounded as it is displayed (two decimals of a percentage), for tests and JSON. */
export function roundShare(fraction: number, percentDecimals = 2): number {
  // Rounding the fraction itself keeps 9701 / 10 000 the nearest double to 0,9701.
  return roundHalfAway(fraction, percentDecimals + 2);
}
