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
 * Returns null when there is nothing to compare (a figure is missing and the printed change is a number).
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
  if (printed.qualifier === 'UNCHANGED' || printed.qualifier === 'NOT_AVAILABLE')
    return computed.absolute === 0;
  if (printed.value === null) return null;
  const actual = kind === 'DIFFERENCE' ? computed.absolute : computed.relative;
  if (actual === null) return null;
  const tolerance = 0.5 * 10 ** -printed.decimals + 1e-9;
  return Math.abs(actual - printed.value) <= tolerance;
}
