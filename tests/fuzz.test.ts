import {
  buildClientSchema,
  getIntrospectionQuery,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { hostileTargets, MALFORMED_REQUEST_LINES, type FuzzTarget } from './support/http-fuzzer';
import { createQueryFuzzer, hostileArgumentRequests } from './support/query-fuzzer';
import { seededRandom, type Random } from './support/random';
import { rawBytes, rawRequest } from './support/raw-request';
import { startTestServer, type TestServer } from './support/running-server';

/**
 * The seed: FUZZ_SEED reproduces a failing run; FUZZ_SCALE multiplies the random requests' numbers. The default
 * (a quarter of 2000/2000/1500) keeps `npm test` quick and still finds the bug the fuzz test first found (Apollo's
 * 4xx refusals masked as internal errors, planted back: found at 0.1 already); FUZZ_SCALE=1 or more goes deeper.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20191231);
const SCALE = Number(process.env.FUZZ_SCALE ?? 0.25);
const VALID = Math.round(2000 * SCALE);
const MALFORMED = Math.round(2000 * SCALE);
const TARGETS = Math.round(1500 * SCALE);
const CONCURRENCY = 8;

/** Runs `task` over `items`, `CONCURRENCY` at a time, keeping the results in the items' order. */
async function eachConcurrently<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await task(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

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
          query: `{ edition { year } } # ${'x'.repeat(i === 2 || random.chance(0.02) ? 1_100_000 : random.int(1000, 50_000))}`,
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
  let schema: GraphQLSchema;
  beforeAll(async () => {
    server = await startTestServer({ responseCache: false });
    const introspection = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery() }),
    });
    schema = buildClientSchema(((await introspection.json()) as { data: IntrospectionQuery }).data);
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
      measures: ['terugmeldingen', 'berichten', 'bevragingen', 'accounts', 'nope'],
      sections: ['hoofdlijnen', 'hoofdlijnen-c', 'digid', 'brp', 'nope'],
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

  it('answers hostile values in every argument of every field with the client’s error or data, never a 5xx', async () => {
    const requests = hostileArgumentRequests(schema, seededRandom(SEED + 2));
    // every argument of every field, and every field of every input-object argument
    expect(new Set(requests.map((r) => r.about)).size).toBeGreaterThanOrEqual(100);
    const results = await eachConcurrently(requests, async (request) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: request.query, variables: request.variables }),
      });
      return { request, status: response.status, text: await response.text() };
    });
    const bad = results.filter(
      (r) =>
        r.status >= 500 ||
        !isGraphQLResponse(r.text) ||
        r.text.includes('INTERNAL_SERVER_ERROR') ||
        r.text.includes('"code":"INTERNAL'),
    );
    expect(
      bad.map((r) => ({
        about: r.request.about,
        value: JSON.stringify(r.request.variables?.v ?? null).slice(0, 80),
        status: r.status,
        text: r.text.slice(0, 300),
      })),
    ).toEqual([]);
    // the arguments' refusals name what is wrong: BAD_USER_INPUT, or a validation error for a literal
    const codes = new Set(
      results.flatMap((r) =>
        ((JSON.parse(r.text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map(
          (e) => e.extensions?.code,
        ),
      ),
    );
    expect([...codes].sort()).toEqual(
      expect.arrayContaining(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']),
    );
    expect(server.errors).toEqual([]);
  }, 300_000);

  it(`answers ${TARGETS} random and adversarial HTTP requests over every route with a 4xx or a success, never a 5xx`, async () => {
    const targets = hostileTargets(seededRandom(SEED + 3), TARGETS);
    const results = await eachConcurrently(targets, async (request: FuzzTarget) => {
      try {
        const answer = await rawRequest(server.url, request.target, request);
        return { request, status: answer.status, text: answer.text };
      } catch (error) {
        // A request line over 16 KiB is answered 414 and the connection closed: the client may see only the close
        const code = (error as NodeJS.ErrnoException).code;
        if (request.target.length > 16_000 && (code === 'ECONNRESET' || code === 'EPIPE'))
          return { request, status: 414, text: '' };
        throw error;
      }
    });
    const bad = results.filter((r) => r.status >= 500 || r.status < 100);
    expect(
      bad.map((r) => ({
        method: r.request.method,
        target: r.request.target.slice(0, 200),
        status: r.status,
        text: r.text.slice(0, 200),
      })),
    ).toEqual([]);
    // what the routes answered: pages, pictures and exports among them, and every kind of refusal
    const statuses = new Set(results.map((r) => r.status));
    for (const status of [200, 400, 404, 405, 414])
      expect({ status, seen: statuses.has(status) }).toEqual({ status, seen: true });
    expect(
      results.some(
        (r) => r.status === 200 && r.request.target.startsWith('/explore/') && r.text.includes('<h1>'),
      ),
    ).toBe(true);
    expect(server.errors).toEqual([]);
  }, 300_000);

  it('answers request lines no client library sends with a 4xx, or closes the connection', async () => {
    for (const bytes of MALFORMED_REQUEST_LINES) {
      const status = await rawBytes(server.url, bytes);
      expect({ request: bytes.slice(0, 60), status: status >= 500 ? status : 'not a 5xx' }).toEqual({
        request: bytes.slice(0, 60),
        status: 'not a 5xx',
      });
    }
    expect(server.errors).toEqual([]);
  });

  it('is alive and correct afterwards', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
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
