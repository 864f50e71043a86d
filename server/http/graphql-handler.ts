import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLContext } from '../graphql/context';
import { answerKeys, requestFields, type AnswerKeyOf, type GraphQLRequestFields } from './answer-key';
import { statusFor } from './graphql-status';
import type { RawRequest } from './raw-request-keys';
import { addVary, asksIfAnyExists, etagFor, matchesIfNoneMatch, sendNotModified } from './http-cache';
import { parseGraphQLBody, readBody } from './read-body';
import type { AnswerStore, CachedAnswer } from '../lib/answer-store';
import { seenWeight, type SeenOperations } from '../graphql/seen-operations';

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
  /**
   * How answers are keyed: `answerKeys` with the server's token limit, made once per server (it keeps a memo
   * of parsed documents); default: with the default token limit.
   */
  answerKeyOf?: AnswerKeyOf;
  /**
   * Operations Apollo answered before without errors, run again without its pipeline (see `seenOperations`);
   * null or absent: every request goes through Apollo.
   */
  seen?: SeenOperations | null;
  /** A POST's body when it is already being read (by the kept-answer lane); absent: read here. */
  body?: Promise<string>;
}

/**
 * How long a kept answer lives: its key holds the dataset version, so it never goes stale, only old. The
 * store's size bounds it (least recently used answers go first); the TTL only lets an idle one go sooner.
 */
const ANSWER_TTL_SECONDS = 60 * 60;

/** What a cacheable GraphQL answer varies on: the media type asked for, and the CORS headers (by `Origin`). */
export const GRAPHQL_VARY = ['accept', 'origin'];

/** The HTTP caching of one GET answer: its ETag, `Cache-Control` and `Vary`, the same on the 200 and the 304. */
export interface HttpCaching {
  etag: string;
  cacheControl: string;
  vary: string[];
}

/** Marks an answer cacheable (with its ETag and `Vary`), or, without `caching`, `no-store`. */
function setCacheHeaders(response: ServerResponse, caching: HttpCaching | undefined): void {
  if (caching) {
    response.setHeader('cache-control', caching.cacheControl);
    response.setHeader('etag', caching.etag);
    addVary(response, ...caching.vary);
  } else {
    response.setHeader('cache-control', 'no-store');
  }
}

/**
 * Sends a kept answer: `x-cache: HIT`, 200, its content type and the caching of the request (`no-store` for a
 * POST), or, for a GET asking `If-None-Match: *`, 304.
 */
export function sendKeptAnswer(
  response: ServerResponse,
  kept: CachedAnswer,
  caching: HttpCaching | undefined,
  ifAnyExists: boolean,
): void {
  response.setHeader('x-cache', 'HIT');
  if (ifAnyExists) return sendNotModified(response, caching!);
  response.statusCode = 200;
  response.setHeader('content-type', kept.contentType);
  setCacheHeaders(response, caching);
  response.end(kept.bytes ?? kept.body);
}

/** Each kept answer's head for {@link keptPostHead}, made once: a kept answer never changes. */
const postHeads = new WeakMap<CachedAnswer, readonly string[]>();

/**
 * The head {@link sendKeptAnswer} sends a kept answer to a POST without an `Origin` (after CORS's `Vary`), as
 * one list for `writeHead`: `Vary: origin`, `x-cache: HIT`, its content type, `Cache-Control: no-store`, and
 * the `Content-Length` Node adds when the body is given to `end` (a head written first would otherwise go out
 * without it, and the body chunked). Made once per kept answer (the same list for every request it answers:
 * `writeHead` reads it, and changes nothing in it).
 */
export function keptPostHead(kept: CachedAnswer): readonly string[] {
  let head = postHeads.get(kept);
  if (head === undefined) {
    const length = kept.bytes ? kept.bytes.length : Buffer.byteLength(kept.body);
    head = [
      'vary',
      'origin',
      'x-cache',
      'HIT',
      'content-type',
      kept.contentType,
      'cache-control',
      'no-store',
      'Content-Length',
      String(length),
    ];
    postHeads.set(kept, head);
  }
  return head;
}

/** The answer kept under `key`: at once from a store that has it at hand, else as the store answers. */
function lookUp(
  store: AnswerStore,
  key: string,
): CachedAnswer | undefined | Promise<CachedAnswer | undefined> {
  return store.getNow ? store.getNow(key) : store.get(key);
}

/** Keys answers for a server that was given no `answerKeyOf`: with the default token limit. */
let defaultAnswerKeyOf: AnswerKeyOf | undefined;

/**
 * Serves GraphQL over HTTP (GET and POST) through Apollo Server's `executeHTTPGraphQLRequest`.
 *
 * HTTP caches: a successful GET answer is cacheable (`Cache-Control: public`, an ETag from the dataset version
 * and the request, `Vary: accept, origin`). A GET whose `If-None-Match` names that ETag (compared weakly) gets
 * 304, with the same ETag, `Cache-Control` and `Vary`, without executing anything. `If-None-Match: *` asks
 * whether any answer exists: the request is answered (from the store or executed), and 304 goes out in place
 * of a cacheable 200; anything else (an invalid query's errors, say) goes out as it is. POST answers and
 * answers with errors are `no-store`.
 *
 * The answer store: a successful answer to a request Apollo takes is kept in `answers`, under a key that holds
 * the dataset version and the request as its answer depends on it (`answerKeys`: the document parsed and
 * printed, so whitespace and comments do not make new keys), and served again to the same request without
 * entering Apollo. A request Apollo would refuse (a content type it does not read, a body or parameters it
 * rejects: see `requestFields`) is not looked up: it goes on to be refused. The store bounds what it keeps (see
 * `AnswerLimits`): an answer over its cap is served, not kept. With a store, answers say where they came
 * from: `x-cache: HIT` (from the store) or `x-cache: MISS` (executed).
 */
