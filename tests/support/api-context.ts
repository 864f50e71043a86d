import type { ApolloServer } from '@apollo/server';
import type { Kysely } from 'kysely';
import type { DatabaseLocation } from '../../server/db/location';
import { openDatabase } from '../../server/db/open-database';
import type { Database } from '../../server/db/database';
import { readDatasetHash } from '../../server/ensure-database';
import { createContext, type GraphQLContext } from '../../server/graphql/context';
import { createApolloServer } from '../../server/graphql/create-apollo-server';
import { readDatasetFacts } from '../../server/graphql/dataset-facts';
import type { GraphQLExecutor, JitPolicy } from '../../server/graphql/execution-gateway';
import type { QueryLimits } from '../../server/graphql/limits/query-limits';

/** The result of one operation run in process: its data and errors. */
export interface OperationResult<T> {
  data: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

/** An Apollo Server over a real database (SQLite file or PostgreSQL schema), run in process with `executeOperation`. */
export interface ApiContext {
  apollo: ApolloServer<GraphQLContext>;
  db: Kysely<Database>;
  /** SQL statements run since the last `resetStatements()`. */
  statements: string[];
  resetStatements: () => void;
  run: <T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<OperationResult<T>>;
  close: () => Promise<void>;
}

/** Options of {@link createApiContext}. */
export interface ApiContextOptions {
  development?: boolean;
  limits?: QueryLimits;
  timeBudgetMs?: number;
  /** What executes operations (default: `GRAPHQL_EXECUTOR` of the environment, else graphql-jit). */
  executor?: GraphQLExecutor;
  /** PostgreSQL: named prepared statements (default: on, as the server's, unless `PG_PREPARED_STATEMENTS=off`). */
  preparedStatements?: boolean;
  /** When graphql-jit compiles an operation (default: the server's). */
  jit?: JitPolicy;
  /** Receives the errors the server logs (default: none kept). */
  logError?: (error: unknown) => void;
}

/**
 * Starts Apollo over the database (opened read-only, as the server does: on PostgreSQL with prepared statements
 * unless `PG_PREPARED_STATEMENTS=off`), counting statements.
 */
export async function createApiContext(
  location: DatabaseLocation,
  options: ApiContextOptions = {},
): Promise<ApiContext> {
  const statements: string[] = [];
  const db = openDatabase(location, {
    onQuery: (sql) => statements.push(sql),
    preparedStatements: options.preparedStatements ?? process.env.PG_PREPARED_STATEMENTS !== 'off',
  });
  const contentHash = (await readDatasetHash(location)) ?? 'unknown';
  const apollo = createApolloServer({
    development: options.development ?? false,
    limits: options.limits,
    logError: options.logError ?? (() => undefined),
    executor: options.executor ?? (process.env.GRAPHQL_EXECUTOR === 'graphql-js' ? 'graphql-js' : 'jit'),
    jit: options.jit,
  });
  await apollo.start();
  await readDatasetFacts(db, contentHash); // as the server does at start-up, so that no request counts it
  return {
    apollo,
    db,
    statements,
    resetStatements: () => void statements.splice(0),
    run: async <T>(query: string, variables?: Record<string, unknown>) => {
      const contextValue = createContext(
        db,
        { contentHash },
        options.timeBudgetMs ?? 60_000,
        options.limits?.maxNodes,
      );
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as unknown as OperationResult<T>;
    },
    close: async () => {
      await apollo.stop();
      await db.destroy();
    },
  };
}

/**
 * Builds the real seeds and starts an in-process API over them for a test file's `describe`; its `run` is
 * usable from `beforeAll` on.
 */
export function useRealApi(): Pick<ApiContext, 'run' | 'db'> {
  let built: { location: DatabaseLocation; close: () => Promise<void> } | undefined;
  let api: ApiContext | undefined;
  beforeAll(async () => {
    const { buildRealDatabase } = await import('./built-database');
    built = await buildRealDatabase();
    api = await createApiContext(built.location);
  });
  afterAll(async () => {
    await api?.close();
    await built?.close();
  });
  return {
    run: (query, variables) => api!.run(query, variables),
    get db() {
      return api!.db;
    },
  };
}
