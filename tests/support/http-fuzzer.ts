import type { Random } from './random';

/** A request to send as it is: its method, its exact request target, headers and body. */
export interface FuzzTarget {
  method: string;
  target: string;
  headers?: Record<string, string>;
  body?: string;
}

/** The server's routes, each with a path that is served. */
const ROUTES = [
  '/graphql',
  '/',
  '/healthz',
  '/playground/graphiql.js',
  '/export/observations.csv',
  '/export/relations.csv',
  '/export/stelsel.graphml',
  '/export/stelsel.json',
  '/stelsel.svg',
  '/explore',
  '/explore/brp',
  '/explore/digilevering',
];

/** Path segments and suffixes that look like ours, or break percent-encoding, or climb out. */
const SEGMENTS = [
  '%',
  '%Z',
  '%ZZ',
  '%E0%A4%A',
  '%C0%AF',
  '%FF',
  '%00',
  '%2e%2e%2f',
  '%2F',
  '..',
  '.',
  '',
  'x',
  'BRP',
  'brp%00',
  '%F0%9F%99%82',
  ';jsessionid=1',
  '%20',
  '*',
  '~',
  '[',
  '@',
  ':',
  '%25',
];

/** Query parameters: the routes' own and unknown ones. */
const PARAMETERS = [
  'kinds',
  'voorziening',
  'indicator',
  'year',
  'subject',
  'unit',
  'query',
  'variables',
  'extensions',
  'operationName',
  'utm_source',
  'x',
  '',
  '%ZZ',
  'kinds[]',
];

/** Values for query parameters: good, bad, malformed, NUL, long, of the wrong shape. */
function parameterValue(random: Random): string {
  return random.pick([
    'brp',
    'EVENT_DELIVERY',
    'EVENT_DELIVERY,TERUGMELDING',
    'NOPE',
    '2019',
    '99999',
    '-1',
    'COUNT',
    'Gemeenten',
    '',
    '%',
    '%ZZ',
    '%E0%A4%A',
    '%00',
    'a%00b',
    '%FF%FE',
    'x'.repeat(random.int(200, 6000)),
    encodeURIComponent('{ edition { year } }'),
    encodeURIComponent('{"persistedQuery":{"version":1,"sha256Hash":"x"}}'),
    encodeURIComponent('{'),
    Buffer.from(`Indicator:${random.pick([1, 2 ** 31, '9'.repeat(30)])}`).toString('base64url'),
    '..%2F..%2Fetc%2Fpasswd',
  ]);
}

/** A query string of 0–4 parameters (some repeated, some without a value). */
function queryString(random: Random): string {
  if (random.chance(0.2)) return random.pick(['', '?', '?&&&', '?=', '?==&=', '?%', '?&x']);
  const parts = Array.from({ length: random.int(1, 4) }, () => {
    const name = random.pick(PARAMETERS);
    return random.chance(0.1) ? name : `${name}=${parameterValue(random)}`;
  });
  return `?${parts.join('&')}`;
}

/** A path: one of ours, altered (a segment added or replaced, a prefix, a case change), or overlong. */
function path(random: Random): string {
  const route = random.pick(ROUTES);
  switch (random.int(0, 7)) {
    case 0:
      return route;
    case 1:
      return `${route}/${random.pick(SEGMENTS)}`;
    case 2:
      return `${route}${random.pick(SEGMENTS)}`;
    case 3:
      return `${random.pick(['//', '/./', '/../', '/%2e/', '//x/..', '/x/../'])}${route.slice(1)}`;
    case 4:
      return route.replace(/[a-z]/g, (c) => (random.chance(0.5) ? c.toUpperCase() : c));
    case 5:
      // long, up to over Node's 16 KiB limit on the request head (a 414)
      return `${route}/${'a'.repeat(random.chance(0.1) ? 20_000 : random.int(100, 8000))}`;
    case 6:
      return `/explore/${random.pick(SEGMENTS)}${random.pick(SEGMENTS)}`;
    default:
      return route.split('/').join(`/${random.pick(SEGMENTS)}/`);
  }
}

/**
 * Random and adversarial HTTP requests over every route: paths that look like ours, bad percent-encoding,
 * NUL, traversal, overlong paths and query strings, the routes' parameters with bad values, unknown and
 * repeated parameters, every method, conditional and cross-origin headers.
 */
export function hostileTargets(random: Random, count: number): FuzzTarget[] {
  return Array.from({ length: count }, (): FuzzTarget => {
    const method = random.pick([
      'GET',
      'GET',
      'GET',
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'PATCH',
      'OPTIONS',
    ]);
    const headers: Record<string, string> = {};
    if (random.chance(0.3)) headers['content-type'] = 'application/json';
    if (random.chance(0.1)) headers['if-none-match'] = random.pick(['*', 'W/"x"', '"", ,,', 'W/']);
    if (random.chance(0.1)) headers.origin = random.pick(['https://example.org', 'null', '%00']);
    if (random.chance(0.1)) headers['access-control-request-method'] = 'POST';
    if (random.chance(0.1)) headers.accept = random.pick(['application/graphql-response+json', '*/*', 'x']);
    const body =
      method === 'POST' || method === 'PUT'
        ? random.pick(['', '{}', '{"query":"{ edition { year } }"}', '%%%'])
        : undefined;
    return { method, target: `${path(random)}${queryString(random)}`, headers, body };
  });
}

/**
 * Requests whose bytes no client library sends: a NUL, a space or a bad escape in the request line, an
 * unknown method, the absolute and asterisk forms, a request line over the limit, a header with a NUL.
 */
export const MALFORMED_REQUEST_LINES = [
  'GET /explore/\u0000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET /explore/a b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET /%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'FOO / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET http://x/explore/brp HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET http://[/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
  'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\nConnection: close\r\n\r\n',
  'GET /healthz HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET /graphql?query=%7B HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n',
];
