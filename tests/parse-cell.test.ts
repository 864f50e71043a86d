import { parseCell, parseDutchNumber } from '../server/ingest/parse-cell';

describe('parseDutchNumber', () => {
  it('reads dots as thousands separators and a comma as the decimal sign', () => {
    expect(parseDutchNumber('3.501.672.000')).toEqual({ value: 3_501_672_000, decimals: 0 });
    expect(parseDutchNumber('2.979,6')).toEqual({ value: 2979.6, decimals: 1 });
    expect(parseDutchNumber('1.209')).toEqual({ value: 1209, decimals: 0 });
  });

  it('reads a dot not followed by three digits as a decimal point', () => {
    expect(parseDutchNumber('37.6')).toEqual({ value: 37.6, decimals: 1 });
    expect(parseDutchNumber('12.24')).toEqual({ value: 12.24, decimals: 2 });
  });

  it('refuses what is not a number', () => {
    expect(parseDutchNumber('1.2.3')).toBeNull();
    expect(parseDutchNumber('abc')).toBeNull();
    expect(parseDutchNumber('')).toBeNull();
  });
});

describe('parseCell', () => {
  it.each([
    ['663', 663, 'EXACT', false],
    ['1.023', 1023, 'EXACT', false],
    ['13.529.391', 13_529_391, 'EXACT', false],
    ['+2,5%', 2.5, 'EXACT', true],
    ['-37,0%', -37, 'EXACT', true],
    ['+2.979,6%', 2979.6, 'EXACT', true],
    ['-12,24%', -12.24, 'EXACT', true],
    ['469,9%', 469.9, 'EXACT', true],
    ['37.6%', 37.6, 'EXACT', true],
    ['+37.6%', 37.6, 'EXACT', true],
    ['-1.2%', -1.2, 'EXACT', true],
    ['- 3,7%', -3.7, 'EXACT', true],
    ['100%', 100, 'EXACT', true],
    ['62%', 62, 'EXACT', true],
    ['>5.000', 5000, 'AT_LEAST', false],
    ['> 5.000', 5000, 'AT_LEAST', false],
    ['99,5 % van het aantal bevragingen', 99.5, 'SHARE', true],
    ['ruim 18.000', 18_000, 'APPROXIMATE', false],
    ['bijna 100.000', 100_000, 'APPROXIMATE', false],
    ['5.3 miljard', 5_300_000_000, 'APPROXIMATE', false],
    ['ruim 2,3 miljoen', 2_300_000, 'APPROXIMATE', false],
  ])('reads %p as %p (%s)', (raw, value, qualifier, percent) => {
    const cell = parseCell(raw);
    expect(cell.value).toBe(value);
    expect(cell.qualifier).toBe(qualifier);
    expect(cell.percent).toBe(percent);
    expect(cell.raw).toBe(raw);
  });

  it('reads "-" as no figure and "nieuw" as new', () => {
    expect(parseCell('-')).toMatchObject({ value: null, qualifier: 'NOT_AVAILABLE' });
    expect(parseCell('nieuw')).toMatchObject({ value: null, qualifier: 'NEW' });
  });

  it('keeps the number of printed decimals, the precision of a printed change', () => {
    expect(parseCell('+2,5%').decimals).toBe(1);
    expect(parseCell('-26%').decimals).toBe(0);
    expect(parseCell('-12,24%').decimals).toBe(2);
  });

  it('names what a share is a share of', () => {
    expect(parseCell('0,5 % van het aantal bevragingen').shareOf).toBe('het aantal bevragingen');
  });

  it('splits a cell of several quantities into its parts', () => {
    const cell = parseCell('7 partners, 420 aansluitingen');
    expect(cell).toMatchObject({ value: null, qualifier: 'TEXT' });
    expect(cell.parts).toEqual([
      { label: 'partners', value: 7, raw: '7 partners' },
      { label: 'aansluitingen', value: 420, raw: '420 aansluitingen' },
    ]);
    expect(parseCell('8 partners 390 aansluitingen').parts?.map((p) => p.value)).toEqual([8, 390]);
  });

  it('folds line breaks in a cell to single spaces', () => {
    expect(parseCell('99,5 % van\n\nhet aantal\nbevragingen')).toMatchObject({
      raw: '99,5 % van het aantal bevragingen',
      value: 99.5,
    });
  });

  it('reads words it does not know as text without a figure', () => {
    expect(parseCell('onbekend')).toMatchObject({ value: null, qualifier: 'TEXT' });
    const unknown = parseCell('12 abc def');
    expect(unknown).toMatchObject({ value: null, qualifier: 'TEXT' });
    expect(unknown.parts).toBeUndefined();
  });
});
