import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from './context';
import { resolvers } from './resolvers';
import { readTypeDefs } from './type-defs';

/** Options for {@link createApolloServer}. */
export interface ApolloOptions {
  /** Development mode: errors keep their message and stack trace. Off by default. */
  development?: boolean;
  /** Where unexpected errors are logged (they are masked in the response). */
  logError?: (error: unknown) => void;
}

/** Error codes whose messages are meant for the client; any other error is masked outside development. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Creates the Apollo Server over the schema-first SDL and the resolvers. Outside development, errors other
 * than the client's own (bad query, bad input) are logged and answered with a generic message: no stack
 * trace, no SQL.
 */
export function createApolloServer(options: ApolloOptions = {}): ApolloServer<GraphQLContext> {
  const development = options.development ?? false;
  return new ApolloServer<GraphQLContext>({
    typeDefs: readTypeDefs(),
    resolvers: resolvers as never,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: development,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const code = formatted.extensions?.code;
      if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
      options.logError?.(unwrapResolverError(error));
      if (development) return formatted;
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    },
  });
}
