/**
 * The order in which round `round` (from 0) runs the columns: the rows of a Williams design (a Latin square
 * balanced for what runs just before). Over a cycle of as many rounds as columns (twice as many for an odd
 * number of columns), each column runs as often in each position, and right after each other column as often
 * as after any other: no column is always measured after the same one (whatever a run leaves behind, a busy
 * host, a load generator's heap, falls on every column alike). A rotation by one each round, which this
 * replaces, also puts each column in each position, but keeps every column right after the same one in every
 * round (the cached service always after the uncached one).
 *
 * Round 0 runs the first column first. The design: a first row 0, 1, n−1, 2, n−2, …; row r adds r to each
 * (modulo n); for an odd n the rows n … 2n−1 are rows 0 … n−1 reversed.
 */
export function roundOrder<T>(columns: readonly T[], round: number): T[] {
  if (!Number.isInteger(round) || round < 0) throw new RangeError(`not a round: ${round}`);
  const n = columns.length;
  if (n === 0) return [];
  const cycle = n % 2 === 0 ? n : 2 * n;
  const row = round % cycle;
  const shift = row % n;
  const order = firstRow(n).map((index) => columns[(index + shift) % n]!);
  return row < n ? order : order.reverse();
}

/** The first row of the design for n columns: 0, 1, n−1, 2, n−2, 3, … */
function firstRow(n: number): number[] {
  const row: number[] = [];
  for (let i = 0; i < n; i += 1) row.push(i % 2 === 1 ? (i + 1) / 2 : (n - i / 2) % n);
  return row;
}
