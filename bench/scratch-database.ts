import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { DatasetRows } from '../server/db/database';
import { postgresAt, sqliteAt, type DatabaseLocation } from '../server/db/location';
import { openPostgres } from '../server/db/postgres';
import { writeSqliteDatabase } from '../server/ingest/write-database';
import { dropPostgresSchema, writePostgresDatabase } from '../server/ingest/write-postgres';

/** The dialects a benchmark can run on. */
export type BenchDialect = 'sqlite' | 'postgres';

/** This machine's PostgreSQL (trust auth), where benchmarks make their scratch schemas by default. */
export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A benchmark's database: where it is, how large it is, and how it is removed afterwards. */
export interface BenchDatabase {
  location: DatabaseLocation;
  /** Its size on disk: the file, or the schema's tables with their indexes. */
  bytes: () => Promise<number>;
  drop: () => Promise<void>;
}

/**
 * Writes `rows` with the production writer of `dialect`: to a SQLite file in the temp folder, or to a
 * scratch schema (`bench_<name>_<pid>`) of the PostgreSQL database at `url`.
 */
export async function writeBenchDatabase(
  dialect: BenchDialect,
  url: string,
  rows: DatasetRows,
  name: string,
): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    const location = sqliteAt(join(tmpdir(), `stelselgraph-bench-${name}-${process.pid}.sqlite`));
    await writeSqliteDatabase(rows, location.file);
    return {
      location,
      bytes: async () => statSync(location.file).size,
      drop: async () => rmSync(location.file, { force: true }),
    };
  }
  const location = postgresAt(url, `bench_${name}_${process.pid}`);
  await writePostgresDatabase(rows, location);
  return {
    location,
    bytes: async () => {
      const db = openPostgres(location, { readonly: false, maxConnections: 1 });
      try {
        const result = await sql<{ bytes: number }>`
          select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = ${location.schema} and c.relkind = 'r'`.execute(db);
        return Number(result.rows[0]!.bytes);
      } finally {
        await db.destroy();
      }
    },
    drop: () => dropPostgresSchema(location),
  };
}
