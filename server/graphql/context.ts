import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { Loaders } from './loaders';

/** Facts about the loaded dataset, read once at start-up. */
export interface DatasetInfo {
  /** The hash of the seeds the database was built from: the dataset version. */
  contentHash: string;
}

/** What every resolver gets: the database, fresh DataLoaders for this request, and the dataset facts. */
export interface GraphQLContext {
  db: Kysely<Database>;
  loaders: Loaders;
  dataset: DatasetInfo;
}
