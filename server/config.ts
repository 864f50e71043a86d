import { z } from 'zod';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './graphql/limits/query-limits';
import { DEFAULT_EXECUTOR, type GraphQLExecutor } from './graphql/execution-gateway';
import { parseCorsOrigins, type CorsOrigins } from './http/cors';
import { DEFAULT_ANSWER_LIMITS, type AnswerLimits } from './lib/answer-store';
import { checkRedisUrl } from './cache/redis-connection';
import { DEFAULT_REDIS_NAMESPACE } from './cache/shared-caches';
import { DEFAULT_POSTGRES_SCHEMA, postgresAt, sqliteAt, type DatabaseLocation } from './db/location';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS } from './db/postgres';
import { DEFAULT_DATABASE_FILE, DEFAULT_SEEDS_DIR } from './lib/project-paths';
import { DEFAULT_HEAP_GROWING_PERCENT } from './heap-growth';

const port = z.coerce.number().int().min(0).max(65535);
const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** The server's settings, from environment variables (documented in the README). */
const configSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_FILE: z.string().min(1).default(DEFAULT_DATABASE_FILE),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_SCHEMA: z.string().min(1).default(DEFAULT_POSTGRES_SCHEMA),
  PG_STATEMENT_TIMEOUT_MS: positive(DEFAULT_STATEMENT_TIMEOUT_MS),
  PG_CONNECT_TIMEOUT_MS: positive(DEFAULT_CONNECT_TIMEOUT_MS),
  PG_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  SHUTDOWN_DEADLINE_MS: z.coerce.number().int().min(0).optional(),
  SEEDS_DIR: z.string().min(1).default(DEFAULT_SEEDS_DIR),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  MAX_DEPTH: positive(DEFAULT_QUERY_LIMITS.maxDepth),
  MAX_COST: positive(DEFAULT_QUERY_LIMITS.maxCost),
  MAX_ALIASES: positive(DEFAULT_QUERY_LIMITS.maxAliases),
  MAX_DIRECTIVES: positive(DEFAULT_QUERY_LIMITS.maxDirectives),
  MAX_TOKENS: positive(DEFAULT_QUERY_LIMITS.maxTokens),
  TIME_BUDGET_MS: positive(DEFAULT_QUERY_LIMITS.timeBudgetMs),
  MAX_NODES: positive(DEFAULT_QUERY_LIMITS.maxNodes),
  CACHE_MAX_AGE: z.coerce.number().int().min(0).default(300),
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  GRAPHQL_EXECUTOR: z.enum(['graphql-js', 'jit']).default(DEFAULT_EXECUTOR),
  SEEN_OPERATIONS: z.enum(['on', 'off']).default('on'),
  ANSWER_MAX_BYTES: positive(DEFAULT_ANSWER_LIMITS.maxAnswerBytes),
  ANSWER_STORE_BYTES: positive(DEFAULT_ANSWER_LIMITS.maxTotalBytes),
  CORS_ORIGINS: z.string().default('*'),
  REDIS_URL: z.string().min(1).optional(),
  REDIS_NAMESPACE: z
    .string()
    .regex(/^[\w.:-]+$/, 'must be letters, digits, _ . : or -')
    .default(DEFAULT_REDIS_NAMESPACE),
  HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1000).default(DEFAULT_HEAP_GROWING_PERCENT),
});

