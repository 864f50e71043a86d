/**
 * Row sets: two answers reduced to rows of plain values (field names and nesting mapped away), compared as
 * multisets. Used by the benchmark to check that the service and its peer answer the same before timing them.
 */

/** The rows of `a` missing from `b` and the rows of `b` missing from `a` (each row as JSON), counted as multisets. */
export function rowSetDifferences(
  a: readonly unknown[][],
  b: readonly unknown[][],
): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const counts = new Map<string, number>();
  for (const row of a) counts.set(JSON.stringify(row), (counts.get(JSON.stringify(row)) ?? 0) + 1);
  const onlyInSecond: string[] = [];
  for (const row of b) {
    const key = JSON.stringify(row);
    const left = counts.get(key) ?? 0;
    if (left === 0) onlyInSecond.push(key);
    else counts.set(key, left - 1);
  }
  const onlyInFirst = [...counts].flatMap(([key, n]) => Array<string>(n).fill(key));
  return { onlyInFirst: onlyInFirst.sort(), onlyInSecond: onlyInSecond.sort() };
}

/**
 * Throws when `a` and `b` are not the same rows: the message names `what`, both sides' names, how many rows
 * differ and the first few of them.
 */
export function assertSameRows(
  what: string,
  first: { name: string; rows: readonly unknown[][] },
  second: { name: string; rows: readonly unknown[][] },
): void {
  const { onlyInFirst, onlyInSecond } = rowSetDifferences(first.rows, second.rows);
  if (onlyInFirst.length === 0 && onlyInSecond.length === 0) return;
  const show = (rows: string[]) => rows.slice(0, 3).map((row) => `    ${row}`);
  throw new Error(
    [
      `${what}: ${first.name} and ${second.name} answer differently (${first.rows.length} and ${second.rows.length} rows)`,
      `  ${onlyInFirst.length} rows only in ${first.name}:`,
      ...show(onlyInFirst),
      `  ${onlyInSecond.length} rows only in ${second.name}:`,
      ...show(onlyInSecond),
    ].join('\n'),
  );
}
