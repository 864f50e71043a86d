import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { createLoaders, type Loaders } from './loaders';

/** Facts about the loaded dataset, read once at start-up. */
export interface DatasetInfo {
  /** The hash of the seeds the database was built from: the dataset version. */
  contentHash: string;
}

/** What every resolver gets: the database, fresh DataLoaders for this request, the dataset facts, its time budget. */
export interface GraphQLContext {
  db: Kysely<Database>;
  loaders: Loaders;
  dataset: DatasetInfo;
  /** When the request started (ms since the epoch). */
  startedAt: number;
  /** When its time budget runs out (ms since the epoch). */
  deadline: number;
}

/** Creates the context of one request: fresh loaders, and a deadline `timeBudgetMs` from now. */
export function createContext(
  db: Kysely<Database>,
  dataset: DatasetInfo,
  timeBudgetMs: number,
): GraphQLContext {
  const startedAt = Date.now();
  return { db, loaders: createLoaders(db), dataset, startedAt, deadline: startedAt + timeBudgetMs };
}
