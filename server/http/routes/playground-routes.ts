import type { IncomingMessage, ServerResponse } from 'node:http';
import { PLAYGROUND_ASSET_PATHS, type PlaygroundAsset } from '../playground';
import type { Exchange, Route } from './route';

/** Sends a playground file, gzipped when the client accepts it (and without a body for HEAD). */
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

/** The playground page: revalidated on every use, so a new server's page is seen at once. */
const servePage = async ({ request, response, server }: Exchange) =>
  sendAsset(request, response, server.playground().page, 'no-cache');

/** A file the page loads: named by the bundle, kept by clients for a day. */
const serveAsset = async ({ request, response, url, server }: Exchange) =>
  sendAsset(request, response, server.playground().assets.get(url.pathname)!, 'public, max-age=86400');

/** The playground (GraphiQL, served from this server only) at `/`, and the files it loads under `/playground/`. */
export const PLAYGROUND_ROUTES: readonly Route[] = [
  {
    methods: ['GET', 'HEAD'],
    path: '/',
    family: 'playground',
    summary: 'the GraphQL playground',
    errors: 'plain',
    handle: servePage,
  },
  ...PLAYGROUND_ASSET_PATHS.map((path): Route => ({
    methods: ['GET', 'HEAD'],
    path,
    family: 'playground',
    summary: "a file of the playground's",
    errors: 'plain',
    handle: serveAsset,
  })),
];
