import { DEFAULT_POSTGRES_SCHEMA, postgresAt, sqliteAt, type DatabaseLocation } from '../db/location';
import { UsageError } from './cli-args';

/** The flags that name a database, shared by the CLIs. */
export const DATABASE_FLAGS = {
  url: { type: 'string' },
  schema: { type: 'string' },
} as const;

/** Usage lines for {@link DATABASE_FLAGS}. */
export const DATABASE_FLAGS_USAGE = `  --url URL     a PostgreSQL database (postgres://user@host:port/db) instead of a SQLite file
  --schema NAME the PostgreSQL schema that holds the dataset (default: ${DEFAULT_POSTGRES_SCHEMA})`;

/**
 * The location the flags name: PostgreSQL with `--url` (and `--schema`), else the SQLite `file`
 * (`fileFlag` names the flag it came from, for the message when both are given).
 */
export function locationFromArgs(
  args: { url?: string; schema?: string },
  file: string | undefined,
  fallbackFile: string,
  fileFlag: string,
): DatabaseLocation {
  if (args.url === undefined) {
    if (args.schema !== undefined)
      throw new UsageError('--schema needs --url (it names a PostgreSQL schema)');
    return sqliteAt(file ?? fallbackFile);
  }
  if (file !== undefined) throw new UsageError(`give --url or ${fileFlag}, not both`);
  try {
    return postgresAt(args.url, args.schema ?? DEFAULT_POSTGRES_SCHEMA);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
