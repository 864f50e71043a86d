import { existsSync } from 'node:fs';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from './db/connect';
import { buildSqliteDatabase, hashBuilder, hashSeedFiles } from './ingest/build-database';
import { listSeedFiles } from './ingest/load-seeds';

/** What {@link ensureDatabase} did. */
export type EnsureResult = 'built' | 'rebuilt' | 'current' | 'no-seeds';

/**
 * A hash recorded in a built database (`content_hash`: the seeds, the dataset version; `builder_hash`: the
 * ingest's code), or null when it has none or cannot be read.
 */
export async function readDatasetHash(
  file: string,
  key: 'content_hash' | 'builder_hash' = 'content_hash',
): Promise<string | null> {
  const db = openSqlite(file);
  try {
    const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value ?? null;
  } catch {
    return null;
  } finally {
    await db.destroy();
  }
}

/** The content hash the seeds would give now, without building. */
export function currentSeedsHash(seedsDir: string): string {
  const [edition] = parse(readFileSync(join(seedsDir, 'editions.yaml'), 'utf8')) as { source: string }[];
  return hashSeedFiles(seedsDir, listSeedFiles(seedsDir, edition!.source));
}

/**
 * Makes sure the database file exists and matches the seeds: builds it when missing, rebuilds it when the
 * seeds or the ingest's code changed since (their hashes differ from those the database records). Without a seeds
 * folder the database is used as it is.
 */
export async function ensureDatabase(databaseFile: string, seedsDir: string): Promise<EnsureResult> {
  const hasSeeds = existsSync(join(seedsDir, 'editions.yaml'));
  if (!existsSync(databaseFile)) {
    if (!hasSeeds)
      throw new Error(`no database at ${databaseFile} and no seeds at ${seedsDir} to build it from`);
    await buildSqliteDatabase(seedsDir, databaseFile);
    return 'built';
  }
  if (!hasSeeds) return 'no-seeds';
  const seedsCurrent = (await readDatasetHash(databaseFile)) === currentSeedsHash(seedsDir);
  if (seedsCurrent && (await readDatasetHash(databaseFile, 'builder_hash')) === hashBuilder())
    return 'current';
  await buildSqliteDatabase(seedsDir, databaseFile);
  return 'rebuilt';
}
