import { Kysely, PostgresAdapter, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { describeLocation, type PostgresLocation } from './location';
import { DEFAULT_PREPARED_STATEMENT_CAP, statementNamer } from './statement-names';

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
  /**
   * Longest a statement may run, in ms: PostgreSQL cancels it then (`statement_timeout`), and the client gives
   * up on an answer {@link QUERY_TIMEOUT_MARGIN_MS} later (`query_timeout`: a link that stops answering
   * cannot deliver the cancellation), dropping that connection. Default {@link DEFAULT_STATEMENT_TIMEOUT_MS}
   * for read-only sessions; 0: none (the default for writers, whose build may take longer).
   */
  statementTimeoutMs?: number;
  /** Longest to wait for a connection: a new one to be made, or one of the pool's to come free, in ms. */
  connectTimeoutMs?: number;
  /**
   * Run statements as named prepared statements, parsed once per connection (see `statement-names.ts`; the
   * server's `PG_PREPARED_STATEMENTS`). Default false: a build's inserts are many texts, each run once.
   */
  preparedStatements?: boolean;
  /** With `preparedStatements`: how many distinct texts get a name (default {@link DEFAULT_PREPARED_STATEMENT_CAP}). */
  preparedStatementCap?: number;
}

/** How long a read-only session's statement may run by default, in ms (the server's `PG_STATEMENT_TIMEOUT_MS`). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;
/** How long to wait for a connection by default, in ms (the server's `PG_CONNECT_TIMEOUT_MS`). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
/** How much longer than `statement_timeout` the client waits for an answer before it drops the connection. */
export const QUERY_TIMEOUT_MARGIN_MS = 1000;

/**
 * PostgreSQL did not answer, or could not be reached: a statement timed out, a connection was lost or could
 * not be made. Its message says which, and where; the driver's error is its `cause`.
 */
export class PostgresUnavailableError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'PostgresUnavailableError';
  }
}

/** The error codes and messages by which the driver reports a link that failed (not a failing statement). */
const LINK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const LINK_ERROR_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error|timeout expired|Connection ended)/;
/** PostgreSQL's SQLSTATEs for a server going away: admin_shutdown, crash_shutdown, cannot_connect_now. */
const SERVER_GONE_CODES = new Set(['57P01', '57P02', '57P03']);

/**
 * Says what a driver error means, for the logs: a statement that timed out, a lost or failed connection (a
 * {@link PostgresUnavailableError}); any other error (a failing statement) is returned as it is. `broken` says
 * whether the connection it came from can no longer be used.
 */
function explain(
  error: unknown,
  where: string,
  timeouts: { statementMs: number; connectMs: number },
  connecting = false,
): { error: unknown; broken: boolean } {
  const { message = '', code = '' } = (error ?? {}) as { message?: string; code?: string };
  if (message === 'Query read timeout') {
    return {
      broken: true,
      error: new PostgresUnavailableError(
        `PostgreSQL at ${where} did not answer a statement within ${timeouts.statementMs + QUERY_TIMEOUT_MARGIN_MS} ms ` +
          `(statement_timeout ${timeouts.statementMs} ms, plus ${QUERY_TIMEOUT_MARGIN_MS} ms): the link or the server stopped answering; the connection is dropped`,
        { cause: error },
      ),
    };
  }
  if (code === '57014' && /statement timeout/.test(message)) {
    return {
      broken: false,
      error: new PostgresUnavailableError(
        `a statement ran longer than statement_timeout (${timeouts.statementMs} ms) on PostgreSQL at ${where}, which cancelled it`,
        { cause: error },
      ),
    };
  }
  if (/^timeout exceeded when trying to connect|connection timeout|^timeout expired/.test(message)) {
    return {
      broken: true,
      error: new PostgresUnavailableError(
        `no connection to PostgreSQL at ${where} within ${timeouts.connectMs} ms (${message})`,
        { cause: error },
      ),
    };
  }
  if (LINK_ERROR_CODES.has(code) || LINK_ERROR_MESSAGES.test(message) || SERVER_GONE_CODES.has(code)) {
    return {
      broken: true,
      error: new PostgresUnavailableError(
        `${connecting ? 'cannot connect to' : 'lost the connection to'} PostgreSQL at ${where}: ${message || code}`,
        {
          cause: error,
        },
      ),
    };
  }
  return { error, broken: false };
}

/**
 * The errors of a prepared statement that a fresh parse of its text does not have: its plan would now return
 * rows of another type (0A000, `cached plan must not change result type`: a rebuild changed a table under the
 * statement), or the connection does not hold it (26000). The statement is run again unnamed, and the
 * connection, whose prepared statement stays unusable, is dropped when released.
 */
function isStalePreparedStatement(error: unknown): boolean {
  const { message = '', code = '' } = (error ?? {}) as { message?: string; code?: string };
  return (code === '0A000' && /cached plan must not change result type/.test(message)) || code === '26000';
}

/**
 * The pool as Kysely sees it: each client's errors are explained (see {@link explain}), and a client whose
 * connection failed or timed out is dropped when released, not handed out again. With `nameOf`, statements
 * whose text it names run as prepared statements of that name.
 */
function explainingPool(
  pool: pg.Pool,
  where: string,
  timeouts: { statementMs: number; connectMs: number },
  nameOf?: (sql: string) => string | undefined,
): PostgresPool {
  return {
    connect: async () => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw explain(error, where, timeouts, true).error;
      }
      let broken = false;
      const wrapped = {
        query: async (sql: string, parameters: readonly unknown[]) => {
          const values = [...parameters];
          const name = nameOf?.(sql);
          try {
            if (name === undefined) return await client.query(sql, values);
            try {
              return await client.query({ name, text: sql, values });
            } catch (error) {
              if (!isStalePreparedStatement(error)) throw error;
              broken = true;
              return await client.query(sql, values);
            }
          } catch (error) {
            const explained = explain(error, where, timeouts);
            broken ||= explained.broken;
            throw explained.error;
          }
        },
        release: (destroy?: boolean) => client.release(destroy || broken),
      };
      return wrapped as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
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
  const statementMs = options.statementTimeoutMs ?? (readonly ? DEFAULT_STATEMENT_TIMEOUT_MS : 0);
  const connectMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const settings = [`-c search_path=${location.schema}`];
  if (readonly) settings.push('-c default_transaction_read_only=on');
  const pool = new pg.Pool({
    connectionString: location.url,
    max: options.maxConnections ?? 10,
    options: settings.join(' '),
    application_name: 'stelselgraph',
    connectionTimeoutMillis: connectMs,
    ...(statementMs > 0
      ? { statement_timeout: statementMs, query_timeout: statementMs + QUERY_TIMEOUT_MARGIN_MS }
      : {}),
    // A link that dies silently is noticed by TCP keepalive, not only by the next statement on it.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    types,
  });
  const onPoolError = options.onPoolError ?? (() => undefined);
  // Idle connections report their errors through the pool; a connection checked out when its link drops (before
  // its query went out) reports on itself: without a listener there, that error would end the process.
  const where = describeLocation(location);
  const timeouts = { statementMs, connectMs };
  const reportError = (error: Error) => onPoolError(explain(error, where, timeouts).error as Error);
  pool.on('error', reportError);
  pool.on('connect', (client) => client.on('error', reportError));
  const onQuery = options.onQuery;
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: explainingPool(
        pool,
        where,
        timeouts,
        options.preparedStatements
          ? statementNamer(options.preparedStatementCap ?? DEFAULT_PREPARED_STATEMENT_CAP)
          : undefined,
      ),
    }),
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
