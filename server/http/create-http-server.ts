import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerClientError } from './client-error';
import type { HttpServerOptions } from './http-server-options';
import { requestTracker } from './request-tracker';
import type { Route } from './routes/route';
import { ROUTES } from './routes/route-table';
import { routeRequest } from './routes/route-request';
import { sendError } from './send-error';
import { createServerParts } from './server-parts';
import { takeKeptAnswerLane } from './kept-answer-lane';

export type { HttpServerOptions } from './http-server-options';
export { GRAPHQL_PATH } from './routes/graphql-routes';

/** The HTTP server, with `drain`: resolves once no request is being handled (or after `timeoutMs`). */
export type HttpServer = Server & { drain: (timeoutMs: number) => Promise<void> };

/**
 * Creates the HTTP server over the route table (`ROUTES`): GraphQL at `/graphql`, the playground at `/`,
 * `/healthz`, the exports, the pictures and the explorer pages. Every other path is a 404; every failure an
 * HTTP error with a plain message, never a stack trace.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const parts = createServerParts(options);
  const tracker = requestTracker();
  const handle = (request: IncomingMessage, response: ServerResponse, body?: Promise<string>) => {
    let route: Route | undefined;
    void tracker
      .track(routeRequest(ROUTES, parts, request, response, (matched) => (route = matched), body))
      .catch((error: unknown) => sendError(response, error, route?.errors ?? 'plain', options.logError));
  };
  const server = createServer((request, response) => {
    // a repeated POST whose answer is kept is answered on the lane; the rest (and what it cannot answer) routed
    if (!takeKeptAnswerLane(request, response, parts, handle)) {
      handle(request, response);
    }
  });
  // a request the parser cannot read (a GET URL over 16 KiB among them) gets a clear answer
  server.on('clientError', answerClientError);
  // the render worker ends with the server (once the renders it was given are done)
  server.once('close', () => void parts.renderer.close());
  return Object.assign(server, { drain: tracker.drain });
}
