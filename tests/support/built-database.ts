import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/database';
import type { DatabaseLocation } from '../../server/db/location';
import { openDatabase } from '../../server/db/open-database';
import { buildRows } from '../../server/ingest/build-database';
import { SEEDS_DIR } from './seeds-fixture';
import { writeScratchDatabase } from './test-database';

/** A database freshly built from the real seeds, in this run's dialect, opened read-only. */
export interface BuiltDatabase {
  db: Kysely<Database>;
  location: DatabaseLocation;
  close: () => Promise<void>;
}

/**
 * Builds the real seeds into a scratch database of this run's dialect (a SQLite file, or a PostgreSQL schema
 * of its own) and opens it read-only, as the server does.
 */
export async function buildRealDatabase(): Promise<BuiltDatabase> {
  const scratch = await writeScratchDatabase(buildRows(SEEDS_DIR).rows);
  const db = openDatabase(scratch.location);
  return {
    db,
    location: scratch.location,
    close: async () => {
      await db.destroy();
      await scratch.drop();
    },
  };
}
