import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { migrateToLatest } from '../db/connect';
import { DATASET_CHANNEL } from '../db/dataset-watch';
import type { Database, DatasetRows } from '../db/database';
import { describeLocation, type PostgresLocation } from '../db/location';
import { openPostgres } from '../db/postgres';
import { insertRows } from '../db/insert-rows';

/** What {@link writePostgresDatabase} did with the location's schema. */
export type PostgresWriteResult = 'replaced' | 'unchanged';

/**
 * Writes a dataset to a PostgreSQL location: the schema and every row go into a fresh build schema beside
 * it, which then replaces the location's schema in one short transaction (drop and rename, under an advisory
 * lock, so replicas starting together do not trip over each other). Readers see the old dataset or the new
 * one, never half of one. On any failure the build schema is dropped and the location's schema is left as it
 * was. When the schema already holds the same dataset built by the same code (its `content_hash` and
 * `builder_hash`), it is kept and the build is discarded: `'unchanged'`.
 */
export async function writePostgresDatabase(
  rows: DatasetRows,
  location: PostgresLocation,
): Promise<PostgresWriteResult> {
  const build = `${location.schema.slice(0, 40)}_build_${randomBytes(4).toString('hex')}`;
  const db = openPostgres({ ...location, schema: build }, { readonly: false, maxConnections: 1 });
  try {
    await sql`create schema ${sql.id(build)}`.execute(db).catch((error: unknown) => {
      throw new Error(
        `cannot write to ${describeLocation(location)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    await migrateToLatest(db, build);
    await db.transaction().execute((trx) => insertRows(trx, rows));
    return await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`stelselgraph:${location.schema}`}))`.execute(trx);
      if (await holdsSameDataset(trx, location.schema, rows)) {
        await sql`drop schema ${sql.id(build)} cascade`.execute(trx);
        return 'unchanged';
      }
      await sql`drop schema if exists ${sql.id(location.schema)} cascade`.execute(trx);
      await sql`alter schema ${sql.id(build)} rename to ${sql.id(location.schema)}`.execute(trx);
      // Servers on this schema follow the new dataset (delivered when this transaction commits).
      await sql`select pg_notify(${DATASET_CHANNEL}, ${location.schema})`.execute(trx);
      return 'replaced';
    });
  } catch (error) {
    await sql`drop schema if exists ${sql.id(build)} cascade`.execute(db).catch(() => undefined);
    throw error;
  } finally {
    await db.destroy();
  }
}

/** Whether `schema` already holds a dataset with the same content and builder hashes as `rows`. */
async function holdsSameDataset(db: Kysely<Database>, schema: string, rows: DatasetRows): Promise<boolean> {
  const wanted = new Map(rows.meta.map((m) => [m.key, m.value]));
  const exists = await sql<{
    found: string | null;
  }>`select to_regclass(${`${schema}.meta`}) as found`.execute(db);
  if (!exists.rows[0]?.found) return false;
  const held = await sql<{ key: string; value: string }>`
    select key, value from ${sql.id(schema, 'meta')} where key in ('content_hash', 'builder_hash')`.execute(
    db,
  );
  return held.rows.length === 2 && held.rows.every((row) => wanted.get(row.key) === row.value);
}

/** Drops a PostgreSQL location's schema with everything in it (for scratch datasets: tests, benchmarks). */
export async function dropPostgresSchema(location: PostgresLocation): Promise<void> {
  const db = openPostgres(location, { readonly: false, maxConnections: 1 });
  try {
    await sql`drop schema if exists ${sql.id(location.schema)} cascade`.execute(db);
  } finally {
    await db.destroy();
  }
}
