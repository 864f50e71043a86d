/** An error answered with an HTTP status and a plain message (a JSON body `{ "error": … }`). */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
