import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { GRAPHQL_PATH } from './routes/graphql-path';

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
 * listener (400, 408 for a timeout, 413 for chunk extensions over its limit, then the connection closed), except
 * a request head over the limit, which gets {@link headTooLargeAnswer} (Node answers it 431 without a body).
 * Nothing is written on a connection already answering a request, or one the client reset.
 */
export function answerClientError(error: ParseError, socket: Duplex): void {
  // Node's own test (http's `_httpMessage`: the response in flight on this connection, if any)
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') socket.end(headTooLargeAnswer(error.rawPacket));
  else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') socket.end(rawAnswer(408));
  else if (error.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') socket.end(rawAnswer(413));
  else socket.end(rawAnswer(400));
}
