import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The ETag of a GET answer: it depends only on the dataset version and what was asked (the query string
 * and the accepted media type), since the data changes only when the dataset is rebuilt.
 */
export function etagFor(datasetVersion: string, search: string, accept: string | undefined): string {
  const hash = createHash('sha256')
    .update(datasetVersion)
    .update('\n')
    .update(search)
    .update('\n')
    .update(accept ?? '')
    .digest('base64url');
  return `W/"${hash.slice(0, 32)}"`;
}

/** Whether the request's `If-None-Match` names the ETag (or `*`). */
export function matchesIfNoneMatch(request: IncomingMessage, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === etag || tag.replace(/^W\//, '') === etag.replace(/^W\//, ''));
}
