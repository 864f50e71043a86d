import type { IncomingMessage, ServerResponse } from 'node:http';
import { addVary } from './http-cache';

/** Which origins may call the API from a browser: `*` (any), or a list of exact origins. */
export type CorsOrigins = '*' | string[];

/** Parses `CORS_ORIGINS`: `*`, a comma-separated list of origins, or empty (no cross-origin access). */
export function parseCorsOrigins(value: string | undefined): CorsOrigins {
  if (value === undefined || value.trim() === '*') return '*';
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/**
 * Adds the CORS headers for an allowed `Origin` and answers a preflight (OPTIONS) with 204. Returns true
 * when the request was a preflight and has been answered. Every answer says `Vary: origin`, even with `*`:
 * the CORS headers are there only when the request has an `Origin`, so a cache must not hand an answer kept
 * for a same-origin request (without them) to a cross-origin one, nor one origin's answer to another.
 * Credentials are never allowed (no `Access-Control-Allow-Credentials`): the API reads none, and a browser
 * neither sends cookies with a cross-site read nor shows a page an answer to one it sent them with
 * (README, "Why GET is safe here"; tests/get-safety.test.ts).
 */
export function handleCors(
  request: IncomingMessage,
  response: ServerResponse,
  origins: CorsOrigins,
): boolean {
  const origin = request.headers.origin;
  const allowed = origin !== undefined && (origins === '*' || origins.includes(origin));
  if (allowed) {
    response.setHeader('access-control-allow-origin', origins === '*' ? '*' : origin);
    response.setHeader('access-control-expose-headers', 'etag, age');
  }
  addVary(response, 'origin');
  if (request.method !== 'OPTIONS') return false;
  // The allowed headers echo the preflight's own list: it varies too.
  addVary(response, 'access-control-request-headers');
  if (allowed) {
    response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    response.setHeader(
      'access-control-allow-headers',
      request.headers['access-control-request-headers'] ??
        'content-type, apollo-require-preflight, x-apollo-operation-name, if-none-match',
    );
    response.setHeader('access-control-max-age', '600');
  }
  response.statusCode = 204;
  response.end();
  return true;
}
