import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleCors } from './cors';
import { keptPostHead, sendKeptAnswer } from './graphql-handler';
import { GRAPHQL_PATH } from './routes/graphql-path';
import type { ServerParts } from './server-parts';

/**
 * The lane of a repeated POST to `/graphql` whose answer the in-process store keeps: its body is read with
 * the stream's events and, once it is in, the answer is sent from the store in the same callback, with the
 * headers the GraphQL route sends a kept answer (CORS, `x-cache: HIT`, its content type, `no-store`): no
 * routing, no promise, no tick (a kept answer's cost next to a bare server's is mostly those). Without an
 * `Origin` (no CORS headers to add) the head goes out in one `writeHead` ({@link keptPostHead}).
 *
 * It takes only a POST to exactly `/graphql` with a `Content-Length` within the body limit, on a server whose
 * store answers at once (`slotNow`: the in-process one). The answer is found in one lookup: the request as it
 * came holds the slot of its answer last handed out (see `AnswerStore.slotNow`), served from there while the
 * store keeps it, unexpired, the store asked again once the answer's recency mark is due. It returns whether it
 * took the request; one it took and cannot answer from the store (not kept, not keyed yet) goes on to `usual`
 * with its body: the GraphQL route then answers it as it answers any request. The body is read with `data` and
 * `end`: its length is declared and within the limit (the parser reads exactly that many bytes, and refuses a
 * request that also says it is chunked), and a request whose client leaves before its body is in is dropped,
 * nothing answered, handed on or logged (nobody is there to read an answer; Node emits an aborted request's
 * `error` only to a listener, and there is none).
 */
export function takeKeptAnswerLane(
  request: IncomingMessage,
  response: ServerResponse,
  parts: ServerParts,
  usual: (request: IncomingMessage, response: ServerResponse, body: Promise<string>) => void,
): boolean {
  const answers = parts.answers;
  if (request.method !== 'POST' || request.url !== GRAPHQL_PATH || !answers?.slotNow) return false;
  const length = request.headers['content-length'];
  if (length === undefined || !(Number(length) <= parts.bodyLimit)) return false;
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
    const known = parts.answerKeyOf.byRawRequest.find({
      datasetVersion: parts.dataset.contentHash,
      method: 'POST',
      contentType: request.headers['content-type'],
      accept: request.headers.accept,
      search: '',
      body: text,
    });
    const slot = known === undefined ? undefined : answers.slotNow!(known.key, known.kept);
    const kept = slot?.answer;
    if (kept === undefined) return usual(request, response, Promise.resolve(text));
    known!.kept = slot;
    try {
      if (request.headers.origin === undefined) {
        // (a list writeHead only reads)
        response.writeHead(200, keptPostHead(kept) as string[]);
        response.end(kept.bytes ?? kept.body);
      } else {
        // as the route does first (for a POST it only sets headers)
        handleCors(request, response, parts.corsOrigins);
        sendKeptAnswer(response, kept, undefined, false);
      }
    } catch (thrown) {
      // not in a promise here: what throws is logged and the answer cut, never the process
      parts.logError?.(thrown);
      response.destroy();
    }
  });
  return true;
}
