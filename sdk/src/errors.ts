/** One error of a GraphQL response, as the server sent it. */
export interface GraphQLErrorDetail {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * The base of every error the client throws; `kind` tells them apart:
 * `network` (no response), `http` (a response that is not a GraphQL response), `graphql` (the server
 * answered with GraphQL errors).
 */
export abstract class StelselgraphError extends Error {
  abstract readonly kind: 'network' | 'http' | 'graphql';
}

/** The parts of an error this module reads; duck-typed, as errors may come from another realm (a vm, a worker). */
interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function asErrorLike(value: unknown): ErrorLike | undefined {
  return typeof value === 'object' && value !== null && 'message' in value ? (value as ErrorLike) : undefined;
}

/** The errors an AggregateError (e.g. every address of a host refused) holds, or none. */
function aggregated(error: ErrorLike): unknown[] {
  return Array.isArray(error.errors) ? error.errors : [];
}

/**
 * The messages of an error and of the causes under it, outermost first, without repeats; at most six levels deep
 * (a cause chain may be cyclic). An error without a message is named by its `name` when nothing under it speaks.
 */
function causeMessages(value: unknown, depth = 0): string[] {
  if (depth > 5 || value === undefined || value === null) return [];
  const error = asErrorLike(value);
  if (!error) return [String(value)];
  const parts = aggregated(error);
  const inner =
    parts.length > 0
      ? [[...new Set(parts.flatMap((e) => causeMessages(e, depth + 1)))].join(' / ')]
      : causeMessages(error.cause, depth + 1);
  const own =
    typeof error.message === 'string' && error.message !== ''
      ? error.message
      : inner.length > 0
        ? undefined
        : String(error.name ?? 'Error');
  return own === undefined ? inner : [own, ...inner.filter((message) => message !== own)];
}

/**
 * The first `code` (e.g. `ECONNREFUSED`, `ENOTFOUND`) an error or one of its causes carries, at most six levels
 * deep; of an AggregateError's errors, the first that has one.
 */
function causeCode(value: unknown, depth = 0): string | undefined {
  const error = asErrorLike(value);
  if (depth > 5 || !error) return undefined;
  if (typeof error.code === 'string') return error.code;
  for (const part of aggregated(error)) {
    const found = causeCode(part, depth + 1);
    if (found) return found;
  }
  return causeCode(error.cause, depth + 1);
}

/**
 * The request did not get a response: the server is unreachable, the connection failed, or similar. The message
 * names the cause as deep as it goes (`fetch failed: connect ECONNREFUSED 127.0.0.1:4000`); `code` holds the
 * system error's code when there is one.
 */
export class StelselgraphNetworkError extends StelselgraphError {
  override readonly name: 'StelselgraphNetworkError';
  readonly kind: 'network';
  /** The URL the request went to. */
  readonly url: string;
  /** The system error's code under the failure (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, …), if any. */
  readonly code: string | undefined;

  // Fields are assigned after super(), not declared with initializers or as parameter properties, so code
  // may run before super() (StrykerJS's mutation instrumentation puts its counters there).
  constructor(url: string, options: { cause: unknown }) {
    const causes = causeMessages(options.cause);
    super(`request to ${url} failed${causes.length > 0 ? `: ${causes.join(': ')}` : ''}`, options);
    this.name = 'StelselgraphNetworkError';
    this.kind = 'network';
    this.url = url;
    this.code = causeCode(options.cause);
  }
}

/** The server answered with an HTTP error that is not a GraphQL response (e.g. 404, 413, 502). */
export class StelselgraphHttpError extends StelselgraphError {
  override readonly name: 'StelselgraphHttpError';
  readonly kind: 'http';
  /** The HTTP status. */
  readonly status: number;
  /** The response body as text (a JSON `{ "error": … }` from this server). */
  readonly body: string;

  constructor(status: number, body: string) {
    super(`HTTP ${status}: ${body.slice(0, 200)}`);
    this.name = 'StelselgraphHttpError';
    this.kind = 'http';
    this.status = status;
    this.body = body;
  }
}

/**
 * The server answered with GraphQL errors. `codes` holds their `extensions.code`s (`BAD_USER_INPUT`,
 * `GRAPHQL_VALIDATION_FAILED`, …) and `data` whatever part of the result was resolved.
 */
export class StelselgraphGraphQLError extends StelselgraphError {
  override readonly name: 'StelselgraphGraphQLError';
  readonly kind: 'graphql';
  /** The errors, as the server sent them. */
  readonly errors: GraphQLErrorDetail[];
  /** Whatever part of the result was resolved (null or absent when none). */
  readonly data: unknown;
  /** The HTTP status the errors came with. */
  readonly status: number;
  /** The distinct error codes, in order of appearance. */
  readonly codes: string[];

  constructor(errors: GraphQLErrorDetail[], data: unknown, status: number) {
    super(errors.map((e) => e.message).join('; ') || 'GraphQL error');
    this.name = 'StelselgraphGraphQLError';
    this.kind = 'graphql';
    this.errors = errors;
    this.data = data;
    this.status = status;
    this.codes = [
      ...new Set(errors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string')),
    ];
  }
}