/** The server's settings. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Where the dataset is: the SQLite file (`DATABASE_FILE`), or PostgreSQL when `DATABASE_URL` is set. */
  database: DatabaseLocation;
  /** PostgreSQL: longest a statement may run (`PG_STATEMENT_TIMEOUT_MS`, see `openPostgres`). */
  statementTimeoutMs: number;
  /** PostgreSQL: longest to wait for a connection (`PG_CONNECT_TIMEOUT_MS`). */
  connectTimeoutMs: number;
  /** PostgreSQL: statements run as named prepared statements, parsed once per connection (`PG_PREPARED_STATEMENTS`). */
  preparedStatements: boolean;
  /** Stopping: when connections still open are destroyed (`SHUTDOWN_DEADLINE_MS`; default time budget + 5 s). */
  shutdownDeadlineMs: number;
  seedsDir: string;
  development: boolean;
  bodyLimit: number;
  limits: QueryLimits;
  cacheMaxAge: number;
  responseCache: boolean;
  /** What executes operations: graphql-js, or graphql-jit behind Apollo (`GRAPHQL_EXECUTOR`). */
  executor: GraphQLExecutor;
  /** Operations answered before without errors run again without Apollo's pipeline (`SEEN_OPERATIONS`). */
  seenOperations: boolean;
  /** The answer store's caps: per answer (`ANSWER_MAX_BYTES`) and in all (`ANSWER_STORE_BYTES`). */
  answerLimits: AnswerLimits;
  corsOrigins: CorsOrigins;
  /** The Redis through which replicas share their caches (`REDIS_URL`); none: caches in this process. */
  redisUrl?: string;
  /** The prefix of the shared caches' keys in Redis (`REDIS_NAMESPACE`). */
  redisNamespace: string;
  /** How far the heap grows past what a full collection left, in percent; 0: V8's own (`HEAP_GROWING_PERCENT`). */
  heapGrowingPercent: number;
}

/** Reads the settings from `env`; a bad value is an error naming the variable and what it must be. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const picked = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `environment variable ${issue.path.join('.')}: ${issue.message} (got "${env[String(issue.path[0])]}")`,
    );
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    database: databaseLocation(c, env),
    statementTimeoutMs: c.PG_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: c.PG_CONNECT_TIMEOUT_MS,
    preparedStatements: c.PG_PREPARED_STATEMENTS === 'on',
    shutdownDeadlineMs: c.SHUTDOWN_DEADLINE_MS ?? c.TIME_BUDGET_MS + 5000,
    seedsDir: c.SEEDS_DIR,
    development: c.NODE_ENV === 'development',
    bodyLimit: c.BODY_LIMIT_BYTES,
    limits: {
      maxDepth: c.MAX_DEPTH,
      maxCost: c.MAX_COST,
      maxAliases: c.MAX_ALIASES,
      maxDirectives: c.MAX_DIRECTIVES,
      maxTokens: c.MAX_TOKENS,
      timeBudgetMs: c.TIME_BUDGET_MS,
      maxNodes: c.MAX_NODES,
    },
    cacheMaxAge: c.CACHE_MAX_AGE,
    responseCache: c.RESPONSE_CACHE === 'on',
    executor: c.GRAPHQL_EXECUTOR,
    seenOperations: c.SEEN_OPERATIONS === 'on',
    answerLimits: { maxAnswerBytes: c.ANSWER_MAX_BYTES, maxTotalBytes: c.ANSWER_STORE_BYTES },
    corsOrigins: parseCorsOrigins(c.CORS_ORIGINS),
    redisUrl: c.REDIS_URL === undefined ? undefined : checkRedisUrl(c.REDIS_URL),
    redisNamespace: c.REDIS_NAMESPACE,
    heapGrowingPercent: c.HEAP_GROWING_PERCENT,
  };
}

/** The database location the settings name; DATABASE_URL and DATABASE_FILE together are ambiguous. */
function databaseLocation(
  c: { DATABASE_FILE: string; DATABASE_URL?: string; DATABASE_SCHEMA: string },
  env: NodeJS.ProcessEnv,
): DatabaseLocation {
  if (!c.DATABASE_URL) return sqliteAt(c.DATABASE_FILE);
  if (env.DATABASE_FILE) {
    throw new Error('set either DATABASE_URL (PostgreSQL) or DATABASE_FILE (SQLite), not both');
  }
  try {
    return postgresAt(c.DATABASE_URL, c.DATABASE_SCHEMA);
  } catch (error) {
    const name = /schema/.test((error as Error).message) ? 'DATABASE_SCHEMA' : 'DATABASE_URL';
    throw new Error(`environment variable ${name}: ${(error as Error).message}`);
  }
}
