import type { ApolloServer } from '@apollo/server';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { DatabaseProbe } from '../db/probe';
import type { DatasetInfo, GraphQLContext } from '../graphql/context';
import type { CorsOrigins } from './cors';
import type { AnswerStore } from '../lib/answer-store';
import type { SeenOperations } from '../graphql/seen-operations';

/** What the HTTP server serves, and how. */
export interface HttpServerOptions {
  apollo: ApolloServer<GraphQLContext>;
  db: Kysely<Database>;
  dataset: DatasetInfo;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Longest a request may run resolvers, in ms (default 5000). */
  timeBudgetMs?: number;
  /** Most nodes a request may resolve (default `DEFAULT_QUERY_LIMITS.maxNodes`). */
  maxNodes?: number;
  /** max-age of cacheable GET answers, in seconds (default 300). */
  cacheMaxAge?: number;
  /** The parser's token limit, which answer keys parse documents with (default: the query limits' default). */
  maxTokens?: number;
  /** Origins allowed to call from a browser (default `*`). */
  corsOrigins?: CorsOrigins;
  /** Where answers are kept to be served again without executing (default: in memory; null: none). */
  answers?: AnswerStore | null;
  /**
   * Operations Apollo answered before, run again without its pipeline (default: kept in memory, run by
   * graphql-js; null: every request through Apollo). Give `seenOperations('jit')` with a jit Apollo.
   */
  seen?: SeenOperations | null;
  /** Where unexpected errors are logged. */
  logError?: (error: unknown) => void;
  /** The real read of the data by which `/healthz` says whether it can be read (see `datasetProbe`). */
  probeDatabase?: DatabaseProbe;
}
