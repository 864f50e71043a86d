import { HeaderMap } from '@apollo/server';
import { createContext, type GraphQLContext } from '../server/graphql/context';
import { requestFields } from '../server/http/answer-key';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';
import { createApiContext, type ApiContext } from './support/api-context';

describe('the outcome of a GraphQL result, as the HTTP layer reads it', () => {
  let built: BuiltDatabase;
  let api: ApiContext;
  beforeAll(async () => {
    built = await buildRealDatabase();
    api = await createApiContext(built.location);
  });
  afterAll(async () => {
    await api.close();
    await built.close();
  });

  /** Runs a request through Apollo's HTTP entry; `context` is the one Apollo asked for, if it got that far. */
  const execute = async (method: string, headers: Record<string, string>, search: string, body?: unknown) => {
    let context: GraphQLContext | undefined;
    const response = await api.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers: new HeaderMap(Object.entries(headers)), search, body },
      context: async () => (context = createContext(api.db, { contentHash: 'test' }, 60_000)),
    });
    return { response, context, outcome: context?.result.outcome };
  };
  const json = { 'content-type': 'application/json' };

  it('records a result without errors', async () => {
    const { outcome } = await execute('POST', json, '', { query: '{ edition { year } }' });
    expect(outcome).toEqual({ hasErrors: false, errorCodes: [] });
  });

  it('records the codes of a result with errors, as they were sent', async () => {
    const invalid = await execute('POST', json, '', { query: '{ nonsense }' });
    expect(invalid.outcome).toEqual({ hasErrors: true, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
    const partial = await execute('POST', json, '', {
      query: '{ path(from: "brp", to: "atlantis") { length } }',
    });
    expect(partial.outcome).toEqual({ hasErrors: true, errorCodes: ['BAD_USER_INPUT'] });
    // what was printed says the same: Apollo writes `errors` first
    for (const { response, outcome } of [invalid, partial]) {
      expect(response.body.kind === 'complete' && response.body.string.startsWith('{"errors"')).toBe(
        outcome!.hasErrors,
      );
    }
  });

  it('records nothing for a request Apollo refuses without running it', async () => {
    // Apollo asks for the context first (CSRF prevention, which refused before that, is off), then refuses
    const refused = await execute('GET', { 'content-type': 'text/plain' }, '?query=%7B__typename%7D');
    expect(refused.response.status).toBe(415);
    expect(refused.outcome).toBeUndefined();
  });

  it('agrees with Apollo on which GET headers it takes, so a kept answer never goes to one it refuses', async () => {
    const contentTypes = [
      undefined,
      '',
      'application/json',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      ' application/json\t; x',
      '\u00a0application/json',
      'application/json x',
      'application/jsonx',
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/graphql',
      'application/graphql-response+json',
    ];
    // CSRF prevention is off: the headers it used to ask for change nothing, and no header is needed
    const preflights: Record<string, string>[] = [
      {},
      { 'apollo-require-preflight': 'true' },
      { 'x-apollo-operation-name': 'Q' },
    ];
    for (const contentType of contentTypes) {
      for (const preflight of preflights) {
        const headers: Record<string, string> = { ...preflight };
        if (contentType !== undefined) headers['content-type'] = contentType;
        const search = '?query=%7B__typename%7D';
        const predicted = requestFields('GET', search, undefined, contentType) !== undefined;
        const { outcome } = await execute('GET', headers, search);
        expect({ headers, taken: outcome !== undefined }).toEqual({ headers, taken: predicted });
      }
    }
  });
});
