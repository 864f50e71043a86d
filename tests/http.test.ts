import { breakRelation } from './support/break-relation';
import { startTestServer, type TestServer } from './support/running-server';

const json = { 'content-type': 'application/json' };

/** A response body as JSON, loosely typed for assertions. */
const jsonOf = (response: Response) => response.json() as Promise<any>;

describe('the HTTP server on a real port', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ bodyLimit: 4096 });
  });
  afterAll(() => server.stop());

  const post = (body: unknown, headers: Record<string, string> = json) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers GraphQL over POST', async () => {
    const response = await post({
      query:
        'query($code: String!) { voorziening(code: $code) { name indicator(key: "berichten-naar-afnemers") { value(year: 2019) } } }',
      variables: { code: 'brp' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    expect(await jsonOf(response)).toEqual({
      data: { voorziening: { name: 'Basisregistratie Personen', indicator: { value: 381_526_659 } } },
    });
  });

  it('answers GraphQL over GET', async () => {
    const query = encodeURIComponent('{ basisregistraties { abbreviation } }');
    const response = await fetch(`${server.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    const body = await jsonOf(response);
    expect(body.data.basisregistraties).toHaveLength(10);
  });

  it('answers a bad query with a GraphQL error that has a code and no stack trace', async () => {
    const response = await post(
      { query: '{ voorziening(code: "brp") { nonsense } }' },
      { ...json, accept: 'application/graphql-response+json' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const body = await jsonOf(response);
    expect(body.errors[0].message).toBe(
      'Cannot query field "nonsense" on type "Voorziening". Did you mean "notes"?',
    );
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at \w+ \(|node_modules/);
    // A client that accepts only application/json gets the errors with status 200, as the spec asks.
    const legacy = await post({ query: '{ voorziening(' }, { ...json, accept: 'application/json' });
    expect(legacy.status).toBe(200);
    expect((await jsonOf(legacy)).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown code in path with BAD_USER_INPUT naming the known codes', async () => {
    const response = await post({ query: '{ path(from: "brp", to: "atlantis") { length } }' });
    const body = await jsonOf(response);
    expect(body.data).toEqual({ path: null });
    // nothing is near "atlantis": no suggestions, the known codes in the message
    expect(body.errors[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argumentName: 'to',
      suggestions: [],
    });
    expect(body.errors[0].message).toMatch(
      /^Unknown voorziening code "atlantis" in `to`\. Known codes: bag, .*, woz\.$/,
    );
    expect(JSON.stringify(body)).not.toMatch(/stacktrace/);
  });

  it('refuses malformed JSON, a body over the limit, and other methods, each with a GraphQL error and a code', async () => {
    const broken = await post('{"query": ');
    expect(broken.status).toBe(400);
    const brokenBody = await jsonOf(broken);
    expect(brokenBody.errors[0].message).toMatch(/^The request body is not valid JSON/);
    expect(brokenBody.errors[0].extensions).toEqual({ code: 'BAD_REQUEST' });

    const query = (size: number) => {
      const body = JSON.stringify({ query: `{ edition { year } } # ` });
      return JSON.stringify({ query: `{ edition { year } } # ${'x'.repeat(size - body.length)}` });
    };
    expect(query(4096)).toHaveLength(4096);
    const atLimit = await post(query(4096));
    expect(atLimit.status).toBe(200);
    expect((await jsonOf(atLimit)).data.edition.year).toBe(2020);
    const over = await post(query(4097));
    expect(over.status).toBe(413);
    expect((await jsonOf(over)).errors[0]).toEqual({
      message: 'The request body is 4097 bytes, over the limit of 4096 bytes by 1.',
      extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 4096, found: 4097 },
    });

    const put = await fetch(`${server.url}/graphql`, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect((await jsonOf(put)).errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers a plain GET link, without any header, and refuses a GET with a content type Apollo does not read', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ edition { year } }')}`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect((await jsonOf(response)).data.edition.year).toBe(2020);
    const plain = await fetch(url, { headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
  });

  it('serves a health check, the playground and its assets, and 404 elsewhere', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(await jsonOf(health)).toEqual({
      status: 'ok',
      database: 'ok',
      dataset: expect.stringMatching(/^[0-9a-f]{64}$/),
      uptimeSeconds: expect.any(Number),
      memory: { rssBytes: expect.any(Number), heapUsedBytes: expect.any(Number) },
    });
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('/playground/graphiql.js');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z]/i);
    const script = await fetch(`${server.url}/playground/graphiql.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await script.text()).length).toBeGreaterThan(1_000_000);
    const head = await fetch(`${server.url}/healthz`, { method: 'DELETE' });
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET, HEAD');
    const posted = await fetch(`${server.url}/nothing-here`, { method: 'POST' });
    expect(posted.status).toBe(404);
    const missing = await fetch(`${server.url}/nothing-here`);
    expect(missing.status).toBe(404);
    expect((await jsonOf(missing)).error).toMatch(/^Nothing at \/nothing-here/);
  });

  it('logs nothing unexpected while doing so', () => {
    expect(server.errors).toEqual([]);
  });
});

describe('errors inside resolvers', () => {
  const query = '{ relations(first: 1) { nodes { kind to { code } } } }';

  it('are masked in production: a generic message, no stack trace, no SQL', async () => {
    const server = await startTestServer({ prepare: breakRelation });
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ query }),
      });
      const body = await jsonOf(response);
      expect(body.errors).toEqual([
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 38 }],
          path: ['relations', 'nodes', 0, 'to'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(server.errors.map(String)).toEqual(['Error: dataset is inconsistent: voorziening not found']);
    } finally {
      await server.stop();
    }
  });

  it('keep their message and stack trace in development mode', async () => {
    const server = await startTestServer({ prepare: breakRelation, development: true });
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ query }),
      });
      const body = await jsonOf(response);
      expect(body.errors[0].message).toBe('dataset is inconsistent: voorziening not found');
      expect(body.errors[0].extensions.stacktrace.join('\n')).toMatch(/required/);
    } finally {
      await server.stop();
    }
  });
});
