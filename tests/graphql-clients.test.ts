import { ApolloClient, HttpLink, InMemoryCache, gql as apolloGql } from '@apollo/client/core';
import { Client as UrqlClient, fetchExchange, gql as urqlGql } from '@urql/core';
import { ClientError, GraphQLClient } from 'graphql-request';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from './support/running-server';

/**
 * The GraphQL clients people use, each run as its documentation shows against a real server on loopback: a query,
 * a query with variables, and an error. Over GET where the client sends queries so (urql by default, graphql-request
 * with `method: 'GET'`, Apollo Client with `useGETForQueries`), over POST otherwise, and a plain GET link with curl.
 * A fetch that records each request shows the method the client really used.
 */

const EDITION = '{ edition { year } }';
const VOORZIENING = 'query Voorziening($code: String!) { voorziening(code: $code) { code abbreviation } }';
const INVALID = '{ nonsense }';

/** One request a client sent: its method and its URL. */
interface Sent {
  method: string;
  url: string;
}

/** A fetch that records each request (method, URL) in `sent` and then sends it as it is. */
function recordingFetch(sent: Sent[]): typeof fetch {
  return (input, init) => {
    const request = input instanceof Request ? input : undefined;
    sent.push({
      method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
      url: request?.url ?? String(input),
    });
    return fetch(input, init);
  };
}

/** Whether every request in `sent` was a GET carrying the query in its URL (or every one a POST). */
function methodsOf(sent: Sent[]): string[] {
  return [
    ...new Set(sent.map((s) => (s.method === 'GET' && s.url.includes('query=') ? 'GET ?query=' : s.method))),
  ];
}

describe('GraphQL clients against a real server', () => {
  let server: TestServer;
  let endpoint: string;
  beforeAll(async () => {
    server = await startTestServer();
    endpoint = `${server.url}/graphql`;
  });
  afterAll(() => server.stop());

  describe('urql (@urql/core), with its defaults', () => {
    it('sends queries over GET and gets data, variables and errors', async () => {
      const sent: Sent[] = [];
      const client = new UrqlClient({
        url: endpoint,
        exchanges: [fetchExchange],
        fetch: recordingFetch(sent),
      });
      const edition = await client.query(urqlGql(EDITION), {}).toPromise();
      expect(edition.error).toBeUndefined();
      expect(edition.data).toEqual({ edition: { year: 2020 } });
      const brp = await client.query(urqlGql(VOORZIENING), { code: 'brp' }).toPromise();
      expect(brp.data.voorziening).toEqual({ code: 'brp', abbreviation: 'BRP' });
      const invalid = await client.query(urqlGql(INVALID), {}).toPromise();
      expect(invalid.error?.graphQLErrors.map((e) => e.extensions.code)).toEqual([
        'GRAPHQL_VALIDATION_FAILED',
      ]);
      expect(methodsOf(sent)).toEqual(['GET ?query=']);
      expect(sent).toHaveLength(3);
    });

    it('and with preferGetMethod: false, over POST', async () => {
      const sent: Sent[] = [];
      const client = new UrqlClient({
        url: endpoint,
        exchanges: [fetchExchange],
        preferGetMethod: false,
        fetch: recordingFetch(sent),
      });
      const brp = await client.query(urqlGql(VOORZIENING), { code: 'brp' }).toPromise();
      expect(brp.data.voorziening.abbreviation).toBe('BRP');
      expect(methodsOf(sent)).toEqual(['POST']);
    });
  });

  describe('graphql-request', () => {
    for (const method of ['GET', 'POST'] as const) {
      it(`with method: '${method}' gets data, variables and errors`, async () => {
        const sent: Sent[] = [];
        const client = new GraphQLClient(endpoint, { method, fetch: recordingFetch(sent) });
        expect(await client.request(EDITION)).toEqual({ edition: { year: 2020 } });
        expect(await client.request(VOORZIENING, { code: 'brp' })).toEqual({
          voorziening: { code: 'brp', abbreviation: 'BRP' },
        });
        const invalid = await client.request(INVALID).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(invalid).toBeInstanceOf(ClientError);
        expect((invalid as ClientError).response.errors?.map((e) => e.extensions?.code)).toEqual([
          'GRAPHQL_VALIDATION_FAILED',
        ]);
        expect(methodsOf(sent)).toEqual([method === 'GET' ? 'GET ?query=' : 'POST']);
      });
    }
  });

  describe('Apollo Client (@apollo/client/core)', () => {
    for (const useGETForQueries of [true, false]) {
      it(`${useGETForQueries ? 'with useGETForQueries' : 'with its default POST'} gets data, variables and errors`, async () => {
        const sent: Sent[] = [];
        const client = new ApolloClient({
          link: new HttpLink({ uri: endpoint, useGETForQueries, fetch: recordingFetch(sent) }),
          cache: new InMemoryCache(),
        });
        try {
          const edition = await client.query({ query: apolloGql(EDITION), fetchPolicy: 'network-only' });
          expect(edition.data).toEqual({ edition: { __typename: 'Edition', year: 2020 } });
          const brp = await client.query({
            query: apolloGql(VOORZIENING),
            variables: { code: 'brp' },
            fetchPolicy: 'network-only',
          });
          expect(brp.data).toEqual({
            voorziening: { __typename: 'Voorziening', code: 'brp', abbreviation: 'BRP' },
          });
          const invalid = await client.query({ query: apolloGql(INVALID), fetchPolicy: 'network-only' }).then(
            () => undefined,
            (error: unknown) => error as { errors?: { extensions?: { code?: unknown } }[] },
          );
          expect(invalid?.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
          expect(methodsOf(sent)).toEqual([useGETForQueries ? 'GET ?query=' : 'POST']);
        } finally {
          client.stop();
        }
      });
    }
  });

  describe('a plain GET link, with curl', () => {
    /** Runs curl on a URL; resolves with the status and the body. */
    const curl = async (url: string): Promise<{ status: number; body: unknown }> => {
      const { stdout } = await promisify(execFile)('curl', [
        '-sS',
        '--max-time',
        '20',
        '-w',
        '\n%{http_code}',
        url,
      ]);
      const cut = stdout.lastIndexOf('\n');
      return { status: Number(stdout.slice(cut + 1)), body: JSON.parse(stdout.slice(0, cut)) };
    };
    const link = (query: string, variables?: object) =>
      `${endpoint}?${new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) })}`;

    it('gets data, variables and errors, with no header but curl’s own', async () => {
      expect(await curl(link(EDITION))).toEqual({ status: 200, body: { data: { edition: { year: 2020 } } } });
      expect(await curl(link(VOORZIENING, { code: 'brp' }))).toEqual({
        status: 200,
        body: { data: { voorziening: { code: 'brp', abbreviation: 'BRP' } } },
      });
      const invalid = await curl(link(INVALID));
      // curl accepts */*: the answer is application/json, where a validation error is a 200 (the spec's rule)
      expect(invalid.status).toBe(200);
      expect(
        (invalid.body as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      ).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});
