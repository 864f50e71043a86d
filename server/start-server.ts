import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config';
import { openSqlite } from './db/connect';
import { readDatasetHash } from './ensure-database';
import { createApolloServer } from './graphql/create-apollo-server';
import { DEFAULT_QUERY_LIMITS } from './graphql/limits/query-limits';
import { createHttpServer } from './http/create-http-server';
import { memoryAnswerStore } from './http/response-cache';

/** A running server. */
export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** Stops accepting requests, waits for those in flight, and closes the database. */
  close: () => Promise<void>;
}

/** What {@link startServer} needs: where to listen and the database; everything else has a default. */
export type StartOptions = Pick<ServerConfig, 'port' | 'host' | 'databaseFile'> &
  Partial<Omit<ServerConfig, 'port' | 'host' | 'databaseFile' | 'seedsDir'>> & {
    /** Called with each SQL statement run (for tests that count them). */
    onQuery?: (sql: string) => void;
  };

/**
 * Opens the database read-only and serves the API, playground and health check on `host:port` (port 0 picks
 * a free one). The database must exist (see `ensureDatabase`).
 */
export async function startServer(
  options: StartOptions,
  logError: (error: unknown) => void = (error) => console.error(error),
): Promise<RunningServer> {
  const contentHash = await readDatasetHash(options.databaseFile);
  if (!contentHash) {
    throw new Error(
      `${options.databaseFile} is not a stelselgraph database (no content hash); rebuild it with npm run db:build`,
    );
  }
  const db = openSqlite(options.databaseFile, { readonly: true, onQuery: options.onQuery });
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  const apollo = createApolloServer({
    development: options.development ?? false,
    logError,
    limits,
  });
  await apollo.start();
  const server = createHttpServer({
    apollo,
    db,
    dataset: { contentHash },
    bodyLimit: options.bodyLimit,
    timeBudgetMs: limits.timeBudgetMs,
    cacheMaxAge: options.cacheMaxAge,
    corsOrigins: options.corsOrigins,
    answers: options.responseCache === false ? null : memoryAnswerStore(),
    logError,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
      await db.destroy();
    },
  };
}
