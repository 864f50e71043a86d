import { foldText } from '../server/domain/fold-text';
import { parseCell, parseDutchNumber } from '../server/ingest/parse-cell';

// The edges of how a printed cell is read: each sign, word and number shape the parser knows, and the shapes
// just beyond them that it must not read as a figure.

describe('the signs a printed cell may carry', () => {
  it.each([
    ['−3,7%', -3.7],
    ['− 3,7%', -3.7],
    ['−12', -12],
    ['-12', -12],
    ['+12', 12],
    ['12', 12],
  ])('reads %p (a Unicode minus sign U+2212 counts like a hyphen) as %p', (raw, value) => {
    expect(parseCell(raw)).toMatchObject({ value, qualifier: 'EXACT' });
  });

  it('keeps the sign of a share and of an approximate figure', () => {
    expect(parseCell('ruim −2 miljoen').value).toBe(-2_000_000);
    expect(parseCell('−0,5 % van het totaal')).toMatchObject({ value: -0.5, qualifier: 'SHARE' });
  });

  it.each(['-', '–', '—', '−', ' - '])('reads a lone dash %p as no figure', (raw) => {
    expect(parseCell(raw)).toEqual({
      raw: raw.trim(),
      value: null,
      qualifier: 'NOT_AVAILABLE',
      percent: false,
      decimals: 0,
    });
  });

  it('reads two dashes, or a dash in words, as text', () => {
    expect(parseCell('--')).toMatchObject({ value: null, qualifier: 'TEXT' });
    expect(parseCell('- n.v.t.')).toMatchObject({ value: null, qualifier: 'TEXT' });
  });

  it('reads "nieuw" in any case, and nothing around it', () => {
    expect(parseCell('Nieuw')).toEqual({
      raw: 'Nieuw',
      value: null,
      qualifier: 'NEW',
      percent: false,
      decimals: 0,
    });
    expect(parseCell('NIEUW').qualifier).toBe('NEW');
    expect(parseCell('nieuw!').qualifier).toBe('TEXT');
    expect(parseCell('geheel nieuw').qualifier).toBe('TEXT');
  });
});

describe('the words that qualify a figure', () => {
  it.each([
    ['ruim 18.000', 18_000],
    ['Ruim 18.000', 18_000],
    ['bijna 100.000', 100_000],
    ['circa 10', 10],
    ['ca. 10.000', 10_000],
    ['ongeveer 5', 5],
    ['een kleine 300', 300],
    ['iets meer dan 40', 40],
    ['iets minder dan 2 miljoen', 2_000_000],
    ['BIJNA  7', 7],
  ])('reads %p as approximately %p', (raw, value) => {
    expect(parseCell(raw)).toMatchObject({ value, qualifier: 'APPROXIMATE' });
  });

  it.each([
    ['>5.000', 5000],
    ['> 5.000', 5000],
    ['meer dan 5.000', 5000],
    ['Meer dan 12', 12],
    ['>2 miljoen', 2_000_000],
  ])('reads %p as at least %p (a multiplier keeps the lower bound)', (raw, value) => {
    expect(parseCell(raw)).toMatchObject({ value, qualifier: 'AT_LEAST' });
  });

  it('reads a qualifying word only before the figure, followed by a space', () => {
    expect(parseCell('18.000 ruim')).toMatchObject({ value: null, qualifier: 'TEXT' });
    expect(parseCell('ruim18.000')).toMatchObject({ value: null, qualifier: 'TEXT' });
    expect(parseCell('meer dan5')).toMatchObject({ value: null, qualifier: 'TEXT' });
    expect(parseCell('ca 10')).toMatchObject({ value: null, qualifier: 'TEXT' });
  });

  it('keeps a percentage approximate when a word says so', () => {
    expect(parseCell('iets meer dan 40%')).toMatchObject({
      value: 40,
      qualifier: 'APPROXIMATE',
      percent: true,
    });
  });
});

describe('multipliers', () => {
  it.each([
    ['3 duizend', 3000],
    ['2,5 miljoen', 2_500_000],
    ['5 Miljoen', 5_000_000],
    ['5.3 miljard', 5_300_000_000],
    ['1,25 MILJARD', 1_250_000_000],
  ])('reads %p as approximately %p', (raw, value) => {
    expect(parseCell(raw)).toMatchObject({ value, qualifier: 'APPROXIMATE', percent: false });
  });

  it('keeps the printed decimals of the figure before the multiplier', () => {
    expect(parseCell('2,5 miljoen').decimals).toBe(1);
    expect(parseCell('5.3 miljard').decimals).toBe(1);
  });

  it('does not multiply a percentage, nor read a multiplier without a figure', () => {
    expect(parseCell('5 miljoen %')).toMatchObject({ value: null, qualifier: 'TEXT', percent: false });
    expect(parseCell('miljoen')).toMatchObject({ value: null, qualifier: 'TEXT' });
    expect(parseCell('5 miljoenen')).toMatchObject({ value: null, qualifier: 'TEXT' });
  });

  it('gives the figure without floating-point noise', () => {
    // 5.3 * 1e9 is 5300000000.000001 in binary floating point
    expect(parseCell('5.3 miljard').value).toBe(5_300_000_000);
    expect(parseCell('0,1 miljoen').value).toBe(100_000);
    expect(parseCell('ca. 1,1 duizend').value).toBe(1100);
  });
});

