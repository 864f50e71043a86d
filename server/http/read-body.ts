import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/** Reads a request body as text, refusing more than `limit` bytes with 413 before reading it all. */
export async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    throw new HttpError(
      413,
      `The request body is ${declared} bytes, over the limit of ${limit} bytes by ${declared - limit}.`,
      {
        code: 'PAYLOAD_TOO_LARGE',
        limit,
        found: declared,
      },
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      throw new HttpError(
        413,
        `The request body is over the limit of ${limit} bytes (more than ${size} bytes sent).`,
        {
          code: 'PAYLOAD_TOO_LARGE',
          limit,
        },
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses a POST body for GraphQL: JSON when the content type says so (a malformed body is a 400 that says
 * why), otherwise the raw text, which Apollo then refuses with its own message.
 */
export function parseGraphQLBody(text: string, contentType: string | undefined): unknown {
  if (!contentType || !/^application\/(graphql-response\+)?json\b|^application\/json/i.test(contentType))
    return text;
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `The request body is not valid JSON: ${(error as Error).message}`, {
      code: 'BAD_REQUEST',
    });
  }
}
