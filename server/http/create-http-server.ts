import type { ApolloServer } from '@apollo/server';
import type { Kysely } from 'kysely';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Database } from '../db/database';
import type { DatabaseProbe } from '../db/probe';
import { createContext, type DatasetInfo, type GraphQLContext } from '../graphql/context';
import { DEFAULT_QUERY_LIMITS } from '../graphql/limits/query-limits';
import { handleCors, type CorsOrigins } from './cors';
import { resolveExport } from './exports/export-routes';
import { DerivedCache, perVersion, type DerivedRequest } from './pictures/page-cache';
import { isPicturePath, resolvePicture } from './pictures/picture-routes';
import { workerRenderer } from './pictures/renderer';
import { handleGraphQL } from './graphql-handler';
import { checkHealth } from './health';
import { asksIfAnyExists, etagFor, matchesIfNoneMatch, sendNotModified } from './http-cache';
import { answerKeys } from './answer-key';
import { HttpError, shown } from './http-error';
import { createPlayground, type PlaygroundAsset } from './playground';
import { requestUrl } from './request-url';
import { memoryAnswerStore, type AnswerStore } from '../lib/answer-store';

/** What the HTTP server serves, and how. */
export interface HttpServerOptions {
  apollo: ApolloServer<GraphQLContext>;
  db: Kysely<Database>;
  dataset: DatasetInfo;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Longest a request may run resolvers, in ms (default 5000). */
  timeBudgetMs?: number;
  /** Most nodes a request may resolve (default {@link DEFAULT_QUERY_LIMITS}.maxNodes). */
  maxNodes?: number;
  /** max-age of cacheable GET answers, in seconds (default 300). */
  cacheMaxAge?: number;
  /** The parser's token limit, which answer keys parse documents with (default: the query limits' default). */
  maxTokens?: number;
  /** Origins allowed to call from a browser (default `*`). */
  corsOrigins?: CorsOrigins;
  /** Where answers are kept to be served again without executing (default: in memory; null: none). */
  answers?: AnswerStore | null;
  /** Where unexpected errors are logged. */
  logError?: (error: unknown) => void;
  /** The real read of the data by which `/healthz` says whether it can be read (see `datasetProbe`). */
  probeDatabase?: DatabaseProbe;
}

/** The path of the GraphQL endpoint. */
export const GRAPHQL_PATH = '/graphql';

/** A request's path as a message names it: as it is, or quoted and cut when it is long. */
const shownPath = (url: URL) => (url.pathname.length > 100 ? shown(url.pathname) : url.pathname);

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

function sendAsset(
  request: IncomingMessage,
  response: ServerResponse,
  asset: PlaygroundAsset,
  cache: string,
): void {
  response.setHeader('content-type', asset.contentType);
  response.setHeader('cache-control', cache);
  response.setHeader('vary', 'accept-encoding');
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (gzip) response.setHeader('content-encoding', 'gzip');
  response.end(request.method === 'HEAD' ? undefined : gzip ? asset.gzipped() : asset.body);
}

/** The HTTP server, with `drain`: resolves once no request is being handled (or after `timeoutMs`). */
export type HttpServer = Server & { drain: (timeoutMs: number) => Promise<void> };

