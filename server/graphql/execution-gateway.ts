import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { GraphQLContext } from './context';
import { budgetedDefaultResolver } from './limits/execution-budget';

/** What executes operations: graphql-js or graphql-jit (`GRAPHQL_EXECUTOR`). */
export type GraphQLExecutor = 'graphql-js' | 'jit';

/** How many compiled operations are kept by default (the least recently used go first). */
export const DEFAULT_JIT_CACHE_SIZE = 500;

/** Apollo's gateway: what hands it a schema and an executor. */
type Gateway = ApolloServerOptionsWithGateway<GraphQLContext>['gateway'];
/** The executor a gateway hands Apollo: one operation, already parsed, validated and past the plugins. */
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** graphql-js: the schema's resolvers, and the budgeted default resolver for fields without one. */
function graphqlJsExecutor(schema: GraphQLSchema): Executor {
  return async ({ document, operationName, request, context }) =>
    execute({
      schema,
      document,
      contextValue: context,
      variableValues: request.variables,
      operationName: operationName ?? undefined,
      fieldResolver: budgetedDefaultResolver,
    });
}

/**
 * A graphql-jit error as graphql-js's own: graphql-jit raises errors of its own class (a subclass in name only,
 * with `locations` but no nodes, and no `extensions` unless the thrown error had them), which Apollo's error
 * formatting cannot take (it reads `extensions.code`, and rebuilds locations from nodes): such an error was
 * answered as a bare 'Internal server error' without its locations and path, and never reached `formatError`
 * (so it was not logged). The message, path, locations, extensions and original error are kept.
 */
export function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (Object.getPrototypeOf(error) === GraphQLError.prototype) return error;
  const own = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // graphql-js computes locations from nodes, which graphql-jit does not keep; it keeps the locations themselves
  (own as { locations: GraphQLError['locations'] }).locations = error.locations?.length
    ? error.locations
    : undefined;
  return own;
}

/** A graphql-jit result whose errors are all graphql-js's own (see {@link asGraphQLJsError}). */
export function withGraphQLJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map(asGraphQLJsError) };
}

/**
 * graphql-jit: each operation (document text and operation name) compiled to JavaScript once and kept (at most
 * `cacheSize`, least recently used dropped). Variables are coerced by graphql-js first, so that a bad one is
 * refused with graphql-js's own error (which Apollo answers as `BAD_USER_INPUT`); a document whose operation
 * Apollo could not resolve is run by graphql-js, which answers why. Errors reach Apollo as graphql-js's own.
 */
function jitExecutor(schema: GraphQLSchema, cacheSize: number): Executor {
  const compiled = new LRUCache<string, CompiledQuery>({ max: cacheSize });
  const graphqlJs = graphqlJsExecutor(schema);
  return async (requestContext) => {
    const { document, source, operation, operationName, request, context } = requestContext;
    // no operation Apollo could resolve (several without a name, an unknown name): graphql-js says why
    if (!operation) return graphqlJs(requestContext);
    const variables = request.variables ?? {};
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    const key = `${operationName ?? ''}\n${source}`;
    let query = compiled.get(key);
    if (!query) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(result)) return withGraphQLJsErrors(result);
      compiled.set(key, (query = result));
    }
    const result = query.query(undefined, context, variables);
    return result instanceof Promise ? result.then(withGraphQLJsErrors) : withGraphQLJsErrors(result);
  };
}

/**
 * Executes operations behind Apollo Server through its gateway interface: a gateway that hands Apollo `schema`
 * once and an executor, graphql-js (with the budgeted default field resolver, as Apollo's own execution runs
 * it) or graphql-jit. Apollo still parses, validates (with every limit rule), runs the plugins (cost, argument
 * caps, the stopped answer of the execution budget) and formats errors; only execution is ours. A request
 * whose result was already computed (`context.result.ran`: by a run of an operation seen before, see
 * `handleGraphQL`) is not executed again: Apollo gets that result, and formats and logs its errors as its own.
 * The resolvers are the schema's own, so the execution budget counts and stops alike under both executors.
 */
export function executionGateway(
  schema: GraphQLSchema,
  sdl: string,
  executor: GraphQLExecutor,
  cacheSize = DEFAULT_JIT_CACHE_SIZE,
): Gateway {
  const run = executor === 'jit' ? jitExecutor(schema, cacheSize) : graphqlJsExecutor(schema);
  const gatewayExecutor: Executor = async (requestContext) => {
    const ran: ExecutionResult | undefined = requestContext.context.result.ran;
    return ran ?? run(requestContext);
  };
  return {
    load: async () => ({ executor: gatewayExecutor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: sdl });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}
