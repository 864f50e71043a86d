/**
 * What a column's windows settled at: the mean of its last two when they differ by at most `tolerance` of the
 * larger (0.02: 2 %), else undefined (still warming up, or a window that caught a collection). A count that
 * goes on falling from one window to the next is not settled, however many windows it has.
 */
export function settledCount(windows: readonly number[], tolerance: number): number | undefined {
  if (!(tolerance >= 0)) throw new RangeError(`not a tolerance: ${tolerance}`);
  if (windows.length < 2) return undefined;
  const [before, last] = [windows.at(-2)!, windows.at(-1)!];
  const larger = Math.max(before, last);
  if (larger <= 0 || Math.abs(last - before) > tolerance * larger) return undefined;
  return (before + last) / 2;
}