/**
 * Creates the HTTP server: GraphQL at `/graphql` (GET and POST, CORS, HTTP caching of GET answers), the
 * playground at `/` with its assets under `/playground/`, and `/healthz`. Every other path is a 404; every
 * failure an HTTP error with a plain message, never a stack trace.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { apollo, db, dataset } = options;
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const timeBudgetMs = options.timeBudgetMs ?? 5000;
  const cacheMaxAge = options.cacheMaxAge ?? 300;
  const corsOrigins = options.corsOrigins ?? '*';
  const answers = options.answers === undefined ? memoryAnswerStore() : options.answers;
  const answerKeyOf = answerKeys({ maxTokens: options.maxTokens });
  // The playground's GraphiQL bundle is large: it is loaded on the first request that needs it.
  let playground: ReturnType<typeof createPlayground> | undefined;
  const playgroundAsset = (path: string) => {
    if (path !== '/' && !path.startsWith('/playground/')) return undefined;
    playground ??= createPlayground({ graphqlPath: GRAPHQL_PATH, title: 'stelselgraph' });
    return path === '/' ? playground.page : playground.assets.get(path);
  };
  // Pages, pictures and exports are derived from the dataset alone: each is built once per dataset version
  // and kept; the pictures are rendered on a worker thread. Paths and filters are checked against the
  // voorziening codes, read once per dataset version.
  const derivedFiles = new DerivedCache();
  const renderer = workerRenderer();
  const codesOf = perVersion(
    async () => new Set((await db.selectFrom('voorziening').select('code').execute()).map((row) => row.code)),
  );
  const codes = () => codesOf(dataset.contentHash);
  const pictureSources = { db, render: renderer.render, codes };
  const maxNodes = options.maxNodes ?? DEFAULT_QUERY_LIMITS.maxNodes;
  const context = async (): Promise<GraphQLContext> => createContext(db, dataset, timeBudgetMs, maxNodes);

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = requestUrl(request.url);
    const method = request.method ?? 'GET';
    if (url.pathname === GRAPHQL_PATH) {
      if (handleCors(request, response, corsOrigins)) return;
      if (method !== 'GET' && method !== 'POST') {
        response.setHeader('allow', 'GET, POST, OPTIONS');
        throw new HttpError(405, `Method ${method} is not allowed on ${GRAPHQL_PATH}; use GET or POST.`, {
          code: 'METHOD_NOT_ALLOWED',
        });
      }
      return handleGraphQL(apollo, request, response, url.search, context, {
        bodyLimit,
        cacheMaxAge,
        datasetVersion: dataset.contentHash,
        answers,
        answerKeyOf,
      });
    }
    if (url.pathname.startsWith('/export/')) return serveExport(request, response, url);
    if (isPicturePath(url.pathname)) {
      return serveDerived(request, response, url, () => resolvePicture(url, pictureSources));
    }
    const asset = playgroundAsset(url.pathname);
    if (!asset && url.pathname !== '/healthz') {
      throw new HttpError(
        404,
        `Nothing at ${shownPath(url)}. The API is at ${GRAPHQL_PATH}, the playground at /.`,
      );
    }
    if (method !== 'GET' && method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      throw new HttpError(405, `Method ${method} is not allowed on ${shownPath(url)}.`);
    }
    if (!asset) {
      const health = await checkHealth(db, dataset, {
        probe: options.probeDatabase,
        logError: options.logError,
      });
      response.setHeader('cache-control', 'no-store');
      return sendJson(response, health.statusCode, health.body);
    }
    return sendAsset(request, response, asset, url.pathname === '/' ? 'no-cache' : 'public, max-age=86400');
  };

  /**
   * Serves a file derived only from the dataset (GET/HEAD), resolved from the URL to its canonical form
   * (refusing bad parameters and paths before anything else) and kept once built (`x-cache: HIT` when it
   * was), cacheable like a GET answer: an ETag from the dataset version and the canonical form, `Vary:
   * origin` (the CORS headers), and 304 (with the same ETag, Cache-Control and Vary) for an If-None-Match
   * naming the ETag, without building anything. For `If-None-Match: *` the file is built first: 304 when it
   * could be, the refusal when not.
   */
  const serveDerived = async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    resolve: () => Promise<DerivedRequest>,
  ) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      throw new HttpError(405, `Method ${request.method} is not allowed on ${shownPath(url)}.`);
    }
    handleCors(request, response, corsOrigins);
    const version = dataset.contentHash;
    const derived = await resolve(); // a refusal thrown here goes out without the cache headers
    const etag = etagFor(version, derived.key, undefined);
    const caching = { etag, cacheControl: `public, max-age=${cacheMaxAge}`, vary: ['origin'] };
    if (matchesIfNoneMatch(request, etag)) return sendNotModified(response, caching);
    const { file, hit } = await derivedFiles.get(version, derived);
    response.setHeader('x-cache', hit ? 'HIT' : 'MISS');
    if (asksIfAnyExists(request)) return sendNotModified(response, caching);
    response.setHeader('etag', etag);
    response.setHeader('cache-control', caching.cacheControl);
    response.setHeader('content-type', file.contentType);
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };

  /** An export: tidy CSV, GraphML or node-link JSON. */
  const serveExport = (request: IncomingMessage, response: ServerResponse, url: URL) =>
    serveDerived(request, response, url, async () => {
      const derived = await resolveExport(db, url, codes);
      response.setHeader(
        'content-disposition',
        `inline; filename="${url.pathname.slice('/export/'.length)}"`,
      );
      return derived;
    });

  // Requests being handled, counted until their handler is done (even when the client left before), so that
  // closing the server can wait for them before the database goes.
  let inFlight = 0;
  let whenIdle: (() => void)[] = [];
  const settled = () => {
    inFlight -= 1;
    if (inFlight === 0) {
      const waiting = whenIdle;
      whenIdle = [];
      waiting.forEach((resolve) => resolve());
    }
  };
  const drain = (timeoutMs: number) =>
    inFlight === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          whenIdle.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });

  const server = createServer((request, response) => {
    inFlight += 1;
    route(request, response)
      .finally(settled)
      .catch((error: unknown) => {
        if (!(error instanceof HttpError)) options.logError?.(error);
        const status = error instanceof HttpError ? error.status : 500;
        const message = error instanceof HttpError ? error.message : 'Internal server error';
        const extensions = error instanceof HttpError ? error.extensions : { code: 'INTERNAL_SERVER_ERROR' };
        if (response.headersSent) response.destroy();
        else if (request.url?.startsWith(GRAPHQL_PATH))
          sendJson(response, status, { errors: [{ message, extensions }] });
        else sendJson(response, status, { error: message });
      });
  });
  // the render worker ends with the server (once the renders it was given are done)
  server.once('close', () => void renderer.close());
  return Object.assign(server, { drain });
}
