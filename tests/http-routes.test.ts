import { allowedMethods, matchRoute } from '../server/http/routes/match-route';
import { listRoutes, ROUTES } from '../server/http/routes/route-table';
import { startTestServer, type TestServer } from './support/running-server';

describe('the route table', () => {
  it('matches paths exactly, and patterns whole', () => {
    expect(matchRoute(ROUTES, '/graphql')?.route.family).toBe('graphql');
    for (const path of [
      '/graphqlx',
      '/graphql/',
      '/stelsel.svgx',
      '/explore/',
      '/explore/brp/x',
      '/healthz/',
    ])
      expect({ path, match: matchRoute(ROUTES, path) }).toEqual({ path, match: undefined });
    expect(matchRoute(ROUTES, '/explore/brp')?.params).toEqual({ code: 'brp' });
  });

  it('lists every route once, with its methods and what it serves', () => {
    const paths = ROUTES.map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
    const lines = listRoutes();
    expect(lines).toHaveLength(ROUTES.length);
    expect(lines[0]).toMatch(/^GET, POST, OPTIONS +\/graphql +the GraphQL API/);
    expect(lines.some((line) => /^GET, HEAD +\/explore\/\{code\} /.test(line))).toBe(true);
    expect(allowedMethods(ROUTES.find((route) => route.path === '/healthz')!)).toEqual(['GET', 'HEAD']);
  });
});

describe('the HTTP server routes by the table', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  /** A GET that each route answers with 200: a query for the API, a known code for a page. */
  const exampleGet = (path: string) => {
    if (path === '/graphql') return `${path}?query=${encodeURIComponent('{ edition { year } }')}`;
    return path.replace('{code}', 'brp');
  };

  it('answers every route in the table', async () => {
    for (const route of ROUTES) {
      const response = await fetch(`${server.url}${exampleGet(route.path)}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      await response.arrayBuffer();
      expect({ path: route.path, status: response.status }).toEqual({ path: route.path, status: 200 });
    }
  });

  it('answers 404 with a JSON error naming the path for paths that only start like a route', async () => {
    for (const path of [
      '/graphqlx',
      '/graphql/',
      '/stelsel.svgx',
      '/explorex',
      '/healthz/',
      '/playground/',
      '/playground/nothing.js',
      '/nothing-here',
    ]) {
      const response = await fetch(`${server.url}${path}`, {
        headers: { 'apollo-require-preflight': 'true' },
      });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toEqual({
        error: `Nothing at ${path}. The API is at /graphql, the playground at /.`,
      });
    }
  });

  it('names the exports for a path under /export/ that is none of them', async () => {
    const response = await fetch(`${server.url}/export/secrets.csv`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /^No export at \/export\/secrets\.csv; the exports are /,
    );
  });

  it('answers a method a route does not list with 405 and the ones it does', async () => {
    const graphql = await fetch(`${server.url}/graphql`, { method: 'DELETE' });
    expect(graphql.status).toBe(405);
    expect(graphql.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(((await graphql.json()) as { errors: unknown[] }).errors[0]).toEqual({
      message: 'Method DELETE is not allowed on /graphql; use GET or POST.',
      extensions: { code: 'METHOD_NOT_ALLOWED' },
    });
    const picture = await fetch(`${server.url}/stelsel.svg`, { method: 'POST' });
    expect(picture.status).toBe(405);
    expect(picture.headers.get('allow')).toBe('GET, HEAD');
    expect(await picture.json()).toEqual({ error: 'Method POST is not allowed on /stelsel.svg.' });
  });

  it('logs nothing unexpected while doing so', () => {
    expect(server.errors).toEqual([]);
  });
});
