import { createHash } from 'node:crypto';
import { etagFor } from '../server/http/http-cache';
import { ANSWER_OVERHEAD_BYTES } from '../server/lib/answer-store';
import { startTestServer, type TestServer } from './support/running-server';

const preflight = { 'apollo-require-preflight': 'true', accept: 'application/json' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The URL of a GET of `params` (objects as JSON) on the server at `base`. */
const graphqlUrl = (base: string, params: Record<string, unknown>) =>
  `${base}/graphql?${new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  )}`;

/** The fields of `Vary`, lower-cased, in order. */
const varyOf = (response: Response) =>
  (response.headers.get('vary') ?? '')
    .split(',')
    .map((field) => field.trim().toLowerCase())
    .filter(Boolean);

/** Status, the headers that say how it may be cached, and the body: what two answers are compared on. */
const described = async (response: Response) => ({
  status: response.status,
  body: await response.text(),
  contentType: response.headers.get('content-type'),
  cacheControl: response.headers.get('cache-control'),
  etag: response.headers.get('etag'),
  xCache: response.headers.get('x-cache'),
});

describe('caching GraphQL answers over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ cacheMaxAge: 120 });
  });
  afterAll(() => server.stop());

  const get = (params: Record<string, unknown>, headers: Record<string, string> = preflight) =>
    fetch(graphqlUrl(server.url, params), { headers });
  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });

  it('makes a successful GET answer cacheable, with an ETag, varying on Accept and Origin', async () => {
    const response = await get({ query: '{ voorziening(code: "bro") { name } }' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=120');
    expect(response.headers.get('etag')).toMatch(/^W\/"[\w-]{32}"$/);
    expect(varyOf(response)).toEqual(['origin', 'accept']);
    // From the store, the same.
    const again = await get({ query: '{ voorziening(code: "bro") { name } }' });
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(varyOf(again)).toEqual(['origin', 'accept']);
  });

  it('answers 304 to a matching If-None-Match without executing anything, as cacheable as the 200', async () => {
    const query = { query: '{ voorziening(code: "brv") { name indicators { key } } }' };
    const first = await get(query);
    const etag = first.headers.get('etag')!;
    server.statements.splice(0);
    const again = await get(query, { ...preflight, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(varyOf(again)).toEqual(varyOf(first));
    expect(server.statements).toEqual([]);
    const other = await get(query, { ...preflight, 'if-none-match': 'W/"something-else"' });
    expect(other.status).toBe(200);
    // Weak comparison (RFC 9110 §13.1.2): the strong twin of the tag names it too, and so does a list with it.
    const strong = etag.replace(/^W\//, '');
    expect(strong).toMatch(/^"[\w-]{32}"$/);
    expect((await get(query, { ...preflight, 'if-none-match': strong })).status).toBe(304);
    const listed = await get(query, { ...preflight, 'if-none-match': `"a", W/"b", ${etag}` });
    expect(listed.status).toBe(304);
    // POST answers are not cacheable: a tag never spares executing one.
    const posted = await post(query, { 'content-type': 'application/json', 'if-none-match': etag });
    expect(posted.status).toBe(200);
  });

  it('answers If-None-Match: * with 304 only where a cacheable answer exists (RFC 9110 §13.1.2)', async () => {
    const star = { ...preflight, 'if-none-match': '*' };
    // An invalid query has no answer to revalidate: its errors go out, as without the header.
    const invalid = await get({ query: '{ nosuchfield }' }, star);
    expect(invalid.status).toBe(200); // legacy application/json: validation errors with 200
    expect(((await invalid.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(invalid.headers.get('etag')).toBeNull();
    const spec = await get(
      { query: '{ nosuchfield }' },
      { ...star, accept: 'application/graphql-response+json' },
    );
    expect(spec.status).toBe(400);
    const syntax = await get({ query: '{ voorziening(code: ' }, star);
    expect(syntax.status).not.toBe(304);
    expect(((await syntax.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await get({ query: '{ path(from: "brp", to: "nowhere") { length } }' }, star);
    expect(unknown.status).toBe(200);
    expect(((await unknown.json()) as any).errors).toBeDefined();
    // A valid query: executed (and kept), then 304 with the ETag, Cache-Control and Vary the 200 carries.
    const query = { query: '{ voorziening(code: "brt") { name abbreviation } }' };
    const executed = await get(query, star);
    expect(executed.status).toBe(304);
    expect(executed.headers.get('x-cache')).toBe('MISS');
    expect(await executed.text()).toBe('');
    const full = await get(query);
    expect(full.headers.get('x-cache')).toBe('HIT');
    expect(executed.headers.get('etag')).toBe(full.headers.get('etag'));
    expect(executed.headers.get('cache-control')).toBe(full.headers.get('cache-control'));
    expect(varyOf(executed)).toEqual(varyOf(full));
    const kept = await get(query, star);
    expect(kept.status).toBe(304);
    expect(kept.headers.get('x-cache')).toBe('HIT');
  });

  it('derives the ETag from the dataset version and the request', () => {
    const base = etagFor('dataset-a', '?query=x', 'application/json');
    expect(etagFor('dataset-a', '?query=x', 'application/json')).toBe(base);
    expect(etagFor('dataset-b', '?query=x', 'application/json')).not.toBe(base);
    expect(etagFor('dataset-a', '?query=y', 'application/json')).not.toBe(base);
    expect(etagFor('dataset-a', '?query=x', 'application/graphql-response+json')).not.toBe(base);
  });

  it('does not let caches keep POST answers or answers with errors', async () => {
    const posted = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ edition { year } }' }),
    });
    expect(posted.headers.get('cache-control')).toBe('no-store');
    expect(posted.headers.get('etag')).toBeNull();
    const failed = await get({ query: '{ path(from: "brp", to: "nowhere") { length } }' });
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(failed.headers.get('etag')).toBeNull();
  });

  it('serves automatic persisted queries over GET, cacheable by a CDN', async () => {
    const query = '{ basisregistraties { code } }';
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const unknown = (await (await get({ extensions: { persistedQuery } })).json()) as any;
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = (await (await get({ query, extensions: { persistedQuery } })).json()) as any;
    expect(registered.data.basisregistraties).toHaveLength(10);
    const byHash = await get({ extensions: { persistedQuery } });
    expect(byHash.status).toBe(200);
    expect(((await byHash.json()) as any).data.basisregistraties).toHaveLength(10);
    expect(byHash.headers.get('cache-control')).toBe('public, max-age=120');
    expect(byHash.headers.get('etag')).toBeTruthy();
  });

  it('answers whitespace and comment variants of a query from one kept answer, and other variables anew', async () => {
    const query =
      'query Page($code: String!, $year: Int!) { voorziening(code: $code) { name indicators { key value(year: $year) } } }';
    const variants = [
      `  ${query}  `,
      `# a comment\n${query.replace(/ /g, '\n  ')}`,
      query
        .replace(/\{ /g, '{')
        .replace(/ \}/g, '}')
        .replace(/ indicators/, ', indicators'),
    ];
    const first = await post({ query, variables: { code: 'bgt', year: 2019 } });
    expect(first.headers.get('x-cache')).toBe('MISS');
    const body = await first.text();
    server.statements.splice(0);
    for (const variant of variants) {
      const again = await post({ query: variant, variables: { year: 2019, code: 'bgt' } });
      expect({ variant, cache: again.headers.get('x-cache') }).toEqual({ variant, cache: 'HIT' });
      expect(await again.text()).toBe(body);
    }
    // Variables the operation does not declare change nothing; its operation name given or not, neither.
    const extra = await post({ query, variables: { code: 'bgt', year: 2019, unused: [1, 2] } });
    expect(extra.headers.get('x-cache')).toBe('HIT');
    const named = await post({ query, operationName: 'Page', variables: { code: 'bgt', year: 2019 } });
    expect(await named.text()).toBe(body);
    expect(server.statements).toEqual([]);
    // Over GET, the same: a kept answer per method and Accept.
    const overGet = await get({ query, variables: { code: 'bgt', year: 2019 } });
    expect(overGet.headers.get('x-cache')).toBe('MISS');
    const getVariant = await get({ query: variants[1]!, variables: { year: 2019, code: 'bgt' } });
    expect(getVariant.headers.get('x-cache')).toBe('HIT');
    expect(await getVariant.text()).toBe(body);
    // Other values are other answers.
    for (const variables of [
      { code: 'bgt', year: 2018 },
      { code: 'bag', year: 2019 },
    ]) {
      const other = await post({ query, variables });
      expect({ variables, cache: other.headers.get('x-cache') }).toEqual({ variables, cache: 'MISS' });
      expect(await other.text()).not.toBe(body);
    }
    // Two documents that differ in more than whitespace do not share an answer.
    const aliased = await post({
      query: query.replace('name', 'naam: name'),
      variables: { code: 'bgt', year: 2019 },
    });
    expect(aliased.headers.get('x-cache')).toBe('MISS');
  });

  it('never serves a kept answer to a request Apollo refuses: it gets the refusal', async () => {
    // The refusals as a server without an answer store gives them.
    const bare = await startTestServer({ cacheMaxAge: 120, responseCache: false });
    try {
      const query = { query: '{ voorziening(code: "bri") { name kind } }' };
      const json = JSON.stringify(query);
      const search = new URL(graphqlUrl('http://localhost', query)).search;
      const posted = (headers: Record<string, string>): RequestInit => ({
        method: 'POST',
        headers,
        body: json,
      });
      const refused: [name: string, path: string, init: RequestInit][] = [
        ...['text/html', 'application/xml', 'application/graphql', 'text/plain'].map(
          (type): [string, string, RequestInit] => [
            `POST ${type}`,
            '/graphql',
            posted({ 'content-type': type, 'apollo-require-preflight': '1' }),
          ],
        ),
        ['POST text/plain without a preflight header', '/graphql', posted({ 'content-type': 'text/plain' })],
        ...['application/xml', 'text/plain; charset=utf-8', 'nonsense', '', 'application/jsonx'].map(
          (type): [string, string, RequestInit] => [
            `GET with content-type ${type}`,
            `/graphql${search}`,
            { headers: { ...preflight, 'content-type': type } },
          ],
        ),
        ['GET accepting no JSON', `/graphql${search}`, { headers: { ...preflight, accept: 'text/html' } }],
      ];
      // The answer is kept, for POST and for GET.
      await post(query);
      expect((await post(query)).headers.get('x-cache')).toBe('HIT');
      await get(query);
      expect((await get(query)).headers.get('x-cache')).toBe('HIT');
      // A plain GET, without the header CSRF prevention used to ask for, is taken: from the store.
      const plain = await fetch(`${server.url}/graphql${search}`, {
        headers: { accept: 'application/json' },
      });
      expect([plain.status, plain.headers.get('x-cache')]).toEqual([200, 'HIT']);
      for (const [name, path, init] of refused) {
        const answer = await described(await fetch(`${server.url}${path}`, init));
        const expected = await described(await fetch(`${bare.url}${path}`, init));
        // Refused as without a store (which says nothing of x-cache), never from the store.
        expect({ name, ...answer, xCache: null }).toEqual({ name, ...expected });
        expect({ name, refused: answer.status >= 400 }).toEqual({ name, refused: true });
        expect({ name, xCache: answer.xCache }).not.toEqual({ name, xCache: 'HIT' });
      }
    } finally {
      await bare.stop();
    }
  });

  it('answers a repeated query from the response cache without executing it', async () => {
    const body = (code: string) =>
      JSON.stringify({
        // corrections: names, indicators and observations come from the reference rows, without a statement
        query:
          'query($code: String!) { voorziening(code: $code) { name indicators { key corrections { year } } } }',
        variables: { code },
      });
    const post = (code: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(code),
      });
    server.statements.splice(0);
    const first: unknown = await (await post('bgt')).json();
    expect(server.statements.length).toBeGreaterThan(0);
    server.statements.splice(0);
    const second: unknown = await (await post('bgt')).json();
    expect(second).toEqual(first);
    expect(server.statements).toEqual([]);
    await post('bri');
    expect(server.statements.length).toBeGreaterThan(0);
  });
});

describe('cross-origin requests', () => {
  it('allows any origin by default, answering preflights', async () => {
    const server = await startTestServer();
    try {
      const preflightResponse = await fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://example.org',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflightResponse.status).toBe(204);
      expect(preflightResponse.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflightResponse.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
      expect(preflightResponse.headers.get('access-control-allow-headers')).toBe('content-type');
      expect(varyOf(preflightResponse)).toEqual(['origin', 'access-control-request-headers']);
      // The CORS headers are there only for a request with an Origin: answers vary on it, even with `*`.
      const query = '{ voorziening(code: "brk") { name } }';
      const sameOrigin = await fetch(graphqlUrl(server.url, { query }), { headers: preflight });
      expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
      expect(varyOf(sameOrigin)).toEqual(['origin', 'accept']);
      const crossOrigin = await fetch(graphqlUrl(server.url, { query }), {
        headers: { ...preflight, origin: 'https://a.example' },
      });
      expect(crossOrigin.headers.get('access-control-allow-origin')).toBe('*');
      expect(varyOf(crossOrigin)).toEqual(['origin', 'accept']);
    } finally {
      await server.stop();
    }
  });

  it('allows only the configured origins when a list is given', async () => {
    const server = await startTestServer({ corsOrigins: ['https://data.overheid.nl'] });
    try {
      const ask = (origin: string) =>
        fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json' },
          body: '{"query":"{ edition { year } }"}',
        });
      const allowed = await ask('https://data.overheid.nl');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://data.overheid.nl');
      expect(varyOf(allowed)).toContain('origin');
      const refused = await ask('https://elsewhere.example');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      // A 304 keeps the CORS headers and Vary of the 200.
      const url = graphqlUrl(server.url, { query: '{ edition { year } }' });
      const headers = { ...preflight, origin: 'https://data.overheid.nl' };
      const first = await fetch(url, { headers });
      const notModified = await fetch(url, {
        headers: { ...headers, 'if-none-match': first.headers.get('etag')! },
      });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get('access-control-allow-origin')).toBe('https://data.overheid.nl');
      expect(varyOf(notModified)).toEqual(['origin', 'accept']);
      expect(varyOf(notModified)).toEqual(varyOf(first));
    } finally {
      await server.stop();
    }
  });
});

describe('the caps of the answer store', () => {
  /** `{ <alias>: edition { year } }`, and its answer: one byte longer per letter of the alias. */
  const query = (alias: string) => ({ query: `{ ${alias}: edition { year } }` });
  const answerOf = (alias: string) => `${JSON.stringify({ data: { [alias]: { year: 2020 } } })}\n`;
  const cap = Buffer.byteLength(answerOf('a'));

  it('keeps an answer exactly at the per-answer cap; one a byte over is served, not kept', async () => {
    const server = await startTestServer({ answerLimits: { maxAnswerBytes: cap, maxTotalBytes: 1 << 20 } });
    try {
      const ask = (alias: string) => fetch(graphqlUrl(server.url, query(alias)), { headers: preflight });
      const atCap = await ask('a');
      expect(await atCap.text()).toBe(answerOf('a'));
      expect((await ask('a')).headers.get('x-cache')).toBe('HIT');
      const over = await ask('ab');
      expect(Buffer.byteLength(await over.text())).toBe(cap + 1);
      expect(over.status).toBe(200);
      expect(over.headers.get('etag')).toBeTruthy(); // HTTP caches may still keep it
      const overAgain = await ask('ab');
      expect(overAgain.headers.get('x-cache')).toBe('MISS');
      expect(await overAgain.text()).toBe(answerOf('ab'));
    } finally {
      await server.stop();
    }
  });

  it('keeps at most its total, the least recently used answers going first', async () => {
    // Room for two answers of `cap` bytes.
    const maxTotalBytes = 2 * (cap + ANSWER_OVERHEAD_BYTES);
    const server = await startTestServer({ answerLimits: { maxAnswerBytes: cap, maxTotalBytes } });
    try {
      const ask = async (alias: string) => {
        const response = await fetch(graphqlUrl(server.url, query(alias)), { headers: preflight });
        expect(await response.text()).toBe(answerOf(alias));
        return response.headers.get('x-cache');
      };
      expect([await ask('a'), await ask('b'), await ask('a')]).toEqual(['MISS', 'MISS', 'HIT']);
      // c is kept in place of b, the least recently used.
      expect(await ask('c')).toBe('MISS');
      expect([await ask('c'), await ask('a'), await ask('b')]).toEqual(['HIT', 'HIT', 'MISS']);
    } finally {
      await server.stop();
    }
  });
});

describe('caching exports and pictures over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ cacheMaxAge: 120 });
  });
  afterAll(() => server.stop());

  it('vary on Origin, and answer 304 with the same ETag, Cache-Control and Vary', async () => {
    const first = await fetch(`${server.url}/export/relations.csv`, {
      headers: { origin: 'https://a.example' },
    });
    await first.text();
    expect(first.status).toBe(200);
    expect(varyOf(first)).toEqual(['origin']);
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/export/relations.csv`, {
      headers: { origin: 'https://a.example', 'if-none-match': etag.replace(/^W\//, '') },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(varyOf(again)).toEqual(['origin']);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answer If-None-Match: * with 304 for a file that exists, and the refusal for one that cannot', async () => {
    const star = { 'if-none-match': '*' };
    const exists = await fetch(`${server.url}/export/stelsel.json`, { headers: star });
    expect(exists.status).toBe(304);
    expect(exists.headers.get('etag')).toMatch(/^W\//);
    const refused = await fetch(`${server.url}/stelsel.svg?kinds=nonsense`, { headers: star });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('etag')).toBeNull();
  });
});
