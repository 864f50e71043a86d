import type { ApolloServer } from '@apollo/server';
import type { Kysely } from 'kysely';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Database } from '../db/database';
import { createContext, type DatasetInfo, type GraphQLContext } from '../graphql/context';
import { handleCors, type CorsOrigins } from './cors';
import { RELATION_KINDS } from '../ingest/seed-schema';
import { buildExport, EXPORT_PATHS } from './exports/export-routes';
import { explorePage, exploreIndex } from './pictures/explore-pages';
import { renderDot, stelselDot } from './pictures/stelsel-dot';
import { handleGraphQL } from './graphql-handler';
import { checkHealth } from './health';
import { etagFor, matchesIfNoneMatch } from './http-cache';
import { HttpError } from './http-error';
import { createPlayground, type PlaygroundAsset } from './playground';
import { memoryAnswerStore, type AnswerStore } from './response-cache';

/** What the HTTP server serves, and how. */
export interface HttpServerOptions {
  apollo: ApolloServer<GraphQLContext>;
  db: Kysely<Database>;
  dataset: DatasetInfo;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Longest a request may run resolvers, in ms (default 5000). */
  timeBudgetMs?: number;
  /** max-age of cacheable GET answers, in seconds (default 300). */
  cacheMaxAge?: number;
  /** Origins allowed to call from a browser (default `*`). */
  corsOrigins?: CorsOrigins;
  /** Where answers are kept to be served again without executing (default: in memory; null: none). */
  answers?: AnswerStore | null;
  /** Where unexpected errors are logged. */
  logError?: (error: unknown) => void;
}

/** The path of the GraphQL endpoint. */
export const GRAPHQL_PATH = '/graphql';

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
  // The playground's GraphiQL bundle is large: it is loaded on the first request that needs it.
  let playground: ReturnType<typeof createPlayground> | undefined;
  const playgroundAsset = (path: string) => {
    if (path !== '/' && !path.startsWith('/playground/')) return undefined;
    playground ??= createPlayground({ graphqlPath: GRAPHQL_PATH, title: 'stelselgraph' });
    return path === '/' ? playground.page : playground.assets.get(path);
  };
  const context = async (): Promise<GraphQLContext> => createContext(db, dataset, timeBudgetMs);

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
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
      });
    }
    if (url.pathname.startsWith('/export/')) return serveExport(request, response, url);
    if (
      url.pathname === '/stelsel.svg' ||
      url.pathname === '/explore' ||
      url.pathname.startsWith('/explore/')
    ) {
      return servePicture(request, response, url);
    }
    const asset = playgroundAsset(url.pathname);
    if (!asset && url.pathname !== '/healthz') {
      throw new HttpError(
        404,
        `Nothing at ${url.pathname}. The API is at ${GRAPHQL_PATH}, the playground at /.`,
      );
    }
    if (method !== 'GET' && method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      throw new HttpError(405, `Method ${method} is not allowed on ${url.pathname}.`);
    }
    if (!asset) {
      const health = await checkHealth(db, dataset);
      response.setHeader('cache-control', 'no-store');
      return sendJson(response, health.statusCode, health.body);
    }
    return sendAsset(request, response, asset, url.pathname === '/' ? 'no-cache' : 'public, max-age=86400');
  };

  /**
   * Serves a file derived only from the dataset (GET/HEAD), cacheable like a GET answer: an ETag from the
   * dataset version and the request, and 304 for a matching If-None-Match without building anything.
   */
  const serveDerived = async (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    build: () => Promise<{ contentType: string; body: string }>,
  ) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      throw new HttpError(405, `Method ${request.method} is not allowed on ${url.pathname}.`);
    }
    handleCors(request, response, corsOrigins);
    const etag = etagFor(dataset.contentHash, `${url.pathname}${url.search}`, undefined);
    const cacheHeaders = { etag, 'cache-control': `public, max-age=${cacheMaxAge}` };
    if (matchesIfNoneMatch(request, etag)) {
      response.writeHead(304, cacheHeaders);
      response.end();
      return;
    }
    const file = await build(); // a refusal thrown here goes out without the cache headers
    for (const [name, value] of Object.entries(cacheHeaders)) response.setHeader(name, value);
    response.setHeader('content-type', file.contentType);
    response.end(request.method === 'HEAD' ? undefined : file.body);
  };

  /** An export: tidy CSV, GraphML or node-link JSON. */
  const serveExport = (request: IncomingMessage, response: ServerResponse, url: URL) => {
    if (!(EXPORT_PATHS as readonly string[]).includes(url.pathname)) {
      throw new HttpError(404, `No export at ${url.pathname}; the exports are ${EXPORT_PATHS.join(', ')}.`);
    }
    response.setHeader('content-disposition', `inline; filename="${url.pathname.slice('/export/'.length)}"`);
    return serveDerived(
      request,
      response,
      url,
      async () => (await buildExport(db, url.pathname, url.searchParams))!,
    );
  };

  /** The stelsel as a diagram, and the explorer pages, rendered here (no request to any other host). */
  const servePicture = (request: IncomingMessage, response: ServerResponse, url: URL) =>
    serveDerived(request, response, url, async () => {
      if (url.pathname === '/stelsel.svg') {
        const kinds = (url.searchParams.get('kinds') ?? '').split(',').filter(Boolean);
        const unknown = kinds.filter((kind) => !(RELATION_KINDS as readonly string[]).includes(kind));
        if (unknown.length) {
          throw new HttpError(
            400,
            `Unknown relation kind ${unknown.join(', ')}; the kinds are ${RELATION_KINDS.join(', ')}.`,
          );
        }
        return {
          contentType: 'image/svg+xml; charset=utf-8',
          body: await renderDot(await stelselDot(db, kinds)),
        };
      }
      const code = decodeURIComponent(url.pathname.slice('/explore/'.length));
      const body = url.pathname === '/explore' ? await exploreIndex(db) : await explorePage(db, code);
      return { contentType: 'text/html; charset=utf-8', body };
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
  return Object.assign(server, { drain });
}
