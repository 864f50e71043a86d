import { handleGraphQL } from '../graphql-handler';
import { GRAPHQL_PATH } from './graphql-path';
import type { Route } from './route';

export { GRAPHQL_PATH };

/**
 * The GraphQL endpoint: GET and POST, CORS (preflights answered), HTTP caching of GET answers; its errors are
 * GraphQL responses. Only `/graphql` itself: `/graphql/` and `/graphqlx` are 404s.
 */
export const GRAPHQL_ROUTES: readonly Route[] = [
  {
    methods: ['GET', 'POST'],
    path: GRAPHQL_PATH,
    family: 'graphql',
    summary: 'the GraphQL API (GET and POST)',
    errors: 'graphql',
    preflight: true,
    handle: ({ request, response, search, server, body }) =>
      handleGraphQL(server.apollo, request, response, search, server.context, {
        bodyLimit: server.bodyLimit,
        cacheMaxAge: server.cacheMaxAge,
        datasetVersion: server.dataset.contentHash,
        answers: server.answers,
        answerKeyOf: server.answerKeyOf,
        seen: server.seen,
        body,
      }),
  },
];
