/**
 * The order in which round `round` (from 0) runs the columns: the columns rotated by `round`, so that over as
 * many rounds as there are columns each column runs once in each position (first, right after another's
 * run, …). A fixed order would charge one column for whatever its predecessor leaves behind (a hot heap in
 * the load generator, the host's scheduler after a busy run) in every round alike.
 */
export function roundOrder<T>(columns: readonly T[], round: number): T[] {
  if (!Number.isInteger(round) || round < 0) throw new RangeError(`not a round: ${round}`);
  if (columns.length === 0) return [];
  const start = round % columns.length;
  return [...columns.slice(start), ...columns.slice(0, start)];
}
