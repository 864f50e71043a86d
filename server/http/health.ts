import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import { withinTimeLimit } from '../cache/time-limit';
import type { DatasetInfo } from '../graphql/context';

/** How long the health check waits for the database before calling it unreachable, in ms. */
export const HEALTH_DATABASE_TIMEOUT_MS = 2000;

/** What `/healthz` answers: its status code and body. */
export interface Health {
  statusCode: 200 | 503;
  body: {
    status: 'ok' | 'unavailable';
    database: 'ok' | 'unreachable';
    dataset: string;
    uptimeSeconds: number;
    memory: { rssBytes: number; heapUsedBytes: number };
  };
}

/**
 * The server's health, for load balancers and orchestrators: 200 when the database answers a trivial
 * statement (within {@link HEALTH_DATABASE_TIMEOUT_MS}), else 503, so that a replica that lost its PostgreSQL
 * is taken out of rotation; with the dataset version being served, the uptime and the memory in use.
 */
export async function checkHealth(db: Kysely<Database>, dataset: DatasetInfo): Promise<Health> {
  const reachable = await withinTimeLimit(
    sql`select 1`.execute(db),
    HEALTH_DATABASE_TIMEOUT_MS,
    'select 1',
  ).then(
    () => true,
    () => false,
  );
  const { rss, heapUsed } = process.memoryUsage();
  return {
    statusCode: reachable ? 200 : 503,
    body: {
      status: reachable ? 'ok' : 'unavailable',
      database: reachable ? 'ok' : 'unreachable',
      dataset: dataset.contentHash,
      uptimeSeconds: Math.round(process.uptime()),
      memory: { rssBytes: rss, heapUsedBytes: heapUsed },
    },
  };
}
