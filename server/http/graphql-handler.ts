import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLContext } from '../graphql/context';
import { parseGraphQLBody, readBody } from './read-body';

/**
 * Serves GraphQL over HTTP (GET and POST) through Apollo Server's `executeHTTPGraphQLRequest`: the request
 * is handed over as method, headers, query string and parsed body, and Apollo's answer is written back.
 */
export async function handleGraphQL(
  apollo: ApolloServer<GraphQLContext>,
  request: IncomingMessage,
  response: ServerResponse,
  search: string,
  context: () => Promise<GraphQLContext>,
  bodyLimit: number,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = (request.method ?? 'GET').toUpperCase();
  const body =
    method === 'POST'
      ? parseGraphQLBody(await readBody(request, bodyLimit), request.headers['content-type'])
      : undefined;
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search, body },
    context,
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
