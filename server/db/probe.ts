import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database';
import type { DatabaseLocation } from './location';

/** A database that is there but cannot be read: a damaged SQLite file, a dataset without its content hash. */
export class DatabaseUnreadableError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnreadableError';
  }
}

/**
 * Checks a SQLite file page by page (`PRAGMA quick_check`: every b-tree page, its cells and records; not the
 * agreement of indexes with their tables), on a connection of its own; throws a
 * {@link DatabaseUnreadableError} naming the file and the first problems found. Its cost grows with the
 * file: about 3 ms for the dataset's 0.4 MB, which is why it runs once, at start-up.
 */
export function checkSqliteFile(file: string): void {
  let problems: string[];
  let database: SQLite.Database | undefined;
  try {
    database = new SQLite(file, { readonly: true, fileMustExist: true });
    problems = (database.pragma('quick_check(5)') as { quick_check: string }[])
      .flatMap((row) => row.quick_check.split('\n'))
      .filter((line) => line !== 'ok' && !line.startsWith('*** in database'));
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  } finally {
    database?.close();
  }
  if (problems.length > 0) {
    throw new DatabaseUnreadableError(
      `${file} is damaged (PRAGMA quick_check: ${problems.join('; ')}); restore it, or delete it and build it again with npm run db:build`,
    );
  }
}

/**
 * Reads a SQLite file afresh, on a connection of its own (not through the server's page cache): the content
 * hash, and a count of every table, which walks each table's pages. Throws what SQLite reports, e.g.
 * "database disk image is malformed".
 */
function readSqliteFile(file: string): void {
  const database = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const hash = database.prepare(`select value from meta where key = 'content_hash'`).pluck().get();
    if (!hash) throw new DatabaseUnreadableError(`${file} holds no content hash`);
    const tables = database
      .prepare(`select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'`)
      .pluck()
      .all() as string[];
    for (const table of tables) database.prepare(`select count(*) from "${table}"`).get();
  } finally {
    database.close();
  }
}

/** The simplest real read: the content hash, through `db` (the probe when no location is known). */
export function contentHashProbe(db: Kysely<Database>): DatabaseProbe {
  return async () => void (await sql`select value from meta where key = 'content_hash'`.execute(db));
}

/** A real read of the dataset, as `/healthz` does it: resolves when the data could be read, else rejects. */
export type DatabaseProbe = () => Promise<void>;

/**
 * The probe for a location. SQLite: the file is read afresh (see {@link readSqliteFile}; under 1 ms for the
 * dataset), so that pages damaged after start-up show even while the server's page cache still holds them.
 * PostgreSQL: one statement through the server's own pool (what its requests go through) that reads the
 * content hash and counts the observations.
 */
export function datasetProbe(location: DatabaseLocation, db: Kysely<Database>): DatabaseProbe {
  if (location.dialect === 'sqlite') return async () => readSqliteFile(location.file);
  return async () => {
    const { rows } = await sql<{ hash: string | null; observations: number }>`
      select (select value from meta where key = 'content_hash') as hash,
             (select count(*) from observation) as observations`.execute(db);
    if (!rows[0]?.hash) throw new DatabaseUnreadableError('the dataset holds no content hash');
  };
}
