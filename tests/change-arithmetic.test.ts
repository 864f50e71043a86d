import {
  changeAgrees,
  changeNotComputedBecause,
  computeChange,
  type PrintedChange,
} from '../server/domain/compute-change';
import { formatFigure, formatPercentChange } from '../server/ingest/format-figure';
import { parseCell } from '../server/ingest/parse-cell';

/** A printed change column as the ingest parses it. */
const printed = (raw: string): PrintedChange => {
  const cell = parseCell(raw);
  return { value: cell.value, qualifier: cell.qualifier, decimals: cell.decimals };
};

describe('computeChange', () => {
  it('gives the difference and the difference relative to the first figure, in percent', () => {
    expect(computeChange(200, 250)).toEqual({ absolute: 50, relative: 25 });
    expect(computeChange(250, 200)).toEqual({ absolute: -50, relative: -20 });
    expect(computeChange(-4, -2)).toEqual({ absolute: 2, relative: -50 });
    expect(computeChange(7, 7)).toEqual({ absolute: 0, relative: 0 });
  });

  it('gives no relative change from 0', () => {
    expect(computeChange(0, 5)).toEqual({ absolute: 5, relative: null });
    expect(computeChange(0, 0)).toEqual({ absolute: 0, relative: null });
  });
});

describe('changeAgrees: a printed % change against the figures, within half a unit of its last decimal', () => {
  // +3% is printed with no decimals: it stands for anything from +2,5% to +3,5%.
  it.each([
    [204.99, false], // +2,495%
    [205, true], // +2,5%: the lower edge
    [206, true],
    [206.99, true], // +3,495%
    [207, true], // +3,5%: the upper edge (3.5000000000000004 in floating point)
    [207.01, false], // +3,505%
  ])('+3%% from 200 to %p: %p', (to, agrees) => {
    expect(changeAgrees(printed('+3%'), 200, to, 'RELATIVE')).toBe(agrees);
  });

  // +2,5% has one decimal: from +2,45% to +2,55%.
  it.each([
    [102.4499, false],
    [102.45, true],
    [102.55, true], // 2.549999999999997 in floating point
    [102.5501, false],
  ])('+2,5%% from 100 to %p: %p', (to, agrees) => {
    expect(changeAgrees(printed('+2,5%'), 100, to, 'RELATIVE')).toBe(agrees);
  });

  // -12,24% has two decimals: from -12,245% to -12,235%.
  it.each([
    [87.7549, false],
    [87.755, true],
    [87.765, true],
    [87.7651, false],
  ])('-12,24%% from 100 to %p: %p', (to, agrees) => {
    expect(changeAgrees(printed('-12,24%'), 100, to, 'RELATIVE')).toBe(agrees);
  });

  it('counts the edge itself as agreeing: half a unit, plus a billionth for floating point', () => {
    const edge = 0.5 + 1e-9;
    expect(changeAgrees(printed('0'), 0, edge, 'DIFFERENCE')).toBe(true);
    expect(changeAgrees(printed('0'), 0, edge + 1e-12, 'DIFFERENCE')).toBe(false);
  });

  it('reads a Unicode minus sign in a printed change as a minus', () => {
    expect(changeAgrees(printed('−3,7%'), 100, 96.3, 'RELATIVE')).toBe(true);
    expect(changeAgrees(printed('−3,7%'), 100, 103.7, 'RELATIVE')).toBe(false);
  });

  it('compares a change in points with the difference, not the relative change', () => {
    // 60% → 62% is +2 points but +3,3%
    expect(changeAgrees(printed('+2'), 60, 62, 'DIFFERENCE')).toBe(true);
    expect(changeAgrees(printed('+2'), 60, 62, 'RELATIVE')).toBe(false);
    expect(changeAgrees(printed('+3,3%'), 60, 62, 'RELATIVE')).toBe(true);
    expect(changeAgrees(printed('+3,3%'), 60, 62, 'DIFFERENCE')).toBe(false);
    expect(changeAgrees(printed('+2'), 60, 62.5, 'DIFFERENCE')).toBe(true);
    expect(changeAgrees(printed('+2'), 60, 62.51, 'DIFFERENCE')).toBe(false);
    expect(changeAgrees(printed('-1,5'), 0, -1.5, 'DIFFERENCE')).toBe(true);
  });

  it('says nothing about a % change from 0, which has none', () => {
    expect(changeAgrees(printed('+100%'), 0, 5, 'RELATIVE')).toBeNull();
  });

  it('says nothing when a figure is missing, unless the change says "nieuw"', () => {
    expect(changeAgrees(printed('+3%'), null, 5, 'RELATIVE')).toBeNull();
    expect(changeAgrees(printed('+3%'), 5, null, 'RELATIVE')).toBeNull();
    expect(changeAgrees(printed('-'), null, 5, 'RELATIVE')).toBeNull();
  });

  it('agrees with "nieuw" only where there is no first figure', () => {
    expect(changeAgrees(printed('nieuw'), null, 5, 'RELATIVE')).toBe(true);
    expect(changeAgrees(printed('nieuw'), null, null, 'RELATIVE')).toBe(true);
    expect(changeAgrees(printed('nieuw'), 4, 5, 'RELATIVE')).toBe(false);
    expect(changeAgrees(printed('nieuw'), 0, null, 'RELATIVE')).toBe(false);
  });

  it('agrees with "-" (unchanged) only when the figures are equal', () => {
    expect(changeAgrees({ value: null, qualifier: 'UNCHANGED', decimals: 0 }, 5, 5, 'RELATIVE')).toBe(true);
    expect(changeAgrees({ value: null, qualifier: 'UNCHANGED', decimals: 0 }, 5, 5.001, 'RELATIVE')).toBe(
      false,
    );
    expect(changeAgrees({ value: null, qualifier: 'UNCHANGED', decimals: 0 }, 0, 0, 'DIFFERENCE')).toBe(true);
    expect(changeAgrees({ value: null, qualifier: 'UNCHANGED', decimals: 0 }, 3, 4, 'DIFFERENCE')).toBe(
      false,
    );
  });

  it('says nothing about a "-" that prints no change (NOT_AVAILABLE, beside bounds): neither agrees nor not', () => {
    expect(changeAgrees(printed('-'), 5000, 5000, 'RELATIVE')).toBeNull();
    expect(changeAgrees(printed('–'), 3, 4, 'DIFFERENCE')).toBeNull();
  });

  it('says nothing about a printed change it cannot read as a figure', () => {
    expect(changeAgrees(printed('onbekend'), 4, 5, 'RELATIVE')).toBeNull();
    expect(changeAgrees(printed('7 partners, 420 aansluitingen'), 4, 5, 'RELATIVE')).toBeNull();
  });
});

