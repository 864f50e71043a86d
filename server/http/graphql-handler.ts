import type { ApolloServer, HTTPGraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLContext } from '../graphql/context';
import { etagFor, matchesIfNoneMatch } from './http-cache';
import { parseGraphQLBody, readBody } from './read-body';
import { answerKey, type AnswerStore } from './response-cache';

/** How GraphQL answers are cached by HTTP caches. */
export interface GraphQLHttpOptions {
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** max-age of a successful GET answer, in seconds (0: not cacheable). */
  cacheMaxAge: number;
  /** The dataset version, which the ETag of a GET answer is derived from. */
  datasetVersion: string;
  /** Where answers are kept to be served again without executing; null: execute every request. */
  answers: AnswerStore | null;
}

/** How long a kept answer lives: its key holds the dataset version, so it never goes stale, only old. */
const ANSWER_TTL_SECONDS = 24 * 60 * 60;

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

/** Content types a browser may send cross-site without a preflight (as Apollo's CSRF prevention reads them). */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Whether Apollo's CSRF prevention lets the request through: a non-simple content type or a preflight header. */
export function passesCsrfPrevention(request: IncomingMessage): boolean {
  const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType && !SIMPLE_CONTENT_TYPES.includes(contentType)) return true;
  return Boolean(request.headers['apollo-require-preflight'] || request.headers['x-apollo-operation-name']);
}

/** Marks a GET answer cacheable (with its ETag), or any other answer `no-store`. */
function setCacheHeaders(response: ServerResponse, etag: string | undefined, maxAge: number): void {
  if (etag) {
    response.setHeader('cache-control', `public, max-age=${maxAge}`);
    response.setHeader('etag', etag);
    response.setHeader('vary', [response.getHeader('vary'), 'accept'].filter(Boolean).join(', '));
  } else {
    response.setHeader('cache-control', 'no-store');
  }
}

/**
 * Serves GraphQL over HTTP (GET and POST) through Apollo Server's `executeHTTPGraphQLRequest`. A successful
 * GET answer is cacheable (`Cache-Control: public`, an ETag from the dataset version and the request), and a
 * GET whose `If-None-Match` names that ETag gets 304 without executing anything. POST answers are not cached
 * by HTTP caches. A successful answer is kept in `answers` (keyed by dataset version and request) and served
 * again to the same request without entering Apollo at all. With a store, answers say where they came from:
 * `x-cache: HIT` (from the store) or `x-cache: MISS` (executed).
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
  const text = method === 'POST' ? await readBody(request, options.bodyLimit) : search;
  // Only a request that passes CSRF prevention may be answered from the store; others go on to be refused.
  const key =
    options.answers && passesCsrfPrevention(request)
      ? answerKey(options.datasetVersion, method, text, request.headers.accept)
      : undefined;
  const kept = key ? await options.answers!.get(key) : undefined;
  if (kept) {
    response.statusCode = 200;
    response.setHeader('content-type', kept.contentType);
    response.setHeader('x-cache', 'HIT');
    setCacheHeaders(response, cacheable ? etag : undefined, options.cacheMaxAge);
    response.end(kept.body);
    return;
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const body = method === 'POST' ? parseGraphQLBody(text, request.headers['content-type']) : undefined;
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search, body },
    context,
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  // The store was asked and had no answer: this one was executed (and kept, when it succeeded).
  if (key) response.setHeader('x-cache', 'MISS');
  response.statusCode = statusFor(result);
  // Apollo writes `errors` first: an answer that starts with it is neither cached nor kept.
  const succeeded =
    result.body.kind === 'complete' &&
    response.statusCode === 200 &&
    !result.body.string.startsWith('{"errors"');
  setCacheHeaders(response, cacheable && succeeded ? etag : undefined, options.cacheMaxAge);
  if (key && succeeded && result.body.kind === 'complete') {
    const contentType = String(response.getHeader('content-type') ?? 'application/json');
    await options.answers!.set(key, { contentType, body: result.body.string }, ANSWER_TTL_SECONDS);
  }
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
