import { HttpError, shown } from './http-error';

/**
 * The URL of a request from its request target: the origin form (`/path?query`, the usual one), the
 * absolute form (`http://host/path`, which proxies send and a server must accept) or the asterisk form
 * (`*`). The origin form is read as a path even when it starts with `//` (as a relative URL it would name
 * another host). A target that is none of these is a 400.
 */
export function requestUrl(target: string | undefined): URL {
  const raw = target ?? '/';
  try {
    if (raw.startsWith('/')) return new URL(`http://localhost${raw}`);
    if (raw === '*') return new URL('http://localhost/*');
    const absolute = new URL(raw);
    if (absolute.protocol === 'http:' || absolute.protocol === 'https:') return absolute;
  } catch {
    // not a URL: refused below
  }
  throw new HttpError(400, `The request target ${shown(raw)} is not a path or an http URL.`);
}

/** Decodes one percent-encoded path segment as UTF-8; a 400 naming the path when it is not valid. */
export function decodePathSegment(segment: string, path: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `The path ${shown(path)} is not valid percent-encoded UTF-8.`);
  }
}

/**
 * A target that is a plain path: single slashes between segments of letters, digits, `-`, `_` and `.` (no
 * segment starting with a dot, so no dot segments), and no query: the WHATWG URL of it has that very
 * pathname and an empty search (`tests/request-url.test.ts`), so the request can be routed without parsing
 * one. Every GraphQL POST's target is one.
 */
const PLAIN_PATH = /^\/(?:[\w-][\w.-]*(?:\/[\w-][\w.-]*)*\/?)?$/;

/** Whether `target` is a plain path (see {@link PLAIN_PATH}): its own pathname, with no search. */
export function isPlainPath(target: string): boolean {
  return target.length <= 256 && PLAIN_PATH.test(target);
}
