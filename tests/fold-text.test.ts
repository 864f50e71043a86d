import { foldText } from '../server/domain/fold-text';

// The one text-folding helper, in each of its three foldings (see its Folding type): what each changes and
// what it keeps.

describe("foldText(…, 'whitespace')", () => {
  it('makes every run of white space one space and trims the ends, and keeps the bullet signs', () => {
    expect(foldText(' Terug-\n  meldingen\t(2019) ', 'whitespace')).toBe('Terug- meldingen (2019)');
    expect(foldText('a • b \uf0b7 c', 'whitespace')).toBe('a • b \uf0b7 c');
    expect(foldText('Geïmplementeerd', 'whitespace')).toBe('Geïmplementeerd');
  });
});

describe("foldText(…, 'source')", () => {
  it('turns the bullet signs of the PDF extraction into spaces, then folds white space', () => {
    expect(foldText('• Basisregistratie\n\uf0b7 Personen', 'source')).toBe('Basisregistratie Personen');
    expect(foldText('a•b\uf0b7c', 'source')).toBe('a b c');
    expect(foldText('•\uf0b7 • ', 'source')).toBe('');
  });

  it('keeps everything else as printed: case, accents, punctuation', () => {
    expect(foldText('  Geïmplementeerd: 12,5% (BRP)  ', 'source')).toBe('Geïmplementeerd: 12,5% (BRP)');
    expect(foldText('-', 'source')).toBe('-');
  });
});

describe("foldText(…, 'search')", () => {
  it('strips accents and lower-cases, so that geimplementeerd finds geïmplementeerd', () => {
    expect(foldText('Geïmplementeerd', 'search')).toBe('geimplementeerd');
    expect(foldText('CAFÉ Één Ü', 'search')).toBe('cafe een u');
    // a composed and a decomposed ë fold the same
    expect(foldText('e\u0308', 'search')).toBe('e');
    expect(foldText('\u00eb', 'search')).toBe('e');
  });

  it('keeps white space, bullets and punctuation as they are', () => {
    expect(foldText('  BRP  en\nBRK ', 'search')).toBe('  brp  en\nbrk ');
    expect(foldText('• x-y, 12%', 'search')).toBe('• x-y, 12%');
    expect(foldText('', 'search')).toBe('');
  });
});
