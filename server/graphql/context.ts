import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { createBudget, type ExecutionBudget } from './limits/execution-budget';
import { DEFAULT_QUERY_LIMITS } from './limits/query-limits';
import { createLoaders, type Loaders } from './loaders';
import { referenceRowsOf } from './reference-rows';
import { countsOf, type ConnectionCounts } from './connection-counts';
import type { ResultRecord } from './result-record';

/** Facts about the loaded dataset, read once at start-up. */
export interface DatasetInfo {
  /** The hash of the seeds the database was built from: the dataset version. */
  contentHash: string;
}

/** What every resolver gets: the database, fresh DataLoaders for this request, the dataset facts, its budget. */
export interface GraphQLContext {
  db: Kysely<Database>;
  loaders: Loaders;
  /** The connections' total counts of the request's dataset version (see `connection-counts.ts`). */
  counts: ConnectionCounts;
  dataset: DatasetInfo;
  /** What the request may still do: time and resolved nodes (see `limits/execution-budget.ts`). */
  budget: ExecutionBudget;
  /** Where the outcome of the result Apollo sends is recorded, for the HTTP layer (see `result-outcome.ts`). */
  result: ResultRecord;
}

/** Creates the context of one request: fresh loaders, and a budget of `timeBudgetMs` from now and `maxNodes` nodes. */
export function createContext(
  db: Kysely<Database>,
  dataset: DatasetInfo,
  timeBudgetMs: number,
  maxNodes: number = DEFAULT_QUERY_LIMITS.maxNodes,
): GraphQLContext {
  // the version the request starts with: all its reference rows come from it, even if a rebuild comes between
  const version = dataset.contentHash;
  return {
    db,
    loaders: createLoaders(
      db,
      () => referenceRowsOf(db, version),
      // read at start-up (and after a rebuild, by its first request): the loaders answer from them at once
      referenceRowsOf.now(db, version),
    ),
    counts: countsOf(db, version),
    dataset,
    budget: createBudget(timeBudgetMs, maxNodes),
    result: {},
  };
}
