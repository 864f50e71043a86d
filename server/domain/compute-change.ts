/** A printed change column, parsed. */
export interface PrintedChange {
  value: number | null;
  qualifier: string;
  decimals: number;
}

/** The change between two figures: the difference, and the difference relative to the first in percent. */
export interface ComputedChange {
  absolute: number;
  /** Null when the first figure is 0. */
  relative: number | null;
}

/** Computes the change from `from` to `to`. */
export function computeChange(from: number, to: number): ComputedChange {
  const absolute = to - from;
  return { absolute, relative: from === 0 ? null : (absolute / from) * 100 };
}

/**
 * Whether a printed change agrees with the figures, allowing for the rounding of the printed figure (half a
 * unit of its last printed decimal). `-` (UNCHANGED) agrees with no change; `nieuw` with a missing first figure.
 * Returns null when there is nothing to compare: a figure is missing and the printed change is a number, or no
 * change is printed (NOT_AVAILABLE: a `-` beside figures that are bounds, see {@link changeNotComputedBecause}).
 * The caller checks for bounds: from bounds no change is computed, so none agrees.
 *
 * `kind` says what the printed change is: `RELATIVE` (a % change) or `DIFFERENCE` (in points).
 */
export function changeAgrees(
  printed: PrintedChange,
  from: number | null,
  to: number | null,
  kind: string,
): boolean | null {
  if (printed.qualifier === 'NEW') return from === null;
  if (from === null || to === null) return null;
  const computed = computeChange(from, to);
  if (printed.qualifier === 'NOT_AVAILABLE') return null;
  if (printed.qualifier === 'UNCHANGED') return computed.absolute === 0;
  if (printed.value === null) return null;
  const actual = kind === 'DIFFERENCE' ? computed.absolute : computed.relative;
  if (actual === null) return null;
  const tolerance = 0.5 * 10 ** -printed.decimals + 1e-9;
  return Math.abs(actual - printed.value) <= tolerance;
}

/** Qualifiers of a figure that is a bound, not a value (`> 5.000`): no change can be computed from it. */
const BOUNDS: Readonly<Record<string, string>> = { AT_LEAST: 'a lower bound', AT_MOST: 'an upper bound' };

/** One end of a change: its year, its printed cell and the cell's qualifier. */
export interface ChangeEnd {
  year: number;
  raw: string;
  qualifier: string;
}

/**
 * Why the change between two figures is not computed, or null when it is: a figure that is a bound
 * (`> 5.000`, qualifier AT_LEAST or AT_MOST) gives no change, not even 0%, whatever the other figure is.
 * The reason names the bounds: `both figures are lower bounds (> 5.000 in 2018, > 5.000 in 2019)`.
 */
export function changeNotComputedBecause(from: ChangeEnd, to: ChangeEnd): string | null {
  const bounds = [from, to].filter((end) => BOUNDS[end.qualifier] !== undefined);
  if (bounds.length === 0) return null;
  const cells = bounds.map((end) => `${end.raw} in ${end.year}`).join(', ');
  if (bounds.length === 2) {
    const same = from.qualifier === to.qualifier;
    const what = same ? `${BOUNDS[from.qualifier]!.replace(/^an? /, '')}s` : 'bounds';
    return `both figures are ${what} (${cells}): the change is unknown`;
  }
  const [bound] = bounds;
  return `the ${bound!.year} figure is ${BOUNDS[bound!.qualifier]} (${cells}): the change is unknown`;
}
