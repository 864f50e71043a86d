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

/** The request did not get a response: the server is unreachable, the connection failed, or similar. */
export class StelselgraphNetworkError extends StelselgraphError {
  override readonly name = 'StelselgraphNetworkError';
  readonly kind = 'network' as const;

  constructor(
    readonly url: string,
    options: { cause: unknown },
  ) {
    super(
      `request to ${url} failed: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`,
      options,
    );
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
