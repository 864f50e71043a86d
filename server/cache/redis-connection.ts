import { createClient, type RedisClientType } from '@keyv/redis';
import { redactUrl } from '../lib/redact-url';
import { reportOnce, type FailureReporter } from './report-once';

/** A Redis client shared by the caches, with the reporter of its failures. */
export interface RedisConnection {
  client: RedisClientType;
  /** Failures of the client and of the caches over it, logged once per outage. */
  reporter: FailureReporter;
  /** Closes the connection at once (stops reconnecting); the caches over it then miss. */
  close: () => Promise<void>;
}

/** How long a cache call may wait on Redis before it counts as failed (a miss, or a skipped write), in ms. */
export const REDIS_TIME_LIMIT_MS = 1000;
/** The most commands waiting on Redis at once; beyond, commands fail at once (a hung Redis cannot pile up). */
const MAX_QUEUED_COMMANDS = 1000;
/** How long connecting may take, in ms. */
const CONNECT_TIMEOUT_MS = 2000;
/** The longest wait between two attempts to reconnect after an outage, in ms. */
const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * `url` when it is a redis:// or rediss:// URL (the value of `REDIS_URL`); otherwise an error naming the
 * variable, with any password in the URL masked.
 */
export function checkRedisUrl(url: string): string {
  if (/^rediss?:\/\/[^/]/.test(url) && URL.canParse(url)) return url;
  throw new Error(
    `environment variable REDIS_URL: "${redactUrl(url)}" is not a redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379)`,
  );
}

/**
 * A Redis client for the shared caches, not yet connected. Commands fail at once while the connection is
 * down (no offline queue) or too many are waiting, so a broken Redis costs a request a miss, not a
 * hang (the caches also give up after {@link REDIS_TIME_LIMIT_MS}, for a Redis that stops answering). The first connection is tried once; after an outage it reconnects with a backoff capped at
 * {@link MAX_RECONNECT_DELAY_MS}, for as long as the server runs. Errors go to `reporter`.
 */
export function createRedisClient(url: string, reporter: FailureReporter): RedisClientType {
  let everConnected = false;
  const client: RedisClientType = createClient({
    url,
    disableOfflineQueue: true,
    commandsQueueMaxLength: MAX_QUEUED_COMMANDS,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Before the first connection: give up (an error made here, so that node-redis recognises it as one
      // even where Node's own errors come from another realm, as under jest).
      reconnectStrategy: (retries, cause) =>
        everConnected
          ? Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS)
          : new Error(cause.message || cause.name, { cause }),
    },
  });
  // node-redis emits an error for every failed attempt: a listener is required, and the reporter keeps
  // the log to one line per outage.
  client.on('error', (error: unknown) => reporter.failed(error));
  client.on('ready', () => {
    everConnected = true;
    reporter.recovered();
  });
  return client;
}

/**
 * Connects to the Redis at `url` (the value of `REDIS_URL`), failing with a message that names the variable
 * when it cannot be reached: a server configured for shared caches does not start without them.
 */
export async function connectRedis(
  url: string,
  logError: (error: unknown) => void,
): Promise<RedisConnection> {
  const shown = redactUrl(url);
  let starting = true;
  const reporter = reportOnce(
    (error) => {
      if (!starting) logError(error);
    },
    (cause) =>
      `Redis at REDIS_URL=${shown} is failing (${cause instanceof Error ? cause.message : String(cause)}): ` +
      'answers and persisted queries are not shared until it is back',
  );
  const client = createRedisClient(url, reporter);
  try {
    await client.connect();
  } catch (error) {
    if (client.isOpen) client.destroy();
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(`cannot connect to Redis at REDIS_URL=${shown}: ${reason}`, { cause: error });
  }
  starting = false;
  reporter.recovered();
  return {
    client,
    reporter,
    close: async () => {
      if (client.isOpen) client.destroy();
    },
  };
}
