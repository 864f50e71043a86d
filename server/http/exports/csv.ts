/** One CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes a header row and the rows as RFC 4180 CSV (CRLF line ends), UTF-8. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => field(row[column])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
