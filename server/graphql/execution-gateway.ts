import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues, type ExecutionResult, type GraphQLSchema } from 'graphql';
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
 * graphql-jit: each operation (document text and operation name) compiled to JavaScript once and kept (at most
 * `cacheSize`, least recently used dropped). Variables are coerced by graphql-js first, so that a bad one is
 * refused with graphql-js's own error (which Apollo answers as `BAD_USER_INPUT`); a document whose operation
 * Apollo could not resolve is run by graphql-js, which answers why.
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
      if (!isCompiledQuery(result)) return result;
      compiled.set(key, (query = result));
    }
    return query.query(undefined, context, variables);
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
