import pg from 'pg';
import type { PostgresLocation } from './location';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS } from './postgres';

/** The channel on which a PostgreSQL build announces that it swapped a new dataset in (payload: the schema). */
export const DATASET_CHANNEL = 'stelselgraph_dataset';

/** Options for {@link watchDataset}. */
export interface DatasetWatchOptions {
  /** Called with the new content hash when it changed. */
  onChange: (contentHash: string) => void;
  /** Where failures of the listening connection go (the watch keeps trying). */
  logError: (error: unknown) => void;
  /** The hash being served now. */
  current: string;
  /** How often the hash is read anyway, for a notification missed while not listening (ms; default 30 s). */
  intervalMs?: number;
}

/** A running watch; `close` stops it. */
export interface DatasetWatch {
  close: () => Promise<void>;
}

/**
 * Follows rebuilds of a PostgreSQL location while the server runs. A build notifies {@link DATASET_CHANNEL}
 * with its schema in the transaction that swaps the new dataset in, so the notification arrives as it is
 * committed; the watch then reads the content hash again (on its own connection, not the server's pool) and
 * reports a change, so that ETags, answer keys and
 * `/healthz` follow the data within moments. A dedicated connection LISTENs (reconnecting after a failure),
 * and the hash is also read every `intervalMs`, for a notification missed meanwhile.
 */
export async function watchDataset(
  location: PostgresLocation,
  options: DatasetWatchOptions,
): Promise<DatasetWatch> {
  let current = options.current;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const check = async () => {
    if (!client) return; // not listening: the reconnection checks again
    try {
      const result = await client.query<{ value: string }>(
        `select value from ${location.schema}.meta where key = 'content_hash'`,
      );
      const hash = result.rows[0]?.value;
      if (hash && hash !== current && !closed) {
        current = hash;
        options.onChange(hash);
      }
    } catch (error) {
      options.logError(error);
      // A link that stopped answering: listen again on a new connection (the old one is dropped).
      if (error instanceof Error && error.message === 'Query read timeout') reconnect();
    }
  };

  const listen = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: location.url,
      application_name: 'stelselgraph-watch',
      // Neither waits forever on a link that stopped answering (see openPostgres).
      connectionTimeoutMillis: DEFAULT_CONNECT_TIMEOUT_MS,
      query_timeout: DEFAULT_STATEMENT_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    next.on('notification', (message) => {
      if (message.channel === DATASET_CHANNEL && message.payload === location.schema) void check();
    });
    next.on('error', (error) => {
      options.logError(
        new Error(`the watch on ${DATASET_CHANNEL} failed: ${error.message}`, { cause: error }),
      );
      reconnect();
    });
    await next.connect();
    await next.query(`listen ${DATASET_CHANNEL}`);
    client = next;
  };
  const reconnect = () => {
    const broken = client;
    client = undefined;
    void broken?.end().catch(() => undefined);
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      listen().then(check, (error: unknown) => {
        options.logError(error);
        reconnect();
      });
    }, 2000);
  };

  await listen();
  // A rebuild between reading the hash at start-up and listening is caught here.
  await check();
  const poll = setInterval(() => void check(), options.intervalMs ?? 30_000);
  poll.unref();
  return {
    close: async () => {
      closed = true;
      clearInterval(poll);
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
