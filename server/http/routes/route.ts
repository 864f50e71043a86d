import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerParts } from '../server-parts';

/** One request as a route handler sees it. */
export interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  /** The request's URL (see `requestUrl`): made when first asked for. */
  readonly url: URL;
  /** The URL's search (its query with the `?`, or empty), without making the URL for a plain path. */
  readonly search: string;
  /** The path's parameters, by name, as the route's pattern captured them (still percent-encoded). */
  params: Record<string, string>;
  /** What the server's routes share. */
  server: ServerParts;
  /** The body, when it is already being read (a POST to `/graphql` the kept-answer lane did not answer). */
  readonly body?: Promise<string>;
}

/**
 * One entry of the route table: the methods and the path it answers, and its handler.
 *
 * ```ts
 * const health: Route = { methods: ['GET', 'HEAD'], path: '/healthz', family: 'health', … };
 * ```
 */
export interface Route {
  /** The methods it answers; any other is a 405 with these in `Allow`. */
  methods: readonly string[];
  /**
   * The path it answers, exactly (no prefix, no trailing slash), or, with `pattern`, its shape as it is
   * listed (`/explore/{code}`).
   */
  path: string;
  /** A path pattern, anchored at both ends; named groups become `params`. Without it, `path` is exact. */
  pattern?: RegExp;
  /** The family of routes it belongs to, one file each under `routes/`. */
  family: 'graphql' | 'playground' | 'exports' | 'pictures' | 'health';
  /** What it serves, in a few words (for listing the routes). */
  summary: string;
  /** How its errors are written: as a GraphQL response (`{ errors }`) or as `{ error }`. */
  errors: 'graphql' | 'plain';
  /**
   * CORS before anything else, preflights (OPTIONS) answered with 204 and `OPTIONS` in `Allow`. Routes
   * without it add CORS headers themselves where they serve cross-origin clients.
   */
  preflight?: boolean;
  handle: (exchange: Exchange) => Promise<void>;
}