export async function handleGraphQL(
  apollo: ApolloServer<GraphQLContext>,
  request: IncomingMessage,
  response: ServerResponse,
  search: string,
  context: () => Promise<GraphQLContext>,
  options: GraphQLHttpOptions,
): Promise<void> {
  // Node's parser takes methods in upper case only (HTTP's are case-sensitive): POST and GET need no upper-casing
  const given = request.method ?? 'GET';
  const method = given === 'POST' || given === 'GET' ? given : given.toUpperCase();
  const accept = request.headers.accept;
  const caching: HttpCaching | undefined =
    method === 'GET' && options.cacheMaxAge > 0
      ? {
          etag: etagFor(options.datasetVersion, search, accept),
          cacheControl: `public, max-age=${options.cacheMaxAge}`,
          vary: GRAPHQL_VARY,
        }
      : undefined;
  if (caching && matchesIfNoneMatch(request, caching.etag)) {
    sendNotModified(response, caching);
    return;
  }
  const ifAnyExists = caching !== undefined && asksIfAnyExists(request);
  const contentType = request.headers['content-type'];
  const text = method === 'POST' ? await (options.body ?? readBody(request, options.bodyLimit)) : undefined;
  defaultAnswerKeyOf ??= answerKeys();
  const keyOf = options.answerKeyOf ?? defaultAnswerKeyOf;
  // A request keyed before, as it came: its key is known, and its document is not parsed again (to be looked up
  // in the store, or, without one, to find the operation seen before).
  const raw: RawRequest | undefined =
    options.answers || options.seen
      ? { datasetVersion: options.datasetVersion, method, contentType, accept, search, body: text }
      : undefined;
  let key = raw === undefined ? undefined : keyOf.byRawRequest.get(raw);
  const askedFirst = key;
  const found = key && options.answers ? lookUp(options.answers, key) : undefined;
  // (awaited only when it is a promise: a hit at hand is served in this tick)
  let kept = found instanceof Promise ? await found : found;
  let body: unknown;
  let fields: GraphQLRequestFields | undefined;
  if (!kept) {
    body = text === undefined ? undefined : parseGraphQLBody(text, contentType);
    if (options.answers || options.seen) {
      fields = requestFields(method, search, body, contentType);
      key = fields && (askedFirst ?? keyOf(options.datasetVersion, method, fields, accept));
      if (key && key !== askedFirst && raw !== undefined) keyOf.byRawRequest.set(raw, key);
    }
    if (key && key !== askedFirst && options.answers) kept = await lookUp(options.answers, key);
  }
  if (kept) return sendKeptAnswer(response, kept, caching, ifAnyExists);
  // A request whose operation Apollo answered before without errors (a document, not a persisted query's hash)
  // runs again without Apollo's pipeline; only an answer without errors is sent from there.
  let contextOf = context;
  const seen = key && fields?.query !== undefined ? options.seen?.get(key) : undefined;
  if (seen) {
    const ran = await context();
    // a run that throws is answered by Apollo too (it formats and logs what it meets)
    const result = await options.seen!.execute(seen, fields!, ran).catch(() => undefined);
    if (result && !result.errors && !ran.budget.stopped) {
      for (const [name, value] of seen.headers) response.setHeader(name, value);
      if (key && options.answers) response.setHeader('x-cache', 'MISS');
      response.statusCode = 200;
      setCacheHeaders(response, caching);
      // as Apollo writes a result: `errors` (none here), `data`, `extensions`, and a newline
      const text = options.seen!.answerText(seen, fields!, result);
      if (key && options.answers) {
        const contentType = String(response.getHeader('content-type') ?? 'application/json');
        await options.answers.set(key, { contentType, body: text }, ANSWER_TTL_SECONDS);
      }
      if (ifAnyExists) return sendNotModified(response, caching!);
      response.end(text);
      return;
    }
    // Errors or a stop: Apollo answers with this result (it formats and logs its errors, and answers a stop),
    // not running it again; a run that threw, Apollo runs (with the request's loaders and budget).
    contextOf = async () => ({ ...ran, result: result ? { ran: result } : {} });
  }
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // The context Apollo was given, if it got as far as asking for one: its record holds the result's outcome.
  let executed: GraphQLContext | undefined;
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search, body },
    context: async () => (executed = await contextOf()),
  });
  const outcome = executed?.result.outcome;
  for (const [name, value] of result.headers) response.setHeader(name, value);
  // The store was asked and had no answer: this one was executed (and kept, when it succeeded).
  if (key && options.answers) response.setHeader('x-cache', 'MISS');
  response.statusCode = statusFor(result, outcome);
  // Only a whole 200 whose result Apollo ran and sent without errors is cached and kept.
  const succeeded =
    result.body.kind === 'complete' &&
    response.statusCode === 200 &&
    outcome !== undefined &&
    !outcome.hasErrors;
  setCacheHeaders(response, succeeded ? caching : undefined);
  if (key && succeeded && result.body.kind === 'complete') {
    if (options.answers) {
      const contentType = String(response.getHeader('content-type') ?? 'application/json');
      await options.answers.set(key, { contentType, body: result.body.string }, ANSWER_TTL_SECONDS);
    }
    const operation = executed?.result.executed;
    if (options.seen && operation && fields?.query !== undefined) {
      const weight = seenWeight(operation.document, fields.operationName, fields.query.length);
      options.seen.remember(key, { ...operation, headers: [...result.headers] }, weight);
    }
  }
  if (ifAnyExists && succeeded) return sendNotModified(response, caching!);
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
