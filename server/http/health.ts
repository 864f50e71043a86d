import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { PostgresUnavailableError } from '../db/postgres';
import { contentHashProbe, type DatabaseProbe } from '../db/probe';
import { TimeLimitError, withinTimeLimit } from '../lib/time-limit';
import type { DatasetInfo } from '../graphql/context';

/** How long the health check waits for the database before calling it unreachable, in ms. */
export const HEALTH_DATABASE_TIMEOUT_MS = 2000;

/**
 * What the database is to `/healthz`: `ok` (the probe read the data), `unreachable` (it did not answer in
 * time, or its connection failed: PostgreSQL), `unreadable` (it answered with an error: a damaged SQLite
 * file, a schema without the dataset).
 */
export type DatabaseState = 'ok' | 'unreachable' | 'unreadable';

/** What `/healthz` answers: its status code and body. */
export interface Health {
  statusCode: 200 | 503;
  body: {
    status: 'ok' | 'unavailable';
    database: DatabaseState;
    dataset: string;
    uptimeSeconds: number;
    memory: { rssBytes: number; heapUsedBytes: number };
  };
}

/** Options of {@link checkHealth}. */
export interface HealthOptions {
  /** The read that proves the data can be read (see `datasetProbe`); default: the content hash, through `db`. */
  probe?: DatabaseProbe;
  /** Where a failing probe is logged: once when it starts failing (or fails otherwise), not once per probe. */
  logError?: (error: unknown) => void;
}

/** The last state each server's probe found (keyed by its dataset), so that a failure is logged once. */
const lastState = new WeakMap<DatasetInfo, string>();

/**
 * The server's health, for load balancers and orchestrators: 200 when a real read of the data succeeds
 * (within {@link HEALTH_DATABASE_TIMEOUT_MS}), else 503 with what is wrong, so that a replica that lost its
 * PostgreSQL, or whose SQLite file was damaged, is taken out of rotation; with the dataset version being
 * served, the uptime and the memory in use.
 */
export async function checkHealth(
  db: Kysely<Database>,
  dataset: DatasetInfo,
  options: HealthOptions = {},
): Promise<Health> {
  const probe = options.probe ?? contentHashProbe(db);
  const database: DatabaseState = await withinTimeLimit(
    probe(),
    HEALTH_DATABASE_TIMEOUT_MS,
    'reading the dataset',
  ).then(
    (): DatabaseState => 'ok',
    (error: unknown): DatabaseState => {
      const state =
        error instanceof TimeLimitError || error instanceof PostgresUnavailableError
          ? 'unreachable'
          : 'unreadable';
      const message = error instanceof Error ? error.message : String(error);
      if (lastState.get(dataset) !== `${state}: ${message}`) {
        options.logError?.(new Error(`/healthz: the database is ${state}: ${message}`, { cause: error }));
      }
      lastState.set(dataset, `${state}: ${message}`);
      return state;
    },
  );
  if (database === 'ok') lastState.delete(dataset);
  const { rss, heapUsed } = process.memoryUsage();
  return {
    statusCode: database === 'ok' ? 200 : 503,
    body: {
      status: database === 'ok' ? 'ok' : 'unavailable',
      database,
      dataset: dataset.contentHash,
      uptimeSeconds: Math.round(process.uptime()),
      memory: { rssBytes: rss, heapUsedBytes: heapUsed },
    },
  };
}
