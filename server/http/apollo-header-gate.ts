import type { IncomingMessage } from 'node:http';

/** Content types a browser may send cross-site without a preflight (as Apollo's CSRF prevention reads them). */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Whether Apollo's CSRF prevention lets the request through: a non-simple content type or a preflight header. */
export function passesCsrfPrevention(request: IncomingMessage): boolean {
  const contentType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (contentType && !SIMPLE_CONTENT_TYPES.includes(contentType)) return true;
  return Boolean(request.headers['apollo-require-preflight'] || request.headers['x-apollo-operation-name']);
}

/**
 * Whether Apollo takes the request's headers as they are (the body is checked by `requestFields`): CSRF
 * prevention lets it through, and a GET has no content type or `application/json` (Apollo refuses any other
 * with 400 or 415). Read as Apollo reads them (the media type before any `;`, case-insensitive); a header it
 * would read otherwise is refused here, so a kept answer never goes to a request Apollo would refuse.
 *
 * Note: this is the one decision taken before Apollo has a result (the store is asked before Apollo is
 * entered), and Apollo does not export its CSRF check: the rule is read here as Apollo reads it, and
 * tests/graphql-result-outcome.test.ts checks it against Apollo. What is cached and kept is decided from
 * the result (see `result-outcome.ts`).
 */
export function headersAcceptedByApollo(request: IncomingMessage, method: string): boolean {
  if (!passesCsrfPrevention(request)) return false;
  if (method !== 'GET') return true;
  const contentType = request.headers['content-type'];
  return contentType === undefined || contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
