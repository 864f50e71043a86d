import type { HTTPGraphQLResponse } from '@apollo/server';
import type { ResultOutcome } from '../graphql/result-outcome';

/** Errors of the GraphQL request itself, which the legacy `application/json` answer carries with status 200. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * The status of an answer: Apollo answers parse, validation and variable errors with 400; when the client
 * accepted only `application/json` (not `application/graphql-response+json`), the GraphQL over HTTP spec
 * asks for 200 with the errors in the body, as older clients expect. The errors' codes are read from the
 * result's outcome (none when Apollo refused the request before running it: its status stands).
 */
export function statusFor(result: HTTPGraphQLResponse, outcome: ResultOutcome | undefined): number {
  const status = result.status ?? 200;
  if (status !== 400 || result.body.kind !== 'complete') return status;
  if (!(result.headers.get('content-type') ?? '').startsWith('application/json')) return status;
  const codes = outcome?.errorCodes ?? [];
  return codes.length > 0 && codes.every((code) => REQUEST_ERROR_CODES.has(code)) ? 200 : status;
}
