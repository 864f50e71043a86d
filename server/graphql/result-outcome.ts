import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';

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
 * request before running it (CSRF prevention, a body or parameters it does not read).
 */
export interface ResultRecord {
  outcome?: ResultOutcome;
}

/**
 * Records the outcome of every result Apollo sends in the context's {@link ResultRecord}, so that the HTTP
 * layer decides what it may cache from the structured result, not from the bytes Apollo printed.
 */
export function resultOutcomePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          contextValue.result.outcome = {
            hasErrors: errors !== undefined,
            errorCodes: (errors ?? []).map((error) => {
              const code = error.extensions?.code;
              return typeof code === 'string' ? code : '';
            }),
          };
        },
      };
    },
  };
}
