import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { createQueryFuzzer } from './support/query-fuzzer';
import { seededRandom, type Random } from './support/random';
import { startTestServer, type TestServer } from './support/running-server';

/** The seed: FUZZ_SEED reproduces a failing run. */
const SEED = Number(process.env.FUZZ_SEED ?? 20191231);
const VALID = 2000;
const MALFORMED = 2000;
const CONCURRENCY = 8;

interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Sends requests `CONCURRENCY` at a time; returns each with its status and body text. */
async function sendAll(base: string, requests: Sent[]) {
  const results: { request: Sent; status: number; text: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const response = await fetch(`${base}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      results.push({ request, status: response.status, text: await response.text() });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

/** A malformed or hostile request of one of ten kinds. */
function malformed(random: Random, i: number): Sent {
  const json = { 'content-type': 'application/json' };
  const post = (body: string, headers: Record<string, string> = json): Sent => ({
    method: 'POST',
    path: '/graphql',
    headers,
    body,
  });
  const valid = JSON.stringify({
    query: 'query Q($code: String!) { voorziening(code: $code) { name } }',
    variables: { code: 'brp' },
  });
  switch (i % 10) {
    case 0:
      return post(valid.slice(0, random.int(0, valid.length - 1)));
    case 1:
      return post(
        JSON.stringify(
          random.pick([
            { query: 123 },
            { query: null },
            { query: ['{ edition { year } }'] },
            { query: '{ edition { year } }', variables: 'x' },
            { query: '{ edition { year } }', operationName: 5 },
            [],
            'text',
            42,
          ]),
        ),
      );
    case 2:
      // huge: a few over the body limit, most just long
      return post(
        JSON.stringify({
          query: `{ edition { year } } # ${'x'.repeat(random.chance(0.02) ? 1_100_000 : random.int(1000, 50_000))}`,
        }),
      );
    case 3:
      return post(
        JSON.stringify({
          query: 'query A { edition { year } } query B { domains { code } }',
          operationName: random.pick(['C', '', 'a']),
        }),
      );
    case 4:
      return post(
        JSON.stringify({
          query:
            'query Q($code: String!, $n: Int) { voorziening(code: $code) { name } voorzieningen(first: $n) { totalCount } }',
          variables: random.pick([
            { code: 5 },
            {},
            { code: 'brp', n: 'ten' },
            { code: ['brp'] },
            { code: 'brp', n: 1e12 },
          ]),
        }),
      );
    case 5:
      return post(valid, {
        'content-type': random.pick([
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          '',
        ]),
      });
    case 6:
      return {
        method: 'GET',
        path: `/graphql?${random.pick(['query=%%%', 'variables=notjson&query={edition{year}}', '', 'query={', 'extensions={"persistedQuery":{"version":2,"sha256Hash":"x"}}', 'query={edition{year}}&query={edition{year}}'])}`,
        headers: random.chance(0.5) ? { 'apollo-require-preflight': '1' } : {},
      };
    case 7:
      return post(
        new Uint8Array(Array.from({ length: random.int(1, 400) }, () => random.int(0, 255))) as never,
      );
    case 8:
      return {
        method: random.pick(['PUT', 'DELETE', 'PATCH']),
        path: random.pick(['/graphql', '/', '/healthz', '/x']),
        headers: json,
        body: valid,
      };
    default:
      return post(
        JSON.stringify({
          query: `${'{ voorziening(code: "brp") { outgoing { to '.repeat(random.int(10, 300))}`,
        }),
      );
  }
}

describe(`fuzzing the real HTTP server (seed ${SEED})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ responseCache: false });
  });
  afterAll(() => server.stop());

  const isGraphQLResponse = (text: string) => {
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      return 'data' in body || Array.isArray(body.errors) || typeof body.error === 'string';
    } catch {
      return false;
    }
  };

  it(`answers ${VALID} random valid queries with a GraphQL response and no server error`, async () => {
    const introspection = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    const schema = buildClientSchema(((await introspection.json()) as { data: IntrospectionQuery }).data);
    const codes = [
      'brp',
      'hr',
      'bag',
      'digilevering',
      'digimelding',
      'mijnoverheid',
      'pdok',
      'nora',
      'gemma',
      'digid',
      'nope',
    ];
    const fuzzer = createQueryFuzzer(schema, seededRandom(SEED), {
      codes,
      keys: [
        'berichten-naar-afnemers',
        'aangesloten-organisaties',
        'terugmeldingen-totaal',
        'geopend-na-3-weken',
        'x',
      ],
      subjects: ['Gemeenten', 'Totaal', 'views', 'nobody'],
    });
    const requests = Array.from({ length: VALID }, (): Sent => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: fuzzer.query() }),
    }));
    const results = await sendAll(server.url, requests);
    const serverErrors = results.filter((r) => r.status >= 500 || r.text.includes('INTERNAL_SERVER_ERROR'));
    expect(
      serverErrors.map((r) => ({
        status: r.status,
        query: String(r.request.body).slice(0, 300),
        text: r.text.slice(0, 300),
      })),
    ).toEqual([]);
    expect(results.filter((r) => !isGraphQLResponse(r.text))).toEqual([]);
    const answered = results.filter((r) => r.status === 200 && r.text.startsWith('{"data"')).length;
    // many random queries name unknown codes or junk on purpose; a good share still finds data
    expect(answered).toBeGreaterThan(VALID / 4);
    expect(server.errors).toEqual([]);
  }, 180_000);

  it(`answers ${MALFORMED} malformed requests with a 4xx or a GraphQL error, never a 5xx`, async () => {
    const random = seededRandom(SEED + 1);
    const results = await sendAll(
      server.url,
      Array.from({ length: MALFORMED }, (_, i) => malformed(random, i)),
    );
    const bad = results.filter(
      (r) => r.status >= 500 || !(r.status < 300 ? isGraphQLResponse(r.text) : r.status < 500),
    );
    expect(
      bad.map((r) => ({
        status: r.status,
        method: r.request.method,
        body: String(r.request.body).slice(0, 200),
        text: r.text.slice(0, 200),
      })),
    ).toEqual([]);
    expect(results.some((r) => r.status === 413)).toBe(true);
    expect(results.some((r) => r.status === 405)).toBe(true);
    expect(server.errors).toEqual([]);
  }, 180_000);

  it('is alive and correct afterwards', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ voorziening(code: "brp") { indicator(key: "berichten-naar-afnemers") { value(year: 2019) } } }',
      }),
    });
    expect(await response.json()).toEqual({ data: { voorziening: { indicator: { value: 381_526_659 } } } });
  });
});
