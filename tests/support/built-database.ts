import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openSqlite } from '../../server/db/connect';
import type { Database } from '../../server/db/database';
import { buildSqliteDatabase } from '../../server/ingest/build-database';
import { scratchDir, SEEDS_DIR } from './seeds-fixture';

/** A database freshly built from the real seeds into a scratch file, opened read-only. */
export interface BuiltDatabase {
  db: Kysely<Database>;
  file: string;
  close: () => Promise<void>;
}

/** Builds the real seeds into a scratch SQLite file and opens it read-only, as the server does. */
export async function buildRealDatabase(): Promise<BuiltDatabase> {
  const scratch = scratchDir();
  const file = join(scratch.dir, 'stelselgraph.sqlite');
  await buildSqliteDatabase(SEEDS_DIR, file);
  const db = openSqlite(file);
  return {
    db,
    file,
    close: async () => {
      await db.destroy();
      scratch.cleanup();
    },
  };
}
