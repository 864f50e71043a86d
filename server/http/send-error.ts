import type { ServerResponse } from 'node:http';
import { HttpError } from './http-error';
import { sendJson } from './send-json';

/**
 * Answers a request that failed: an {@link HttpError} with its status and message, anything else as a 500
 * without details (logged by `logError`). As a GraphQL response (`{ errors: [{ message, extensions }] }`) or as
 * `{ error: message }`, as the route writes its errors. A response already under way is cut off instead.
 */
export function sendError(
  response: ServerResponse,
  error: unknown,
  format: 'graphql' | 'plain',
  logError?: (error: unknown) => void,
): void {
  if (!(error instanceof HttpError)) logError?.(error);
  const status = error instanceof HttpError ? error.status : 500;
  const message = error instanceof HttpError ? error.message : 'Internal server error';
  const extensions = error instanceof HttpError ? error.extensions : { code: 'INTERNAL_SERVER_ERROR' };
  if (response.headersSent) response.destroy();
  else if (format === 'graphql') sendJson(response, status, { errors: [{ message, extensions }] });
  else sendJson(response, status, { error: message });
}
