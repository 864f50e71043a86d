import type { AddressInfo } from 'node:net';
import { openSqlite } from './db/connect';
import type { ServerConfig } from './config';
import { readDatasetHash } from './ensure-database';
import { createApolloServer } from './graphql/create-apollo-server';
import { createHttpServer } from './http/create-http-server';

/** A running server. */
export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /** Stops accepting requests, waits for those in flight, and closes the database. */
  close: () => Promise<void>;
}

/**
 * Opens the database read-only and serves the API, playground and health check on `config.host:port`
 * (port 0 picks a free one). The database must exist (see `ensureDatabase`).
 */
export async function startServer(
  config: Pick<ServerConfig, 'port' | 'host' | 'databaseFile' | 'development' | 'bodyLimit'>,
  logError: (error: unknown) => void = (error) => console.error(error),
): Promise<RunningServer> {
  const contentHash = await readDatasetHash(config.databaseFile);
  if (!contentHash)
    throw new Error(
      `${config.databaseFile} is not a stelselgraph database (no content hash); rebuild it with npm run db:build`,
    );
  const db = openSqlite(config.databaseFile, { readonly: true });
  const apollo = createApolloServer({ development: config.development, logError });
  await apollo.start();
  const server = createHttpServer({
    apollo,
    db,
    dataset: { contentHash },
    bodyLimit: config.bodyLimit,
    logError,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
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
