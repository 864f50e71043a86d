import { createHash } from 'node:crypto';

// SHA-256 of "abc" (FIPS 180-2's first example), in base64url
const ABC = 'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0';

describe('hashText', () => {
  it("is SHA-256 in base64url, of the text's UTF-8", () => {
    const { hashText } =
      jest.requireActual<typeof import('../server/lib/hash-text')>('../server/lib/hash-text');
    expect(hashText('abc')).toBe(ABC);
    for (const text of ['', 'é', 'Basisregistratie – Personen', '\u{1F600}', 'x'.repeat(100_000)])
      expect(hashText(text)).toBe(createHash('sha256').update(text, 'utf8').digest('base64url'));
  });

  it('is the same on a Node without the one-shot crypto.hash (before 20.12)', () => {
    jest.isolateModules(() => {
      jest.doMock('node:crypto', () => {
        const { hash: _hash, ...rest } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
        return rest;
      });
      const { hashText } =
        jest.requireActual<typeof import('../server/lib/hash-text')>('../server/lib/hash-text');
      expect(hashText('abc')).toBe(ABC);
      expect(hashText('é')).toBe(createHash('sha256').update('é', 'utf8').digest('base64url'));
    });
    jest.dontMock('node:crypto');
  });
});
