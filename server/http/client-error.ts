import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { GRAPHQL_PATH } from './routes/graphql-path';

/** How long a connection refused by the parser stays open for its client to read the answer, in ms. */
const CLOSE_AFTER_MS = 1000;

/** A parse error of Node's HTTP parser, with the bytes it was reading when it failed. */
type ParseError = NodeJS.ErrnoException & { rawPacket?: Buffer };

/** A raw HTTP/1.1 answer that closes the connection, with a JSON body when one is given. */
function rawAnswer(status: number, body?: unknown): string {
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n`;
  if (body === undefined) return `${head}\r\n`;
  const text = JSON.stringify(body);
  return `${head}Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
}

/**
 * The answer to a request head over Node's limit (`maxHeaderSize`, 16 KiB): 414 when its request line alone
 * is over it (a long GET URL, the usual case), else 431; with a message that says how to send a long query. As a
 * GraphQL response when the request is for `/graphql`, as `{ error }` elsewhere. Node's parser sees only the
 * bytes it was reading: when they do not start with the request line, the line is not known, and it is a 431.
 */
export function headTooLargeAnswer(packet: Buffer | undefined): string {
  const text = packet?.toString('latin1') ?? '';
  const requestLine = /^[A-Z]+ (\S*)/.exec(text);
  const lineEnd = text.indexOf('\r\n');
  const lineLength = lineEnd === -1 ? text.length : lineEnd;
  const uriTooLong = requestLine !== null && lineLength > maxHeaderSize;
  const target = requestLine?.[1] ?? '';
  const what = uriTooLong ? 'The URL is' : "The request's URL and headers are";
  const message =
    `${what} over the server's limit of ${maxHeaderSize} bytes on a request's line and headers. ` +
    'Send a long query by POST (a JSON body), or as an automatic persisted query (its hash in the URL).';
  const status = uriTooLong ? 414 : 431;
  const extensions = {
    code: uriTooLong ? 'URI_TOO_LONG' : 'REQUEST_HEADER_FIELDS_TOO_LARGE',
    limit: maxHeaderSize,
  };
  const graphql = target === GRAPHQL_PATH || target.startsWith(`${GRAPHQL_PATH}?`);
  return rawAnswer(status, graphql ? { errors: [{ message, extensions }] } : { error: message });
}

/**
 * Answers a request Node's HTTP parser could not read (the server's `clientError` event), as Node does without a
 * listener (400, 408 for a timeout, 413 for chunk extensions over its limit, and the connection destroyed), except
 * a request head over the limit, which gets {@link headTooLargeAnswer} (Node answers it 431 without a body) and
 * is closed once the client has had {@link CLOSE_AFTER_MS} to read it.
 * Nothing is written on a connection already answering a request, or one the client reset.
 */
export function answerClientError(error: ParseError, socket: Duplex): void {
  // Node's own test (http's `_httpMessage`: the response in flight on this connection, if any)
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  if (error.code !== 'HPE_HEADER_OVERFLOW') {
    // as Node does
    const status =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
          ? 413
          : 400;
    socket.write(rawAnswer(status));
    socket.destroy();
    return;
  }
  // Ended, not destroyed at once, so the client can read the answer before the close (a destroy with its request
  // still arriving resets the connection); destroyed soon after all the same, so that a client that never closes
  // its side holds no socket (nor the server's shutdown).
  socket.end(headTooLargeAnswer(error.rawPacket));
  const timer = setTimeout(() => socket.destroy(), CLOSE_AFTER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
