import type { IncomingMessage, ServerResponse } from 'node:http';
import { rawRequestKey } from './answer-key';
import { handleCors } from './cors';
import { sendKeptAnswer } from './graphql-handler';
import { readBodyThen } from './read-body';
import { GRAPHQL_PATH } from './routes/graphql-path';
import type { ServerParts } from './server-parts';

/**
 * The lane of a repeated POST to `/graphql` whose answer the in-process store keeps: its body is read with
 * the stream's events and, once it is in, the answer is sent from the store in the same callback, with the
 * headers the GraphQL route sends a kept answer (CORS, `x-cache: HIT`, its content type, `no-store`): no
 * routing, no promise, no tick (a kept answer's cost next to a bare server's is mostly those).
 *
 * It takes only a POST to exactly `/graphql` with a `Content-Length` within the body limit, on a server whose
 * store answers at once (`getNow`: the in-process one). It returns whether it took the request; one it took
 * and cannot answer from the store (not kept, not keyed yet, its body failed) goes on to `usual` with the
 * body, read or failed, as a promise: the GraphQL route then answers it as it answers any request.
 */
export function takeKeptAnswerLane(
  request: IncomingMessage,
  response: ServerResponse,
  parts: ServerParts,
  usual: (body: Promise<string>) => void,
): boolean {
  const answers = parts.answers;
  if (request.method !== 'POST' || request.url !== GRAPHQL_PATH || !answers?.getNow) return false;
  const length = request.headers['content-length'];
  if (length === undefined || !(Number(length) <= parts.bodyLimit)) return false;
  readBodyThen(request, parts.bodyLimit, (error, text) => {
    if (error) {
      const failed = Promise.reject(error);
      // the route awaits it at once; this only keeps it from counting as unhandled meanwhile
      failed.catch(() => undefined);
      return usual(failed);
    }
    const key = parts.answerKeyOf.byRawRequest.get(
      rawRequestKey({
        datasetVersion: parts.dataset.contentHash,
        method: 'POST',
        contentType: request.headers['content-type'],
        accept: request.headers.accept,
        search: '',
        body: text,
      }),
    );
    const kept = key === undefined ? undefined : answers.getNow!(key);
    if (kept === undefined) return usual(Promise.resolve(text));
    try {
      // as the route does first (for a POST it only sets headers)
      handleCors(request, response, parts.corsOrigins);
      sendKeptAnswer(response, kept, undefined, false);
    } catch (thrown) {
      // not in a promise here: what throws is logged and the answer cut, never the process
      parts.logError?.(thrown);
      response.destroy();
    }
  });
  return true;
}
