/** The ratios of one column's runs over another's, round by round: their median and range. */
export interface PairedRatio {
  /** The median of the rounds' ratios (the mean of the middle two for an even count). */
  median: number;
  min: number;
  max: number;
  /** How many rounds had both runs (the other's req/s above 0). */
  rounds: number;
}

/**
 * The ratio of `values` over `bases` taken round by round (`values[i] / bases[i]`: two columns' req/s in the
 * same round), summed up by its median and range; undefined when no round has both (or every base is 0).
 * Runs of one round are seconds apart, the rounds minutes: where the host's pace drifts over minutes (a VM
 * whose busy loop runs 670–1130 ms from one minute to the next), the ratio of two medians of req/s takes
 * each median from whichever rounds fell fast or slow, and a ratio within a round cancels the drift.
 */
export function pairedRatio(values: readonly number[], bases: readonly number[]): PairedRatio | undefined {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(values.length, bases.length); i += 1)
    if (bases[i]! > 0) ratios.push(values[i]! / bases[i]!);
  if (ratios.length === 0) return undefined;
  ratios.sort((a, b) => a - b);
  const middle = Math.floor(ratios.length / 2);
  return {
    median: ratios.length % 2 === 1 ? ratios[middle]! : (ratios[middle - 1]! + ratios[middle]!) / 2,
    min: ratios[0]!,
    max: ratios.at(-1)!,
    rounds: ratios.length,
  };
}
