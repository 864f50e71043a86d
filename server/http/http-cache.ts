import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashText } from '../lib/hash-text';

/**
 * The ETag of a GET answer: it depends only on the dataset version and what was asked (the query string
 * and the accepted media type), since the data changes only when the dataset is rebuilt.
 */
export function etagFor(datasetVersion: string, search: string, accept: string | undefined): string {
  const hash = hashText(`${datasetVersion}\n${search}\n${accept ?? ''}`);
  return `W/"${hash.slice(0, 32)}"`;
}

/** The opaque part of an entity tag: `W/"x"` and `"x"` are equal under weak comparison (RFC 9110 §8.8.3.2). */
const opaque = (tag: string) => tag.replace(/^W\//, '');

/**
 * Whether the request's `If-None-Match` lists the ETag, compared weakly as RFC 9110 §13.1.2 asks (a strong
 * `"x"` names our weak `W/"x"`). `*` is not a tag and matches nothing here: see {@link asksIfAnyExists}.
 */
export function matchesIfNoneMatch(request: IncomingMessage, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag !== '*' && tag !== '' && opaque(tag) === opaque(etag));
}

/**
 * Whether the request says `If-None-Match: *`: true when any current representation exists (RFC 9110
 * §13.1.2). For a GraphQL GET that is only known once the answer is (an invalid query has none), so `*` never
 * spares executing: the caller answers 304 instead of a cacheable 200, and anything else as it is.
 */
export function asksIfAnyExists(request: IncomingMessage): boolean {
  const header = request.headers['if-none-match'];
  return header !== undefined && header.split(',').some((tag) => tag.trim() === '*');
}

/**
 * Adds `fields` to the response's `Vary` (keeping what is there, e.g. CORS's `origin`, without repeating a
 * field). Node's `writeHead(status, headers)` would replace it instead: set it here, before writing.
 */
export function addVary(response: ServerResponse, ...fields: string[]): void {
  const current = response.getHeader('vary');
  // the usual case, on every GraphQL answer's way: nothing listed yet, one field to list
  if (current === undefined && fields.length === 1) return void response.setHeader('vary', fields[0]!);
  const listed = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);
  const known = new Set(listed.map((field) => field.toLowerCase()));
  for (const field of fields) {
    if (!known.has(field.toLowerCase())) listed.push(field);
    known.add(field.toLowerCase());
  }
  response.setHeader('vary', listed.join(', '));
}

/**
 * Answers 304 Not Modified: with the same `ETag`, `Cache-Control` and `Vary` the 200 would carry (RFC 9110
 * §15.4.5; CORS headers already set stay), and no body or content headers.
 */
export function sendNotModified(
  response: ServerResponse,
  cache: { etag: string; cacheControl: string; vary: string[] },
): void {
  response.setHeader('etag', cache.etag);
  response.setHeader('cache-control', cache.cacheControl);
  addVary(response, ...cache.vary);
  response.removeHeader('content-type');
  response.removeHeader('content-length');
  response.statusCode = 304;
  response.end();
}
