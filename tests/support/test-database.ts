import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database, DatasetRows } from '../../server/db/database';
import { postgresAt, sqliteAt, type DatabaseLocation } from '../../server/db/location';
import { openDatabase } from '../../server/db/open-database';
import { writeSqliteDatabase } from '../../server/ingest/write-database';
import { dropPostgresSchema, writePostgresDatabase } from '../../server/ingest/write-postgres';
import { scratchDir } from './seeds-fixture';

/** The dialect this test run exercises: the jest project sets `STELSELGRAPH_TEST_DIALECT` (default sqlite). */
export type TestDialect = 'sqlite' | 'postgres';

/** The dialect of this run. */
export const TEST_DIALECT: TestDialect =
  process.env.STELSELGRAPH_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/** The scratch PostgreSQL database of this run (made by the jest global set-up, or by `.ci/run`). */
export function testPostgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'TEST_DATABASE_URL is not set: the postgres jest project sets it up (tests/support/postgres-setup.ts)',
    );
  return url;
}

/** A database of the test dialect holding `rows`, and how to get rid of it. */
export interface ScratchDatabase {
  location: DatabaseLocation;
  /** Removes the file or drops the schema. */
  drop: () => Promise<void>;
}

/**
 * Writes `rows` with the production writer of this run's dialect: to a SQLite file in a scratch folder, or
 * to a fresh schema of its own in the run's scratch PostgreSQL database.
 */
export async function writeScratchDatabase(
  rows: DatasetRows,
  name = 'stelselgraph',
): Promise<ScratchDatabase> {
  if (TEST_DIALECT === 'sqlite') {
    const scratch = scratchDir();
    const location = sqliteAt(join(scratch.dir, `${name}.sqlite`));
    await writeSqliteDatabase(rows, location.file);
    return { location, drop: async () => scratch.cleanup() };
  }
  const location = postgresAt(
    testPostgresUrl(),
    `t_${name.replace(/\W/g, '_')}_${randomBytes(5).toString('hex')}`,
  );
  await writePostgresDatabase(rows, location);
  return {
    location,
    drop: () => dropPostgresSchema(location),
  };
}

/** Opens a writable handle on a scratch database, for a test that must damage it on purpose. */
export function openWritable(location: DatabaseLocation): Kysely<Database> {
  return openDatabase(location, { readonly: false });
}