describe('formatFigure and formatPercentChange: figures in discrepancy sentences', () => {
  it('prints whole numbers without decimals and others with one, the Dutch way', () => {
    expect(formatFigure(13_709)).toBe('13.709');
    expect(formatFigure(-3)).toBe('-3');
    expect(formatFigure(52.66)).toBe('52,7');
    expect(formatFigure(0.04)).toBe('0,0');
    expect(formatFigure(1234.5, 2)).toBe('1.234,50');
    expect(formatFigure(1234.5, 0)).toBe('1.235');
  });

  it('signs a percentage change, but not one of zero', () => {
    expect(formatPercentChange(52.66)).toBe('+52,7%');
    expect(formatPercentChange(-3.14159, 2)).toBe('-3,14%');
    expect(formatPercentChange(0)).toBe('0,0%');
    expect(formatPercentChange(25, 0)).toBe('+25%');
  });
});

describe('changeNotComputedBecause', () => {
  const end = (year: number, raw: string) => ({ year, raw, qualifier: parseCell(raw).qualifier });

  it('computes a change between two values, approximate or not', () => {
    expect(changeNotComputedBecause(end(2018, '5.000'), end(2019, '5.001'))).toBeNull();
    expect(changeNotComputedBecause(end(2018, '572.971'), end(2019, 'ruim 900.000'))).toBeNull();
  });

  it('computes none when either figure is a bound, and says which', () => {
    expect(changeNotComputedBecause(end(2018, '> 5.000'), end(2019, '> 5.000'))).toBe(
      'both figures are lower bounds (> 5.000 in 2018, > 5.000 in 2019): the change is unknown',
    );
    expect(changeNotComputedBecause(end(2018, '>5.000'), end(2019, '6.000'))).toBe(
      'the 2018 figure is a lower bound (>5.000 in 2018): the change is unknown',
    );
    expect(changeNotComputedBecause(end(2018, '4.000'), end(2019, 'meer dan 5.000'))).toBe(
      'the 2019 figure is a lower bound (meer dan 5.000 in 2019): the change is unknown',
    );
    expect(
      changeNotComputedBecause({ year: 2018, raw: '< 3', qualifier: 'AT_MOST' }, end(2019, '> 5.000')),
    ).toBe('both figures are bounds (< 3 in 2018, > 5.000 in 2019): the change is unknown');
  });

  it('names an upper bound (AT_MOST) as such, alone or on both sides', () => {
    const atMost = (year: number, raw: string) => ({ year, raw, qualifier: 'AT_MOST' });
    expect(changeNotComputedBecause(end(2018, '4.000'), atMost(2019, '< 3'))).toBe(
      'the 2019 figure is an upper bound (< 3 in 2019): the change is unknown',
    );
    expect(changeNotComputedBecause(atMost(2018, '< 3'), atMost(2019, '< 4'))).toBe(
      'both figures are upper bounds (< 3 in 2018, < 4 in 2019): the change is unknown',
    );
  });
});
