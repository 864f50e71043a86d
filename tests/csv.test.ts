import { parse } from 'csv-parse/sync';
import { toCsv } from '../server/http/exports/csv';

// RFC 4180 as the exports write it: which fields are quoted, how quotes are escaped, line ends, empty cells.

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row, fields in column order', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          { b: 2, a: 1, c: 'not a column' },
          { a: 'x', b: 'y' },
        ],
      ),
    ).toBe('a,b\r\n1,2\r\nx,y\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['code', 'name'], [])).toBe('code,name\r\n');
  });

  it.each([
    ['a comma', 'Berichtenbox, MijnOverheid', '"Berichtenbox, MijnOverheid"'],
    ['a quote', 'de "stelselplaat"', '"de ""stelselplaat"""'],
    ['only a quote', '"', '""""'],
    ['a line feed', 'regel 1\nregel 2', '"regel 1\nregel 2"'],
    ['a carriage return', 'regel 1\rregel 2', '"regel 1\rregel 2"'],
    ['a CRLF', 'regel 1\r\nregel 2', '"regel 1\r\nregel 2"'],
  ])('quotes a field holding %s', (_, value, written) => {
    expect(toCsv(['x'], [{ x: value }])).toBe(`x\r\n${written}\r\n`);
  });

  it.each([
    ['plain words', 'Basisregistratie Personen'],
    ['a Dutch number', '3.501.672'],
    ['a semicolon', 'a;b'],
    ['a single quote', "'s-Gravenhage"],
    ['a tab', 'a\tb'],
    ['leading and trailing spaces', ' a '],
    ['accents and a Unicode minus', 'geïmplementeerd −37%'],
  ])('leaves a field with %s unquoted', (_, value) => {
    expect(toCsv(['x'], [{ x: value }])).toBe(`x\r\n${value}\r\n`);
  });

  it('writes null and missing values as empty fields, and 0, false and numbers as printed', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [{ a: null, b: undefined, c: 0, d: false, e: -1.5 }])).toBe(
      'a,b,c,d,e\r\n,,0,false,-1.5\r\n',
    );
    expect(toCsv(['a'], [{ a: '' }])).toBe('a\r\n\r\n');
  });

  it('reads back as the same values with a standard CSV parser', () => {
    const values = [
      { code: 'brp', text: 'a "quoted", multi-line\r\nvalue', n: 1 },
      { code: 'hr', text: 'plain', n: null },
      { code: 'bag', text: '"', n: 2.5 },
    ];
    const read = parse(toCsv(['code', 'text', 'n'], values), { columns: true, record_delimiter: '\r\n' });
    expect(read).toEqual([
      { code: 'brp', text: 'a "quoted", multi-line\r\nvalue', n: '1' },
      { code: 'hr', text: 'plain', n: '' },
      { code: 'bag', text: '"', n: '2.5' },
    ]);
  });
});
