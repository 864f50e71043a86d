import { handleCors } from './cors';
import { asksIfAnyExists, etagFor, matchesIfNoneMatch, sendNotModified } from './http-cache';
import type { DerivedRequest } from './pictures/page-cache';
import type { Exchange } from './routes/route';

/**
 * Serves a file derived only from the dataset (a page, a picture or an export), resolved from the URL to its
 * canonical form by `resolve` (which refuses bad parameters and paths before anything else; a refusal goes
 * out without the cache headers) and kept once built (`x-cache: HIT` when it was). It is cacheable like a GET
 * answer: an ETag from the dataset version and the canonical form, `Cache-Control: public` with the server's
 * max-age, `Vary: origin` (the CORS headers), and 304 (with the same ETag, Cache-Control and Vary) for an
 * If-None-Match naming the ETag, without building anything. For `If-None-Match: *` the file is built first:
 * 304 when it could be, the refusal when not. The route allows only GET and HEAD.
 */
export async function serveDerived(
  { request, response, server }: Exchange,
  resolve: () => Promise<DerivedRequest>,
): Promise<void> {
  handleCors(request, response, server.corsOrigins);
  const version = server.dataset.contentHash;
  const derived = await resolve();
  const etag = etagFor(version, derived.key, undefined);
  const caching = { etag, cacheControl: `public, max-age=${server.cacheMaxAge}`, vary: ['origin'] };
  if (matchesIfNoneMatch(request, etag)) return sendNotModified(response, caching);
  const { file, hit } = await server.derivedFiles.get(version, derived);
  response.setHeader('x-cache', hit ? 'HIT' : 'MISS');
  if (asksIfAnyExists(request)) return sendNotModified(response, caching);
  response.setHeader('etag', etag);
  response.setHeader('cache-control', caching.cacheControl);
  response.setHeader('content-type', file.contentType);
  response.end(request.method === 'HEAD' ? undefined : file.body);
}
