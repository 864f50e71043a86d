import { redactUrl } from '../lib/redact-url';

/** A SQLite file: the default, embedded, read-only at run time. */
export interface SqliteLocation {
  dialect: 'sqlite';
  /** The database file. */
  file: string;
}

/** A schema in a PostgreSQL database: for operators who run the data in the PostgreSQL they already have. */
export interface PostgresLocation {
  dialect: 'postgres';
  /** A `postgres://` (or `postgresql://`) connection URL. */
  url: string;
  /** The schema that holds the tables (default `stelselgraph`); a build replaces it whole. */
  schema: string;
}

/** Where the dataset lives: the one thing that tells the two dialects apart. */
export type DatabaseLocation = SqliteLocation | PostgresLocation;

/** The schema a PostgreSQL location uses when none is named. */
export const DEFAULT_POSTGRES_SCHEMA = 'stelselgraph';

/** What a schema name must look like: a plain lower-case SQL identifier, so it needs no quoting anywhere. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A SQLite location. */
export function sqliteAt(file: string): SqliteLocation {
  return { dialect: 'sqlite', file };
}

/**
 * A PostgreSQL location; throws naming what is wrong when the URL is not a postgres:// URL or the schema is
 * not a plain identifier.
 */
export function postgresAt(url: string, schema = DEFAULT_POSTGRES_SCHEMA): PostgresLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a URL; expected postgres://user@host:port/database`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`"${redactUrl(url)}" is not a postgres:// URL (its scheme is ${parsed.protocol})`);
  }
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `schema "${schema}" must be a lower-case identifier (letters, digits, _), at most 63 long`,
    );
  }
  return { dialect: 'postgres', url, schema };
}

/** How a location is named in logs and messages: the file, or the URL (password masked) and schema. */
export function describeLocation(location: DatabaseLocation): string {
  return location.dialect === 'sqlite'
    ? location.file
    : `${redactUrl(location.url)} (schema ${location.schema})`;
}

/** The environment variables that point the server at `location` (for spawning it as its own process). */
export function environmentFor(location: DatabaseLocation): Record<string, string> {
  return location.dialect === 'sqlite'
    ? { DATABASE_FILE: location.file }
    : { DATABASE_URL: location.url, DATABASE_SCHEMA: location.schema };
}
