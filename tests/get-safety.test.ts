import { buildSchema } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { exampleMix } from '../harness/query-mix';
import { readTypeDefs } from '../server/graphql/type-defs';
import { PROJECT_ROOT as ROOT } from '../server/lib/project-paths';
import { ROUTES } from '../server/http/routes/route-table';
import { startTestServer, type TestServer } from './support/running-server';

/**
 * Why GET needs no CSRF prevention here (README, "Why GET is safe here"), as tests that fail the day it stops
 * being true: the schema has no mutation or subscription; nothing reads a cookie or a credential (a request that
 * carries them is answered exactly as one without, and no server source names those headers); CORS never allows
 * credentials; a GET is answered as the same POST is; and a long GET URL is a clear 4xx, not a crash.
 */

/** Headers a browser would add to a cross-site request on a user's behalf, or a client with a token would send. */
const CREDENTIALS = {
  cookie: 'session=0123456789abcdef; stelselgraph=admin',
  authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl',
  'proxy-authorization': 'Basic dXNlcjpwYXNz',
};

/** The headers that may differ between two answers to the same request: the clock's, and the connection's. */
const CHANGING_HEADERS = new Set(['date', 'keep-alive', 'connection']);

/** An answer as compared: its status, its headers (but the clock's), its body. */
async function described(response: Response): Promise<{ status: number; headers: object; body: string }> {
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => !CHANGING_HEADERS.has(name.toLowerCase())),
  );
  return { status: response.status, headers, body: await response.text() };
}

/** The TypeScript files under `dir` (its generated code included: it runs too). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Names of headers and options that carry a credential or let one through, lowercased. */
const CREDENTIAL_NAMES = new Set([
  'cookie',
  'cookies',
  'set-cookie',
  'authorization',
  'proxy-authorization',
  'www-authenticate',
  'access-control-allow-credentials',
  'credentials',
  'withcredentials',
]);

/**
 * The identifiers and string literals of a source file that name a credential (in comments they may). A name all
 * in capitals is a constant of the vocabulary (`AUTHORIZATION` is a relation kind), not a header.
 */
function credentialNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const text =
      ts.isIdentifier(node) || ts.isStringLiteralLike(node) || ts.isPrivateIdentifier(node)
        ? node.text
        : undefined;
    if (text !== undefined && CREDENTIAL_NAMES.has(text.toLowerCase()) && text !== text.toUpperCase())
      found.push(`${relative(ROOT, file)}: ${text}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('GET is safe here: read-only, public, without credentials', () => {
  let server: TestServer;
  let graphql: string;
  beforeAll(async () => {
    server = await startTestServer();
    graphql = `${server.url}/graphql`;
  });
  afterAll(() => server.stop());

  const link = (query: string) => `${graphql}?${new URLSearchParams({ query })}`;

  it('has no mutation and no subscription: in the SDL, in the served schema, and a mutation is refused', async () => {
    const schema = buildSchema(readTypeDefs());
    expect([schema.getMutationType(), schema.getSubscriptionType()]).toEqual([undefined, undefined]);
    const served = await fetch(link('{ __schema { mutationType { name } subscriptionType { name } } }'));
    expect(await served.json()).toEqual({
      data: { __schema: { mutationType: null, subscriptionType: null } },
    });
    const accept = { accept: 'application/graphql-response+json' };
    const overGet = await fetch(link('mutation { __typename }'), { headers: accept });
    const overPost = await fetch(graphql, {
      method: 'POST',
      headers: { ...accept, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { __typename }' }),
    });
    for (const refused of [overGet, overPost]) {
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({
        errors: [
          {
            message: 'This API is read-only: the schema has no mutation type, only queries (Query).',
            locations: [{ line: 1, column: 1 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
    }
    expect(server.errors).toEqual([]);
  });

  it('answers every route exactly as it does without cookies or credentials, and sets no cookie', async () => {
    const paths = ROUTES.filter((route) => route.methods.includes('GET') && route.path !== '/healthz').map(
      (route) => route.path.replace('{code}', 'brp'),
    );
    const requests: [name: string, url: string, init: RequestInit][] = [
      ...paths.map((path): [string, string, RequestInit] => [
        `GET ${path}`,
        path === '/graphql' ? link('{ voorziening(code: "brp") { name } }') : `${server.url}${path}`,
        {},
      ]),
      ['GET an invalid query', link('{ nonsense }'), {}],
      [
        'POST a query',
        graphql,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ edition { year } }' }),
        },
      ],
      ['GET a path that is not there', `${server.url}/admin`, {}],
    ];
    for (const [name, url, init] of requests) {
      await fetch(url, init).then((r) => r.arrayBuffer()); // kept answers are kept: both below are served alike
      const without = await described(await fetch(url, init));
      const headers = { ...(init.headers as Record<string, string> | undefined), ...CREDENTIALS };
      const withCredentials = await described(await fetch(url, { ...init, headers }));
      expect({ name, ...withCredentials }).toEqual({ name, ...without });
      expect({ name, setCookie: 'set-cookie' in without.headers }).toEqual({ name, setCookie: false });
    }
  });

  it('never allows credentials in CORS, for any origin, in an answer or a preflight', async () => {
    const listed = await startTestServer({ corsOrigins: ['https://researcher.example'] });
    try {
      for (const [base, origin] of [
        [server.url, 'https://anywhere.example'],
        [listed.url, 'https://researcher.example'],
      ] as const) {
        const answer = await fetch(`${base}/graphql?query=%7B__typename%7D`, {
          headers: { origin, ...CREDENTIALS },
        });
        const preflight = await fetch(`${base}/graphql`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type, authorization',
          },
        });
        for (const response of [answer, preflight]) {
          expect(response.headers.get('access-control-allow-origin')).toBe(
            base === server.url ? '*' : origin,
          );
          expect(response.headers.get('access-control-allow-credentials')).toBeNull();
        }
      }
    } finally {
      await listed.stop();
    }
  });

  it('has no server source that names a cookie, a credential header or CORS credentials', () => {
    const files = sourceFiles(join(ROOT, 'server'));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => credentialNames(file))).toEqual([]);
  });

  it('answers a GET exactly as the same POST: every example query, and an error', async () => {
    const examples = exampleMix().map((e) => (JSON.parse(e.body) as { query: string }).query);
    expect(examples.length).toBeGreaterThan(3);
    for (const query of [...examples, '{ nonsense }', '{ voorziening(code: 1) { name } }']) {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const got = await fetch(link(query), { headers: { accept } });
        const posted = await fetch(graphql, {
          method: 'POST',
          headers: { accept, 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const answers = [got, posted].map(async (r) => ({ status: r.status, body: await r.text() }));
        const [get, post] = await Promise.all(answers);
        expect({ query, accept, ...get }).toEqual({ query, accept, ...post });
      }
    }
  });

  it('answers a GET URL over the limit on the request head with a clear 4xx, and goes on serving', async () => {
    const longQuery = `{ ${'edition { year } '.repeat(1500)}}`;
    const tooLong = await fetch(link(longQuery));
    expect(tooLong.status).toBe(414);
    expect(await tooLong.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^The URL is over the server's limit of 16384 bytes .* by POST/),
          extensions: { code: 'URI_TOO_LONG', limit: 16384 },
        },
      ],
    });
    // a short URL with headers over the limit: 431, which says the same
    const bigHeaders = await fetch(link('{ edition { year } }'), {
      headers: { 'x-padding': 'x'.repeat(17_000) },
    });
    expect(bigHeaders.status).toBe(431);
    expect(JSON.stringify(await bigHeaders.json())).toContain('REQUEST_HEADER_FIELDS_TOO_LARGE');
    const page = await fetch(`${server.url}/explore?${'x'.repeat(17_000)}`);
    expect([page.status, ((await page.json()) as { error: string }).error]).toEqual([
      414,
      expect.stringMatching(/^The URL is over/),
    ]);
    // within the URL limit, over the parser's token limit: a 400 that names it
    const manyTokens = await fetch(link(`{ ${'edition { year } '.repeat(700)}}`));
    expect(manyTokens.status).toBe(400);
    expect(JSON.stringify(await manyTokens.json())).toMatch(/token/i);
    expect((await fetch(link('{ edition { year } }'))).status).toBe(200);
    expect(server.errors).toEqual([]);
  });
});
