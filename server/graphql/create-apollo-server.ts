import { ApolloServer, type ApolloServerOptionsWithGateway } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from './context';
import { boundedDocumentStore } from './document-store';
import { reshapeLimitError, LIMIT_CODES } from './limits/limit-error';
import { armorValidationRules, DEFAULT_QUERY_LIMITS, type QueryLimits } from './limits/query-limits';
import { DEFAULT_ARGUMENT_CAPS, type ArgumentCaps } from './limits/argument-caps';
import { withExecutionBudget } from './limits/execution-budget';
import { limitsPlugin } from './limits/limits-plugin';
import {
  DEFAULT_EXECUTOR,
  DEFAULT_JIT_POLICY,
  executionGateway,
  type GraphQLExecutor,
  type JitPolicy,
} from './execution-gateway';
import { readOnlyOperations } from './read-only-operations';
import { resolvers } from './resolvers';
import { resultOutcomePlugin } from './result-outcome';
import { readTypeDefs } from './type-defs';

/** Options for {@link createApolloServer}. */
export interface ApolloOptions {
  /** Development mode: errors keep their message and stack trace. Off by default. */
  development?: boolean;
  /** Where unexpected errors are logged (they are masked in the response). */
  logError?: (error: unknown) => void;
  /** The query limits (defaults: {@link DEFAULT_QUERY_LIMITS}). */
  limits?: QueryLimits;
  /** The caps on argument values (defaults: {@link DEFAULT_ARGUMENT_CAPS}). */
  argumentCaps?: ArgumentCaps;
  /** Where automatic persisted queries are kept (default: in memory). */
  cache?: KeyValueCache<string>;
  /** What executes operations (default `DEFAULT_EXECUTOR`: graphql-jit; see `execution-gateway.ts`). */
  executor?: GraphQLExecutor;
  /** When graphql-jit compiles an operation (default {@link DEFAULT_JIT_POLICY}). */
  jit?: JitPolicy;
}

/** Error codes whose messages are meant for the client; any other error is masked outside development. */
const CLIENT_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'NOT_FOUND', // a single lookup of an unknown code (voorziening(code:), domain(code:)): null and this error
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  ...LIMIT_CODES,
]);

/**
 * The schema and how it is executed: through a gateway of ours (see `execution-gateway.ts`), by graphql-js
 * (whose default field resolver keeps to the budget too) or by graphql-jit (the default; it reads a field
 * without a resolver itself: once a request is stopped such a field of a stand-in reads nothing, and the
 * stopped answer replaces the data).
 */
function schemaAndExecutor(
  executor: GraphQLExecutor,
  jit: JitPolicy = DEFAULT_JIT_POLICY,
): Pick<ApolloServerOptionsWithGateway<GraphQLContext>, 'gateway'> {
  const typeDefs = readTypeDefs();
  const schema = makeExecutableSchema({ typeDefs, resolvers: withExecutionBudget(resolvers) });
  return { gateway: executionGateway(schema, typeDefs, executor, jit) };
}

/**
 * Creates the Apollo Server over the schema-first SDL and the resolvers, with the query limits
 * (graphql-armor's depth, cost, alias and directive rules, the parser's token limit, our time budget) and
 * automatic persisted queries. Answers are cached in front of Apollo, by the HTTP layer. Outside
 * development, errors other than the client's own are logged and answered with a generic message: no stack
 * trace, no SQL.
 */
export function createApolloServer(options: ApolloOptions = {}): ApolloServer<GraphQLContext> {
  const development = options.development ?? false;
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  return new ApolloServer<GraphQLContext>({
    ...schemaAndExecutor(options.executor ?? DEFAULT_EXECUTOR, options.jit),
    introspection: true,
    // Off: the API is public and read-only, and reads no cookie or other credential, so a request a browser
    // sends cross-site carries no authority to misuse (README, "Why GET is safe here"; tests/get-safety.test.ts
    // fails when that stops being true). Plain GET links and every client's GET work.
    csrfPrevention: false,
    // The server's own SIGTERM/SIGINT handling (server/main.ts) stops Apollo once, after the requests in flight.
    stopOnTerminationSignals: false,
    cache: options.cache,
    // bounded by what its documents keep, not by their JSON (see document-store.ts)
    documentStore: boundedDocumentStore(),
    validationRules: [readOnlyOperations, ...armorValidationRules(limits)],
    parseOptions: { maxTokens: limits.maxTokens },
    includeStacktraceInErrorResponses: development,
    // No landing page (the playground is ours) and no per-field cache hints (answers are cached by the
    // HTTP layer, whole): Apollo would otherwise add its cache-control plugin, which runs on every field.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      limitsPlugin(limits.maxCost, options.argumentCaps ?? DEFAULT_ARGUMENT_CAPS),
      resultOutcomePlugin(),
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const reshaped = reshapeLimitError(formatted, error);
      const code = reshaped.extensions?.code;
      if (typeof code === 'string' && CLIENT_CODES.has(code)) return reshaped;
      // graphql-js stops coercing the variables at its 51st error with an error of its own, without a code
      // or a variable (so Apollo does not see it as the client's, as it does the 50 before it): it is.
      if (error instanceof GraphQLError && error.message.startsWith('Too many errors processing variables'))
        return { message: reshaped.message, extensions: { code: 'BAD_USER_INPUT' } };
      // Apollo's own refusals of a bad request (e.g. an unsupported persisted query version) carry a 4xx
      // status but no code: they are the client's errors too.
      const status = (
        error instanceof GraphQLError
          ? (error.extensions?.http as { status?: number } | undefined)
          : undefined
      )?.status;
      if (status !== undefined && status >= 400 && status < 500) {
        return {
          message: reshaped.message,
          locations: reshaped.locations,
          extensions: { code: 'BAD_REQUEST' },
        };
      }
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
