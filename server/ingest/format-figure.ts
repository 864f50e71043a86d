/**
 * Formats a figure the Dutch way the monitor prints it (`13.709`, `52,7`), for discrepancy sentences.
 * `decimals` fixes the number of decimals; by default whole numbers have none and others one.
 */
export function formatFigure(value: number, decimals?: number): string {
  const places = decimals ?? (Number.isInteger(value) ? 0 : 1);
  return value.toLocaleString('nl-NL', { minimumFractionDigits: places, maximumFractionDigits: places });
}

/** Formats a change in percent with its sign (`+52,7%`). */
export function formatPercentChange(value: number, decimals = 1): string {
  return `${value > 0 ? '+' : ''}${formatFigure(value, decimals)}%`;
}
