import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { openDatabase } from './db/open-database';
import { describeLocation, type DatabaseLocation } from './db/location';
import { checkSqliteFile } from './db/probe';
import { buildDatabase, hashBuilder, hashSeedFiles } from './ingest/build-database';
import { listSeedFiles } from './ingest/load-seeds';

/** What {@link ensureDatabase} did. */
export type EnsureResult = 'built' | 'rebuilt' | 'current' | 'no-seeds';

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
 * Makes sure the database exists and matches the seeds: builds it when missing, rebuilds it when the seeds or
 * the ingest's code changed since (their hashes differ from those the database records). Without a seeds
 * folder the database is used as it is. On PostgreSQL, replicas that start together each build beside the
 * schema; the first to finish swaps its build in, and the others find it current and keep it.
 */
export async function ensureDatabase(location: DatabaseLocation, seedsDir: string): Promise<EnsureResult> {
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
  if (recorded?.content_hash === currentSeedsHash(seedsDir) && recorded.builder_hash === hashBuilder()) {
    return 'current';
  }
  const { unchanged } = await buildDatabase(seedsDir, location);
  return unchanged ? 'current' : 'rebuilt';
}
