import { Kysely, PostgresAdapter, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import type { PostgresLocation } from './location';

/** Options for {@link openPostgres}. */
export interface OpenPostgresOptions {
  /** Sessions are read-only (`default_transaction_read_only`), as the server's are. Default true. */
  readonly?: boolean;
  /** Called with each SQL statement run, e.g. to count statements per request. */
  onQuery?: (sql: string) => void;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /** Where errors of idle connections go (a restarted server, a dropped link); they do not crash the process. */
  onPoolError?: (error: Error) => void;
}

/** PostgreSQL's `bigint` (what `count(*)` returns): read as a number, as SQLite gives it; our counts are small. */
const INT8_OID = 20;

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Opens a PostgreSQL location through Kysely's `PostgresDialect` and the `pg` driver: a pool whose sessions
 * look up tables in the location's schema (`search_path`), read-only unless asked otherwise.
 *
 * ```ts
 * const db = openPostgres(postgresAt('postgres://127.0.0.1:5432/test'));
 * ```
 */
export function openPostgres(
  location: PostgresLocation,
  options: OpenPostgresOptions = {},
): Kysely<Database> {
  const readonly = options.readonly ?? true;
  const settings = [`-c search_path=${location.schema}`];
  if (readonly) settings.push('-c default_transaction_read_only=on');
  const pool = new pg.Pool({
    connectionString: location.url,
    max: options.maxConnections ?? 10,
    options: settings.join(' '),
    application_name: 'stelselgraph',
    connectionTimeoutMillis: 10_000,
    types,
  });
  const onPoolError = options.onPoolError ?? (() => undefined);
  // Idle connections report their errors through the pool; a connection checked out when its link drops (before
  // its query went out) reports on itself: without a listener there, that error would end the process.
  pool.on('error', onPoolError);
  pool.on('connect', (client) => client.on('error', onPoolError));
  const onQuery = options.onQuery;
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: onQuery
      ? (event) => {
          if (event.level === 'query') onQuery(event.query.sql);
        }
      : undefined,
  });
}

/** Whether `db` talks to PostgreSQL (some statements are written per dialect). */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
