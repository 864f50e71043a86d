import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { compileBounded, expandedSelections, MAX_COMPILED_SELECTIONS } from './bounded-compile';
import type { GraphQLContext } from './context';
import { budgetedDefaultResolver } from './limits/execution-budget';

/** What executes operations: graphql-js or graphql-jit (`GRAPHQL_EXECUTOR`). */
export type GraphQLExecutor = 'graphql-js' | 'jit';

/**
 * What executes operations unless told otherwise: graphql-jit (within {@link DEFAULT_JIT_POLICY}), which the
 * bench measured at 1.3–2× graphql-js's requests per second on the lookup, relation and page queries.
 */
export const DEFAULT_EXECUTOR: GraphQLExecutor = 'jit';

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

/** When graphql-jit compiles an operation, and how many compiled operations it keeps. */
export interface JitPolicy {
  /** Compiled operations kept (the least recently used go first). */
  cacheSize: number;
  /**
   * The most selections kept compiled in all (each operation weighs its expanded selections, at least one):
   * what a compiled operation keeps grows with them (about 6.6 KB a selection, measured), so a count of
   * operations alone let 500 of the largest keep about 700 MB. Default {@link DEFAULT_JIT_POLICY}'s 4096.
   */
  keptSelections?: number;
  /** The run of an operation on which it is compiled (the runs before it are graphql-js's). */
  compileOnRun: number;
  /** The most expanded selections an operation may have to be compiled (see `MAX_COMPILED_SELECTIONS`). */
  maxSelections: number;
}

/**
 * By default an operation is compiled on its second run (a document sent once is never compiled: compiling
 * costs more than running it once), if it has at most `MAX_COMPILED_SELECTIONS` expanded selections; the last
 * 500 compiled are kept, with at most 4096 selections in all.
 */
export const DEFAULT_JIT_POLICY: JitPolicy = {
  cacheSize: 500,
  keptSelections: 4096,
  compileOnRun: 2,
  maxSelections: MAX_COMPILED_SELECTIONS,
};

/** What the compiled store holds for an operation that is not compiled. */
const NOT_COMPILED = 'not compiled';

/**
 * graphql-jit: an operation (its document's hash and operation name) compiled to JavaScript on its
 * `compileOnRun`-th run and kept (at most `cacheSize`, least recently used dropped; the runs of operations not
 * yet compiled are counted for 8 × as many); before that run, and for an operation too large to compile
 * (`maxSelections`) or that graphql-jit cannot compile, graphql-js runs it. Variables are coerced by
 * graphql-js first, so that a bad one is refused with graphql-js's own error (which Apollo answers as
 * `BAD_USER_INPUT`); a document whose operation Apollo could not resolve is run by graphql-js, which answers
 * why. Errors reach Apollo as graphql-js's own.
 */
function jitExecutor(schema: GraphQLSchema, policy: JitPolicy): Executor {
  // an operation compiled, or NOT_COMPILED: too large, or graphql-jit cannot compile it
  const compiled = new LRUCache<string, CompiledQuery | typeof NOT_COMPILED>({
    max: policy.cacheSize,
    maxSize: policy.keptSelections ?? DEFAULT_JIT_POLICY.keptSelections!,
  });
  const runs = new LRUCache<string, number>({ max: policy.cacheSize * 8 });
  const graphqlJs = graphqlJsExecutor(schema);
  return async (requestContext) => {
    const { document, queryHash, operation, operationName, request, context } = requestContext;
    // no operation Apollo could resolve (several without a name, an unknown name): graphql-js says why
    if (!operation) return graphqlJs(requestContext);
    const key = `${operationName ?? ''}\n${queryHash}`;
    let query = compiled.get(key);
    if (query === undefined) {
      const run = (runs.get(key) ?? 0) + 1;
      if (run < policy.compileOnRun) {
        runs.set(key, run);
        return graphqlJs(requestContext);
      }
      runs.delete(key);
      query =
        compileBounded(schema, document, operation, operationName ?? undefined, policy.maxSelections) ??
        NOT_COMPILED;
      // what it keeps grows with its selections (one for an operation not compiled)
      const size = query === NOT_COMPILED ? 1 : expandedSelections(document, operation, policy.maxSelections);
      compiled.set(key, query, { size: Math.max(1, size) });
    }
    if (query === NOT_COMPILED) return graphqlJs(requestContext);
    const variables = request.variables ?? {};
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
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
  jit: JitPolicy = DEFAULT_JIT_POLICY,
): Gateway {
  const run = executor === 'jit' ? jitExecutor(schema, jit) : graphqlJsExecutor(schema);
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
