import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { getVariableValues, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { GraphQLContext } from './context';

/** What executes an operation: graphql-js (Apollo's own execution) or graphql-jit (`GRAPHQL_EXECUTOR`). */
export type GraphQLExecutor = 'graphql-js' | 'jit';

/** How many compiled operations are kept by default (the least recently used go first). */
export const DEFAULT_JIT_CACHE_SIZE = 500;

/** Apollo's gateway: what hands it a schema and an executor. */
type Gateway = ApolloServerOptionsWithGateway<GraphQLContext>['gateway'];
/** The executor a gateway hands Apollo: one operation, already parsed, validated and past the plugins. */
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * Executes operations with graphql-jit behind Apollo Server, as Apollo's gateway interface allows: a gateway
 * that hands Apollo `schema` once and an executor. Apollo still parses, validates (with every limit rule),
 * runs the plugins (cost, argument caps, the stopped answer of the execution budget) and formats errors; only
 * execution differs. Each operation (document text and operation name) is compiled to JavaScript once and kept
 * (at most `cacheSize`, least recently used dropped). The resolvers are the schema's own, so the execution
 * budget counts and stops as under graphql-js. Variables are coerced by graphql-js first, so that a bad one is
 * refused with graphql-js's own error (which Apollo answers as `BAD_USER_INPUT`).
 */
export function jitGateway(schema: GraphQLSchema, sdl: string, cacheSize = DEFAULT_JIT_CACHE_SIZE): Gateway {
  const compiled = new LRUCache<string, CompiledQuery>({ max: cacheSize });
  const executor: Executor = async ({ document, source, operation, operationName, request, context }) => {
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
  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: sdl });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}
