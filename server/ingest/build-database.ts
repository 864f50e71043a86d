import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DatasetRows } from '../db/database';
import { buildDataset } from './build-dataset';
import { builderFiles } from './builder-files';
import { loadSeeds } from './load-seeds';
import type { DatabaseLocation } from '../db/location';
import { DEFAULT_DATABASE_FILE, DEFAULT_SEEDS_DIR, PROJECT_ROOT } from '../lib/project-paths';
import { writeSqliteDatabase } from './write-database';
import { writePostgresDatabase } from './write-postgres';

/** The result of a build: the rows written and the dataset's content hash. */
export interface BuildResult {
  rows: DatasetRows;
  contentHash: string;
}

/** A hash of every seed file's path and content: the dataset version, for ETags and caches. */
export function hashSeedFiles(dir: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * A hash of the builder's own code ({@link builderFiles}: what a build runs, from the seed schema to the
 * writers and migrations), recorded beside the seeds' hash. The TypeScript sources are hashed, so the hash is
 * the same whether the server runs from them or compiled.
 */
export function hashBuilder(root = PROJECT_ROOT): string {
  const hash = createHash('sha256');
  for (const file of builderFiles(root)) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

/** Reads, validates and checks `seedsDir`, and builds the rows of the dataset (no file is written). */
export function buildRows(seedsDir: string): BuildResult {
  const seeds = loadSeeds(seedsDir);
  const rows = buildDataset(seeds);
  const contentHash = hashSeedFiles(seedsDir, seeds.files);
  rows.meta.push(
    { key: 'content_hash', value: contentHash },
    { key: 'builder_hash', value: hashBuilder() },
    { key: 'edition', value: String(seeds.edition.year) },
  );
  return { rows, contentHash };
}

/**
 * Builds the SQLite database from a seeds folder: validate, check against the source, write to a temporary
 * file and rename it into place. Throws (leaving `out` untouched) on the first problem.
 */
export async function buildSqliteDatabase(
  seedsDir = DEFAULT_SEEDS_DIR,
  out = DEFAULT_DATABASE_FILE,
): Promise<BuildResult> {
  const result = buildRows(seedsDir);
  await writeSqliteDatabase(result.rows, out);
  return result;
}

/**
 * Builds the dataset from a seeds folder into `location`: a SQLite file (see {@link buildSqliteDatabase}) or
 * a PostgreSQL schema (built beside it and swapped in; see `writePostgresDatabase`). Throws, leaving the
 * location as it was, on the first problem.
 */
export async function buildDatabase(
  seedsDir: string,
  location: DatabaseLocation,
): Promise<BuildResult & { unchanged: boolean }> {
  const result = buildRows(seedsDir);
  if (location.dialect === 'sqlite') {
    await writeSqliteDatabase(result.rows, location.file);
    return { ...result, unchanged: false };
  }
  return { ...result, unchanged: (await writePostgresDatabase(result.rows, location)) === 'unchanged' };
}
