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

/** The messages of an error and of the causes under it, outermost first, without repeats. */
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

/** The first `code` (e.g. `ECONNREFUSED`, `ENOTFOUND`) an error or one of its causes carries. */
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
  override readonly name = 'StelselgraphNetworkError';
  readonly kind = 'network' as const;
  /** The system error's code under the failure (`ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, …), if any. */
  readonly code: string | undefined;

  constructor(
    readonly url: string,
    options: { cause: unknown },
  ) {
    super(`request to ${url} failed: ${causeMessages(options.cause).join(': ')}`, options);
    this.code = causeCode(options.cause);
  }
}

/** The server answered with an HTTP error that is not a GraphQL response (e.g. 404, 413, 502). */
export class StelselgraphHttpError extends StelselgraphError {
  override readonly name = 'StelselgraphHttpError';
  readonly kind = 'http' as const;

  constructor(
    readonly status: number,
    /** The response body as text (a JSON `{ "error": … }` from this server). */
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 200)}`);
  }
}

/**
 * The server answered with GraphQL errors. `codes` holds their `extensions.code`s (`BAD_USER_INPUT`,
 * `GRAPHQL_VALIDATION_FAILED`, …) and `data` whatever part of the result was resolved.
 */
export class StelselgraphGraphQLError extends StelselgraphError {
  override readonly name = 'StelselgraphGraphQLError';
  readonly kind = 'graphql' as const;
  /** The distinct error codes, in order of appearance. */
  readonly codes: string[];

  constructor(
    readonly errors: GraphQLErrorDetail[],
    readonly data: unknown,
    /** The HTTP status the errors came with. */
    readonly status: number,
  ) {
    super(errors.map((e) => e.message).join('; ') || 'GraphQL error');
    this.codes = [
      ...new Set(errors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string')),
    ];
  }
}
