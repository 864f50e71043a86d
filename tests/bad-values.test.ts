import { queryNeighbors } from '../server/db/queries/graph/neighbors-query';
import { queryShortestPath } from '../server/db/queries/graph/shortest-path-query';
import { MAX_ROW_ID, toGlobalId } from '../server/domain/global-id';
import { toCursor, type ConnectionName } from '../server/domain/cursor';
import { filterKey } from '../server/graphql/filter-key';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';
import { rawRequest } from './support/raw-request';
import { startTestServer, type TestServer } from './support/running-server';

const json = { 'content-type': 'application/json' };
const encoded = (text: string) => Buffer.from(text).toString('base64url');

/**
 * Values that once reached SQL or the URL decoder unchecked and failed there (a 500 with a logged stack):
 * each is now the client's error (a 4xx, or BAD_USER_INPUT), or an answer, on both dialects.
 */
describe('bad values are the client’s errors, never a server error', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ responseCache: false });
  });
  afterAll(() => server.stop());

  const graphql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...json, accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('answers ids that no row can have (beyond the 32-bit ids) as unknown, before any SQL', async () => {
    for (const id of [MAX_ROW_ID + 1, 99_999_999_999, Number.MAX_SAFE_INTEGER]
      .map(String)
      .concat(['9'.repeat(100), '0'.repeat(30) + '1'])) {
      const statements = server.statements.length;
      const answer = await graphql(
        'query($v: ID!, $i: ID!) { node(id: $v) { id } indicator(id: $i) { key } observations(filter: { indicator: $i }) { totalCount } }',
        { v: encoded(`Voorziening:${id}`), i: encoded(`Indicator:${id}`) },
      );
      expect({ id, ...answer }).toEqual({
        id,
        status: 200,
        body: { data: { node: null, indicator: null, observations: { totalCount: 0 } } },
      });
      // no statement ran: the ids are unknown before any lookup, and the page of observations (for the id -1
      // that nothing has) is cut from the observations in memory
      expect(server.statements.length - statements).toBe(0);
    }
    // the largest id is still an id
    const largest = await graphql('query($v: ID!) { node(id: $v) { id } }', {
      v: toGlobalId('Voorziening', MAX_ROW_ID),
    });
    expect(largest.body).toEqual({ data: { node: null } });
  });

  it('refuses cursors beyond the 32-bit ids or not ours with BAD_USER_INPUT naming `after`', async () => {
    for (const field of ['voorzieningen', 'indicators', 'observations', 'relations']) {
      for (const after of [
        encoded(`cursor:${field}:${filterKey({})}:${MAX_ROW_ID + 1}`),
        encoded('cursor:99999999999999999999'),
        encoded(`cursor:${'9'.repeat(100)}`),
        encoded('cursor:-1'),
        'x'.repeat(150),
      ]) {
        const answer = await graphql(`query($a: String) { ${field}(after: $a) { totalCount } }`, {
          a: after,
        });
        expect(answer.body.data).toBeNull();
        expect(answer.body.errors).toHaveLength(1);
        expect(answer.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'after' });
        expect(answer.body.errors[0].message.length).toBeLessThan(120);
      }
      const largest = await graphql(
        `query($a: String) { ${field}(after: $a) { totalCount edges { cursor } } }`,
        {
          a: toCursor({ connection: field as ConnectionName, filter: filterKey({}), id: MAX_ROW_ID }),
        },
      );
      expect(largest.body.data[field].edges).toEqual([]);
    }
  });

  it('answers more than 50 invalid enum values in a variable with BAD_USER_INPUT only', async () => {
    for (const count of [60, 60_000]) {
      const answer = await graphql('query($k: [RelationKind!]) { stelsel(kinds: $k) { edges { kind } } }', {
        k: Array.from({ length: count }, (_, i) => `NOPE${i}`),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      // graphql-js reports 50 and then stops with an error of its own: that one is the client's too
      expect(answer.body.errors).toHaveLength(51);
      expect(new Set(answer.body.errors.map((e: any) => e.extensions.code))).toEqual(
        new Set(['BAD_USER_INPUT']),
      );
      expect(answer.body.errors.at(-1).message).toMatch(/^Too many errors processing variables/);
    }
  });

  it('refuses request targets, percent-encodings and filters that are not ours with a 4xx', async () => {
    const cases: [string, number, RegExp?][] = [
      ['//[', 404],
      ['//a:99999', 404],
      ['//explore/brp', 404],
      ['/explore/%ZZ', 400, /^The path "\/explore\/%ZZ" is not valid percent-encoded UTF-8\.$/],
      ['/explore/%E0%A4%A', 400],
      ['/explore/%C0%AF', 400],
      ['/explore/%00', 404, /^No voorziening "\\u0000"; see \/explore/],
      ['/explore/brp%00', 404],
      [`/explore/${'a'.repeat(5000)}`, 404],
      [`/${'x'.repeat(5000)}`, 404],
      ['/stelsel.svg?kinds=%00', 400],
      ['/stelsel.svg?kinds=EVENT_DELIVERY,%E0%A4%A', 400],
      ['/export/observations.csv?voorziening=%00', 400, /^Unknown voorziening "\\u0000" in "voorziening"/],
      ['/export/observations.csv?voorziening=atlantis', 400],
      ['/export/observations.csv?subject=%00', 400, /^"subject" contains a NUL character/],
      [`/export/observations.csv?indicator=${encoded(`Indicator:${MAX_ROW_ID + 1}`)}`, 400],
      ['/export/observations.csv?year=2019&year=2018', 400, /^"year" is given 2 times/],
      ['/export/observations.csv?year=99999', 400],
      ['/export/../graphql', 400], // a GraphQL GET without a query
      ['/graphqlx', 404],
      ['/export/', 404],
    ];
    await rawRequest(server.url, '/explore/atlantis'); // reads the codes, once per dataset version
    for (const [target, status, message] of cases) {
      const statements = server.statements.length;
      const answer = await rawRequest(server.url, target);
      const error = JSON.parse(answer.text) as { error?: string; errors?: { message: string }[] };
      const text = error.error ?? error.errors?.[0]?.message ?? '';
      expect({ target, status: answer.status }).toEqual({ target, status });
      if (message) expect(text).toMatch(message);
      expect(text.length).toBeLessThan(400); // a long value is cut in the message
      expect({ target, statements: server.statements.length - statements }).toEqual({
        target,
        statements: 0,
      });
    }
    // the absolute form (which proxies send) is served like the path
    expect((await rawRequest(server.url, 'http://stelselgraph.example/healthz')).status).toBe(200);
  });

  it('has logged nothing: none of these was an unexpected error', () => {
    expect(server.errors).toEqual([]);
  });
});

