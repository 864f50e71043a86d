import {
  StelselgraphGraphQLError,
  StelselgraphHttpError,
  StelselgraphNetworkError,
  type GraphQLErrorDetail,
} from './errors.js';
import { createMethods, type Methods } from './generated/methods.js';
import type { Request, RequestOptions, TypedDocument } from './request.js';

/** How to reach the service. */
export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string;
  /** The fetch to use; the platform's `fetch` by default (Node ≥ 20 and browsers). */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Aborts every request of this client when aborted. */
  signal?: AbortSignal;
}

/** A client: one typed method per operation, and `request` for any typed document. */
export type StelselgraphClient = Methods & {
  /**
   * Sends any typed document (from this package's `graphql()` or a consumer's own codegen) and resolves
   * with its typed data.
   */
  request: Request;
};

/**
 * The text of a document to send: a string-mode document is its own text; a syntax tree is sent by its source
 * text when it kept one, else refused (the SDK carries no GraphQL printer).
 */
function documentText(document: unknown): string {
  const tree = document as { kind?: unknown; loc?: { source?: { body?: unknown } } };
  if (typeof document === 'object' && document !== null && tree.kind === 'Document') {
    if (typeof tree.loc?.source?.body === 'string') return tree.loc.source.body;
    throw new TypeError(
      "request got a syntax-tree document without its source text: generate your documents with graphql-codegen's " +
        "documentMode: 'string' (see the SDK's README, Your own queries)",
    );
  }
  return String(document);
}

function combine(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (!a || !b) return a ?? b;
  return AbortSignal.any([a, b]);
}

/**
 * Creates a client for the stelselgraph service.
 *
 * ```ts
 * const client = createClient({ url: 'http://localhost:4000/graphql' });
 * const { voorziening } = await client.voorziening({ code: 'brp' });
 * ```
 *
 * Errors: {@link StelselgraphNetworkError} when no response arrives, {@link StelselgraphHttpError} for an HTTP
 * error that is not a GraphQL response, {@link StelselgraphGraphQLError} (with `codes`) when the server
 * answers with GraphQL errors. An aborted request rejects with the signal's reason.
 */
export function createClient(options: ClientOptions): StelselgraphClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  if (typeof doFetch !== 'function') throw new TypeError('no fetch available: pass `fetch` to createClient');

  const request: Request = async <TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables: TVariables,
    requestOptions: RequestOptions = {},
  ): Promise<TResult> => {
    const query = documentText(document);
    const signal = combine(options.signal, requestOptions.signal);
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...options.headers,
          ...requestOptions.headers,
        },
        body: JSON.stringify({ query, variables }),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new StelselgraphNetworkError(options.url, { cause: error });
    }
    const text = await response.text();
    let body: { data?: TResult | null; errors?: GraphQLErrorDetail[] } | undefined;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = undefined;
    }
    if (body && Array.isArray(body.errors) && body.errors.length > 0) {
      throw new StelselgraphGraphQLError(body.errors, body.data ?? null, response.status);
    }
    if (!response.ok || !body || body.data === undefined || body.data === null) {
      throw new StelselgraphHttpError(response.status, text);
    }
    return body.data;
  };

  return { ...createMethods(request), request };
}
