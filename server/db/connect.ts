import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Database } from './database';
import { withStatementCache } from './statement-cache';
import { migrationProvider } from './migrations';

/** Options for {@link openSqlite}. */
export interface OpenSqliteOptions {
  /** Open the file read-only (the server does; only the ingest writes). Default true. */
  readonly?: boolean;
  /** Called with each SQL statement run, e.g. to count statements per request. */
  onQuery?: (sql: string) => void;
}

/**
 * Opens a SQLite database file through Kysely. A read-only database (the server's) keeps its prepared
 * statements for reuse.
 *
 * ```ts
 * const db = openSqlite('data/stelselgraph.sqlite');
 * const brp = await db.selectFrom('voorziening').selectAll().where('code', '=', 'brp').executeTakeFirst();
 * ```
 */
export function openSqlite(file: string, options: OpenSqliteOptions = {}): Kysely<Database> {
  const readonly = options.readonly ?? true;
  const database = new SQLite(file, { readonly, fileMustExist: readonly });
  if (!readonly) database.pragma('journal_mode = DELETE');
  database.pragma('foreign_keys = ON');
  const onQuery = options.onQuery;
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: readonly ? withStatementCache(database) : database }),
    log: onQuery
      ? (event) => {
          if (event.level === 'query') onQuery(event.query.sql);
        }
      : undefined,
  });
}

/**
 * Brings a database to the latest schema; throws with the failing migration's error. On PostgreSQL, name the
 * `schema` the tables go in, so the migrations' own bookkeeping goes there too.
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
