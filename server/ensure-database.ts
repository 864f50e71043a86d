import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { parse } from 'yaml';
import { openDatabase } from './db/open-database';
import { describeLocation, type DatabaseLocation, type PostgresLocation } from './db/location';
import { migrations } from './db/migrations';
import { checkSqliteFile } from './db/probe';
import { buildDatabase, hashBuilder, hashSeedFiles } from './ingest/build-database';
import { listSeedFiles } from './ingest/load-seeds';

/**
 * What {@link ensureDatabase} did: built a missing database, rebuilt a stale SQLite file, found it current,
 * had no seeds to compare with, or kept a PostgreSQL schema that holds another dataset than the seeds give.
 */
export type EnsureResult = 'built' | 'rebuilt' | 'current' | 'no-seeds' | 'kept';

/** PostgreSQL's "undefined table" and "undefined schema" error codes: no dataset there (yet). */
const NO_SUCH_TABLE = new Set(['42P01', '3F000']);

/** The hashes a built database records: `content_hash` (the seeds: the dataset version) and `builder_hash` (the ingest's code). */
export interface DatasetHashes {
  content_hash: string | null;
  builder_hash: string | null;
}

/**
 * The hashes recorded in a built database, read with one statement, or null when it holds no dataset: no
 * such file, no dataset in the schema, or not one of ours. A PostgreSQL server that cannot be reached is an
 * error naming the location, not a missing dataset.
 */
export async function readDatasetHashes(location: DatabaseLocation): Promise<DatasetHashes | null> {
  if (location.dialect === 'sqlite' && !existsSync(location.file)) return null;
  let db;
  try {
    db = openDatabase(location);
  } catch {
    return null;
  }
  try {
    const rows = await db
      .selectFrom('meta')
      .select(['key', 'value'])
      .where('key', 'in', ['content_hash', 'builder_hash'])
      .execute();
    const value = (key: string) => rows.find((row) => row.key === key)?.value ?? null;
    return rows.length === 0
      ? null
      : { content_hash: value('content_hash'), builder_hash: value('builder_hash') };
  } catch (error) {
    if (location.dialect === 'sqlite') return null;
    const code = (error as { code?: string }).code;
    if (code && NO_SUCH_TABLE.has(code)) return null;
    throw new Error(
      `cannot read the dataset at ${describeLocation(location)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await db.destroy();
  }
}

/** One hash recorded in a built database (see {@link readDatasetHashes}), or null when it has none. */
export async function readDatasetHash(
  location: DatabaseLocation,
  key: keyof DatasetHashes = 'content_hash',
): Promise<string | null> {
  return (await readDatasetHashes(location))?.[key] ?? null;
}

/** The content hash the seeds would give now, without building. */
export function currentSeedsHash(seedsDir: string): string {
  const [edition] = parse(readFileSync(join(seedsDir, 'editions.yaml'), 'utf8')) as { source: string }[];
  return hashSeedFiles(seedsDir, listSeedFiles(seedsDir, edition!.source));
}

/**
 * The migrations of this code that the dataset at a PostgreSQL location was not built with (all of them when
 * it has no migration table): a dataset built by older code may lack tables or columns this code reads.
 */
async function missingMigrations(location: PostgresLocation): Promise<string[]> {
  const db = openDatabase(location);
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const held = new Set(rows.map((row) => row.name));
    return Object.keys(migrations).filter((name) => !held.has(name));
  } catch (error) {
    if (NO_SUCH_TABLE.has((error as { code?: string }).code ?? '')) return Object.keys(migrations);
    throw error;
  } finally {
    await db.destroy();
  }
}

/**
 * Makes sure the database exists, building it from the seeds when it is missing. Then:
 * - a **SQLite file** is the server's own: it is rebuilt when the seeds or the ingest's code changed since
 *   (their hashes differ from those the file records); a damaged file is refused, naming it;
 * - a **PostgreSQL schema** may be shared by replicas (started with other seeds, or other code): a schema that
 *   holds a dataset is served as it is, whatever the seeds here say (`'kept'`, with `log` saying which dataset
 *   is served and which the seeds would give), unless it lacks a migration of this code (then it is refused).
 *   Rebuilding a shared schema is an explicit `npm run db:build -- --url …`, which every server follows.
 *   Replicas that start together on a missing schema each build beside it; the first to finish swaps its
 *   build in, and the others find it current and keep it.
 *
 * Without a seeds folder the database is used as it is.
 */
export async function ensureDatabase(
  location: DatabaseLocation,
  seedsDir: string,
  log: (message: string) => void = () => undefined,
): Promise<EnsureResult> {
  const hasSeeds = existsSync(join(seedsDir, 'editions.yaml'));
  // A damaged file is refused (naming it), not silently built over: the damage says something about the disk.
  if (location.dialect === 'sqlite' && existsSync(location.file)) checkSqliteFile(location.file);
  const recorded = await readDatasetHashes(location);
  const exists = location.dialect === 'sqlite' ? existsSync(location.file) : recorded !== null;
  if (!exists) {
    if (!hasSeeds) {
      throw new Error(
        `no database at ${describeLocation(location)} and no seeds at ${seedsDir} to build it from`,
      );
    }
    await buildDatabase(seedsDir, location);
    return 'built';
  }
  if (!hasSeeds) return 'no-seeds';
  const seedsHash = currentSeedsHash(seedsDir);
  const sameCode = recorded?.builder_hash === hashBuilder();
  if (recorded?.content_hash === seedsHash && sameCode) return 'current';
  if (location.dialect === 'postgres') {
    const missing = await missingMigrations(location);
    if (missing.length > 0) {
      throw new Error(
        `${describeLocation(location)} holds a dataset built by an older stelselgraph (without migration ` +
          `${missing.join(', ')}); rebuild it with npm run db:build -- --url … --schema ${location.schema}`,
      );
    }
    const held = recorded?.content_hash?.slice(0, 12) ?? 'without a content hash';
    log(
      recorded?.content_hash === seedsHash
        ? `serving dataset ${held} as ${describeLocation(location)} holds it (built by other code than this); ` +
            `a shared schema is rebuilt only by npm run db:build -- --url …`
        : `serving dataset ${held} as ${describeLocation(location)} holds it, not dataset ${seedsHash.slice(0, 12)} ` +
            `of the seeds at ${seedsDir}; a shared schema is rebuilt only by npm run db:build -- --url …`,
    );
    return 'kept';
  }
  const { unchanged } = await buildDatabase(seedsDir, location);
  return unchanged ? 'current' : 'rebuilt';
}
