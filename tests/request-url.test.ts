import { isPlainPath, requestUrl } from '../server/http/request-url';
import { seededRandom } from './support/random';

/** What the WHATWG URL makes of a target, as the router reads it. */
const parsed = (target: string) => {
  const url = requestUrl(target);
  return { pathname: url.pathname, search: url.search };
};

describe('isPlainPath: targets routed without parsing a URL', () => {
  it.each(['/', '/graphql', '/graphql/', '/explore/brp', '/export/stelsel.graphml', '/a-b/c_d/e.f', '/x.'])(
    'takes %s as its own pathname, with no search',
    (target) => {
      expect(isPlainPath(target)).toBe(true);
      expect(parsed(target)).toEqual({ pathname: target, search: '' });
    },
  );

  it.each([
    '',
    'graphql',
    '//graphql',
    '/graphql//',
    '/a/./b',
    '/a/../b',
    '/.',
    '/..',
    '/.hidden',
    '/%41',
    '/a b',
    '/graphql?query=1',
    '/graphql?',
    '/graphql#x',
    '/a\\b',
    '/é',
    'http://host/graphql',
    '*',
    `/${'a'.repeat(256)}`,
  ])('leaves %j to the URL parser', (target) => expect(isPlainPath(target)).toBe(false));

  it('never calls a target plain that the URL parser reads otherwise (10 000 random targets)', () => {
    const random = seededRandom(17);
    const alphabet = [
      '/',
      '/',
      'a',
      'Z',
      '0',
      '_',
      '-',
      '.',
      '..',
      '%2e',
      '%41',
      '?',
      '#',
      ' ',
      '\\',
      'é',
      ';',
    ];
    let plain = 0;
    for (let i = 0; i < 10_000; i += 1) {
      let target = '/';
      const length = random.int(0, 7);
      for (let j = 0; j < length; j += 1) target += random.pick(alphabet);
      if (!isPlainPath(target)) continue;
      plain += 1;
      expect({ target, ...parsed(target) }).toEqual({ target, pathname: target, search: '' });
    }
    // the generator makes plain paths too, not only refusals
    expect(plain).toBeGreaterThan(500);
  });
});
