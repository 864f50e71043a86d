import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';

export type { ResultOutcome, ResultRecord } from './result-record';

/**
 * Records the outcome of every result Apollo sends in the context's {@link ResultRecord}, so that the HTTP
 * layer decides what it may cache from the structured result, not from the bytes Apollo printed; and the
 * operation it executed (schema and validated document), which the HTTP layer keeps to run again
 * (`seen-operations.ts`).
 */
export function resultOutcomePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ schema, document, contextValue }) {
          contextValue.result.executed = { schema, document };
        },
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
