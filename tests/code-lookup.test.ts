import { editDistance } from '../server/domain/edit-distance';
import type { KnownCode } from '../server/domain/known-code';
import { codeDistance, nearestCodes } from '../server/domain/nearest-codes';
import { didYouMean, resolveCode } from '../server/domain/resolve-code';

// The pure lookup of codes: case variants, abbreviations, suggestions for unknown codes and their order.

const KNOWN: KnownCode[] = [
  { code: 'bag', abbreviation: 'BAG', name: 'Basisregistratie Adressen en Gebouwen' },
  { code: 'berichtenbox', abbreviation: null, name: 'MijnOverheid Berichtenbox' },
  { code: 'bri', abbreviation: 'BRI', name: 'Basisregistratie Inkomen' },
  { code: 'brp', abbreviation: 'BRP', name: 'Basisregistratie Personen' },
  { code: 'brt', abbreviation: 'BRT', name: 'Basisregistratie Topografie' },
  { code: 'bv-bsn', abbreviation: 'BV BSN', name: 'Beheervoorziening BSN' },
  { code: 'digid', abbreviation: 'DigiD', name: 'DigiD' },
  { code: 'digid-machtigen', abbreviation: 'DigiD Machtigen', name: 'DigiD Machtigen' },
  { code: 'lrza', abbreviation: 'LRZa', name: 'Landelijk Register Zorgaanbieders' },
  { code: 'mijnoverheid', abbreviation: null, name: 'MijnOverheid' },
  { code: 'woz', abbreviation: 'WOZ', name: 'Basisregistratie Waarde Onroerende Zaken' },
];

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['brp', 'brp', 0],
    ['brp', '', 3],
    ['brpp', 'brp', 1],
    ['bpr', 'brp', 1], // a swap of neighbours counts once
    ['brp', 'bag', 2],
    ['kitten', 'sitting', 3],
  ])('%j → %j is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('resolveCode: a code or abbreviation, case-insensitively', () => {
  it.each([
    ['brp', 'brp'],
    ['BRP', 'brp'],
    ['Brp', 'brp'],
    [' brp ', 'brp'],
    ['LRZA', 'lrza'],
    ['lrza', 'lrza'],
    ['DigiD Machtigen', 'digid-machtigen'],
    ['DIGID-MACHTIGEN', 'digid-machtigen'],
    ['bv bsn', 'bv-bsn'],
    ['BV_BSN', 'bv-bsn'],
    ['MijnOverheid', 'mijnoverheid'],
  ])('%j is %j', (input, code) => {
    expect(resolveCode(KNOWN, input)).toEqual({ code });
  });

  it('prefers a code to an abbreviation that folds the same', () => {
    const known = [
      { code: 'x', abbreviation: 'Y' },
      { code: 'y', abbreviation: null },
    ];
    expect(resolveCode(known, 'Y')).toEqual({ code: 'y' });
  });

  it('answers an unknown code with the input as given and its suggestions', () => {
    expect(resolveCode(KNOWN, 'BRPP')).toEqual({ unknown: 'BRPP', suggestions: ['brp'] });
    expect(resolveCode(KNOWN, 'atlantis')).toEqual({ unknown: 'atlantis', suggestions: [] });
    expect(resolveCode(KNOWN, '')).toEqual({ unknown: '', suggestions: [] });
  });
});

describe('nearestCodes: at most three, nearest first, ties alphabetically', () => {
  it('breaks ties between equally near codes alphabetically', () => {
    // brp, bri and brt are each one edit from `brx`; bag is two
    expect(nearestCodes(KNOWN, 'brx')).toEqual(['bri', 'brp', 'brt']);
    expect(nearestCodes(KNOWN, 'brx', 2)).toEqual(['bri', 'brp']);
  });

  it('puts the nearest first, whatever the alphabet says', () => {
    expect(nearestCodes(KNOWN, 'bpr')[0]).toBe('brp'); // a swap: one edit
    expect(nearestCodes(KNOWN, 'wozz')).toEqual(['woz']);
  });

  it('matches the start of a code or a name', () => {
    expect(nearestCodes(KNOWN, 'digi')).toEqual(['digid', 'digid-machtigen']);
    expect(nearestCodes(KNOWN, 'Berichten')).toEqual(['berichtenbox']);
    expect(nearestCodes(KNOWN, 'mijnoverheid berichtenbox')).toEqual(['berichtenbox']);
  });

  it('matches a name, and the initials of a name', () => {
    expect(nearestCodes(KNOWN, 'Basisregistratie Personen')[0]).toBe('brp');
    expect(codeDistance(KNOWN[0]!, 'bag')).toBe(0);
    expect(codeDistance(KNOWN[8]!, 'lrz')).toBe(0); // Landelijk Register Zorgaanbieders
  });

  it('suggests nothing when nothing is near', () => {
    expect(nearestCodes(KNOWN, 'atlantis')).toEqual([]);
    expect(nearestCodes(KNOWN, 'q')).toEqual([]);
    expect(nearestCodes(KNOWN, 'b')).toEqual([]);
    expect(nearestCodes(KNOWN, 'br')).toEqual(['bri', 'brp', 'brt']); // one edit from each
    expect(nearestCodes(KNOWN, '   ')).toEqual([]);
  });
});

describe('didYouMean', () => {
  it('says the suggestions in a sentence', () => {
    expect(didYouMean([])).toBe('');
    expect(didYouMean(['brp'])).toBe('Did you mean brp?');
    expect(didYouMean(['brp', 'bri'])).toBe('Did you mean brp or bri?');
    expect(didYouMean(['brp', 'bri', 'brt'])).toBe('Did you mean brp, bri or brt?');
  });
});
