import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';

/** What a GraphQL result held, as Apollo sent it (after `formatError`): whether it had errors, and their codes. */
export interface ResultOutcome {
  /** Whether the result had an `errors` entry (Apollo writes it first, before `data`). */
  hasErrors: boolean;
  /** The `extensions.code` of each error, in order (`''` for an error without one). */
  errorCodes: string[];
}

/**
 * Where one request's result outcome is recorded by {@link resultOutcomePlugin}: a holder shared by the
 * context and the shallow copy of it Apollo hands the resolvers and plugins. Empty when Apollo refused the
 * request before running it (a content type, a body or parameters it does not read).
 */
export interface ResultRecord {
  outcome?: ResultOutcome;
  /** The operation Apollo executed, as it executed it: set when execution started (past every check). */
  executed?: { schema: GraphQLSchema; document: DocumentNode };
  /** A result already computed for this request (see `execution-gateway.ts`): Apollo formats it, not runs it. */
  ran?: ExecutionResult;
}
