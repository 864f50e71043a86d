import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/** The 413 for a body over `limit`: `declared` when its Content-Length said so, else `seen` bytes read so far. */
function tooLarge(limit: number, declared: number | undefined, seen: number): HttpError {
  return declared !== undefined
    ? new HttpError(
        413,
        `The request body is ${declared} bytes, over the limit of ${limit} bytes by ${declared - limit}.`,
        { code: 'PAYLOAD_TOO_LARGE', limit, found: declared },
      )
    : new HttpError(
        413,
        `The request body is over the limit of ${limit} bytes (more than ${seen} bytes sent).`,
        { code: 'PAYLOAD_TOO_LARGE', limit },
      );
}

/** What {@link readBodyThen} calls once: with the body's text, or with why there is none. */
type BodyDone = (error: Error | undefined, text: string) => void;

/**
 * Reads a request body as text, refusing more than `limit` bytes with 413: before reading any of it when its
 * Content-Length says so, else as soon as more has come (the request is then destroyed: nothing more is read).
 * A request that ends before its body does (the client left) fails with a 400 that says so (with the stream's
 * error code): a client's leaving is not logged as the server's error. Calls `done` once
 * (at once for a declared body over the limit). Read with the stream's events, not an async iterator: a small
 * body arrives whole, and this is on every POST's path.
 */
function readBodyThen(request: IncomingMessage, limit: number, done: BodyDone): void {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return done(tooLarge(limit, declared, 0), '');
  const chunks: Buffer[] = [];
  let size = 0;
  const stop = () => {
    request.off('data', onData);
    request.off('end', onEnd);
    request.off('error', onError);
    request.off('close', onClose);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      stop();
      request.destroy();
      done(tooLarge(limit, undefined, size), '');
      return;
    }
    chunks.push(chunk);
  };
  const onEnd = () => {
    stop();
    done(
      undefined,
      chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
    );
  };
  // the client left (or its connection broke) before the body came whole: its doing, so a client error (400,
  // which nobody reads), not one the server logs as unexpected
  const onError = (error?: Error) => {
    stop();
    const why = error ? ` (${(error as NodeJS.ErrnoException).code ?? error.message})` : '';
    done(new HttpError(400, `The request closed before its body was read whole${why}.`), '');
  };
  // closed before its end, without an error (destroyed without one)
  const onClose = () => onError();
  request.on('data', onData);
  request.on('end', onEnd);
  request.on('error', onError);
  request.on('close', onClose);
}

/** {@link readBodyThen} as a promise: the body's text, or a rejection with why there is none. */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) =>
    readBodyThen(request, limit, (error, text) => (error ? reject(error) : resolve(text))),
  );
}

/**
 * Parses a POST body for GraphQL: JSON when the content type says so (a malformed body is a 400 that says
 * why), otherwise the raw text, which Apollo then refuses with its own message.
 */
export function parseGraphQLBody(text: string, contentType: string | undefined): unknown {
  if (!contentType || !/^application\/(graphql-response\+)?json\b|^application\/json/i.test(contentType))
    return text;
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The request body is not valid JSON: ${(error as Error).message}`, {
      code: 'BAD_REQUEST',
    });
  }
}