describe('percentages and shares', () => {
  it('reads a % with or without a space before it', () => {
    expect(parseCell('62 %')).toEqual({
      raw: '62 %',
      value: 62,
      qualifier: 'EXACT',
      percent: true,
      decimals: 0,
      shareOf: undefined,
    });
    expect(parseCell('62%').percent).toBe(true);
    expect(parseCell('62').percent).toBe(false);
  });

  it('reads "van" only after the % as a share', () => {
    expect(parseCell('99,5% van het aantal')).toMatchObject({
      value: 99.5,
      qualifier: 'SHARE',
      shareOf: 'het aantal',
      decimals: 1,
    });
    expect(parseCell('99,5 % vanhet aantal')).toMatchObject({ value: null, qualifier: 'TEXT' });
    expect(parseCell('% van het aantal')).toMatchObject({ value: null, qualifier: 'TEXT' });
    expect(parseCell('99,5 % van')).toMatchObject({ value: null, qualifier: 'TEXT' });
  });

  it('reads words, dashes and signs in what a share is of as words', () => {
    expect(parseCell('40% van ruim 300 gemeenten')).toMatchObject({
      value: 40,
      qualifier: 'SHARE',
      shareOf: 'ruim 300 gemeenten',
    });
    expect(parseCell('40% van meer dan 300 gemeenten')).toMatchObject({
      value: 40,
      qualifier: 'SHARE',
      shareOf: 'meer dan 300 gemeenten',
    });
    expect(parseCell('12% van de e-mails')).toMatchObject({
      value: 12,
      qualifier: 'SHARE',
      shareOf: 'de e-mails',
    });
    expect(parseCell('12% van +5 diensten')).toMatchObject({ value: 12, shareOf: '+5 diensten' });
  });

  it('reads an approximate share as a share', () => {
    expect(parseCell('ruim 40% van de gemeenten')).toMatchObject({
      value: 40,
      qualifier: 'SHARE',
      shareOf: 'de gemeenten',
    });
  });
});

describe('Dutch numbers at the edges of their shapes', () => {
  it.each([
    ['0', 0, 0],
    ['007', 7, 0],
    ['1234', 1234, 0],
    ['12.345', 12_345, 0],
    ['1.234.567', 1_234_567, 0],
    ['1234,5', 1234.5, 1],
    ['0,05', 0.05, 2],
    ['1.234,56', 1234.56, 2],
    ['1.000.000,25', 1_000_000.25, 2],
    ['1234.5', 1234.5, 1],
    ['1.23', 1.23, 2],
    ['1.2345', 1.2345, 4],
  ])('reads %p as %p with %p decimals', (text, value, decimals) => {
    expect(parseDutchNumber(text)).toEqual({ value, decimals });
  });

  it.each([
    '1234.567',
    '12.34.567',
    '1.2.3',
    '1,2,3',
    '1.234.56',
    ',5',
    '5,',
    '5.',
    '.5',
    '1 234',
    '1e3',
    '-5',
    ' 5',
    '5 ',
    'abc',
    '',
  ])('refuses %p', (text) => {
    expect(parseDutchNumber(text)).toBeNull();
  });

  it('reads a three-digit group after a dot as thousands, not decimals', () => {
    expect(parseCell('37.600')).toMatchObject({ value: 37_600, decimals: 0 });
    expect(parseCell('37.60')).toMatchObject({ value: 37.6, decimals: 2 });
  });
});

describe('cells of several quantities', () => {
  it('needs at least two quantities, and nothing but commas and spaces between them', () => {
    expect(parseCell('7 partners').parts).toBeUndefined();
    expect(parseCell('7 partners, 420 aansluitingen en meer').parts).toBeUndefined();
    expect(parseCell('ca. 7 partners, 420 aansluitingen').parts).toBeUndefined();
    expect(parseCell('7 partners,, 420 aansluitingen').parts?.map((p) => p.value)).toEqual([7, 420]);
  });

  it('lower-cases the labels and keeps each part as printed', () => {
    expect(parseCell('7 Partners, 2.000 Aansluitingen')).toEqual({
      raw: '7 Partners, 2.000 Aansluitingen',
      value: null,
      qualifier: 'TEXT',
      percent: false,
      decimals: 0,
      parts: [
        { label: 'partners', value: 7, raw: '7 Partners' },
        { label: 'aansluitingen', value: 2000, raw: '2.000 Aansluitingen' },
      ],
    });
  });

  it('reads three quantities, with decimals', () => {
    expect(parseCell('1,25 uur, 3 dagen, 12 weken').parts).toEqual([
      { label: 'uur', value: 1.25, raw: '1,25 uur' },
      { label: 'dagen', value: 3, raw: '3 dagen' },
      { label: 'weken', value: 12, raw: '12 weken' },
    ]);
  });

  it('refuses the whole cell when one of its quantities is not a number', () => {
    expect(parseCell('1.2.3 partners, 4 aansluitingen').parts).toBeUndefined();
  });
});

describe("foldText(…, 'whitespace')", () => {
  it('folds every run of white space to one space and trims the ends', () => {
    expect(foldText('  a \t\n b\u00a0\u00a0c  ', 'whitespace')).toBe('a b c');
    expect(foldText('a  b', 'whitespace')).toBe('a b');
    expect(foldText('', 'whitespace')).toBe('');
  });
});
