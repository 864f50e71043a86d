import { admittedRange, combineVerdicts, verdictOf } from '../server/domain/claim-precision';
import type { ClaimPrecision } from '../server/domain/vocabulary';
import { readPrinted } from '../server/ingest/claims/build-claims';

/** The verdict on `computed` for a printed figure read as the ingest reads it. */
function verdict(printed: string, precision: ClaimPrecision, computed: number, lowerBound = false) {
  const figure = readPrinted({ printed, precision });
  if (typeof figure === 'string') throw new Error(figure);
  return verdictOf(admittedRange(precision, figure)!, computed, lowerBound);
}

describe('what a claim’s printed figure admits, at its precision', () => {
  it('reads the unit of the last printed digit', () => {
    expect(readPrinted({ printed: '2,6 miljoen', precision: 'ROUNDED' })).toEqual({
      value: 2.6e6,
      unit: 1e5,
    });
    expect(readPrinted({ printed: '732.000', precision: 'ROUNDED' })).toEqual({ value: 732_000, unit: 1000 });
    expect(readPrinted({ printed: '663', precision: 'EXACT' })).toEqual({ value: 663, unit: 1 });
    expect(readPrinted({ printed: '2,5%', precision: 'ROUNDED' })).toMatchObject({ value: 2.5 });
    expect(readPrinted({ printed: 'tussen de 5% - 20%', precision: 'BAND' })).toMatchObject({
      value: 5,
      upper: 20,
    });
    expect(readPrinted({ printed: 'verdrievoudigd', precision: 'FACTOR', value: 3 })).toEqual({
      value: 3,
      unit: 1,
    });
    expect(readPrinted({ printed: 'verdrievoudigd', precision: 'FACTOR' })).toBe(
      '"verdrievoudigd" holds no figure: give its `value`',
    );
    expect(readPrinted({ printed: '20% - 5%', precision: 'BAND' })).toBe(
      '"20% - 5%" is not a band of two figures, low to high',
    );
  });

  it('ruim: the printed figure itself agrees, just below it does not, nor beyond the margin', () => {
    expect(verdict('ruim 900.000', 'RUIM', 900_000)).toBe('AGREES');
    expect(verdict('ruim 900.000', 'RUIM', 899_999)).toBe('DISAGREES');
    expect(verdict('ruim 900.000', 'RUIM', 945_000)).toBe('AGREES'); // 5% above
    expect(verdict('ruim 900.000', 'RUIM', 945_001)).toBe('DISAGREES');
    expect(verdict('ruim 18.000', 'RUIM', 20_930)).toBe('DISAGREES');
    // a percentage: one unit of its last digit, where more than 5%
    expect(verdict('ruim 4%', 'RUIM', 4.39)).toBe('AGREES');
    expect(verdict('ruim 4%', 'RUIM', 5)).toBe('AGREES');
    expect(verdict('ruim 4%', 'RUIM', 5.01)).toBe('DISAGREES');
  });

  it('bijna: just above the printed figure does not agree; the figure itself and 5% below do', () => {
    expect(verdict('bijna 100.000', 'BIJNA', 100_000)).toBe('AGREES');
    expect(verdict('bijna 100.000', 'BIJNA', 100_001)).toBe('DISAGREES');
    expect(verdict('bijna 100.000', 'BIJNA', 95_000)).toBe('AGREES');
    expect(verdict('bijna 100.000', 'BIJNA', 94_999)).toBe('DISAGREES');
    expect(verdict('bijna 11%', 'BIJNA', 10.65)).toBe('AGREES');
    expect(verdict('een kleine 5,4 miljoen', 'BIJNA', 5_355_566)).toBe('AGREES');
  });

  it('ca.: within the margin on either side', () => {
    expect(verdict('ca. 10.000', 'CA', 9_500)).toBe('AGREES');
    expect(verdict('ca. 10.000', 'CA', 10_500)).toBe('AGREES');
    expect(verdict('ca. 10.000', 'CA', 10_501)).toBe('DISAGREES');
    expect(verdict('ongeveer 1,4 miljoen', 'CA', 1_392_497)).toBe('AGREES');
  });

  it('a band includes both ends, and nothing beyond them', () => {
    expect(verdict('45%-50%', 'BAND', 45)).toBe('AGREES');
    expect(verdict('45%-50%', 'BAND', 50)).toBe('AGREES');
    expect(verdict('45%-50%', 'BAND', 44.99)).toBe('DISAGREES');
    expect(verdict('45%-50%', 'BAND', 51.36)).toBe('DISAGREES');
  });

  it('rounded and exact: what rounds to the printed figure at its last digit', () => {
    expect(verdict('15 miljoen', 'ROUNDED', 15_023_119)).toBe('AGREES');
    expect(verdict('15 miljoen', 'ROUNDED', 15_500_001)).toBe('DISAGREES');
    expect(verdict('732.000', 'ROUNDED', 731_644)).toBe('AGREES');
    expect(verdict('24.500', 'ROUNDED', 24_553)).toBe('DISAGREES'); // cut off, not rounded
    expect(verdict('7%', 'ROUNDED', 6.4663)).toBe('DISAGREES');
    expect(verdict('7%', 'ROUNDED', 6.5)).toBe('AGREES');
    expect(verdict('663', 'EXACT', 663)).toBe('AGREES');
    expect(verdict('663', 'EXACT', 664)).toBe('DISAGREES');
  });

  it('more than, and a factor in words', () => {
    const twice = { printed: 'meer dan verdubbeld', value: 2 };
    expect(
      verdictOf(admittedRange('MORE_THAN', readPrinted({ ...twice, precision: 'MORE_THAN' }) as never)!, 2),
    ).toBe('DISAGREES');
    expect(verdictOf(admittedRange('MORE_THAN', { value: 2, unit: 1 })!, 2.43)).toBe('AGREES');
    expect(verdictOf(admittedRange('FACTOR', { value: 3, unit: 1 })!, 3.49)).toBe('AGREES');
    expect(verdictOf(admittedRange('FACTOR', { value: 3, unit: 1 })!, 3.5)).toBe('DISAGREES');
    expect(verdictOf(admittedRange('FACTOR', { value: 3, unit: 1 })!, 4.31)).toBe('DISAGREES');
  });

  it('a lower bound: disagrees only when every value from it is outside, agrees only when all are inside', () => {
    expect(verdict('bijna 100.000', 'BIJNA', 100_755, true)).toBe('DISAGREES');
    expect(verdict('ongeveer 100.000', 'CA', 100_755, true)).toBe('NOT_CHECKABLE');
    expect(verdictOf(admittedRange('MORE_THAN', { value: 50, unit: 1 })!, 51, true)).toBe('AGREES');
    expect(verdictOf(admittedRange('MORE_THAN', { value: 50, unit: 1 })!, 50, true)).toBe('NOT_CHECKABLE');
  });

  it('rounded and exact: both ends of the half unit are admitted, and nothing beyond them', () => {
    expect(verdict('7%', 'ROUNDED', 7.5)).toBe('AGREES');
    expect(verdict('7%', 'ROUNDED', 7.51)).toBe('DISAGREES');
    expect(verdict('7%', 'ROUNDED', 6.49)).toBe('DISAGREES');
    expect(verdict('663', 'EXACT', 663.5)).toBe('AGREES');
    expect(verdict('663', 'EXACT', 662.5)).toBe('AGREES');
    expect(verdict('663', 'EXACT', 663.51)).toBe('DISAGREES');
  });

  it('tolerates a floating-point error at an end of the half unit in proportion to the figure (1e-9 of it)', () => {
    const billion = admittedRange('EXACT', { value: 1e9, unit: 1 })!;
    // the upper end 1.000.000.000,5 a few units in the last place off (1e-7): admitted …
    expect(verdictOf(billion, 1_000_000_000.5000001)).toBe('AGREES');
    expect(verdictOf(billion, 999_999_999.4999999)).toBe('AGREES');
    // … up to 1e-9 of the figure (here 1) beyond the end, and no more
    expect(verdictOf(billion, 1_000_000_001.49)).toBe('AGREES');
    expect(verdictOf(billion, 1_000_000_001.6)).toBe('DISAGREES');
    // a figure below 1 gets the tolerance of 1
    expect(admittedRange('EXACT', { value: 0.25, unit: 0.1 })).toEqual({
      low: 0.2 - 1e-9,
      high: 0.3 + 1e-9,
      lowOpen: false,
      highOpen: false,
    });
  });

  it('a factor admits what rounds to it, half up: its lower end in, its upper end out', () => {
    const three = admittedRange('FACTOR', { value: 3, unit: 1 })!;
    expect(verdictOf(three, 2.5)).toBe('AGREES');
    expect(verdictOf(three, 2.49)).toBe('DISAGREES');
    expect(verdictOf(three, 3.5)).toBe('DISAGREES');
  });

  it('a lower bound at the end of the range: a closed end leaves it open, an open end excludes it', () => {
    // at least 100.000: 100.000 itself is "bijna 100.000", anything above is not
    expect(verdict('bijna 100.000', 'BIJNA', 100_000, true)).toBe('NOT_CHECKABLE');
    expect(verdict('bijna 100.000', 'BIJNA', 99_999, true)).toBe('NOT_CHECKABLE');
    // a ratio of at least 3,5 does not round to 3
    expect(verdictOf(admittedRange('FACTOR', { value: 3, unit: 1 })!, 3.5, true)).toBe('DISAGREES');
    expect(verdictOf(admittedRange('FACTOR', { value: 3, unit: 1 })!, 3.4, true)).toBe('NOT_CHECKABLE');
  });

  it('combines the verdicts of a claim’s parts', () => {
    expect(combineVerdicts(['AGREES', 'AGREES'])).toBe('AGREES');
    expect(combineVerdicts(['AGREES', 'NOT_CHECKABLE'])).toBe('NOT_CHECKABLE');
    expect(combineVerdicts(['NOT_CHECKABLE', 'DISAGREES'])).toBe('DISAGREES');
    expect(combineVerdicts([])).toBe('NOT_CHECKABLE');
  });
});
