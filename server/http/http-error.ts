/**
 * An error answered with an HTTP status: on a route whose errors are GraphQL's (`/graphql`) as a GraphQL
 * response (`{ "errors": [{ message, extensions: { code, … } }] }`), elsewhere as `{ "error": message }`.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
    /** The error code, and any facts about the refusal (`limit`, `found`). */
    readonly extensions: { code: string; [key: string]: unknown } = { code: 'BAD_REQUEST' },
  ) {
    super(message);
  }
}

/**
 * A value from the request as an error message shows it: as a JSON string (so control characters and quotes
 * are escaped), cut after `max` characters, so that a long or hostile value cannot swell the answer.
 */
export function shown(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}
