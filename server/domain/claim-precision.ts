import type { ClaimPrecision, ClaimVerdict } from './vocabulary';

/**
 * How far a figure the text gives as approximate (`ruim`, `bijna`, `ca.`/`ongeveer`) may lie from the table's:
 * 5% of the printed figure (the margin the ingest uses for every approximate mention), or one unit of its last
 * printed digit where that is more: `bijna 4%` admits 3% to 4%, `ruim 7 miljoen` 7 to 8 miljoen.
 */
export const APPROXIMATE_MARGIN = 0.05;

/** The computed values a printed figure admits: an interval, each end open or closed. */
export interface AdmittedRange {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

/** What a claim prints, read for comparison. */
export interface PrintedFigure {
  /** The figure (the lower end of a BAND; the factor of a FACTOR: 3 for `verdrievoudigd`). */
  value: number;
  /** The unit of its last printed digit: 1 for `663`, 0,1 for `2,5%`, 100.000 for `2,6 miljoen`, 1.000 for `732.000`. */
  unit: number;
  /** A BAND's upper end. */
  upper?: number;
}

const closed = (low: number, high: number): AdmittedRange => ({ low, high, lowOpen: false, highOpen: false });

/**
 * The values a printed figure admits at its precision (null for DIRECTION and RANKING, which compare no figure):
 * - EXACT, ROUNDED, POINTS, COUNT: what rounds to the printed figure at its last digit (half a unit either side);
 * - RUIM (`ruim`, `iets meer dan`): from the figure up to the approximate margin above it;
 * - BIJNA (`bijna`, `een kleine`): from the margin below the figure up to it;
 * - CA (`ca.`, `ongeveer`): within the margin either side (see {@link APPROXIMATE_MARGIN});
 * - BAND (`tussen 5 en 20%`, `45%-50%`): the band, ends included;
 * - MORE_THAN (`meer dan`): above the figure;
 * - FACTOR (`verdrievoudigd`): a ratio that rounds to the factor.
 */
export function admittedRange(precision: ClaimPrecision, printed: PrintedFigure): AdmittedRange | null {
  const { value, unit } = printed;
  const margin = Math.max(APPROXIMATE_MARGIN * Math.abs(value), unit);
  const epsilon = 1e-9 * Math.max(1, Math.abs(value));
  switch (precision) {
    case 'EXACT':
    case 'ROUNDED':
    case 'POINTS':
    case 'COUNT':
      return closed(value - unit / 2 - epsilon, value + unit / 2 + epsilon);
    case 'RUIM':
      return closed(value, value + margin);
    case 'BIJNA':
      return closed(value - margin, value);
    case 'CA':
      return closed(value - margin, value + margin);
    case 'BAND':
      return closed(value, printed.upper ?? value);
    case 'MORE_THAN':
      return { low: value, high: Infinity, lowOpen: true, highOpen: true };
    case 'FACTOR':
      return { low: value - 0.5, high: value + 0.5, lowOpen: false, highOpen: true };
    case 'DIRECTION':
    case 'RANKING':
      return null;
  }
}

/** Whether `computed` lies in the range. */
export function admits(range: AdmittedRange, computed: number): boolean {
  const aboveLow = range.lowOpen ? computed > range.low : computed >= range.low;
  const belowHigh = range.highOpen ? computed < range.high : computed <= range.high;
  return aboveLow && belowHigh;
}

/**
 * The verdict on a computed figure: AGREES when the range admits it, else DISAGREES. When the figure is only
 * a lower bound (a cell printed `> 5.000` is part of it), every value from the bound up is possible: DISAGREES
 * when the range ends below the bound, AGREES when it admits every value from the bound up, else NOT_CHECKABLE.
 */
export function verdictOf(range: AdmittedRange, computed: number, lowerBound = false): ClaimVerdict {
  if (!lowerBound) return admits(range, computed) ? 'AGREES' : 'DISAGREES';
  if (range.high < computed || (range.highOpen && range.high === computed)) return 'DISAGREES';
  if (range.high === Infinity && admits(range, computed)) return 'AGREES';
  return 'NOT_CHECKABLE';
}

/** Combines the verdicts of a claim's parts: any DISAGREES wins, then any NOT_CHECKABLE; AGREES only if all agree. */
export function combineVerdicts(verdicts: readonly ClaimVerdict[]): ClaimVerdict {
  if (verdicts.includes('DISAGREES')) return 'DISAGREES';
  if (verdicts.length === 0 || verdicts.includes('NOT_CHECKABLE')) return 'NOT_CHECKABLE';
  return 'AGREES';
}
