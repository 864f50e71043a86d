import type { ObservationTable } from '../../db/database';
import {
  admittedRange,
  combineVerdicts,
  verdictOf,
  type AdmittedRange,
  type PrintedFigure,
} from '../../domain/claim-precision';
import { computeChange } from '../../domain/compute-change';
import type { ClaimDirection, ClaimMeasure, ClaimPrecision, ClaimVerdict } from '../../domain/vocabulary';
import { formatFigure } from '../format-figure';
import type { Cells, Series } from './claim-series';

/** What a claim says, read: its measure and precision, the figure it prints, and what it refers to. */
export interface ClaimReading {
  measure: ClaimMeasure;
  precision: ClaimPrecision;
  printed: string;
  figure: PrintedFigure | null;
  direction: ClaimDirection;
  years: number[];
  series: Series[];
  others: Series[];
  ordered: boolean;
}

/** The outcome of checking a claim against the tables. */
export interface ClaimCheck {
  verdict: ClaimVerdict;
  /** The figure the tables give, when the claim comes down to one. */
  computed: number | null;
  /** Whether `computed` is only a lower bound. */
  lowerBound: boolean;
  /** One line that says what was computed and how it compares. */
  reason: string;
  /** The table figures it was checked against. */
  observations: ObservationTable[];
}

/** One computed figure of a claim (a series' level, change, share, …). */
type Part =
  { label: string; value: number; lowerBound: boolean; text: string } | { label: string; missing: string };

const percent = (value: number) => `${value > 0 ? '+' : ''}${formatFigure(value, 2)}%`;

function describeRange(range: AdmittedRange, asPercent: boolean): string {
  const figure = (value: number) => formatFigure(value, Number.isInteger(value) ? 0 : 2);
  const show = (value: number) => (asPercent ? `${figure(value)}%` : figure(value));
  if (range.high === Infinity) return `more than ${show(range.low)}`;
  return `${show(range.low)} to ${show(range.high)}`;
}

/**
 * Checks a claim against the tables: computes what it measures from the cells (the change arithmetic of
 * `compute-change.ts`) and compares it with the printed figure at the claim's precision. A figure involving a
 * lower bound is compared as one; a change involving one is not computed (the claim is then not checkable).
 */
