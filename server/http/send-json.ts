import type { ServerResponse } from 'node:http';

/** Answers with `body` as JSON (UTF-8) and `status`. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}
