import { createHash } from 'node:crypto';
import { etagFor } from '../server/http/http-cache';
import { startTestServer, type TestServer } from './support/running-server';

const preflight = { 'apollo-require-preflight': 'true', accept: 'application/json' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('caching GraphQL answers over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ cacheMaxAge: 120 });
  });
  afterAll(() => server.stop());

  const get = (params: Record<string, unknown>, headers: Record<string, string> = preflight) => {
    const search = new URLSearchParams(
      Object.entries(params).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    );
    return fetch(`${server.url}/graphql?${search}`, { headers });
  };

  it('makes a successful GET answer cacheable, with an ETag', async () => {
    const response = await get({ query: '{ voorziening(code: "bro") { name } }' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=120');
    expect(response.headers.get('etag')).toMatch(/^W\/"[\w-]{32}"$/);
    expect(response.headers.get('vary')).toMatch(/accept/);
  });

  it('answers 304 to a matching If-None-Match without executing anything', async () => {
    const query = { query: '{ voorziening(code: "brv") { name indicators { key } } }' };
    const first = await get(query);
    const etag = first.headers.get('etag')!;
    server.statements.splice(0);
    const again = await get(query, { ...preflight, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(server.statements).toEqual([]);
    const other = await get(query, { ...preflight, 'if-none-match': 'W/"something-else"' });
    expect(other.status).toBe(200);
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

  it('answers a repeated query from the response cache without executing it', async () => {
    const body = (code: string) =>
      JSON.stringify({
        query: 'query($code: String!) { voorziening(code: $code) { name indicators { key } } }',
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
      expect(allowed.headers.get('vary')).toMatch(/origin/);
      const refused = await ask('https://elsewhere.example');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.stop();
    }
  });
});