export function checkClaim(reading: ClaimReading, cells: Cells): ClaimCheck {
  const observations: ObservationTable[] = [];
  const valueIn = (series: Series, year: number) => {
    const found = cells.value(series, year);
    observations.push(...found.observations);
    return found;
  };

  const changeOf = (series: Series, compute: (from: number, to: number) => number | null): Part => {
    const [fromYear, toYear] = reading.years as [number, number];
    const from = valueIn(series, fromYear);
    const to = valueIn(series, toYear);
    if ('missing' in from) return { label: series.label, missing: from.missing };
    if ('missing' in to) return { label: series.label, missing: to.missing };
    if (from.lowerBound || to.lowerBound)
      return { label: series.label, missing: 'a change involving a lower bound (“> …”) is not computed' };
    const value = compute(from.value, to.value);
    if (value === null) return { label: series.label, missing: `its ${fromYear} figure is 0` };
    return {
      label: series.label,
      value,
      lowerBound: false,
      text: `${formatFigure(from.value)} → ${formatFigure(to.value)}`,
    };
  };

  const relative = (from: number, to: number) => computeChange(from, to).relative;
  const parts = (): Part[] => {
    switch (reading.measure) {
      case 'VALUE':
        return reading.series.flatMap((series) =>
          reading.years.map((year): Part => {
            const found = valueIn(series, year);
            if ('missing' in found) return { label: series.label, missing: found.missing };
            return { label: series.label, ...found, text: `${year}` };
          }),
        );
      case 'SUM': {
        const year = reading.years[0]!;
        let total = 0;
        let lowerBound = false;
        for (const series of reading.series) {
          const found = valueIn(series, year);
          if ('missing' in found) return [{ label: series.label, missing: found.missing }];
          total += found.value;
          lowerBound ||= found.lowerBound;
        }
        return [
          { label: 'the sum', value: total, lowerBound, text: `${reading.series.length} rows, ${year}` },
        ];
      }
      case 'SHARE': {
        const year = reading.years[0]!;
        const [part, whole] = reading.series.map((series) => valueIn(series, year));
        if (!part || !whole || 'missing' in part || 'missing' in whole || whole.value === 0)
          return [{ label: 'the share', missing: 'a figure of the share is missing' }];
        if (part.lowerBound || whole.lowerBound)
          return [{ label: 'the share', missing: 'a share involving a lower bound is not computed' }];
        return [
          {
            label: 'the share',
            value: (part.value / whole.value) * 100,
            lowerBound: false,
            text: `${formatFigure(part.value)} of ${formatFigure(whole.value)}`,
          },
        ];
      }
      case 'CHANGE':
      case 'DIRECTION':
        return reading.series.map((series) => changeOf(series, relative));
      case 'POINTS':
        return reading.series.map((series) => changeOf(series, (from, to) => to - from));
      case 'FACTOR':
        return reading.series.map((series) =>
          changeOf(series, (from, to) => (from === 0 ? null : to / from)),
        );
      case 'RANKING':
        return [];
    }
  };

  if (reading.measure === 'RANKING') return { ...rank(reading, valueIn, changeOf), observations };

  const computed = parts();
  const signed = reading.measure === 'CHANGE' || reading.measure === 'POINTS';
  const asPercent = reading.measure === 'CHANGE' || reading.measure === 'SHARE';
  const show = (part: Extract<Part, { value: number }>) => {
    const figure =
      reading.measure === 'CHANGE' || reading.measure === 'DIRECTION'
        ? percent(part.value)
        : reading.measure === 'POINTS'
          ? `${part.value > 0 ? '+' : ''}${formatFigure(part.value, 2)} points`
          : reading.measure === 'FACTOR'
            ? `×${formatFigure(part.value, 2)}`
            : reading.measure === 'SHARE'
              ? `${formatFigure(part.value, 2)}%`
              : formatFigure(part.value);
    return `${part.label}: ${part.lowerBound ? 'at least ' : ''}${figure} (${part.text})`;
  };

  const range = reading.figure ? admittedRange(reading.precision, reading.figure) : null;
  const verdicts: ClaimVerdict[] = [];
  const texts: string[] = [];
  for (const part of computed) {
    if ('missing' in part) {
      verdicts.push('NOT_CHECKABLE');
      texts.push(`${part.label}: ${part.missing}`);
      continue;
    }
    let verdict: ClaimVerdict;
    if (reading.measure === 'DIRECTION') {
      const went = part.value > 0 ? 'UP' : part.value < 0 ? 'DOWN' : 'SAME';
      verdict = went === reading.direction ? 'AGREES' : 'DISAGREES';
    } else {
      // A fall is compared by its size: "een daling van 37%" admits -37%, not +37%.
      const magnitude = signed && reading.direction === 'DOWN' ? -part.value : part.value;
      verdict = range ? verdictOf(range, magnitude, part.lowerBound) : 'NOT_CHECKABLE';
      if (signed && reading.direction === 'SAME') verdict = part.value === 0 ? 'AGREES' : 'DISAGREES';
    }
    verdicts.push(verdict);
    texts.push(show(part));
  }
  const verdict = combineVerdicts(verdicts);
  const admitted =
    range && reading.measure !== 'DIRECTION'
      ? ` “${reading.printed}” admits ${describeRange(range, asPercent)}${reading.direction === 'DOWN' && signed ? ' (a fall)' : ''}.`
      : reading.measure === 'DIRECTION'
        ? ` The text says ${reading.direction === 'UP' ? 'it rose' : reading.direction === 'DOWN' ? 'it fell' : 'it stayed the same'}.`
        : '';
  const single = computed.length === 1 && !('missing' in computed[0]!) ? computed[0] : undefined;
  return {
    verdict,
    computed: single && 'value' in single ? single.value : null,
    lowerBound: single && 'value' in single ? single.lowerBound : false,
    reason: `${texts.join('; ')}.${admitted}`,
    observations,
  };
}

/** A RANKING: the claimed series, by level (one year) or by change (two), each above every other series. */
function rank(
  reading: ClaimReading,
  valueIn: (series: Series, year: number) => ReturnType<Cells['value']>,
  changeOf: (series: Series, compute: (from: number, to: number) => number | null) => Part,
): Omit<ClaimCheck, 'observations'> {
  const byChange = reading.years.length === 2;
  const measure = (series: Series): Part => {
    if (byChange) return changeOf(series, (from, to) => computeChange(from, to).relative);
    const found = valueIn(series, reading.years[0]!);
    if ('missing' in found) return { label: series.label, missing: found.missing };
    if (found.lowerBound) return { label: series.label, missing: 'a lower bound cannot be ranked' };
    return { label: series.label, ...found, text: '' };
  };
  const top = reading.series.map(measure);
  const others = reading.others.map(measure);
  const show = (part: Part) =>
    'missing' in part
      ? `${part.label}: ${part.missing}`
      : `${part.label} ${byChange ? percent(part.value) : formatFigure(part.value)}`;
  const listed = `claimed: ${top.map(show).join(', ')}; others: ${others.map(show).join(', ')}`;
  const known = (parts: Part[]) => parts.filter((p): p is Extract<Part, { value: number }> => 'value' in p);
  const lowestClaimed = Math.min(...known(top).map((p) => p.value));
  const above = known(others).filter((p) => p.value >= lowestClaimed);
  const outOfOrder =
    reading.ordered === true && known(top).some((part, at, all) => at > 0 && part.value > all[at - 1]!.value);
  let verdict: ClaimVerdict = 'AGREES';
  let why = 'the claimed series rank above every other';
  if (above.length > 0) {
    verdict = 'DISAGREES';
    why = `${above.map((p) => p.label).join(', ')} rank at or above a claimed series`;
  } else if (outOfOrder) {
    verdict = 'DISAGREES';
    why = 'the claimed series are not in the order named';
  } else if (known(top).length < top.length || known(others).length < others.length) {
    verdict = 'NOT_CHECKABLE';
    why = 'a figure is missing';
  }
  return { verdict, computed: null, lowerBound: false, reason: `${why} (${listed}).` };
}
