import { roundOrder } from './round-order';

/** One load run of a benchmark's schedule. */
export interface ScheduledRun<T> {
  /** The round it belongs to, from 0. */
  round: number;
  column: T;
  /**
   * Whether it is the column's first run of the schedule: that run is preceded by the full warm-up (seconds of
   * load), every later one by a short burst only (its server already runs its optimised code).
   */
  first: boolean;
}

/**
 * The load runs of `rounds` rounds over `columns`, in the order they run: each round in the order of a
 * Williams design ({@link roundOrder}), each column's first run marked. A warm-up before every run kept the
 * two runs a round's ratio pairs as far apart as a warm-up and a run per column between them: on a host whose
 * pace changes within seconds, the farther apart, the more of that change a ratio takes in.
 */
export function runSchedule<T>(columns: readonly T[], rounds: number): ScheduledRun<T>[] {
  if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError(`not a number of rounds: ${rounds}`);
  const seen = new Set<T>();
  const runs: ScheduledRun<T>[] = [];
  for (let round = 0; round < rounds; round += 1)
    for (const column of roundOrder(columns, round)) {
      runs.push({ round, column, first: !seen.has(column) });
      seen.add(column);
    }
  return runs;
}
