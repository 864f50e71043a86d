import type { ApolloServer, HTTPGraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLContext } from '../graphql/context';
import { etagFor, matchesIfNoneMatch } from './http-cache';
import { parseGraphQLBody, readBody } from './read-body';

/** How GraphQL answers are cached by HTTP caches. */
export interface GraphQLHttpOptions {
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** max-age of a successful GET answer, in seconds (0: not cacheable). */
  cacheMaxAge: number;
  /** The dataset version, which the ETag of a GET answer is derived from. */
  datasetVersion: string;
}

/** Errors of the GraphQL request itself, which the legacy `application/json` answer carries with status 200. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * The status of an answer: Apollo answers parse, validation and variable errors with 400; when the client
 * accepted only `application/json` (not `application/graphql-response+json`), the GraphQL over HTTP spec
 * asks for 200 with the errors in the body, as older clients expect.
 */
function statusFor(result: HTTPGraphQLResponse): number {
  const status = result.status ?? 200;
  if (status !== 400 || result.body.kind !== 'complete') return status;
  if (!(result.headers.get('content-type') ?? '').startsWith('application/json')) return status;
  try {
    const body = JSON.parse(result.body.string) as { errors?: { extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? '');
    return codes.length > 0 && codes.every((code) => REQUEST_ERROR_CODES.has(code)) ? 200 : status;
  } catch {
    return status;
  }
}

/**
 * Serves GraphQL over HTTP (GET and POST) through Apollo Server's `executeHTTPGraphQLRequest`. A successful
 * GET answer is cacheable (`Cache-Control: public`, an ETag from the dataset version and the request), and a
 * GET whose `If-None-Match` names that ETag gets 304 without executing anything. POST answers are not cached.
 */
export async function handleGraphQL(
  apollo: ApolloServer<GraphQLContext>,
  request: IncomingMessage,
  response: ServerResponse,
  search: string,
  context: () => Promise<GraphQLContext>,
  options: GraphQLHttpOptions,
): Promise<void> {
  const method = (request.method ?? 'GET').toUpperCase();
  const etag = method === 'GET' ? etagFor(options.datasetVersion, search, request.headers.accept) : undefined;
  const cacheable = etag !== undefined && options.cacheMaxAge > 0;
  if (cacheable && matchesIfNoneMatch(request, etag)) {
    response.writeHead(304, {
      etag,
      'cache-control': `public, max-age=${options.cacheMaxAge}`,
      vary: 'accept',
    });
    response.end();
    return;
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const body =
    method === 'POST'
      ? parseGraphQLBody(await readBody(request, options.bodyLimit), request.headers['content-type'])
      : undefined;
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search, body },
    context,
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = statusFor(result);
  // Apollo writes `errors` first: an answer that starts with it is not one to cache.
  const succeeded =
    result.body.kind === 'complete' &&
    response.statusCode === 200 &&
    !result.body.string.startsWith('{"errors"');
  if (cacheable && succeeded) {
    response.setHeader('cache-control', `public, max-age=${options.cacheMaxAge}`);
    response.setHeader('etag', etag);
    response.setHeader('vary', [response.getHeader('vary'), 'accept'].filter(Boolean).join(', '));
  } else {
    response.setHeader('cache-control', 'no-store');
  }
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