describe('relation kinds reach SQL once each, however long the list', () => {
  let built: BuiltDatabase;
  beforeAll(async () => {
    built = await buildRealDatabase();
  });
  afterAll(() => built.close());

  // Beyond the API's argument caps, as a caller with other caps would send: 40 000 items bind 2 parameters.
  const many = Array.from({ length: 40_000 }, (_, i) => (i % 2 ? 'EVENT_DELIVERY' : 'TERUGMELDING'));

  it('walks the neighbours with a list of 40 000 kinds as with the two kinds it names', async () => {
    const { id } = await built.db
      .selectFrom('voorziening')
      .select('id')
      .where('code', '=', 'brp')
      .executeTakeFirstOrThrow();
    expect(await queryNeighbors(built.db, id, 3, 'BOTH', many)).toEqual(
      await queryNeighbors(built.db, id, 3, 'BOTH', ['TERUGMELDING', 'EVENT_DELIVERY']),
    );
  });

  it('finds a path with a list of 40 000 kinds as with the two kinds it names', async () => {
    const ids = await built.db.selectFrom('voorziening').select(['code', 'id']).execute();
    const idOf = (code: string) => ids.find((row) => row.code === code)!.id;
    const found = await queryShortestPath(built.db, idOf('hr'), idOf('brp'), 4, 'BOTH', many);
    expect(found).not.toBeNull();
    expect(found).toEqual(
      await queryShortestPath(built.db, idOf('hr'), idOf('brp'), 4, 'BOTH', [
        'TERUGMELDING',
        'EVENT_DELIVERY',
      ]),
    );
  });
});
