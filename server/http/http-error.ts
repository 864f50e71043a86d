/**
 * An error answered with an HTTP status: on `/graphql` as a GraphQL response (`{ "errors": [{ message,
 * extensions: { code, … } }] }`), elsewhere as `{ "error": message }`.
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
