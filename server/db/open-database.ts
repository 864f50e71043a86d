import type { Kysely } from 'kysely';
import { openSqlite } from './connect';
import type { Database } from './database';
import type { DatabaseLocation } from './location';
import { openPostgres } from './postgres';

/** Options for {@link openDatabase}, shared by both dialects. */
export interface OpenDatabaseOptions {
  /** Open read-only (the server does; only the ingest writes). Default true. */
  readonly?: boolean;
  /** Called with each SQL statement run, e.g. to count statements per request. */
  onQuery?: (sql: string) => void;
  /** Where errors of idle PostgreSQL connections are reported. */
  onPoolError?: (error: Error) => void;
  /** PostgreSQL: longest a statement may run, in ms (see `openPostgres`). */
  statementTimeoutMs?: number;
  /** PostgreSQL: longest to wait for a connection, in ms. */
  connectTimeoutMs?: number;
  /** PostgreSQL: run statements as named prepared statements (see `openPostgres`). Default false. */
  preparedStatements?: boolean;
}

/** Opens the database at `location` through Kysely, in its dialect: SQLite file or PostgreSQL schema. */
export function openDatabase(
  location: DatabaseLocation,
  options: OpenDatabaseOptions = {},
): Kysely<Database> {
  return location.dialect === 'sqlite'
    ? openSqlite(location.file, { readonly: options.readonly, onQuery: options.onQuery })
    : openPostgres(location, options);
}
