import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config';
import { watchDataset, type DatasetWatch } from './db/dataset-watch';
import { describeLocation } from './db/location';
import { openDatabase } from './db/open-database';
import { checkSqliteFile, datasetProbe } from './db/probe';
import { readDatasetHash } from './ensure-database';
import { createApolloServer } from './graphql/create-apollo-server';
import { readDatasetFacts } from './graphql/dataset-facts';
import { seenOperations, type SeenOperations } from './graphql/seen-operations';
import { DEFAULT_QUERY_LIMITS } from './graphql/limits/query-limits';
import { createHttpServer } from './http/create-http-server';
import { gracefulShutdown } from './http/graceful-shutdown';
import { memoryAnswerStore } from './lib/answer-store';
import { openSharedCaches } from './cache/shared-caches';
import { withinTimeLimit } from './lib/time-limit';
import { dropCompilationCache } from './compilation-cache';

/** How long closing waits for the database's connections to end, in ms. */
const CLOSE_TIMEOUT_MS = 2000;

/** A running server. */
export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:4000`. */
  url: string;
  /**
   * Stops gracefully: closes the port, lets the answers in flight finish (each says `Connection: close`),
   * destroys the connections still open at the shutdown deadline, waits for the requests being handled, and
   * closes the database and Redis.
   */
  close: () => Promise<void>;
}

/** What {@link startServer} needs: where to listen and the database; everything else has a default. */
export type StartOptions = Pick<ServerConfig, 'port' | 'host' | 'database'> &
  Partial<Omit<ServerConfig, 'port' | 'host' | 'database' | 'seedsDir'>> & {
    /** Called with each SQL statement run (for tests that count them). */
    onQuery?: (sql: string) => void;
    /** The store of seen operations (for tests that watch it; default: one for `executor`, unless `seenOperations` is false). */
    seen?: SeenOperations;
  };

/**
 * Opens the database read-only and serves the API, playground and health check on `host:port` (port 0 picks
 * a free one). The database must exist (see `ensureDatabase`); a SQLite file is checked page by page first,
 * and a damaged one refused, naming the file.
 */
export async function startServer(
  options: StartOptions,
  logError: (error: unknown) => void = (error) => console.error(error),
): Promise<RunningServer> {
  // what the server compiles for clients' operations is let go when its stores let it go (see the file)
  dropCompilationCache();
  if (options.database.dialect === 'sqlite' && existsSync(options.database.file)) {
    checkSqliteFile(options.database.file);
  }
  const contentHash = await readDatasetHash(options.database);
  if (!contentHash) {
    throw new Error(
      `${describeLocation(options.database)} holds no stelselgraph dataset (no content hash); build it with npm run db:build`,
    );
  }
  // With REDIS_URL, replicas share the answer store and the persisted queries; it must be reachable.
  const shared = options.redisUrl
    ? await openSharedCaches({
        url: options.redisUrl,
        namespace: options.redisNamespace,
        answerLimits: options.answerLimits,
        logError,
      })
    : undefined;
  const db = openDatabase(options.database, {
    readonly: true,
    onQuery: options.onQuery,
    onPoolError: logError,
    statementTimeoutMs: options.statementTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    preparedStatements: options.preparedStatements ?? true,
  });
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  const apollo = createApolloServer({
    development: options.development ?? false,
    logError,
    limits,
    cache: shared?.persistedQueries,
    executor: options.executor,
  });
  // The dataset being served: on PostgreSQL a rebuild under the running server changes it (see the watch below).
  const dataset = { contentHash };
  const server = createHttpServer({
    apollo,
    db,
    dataset,
    bodyLimit: options.bodyLimit,
    timeBudgetMs: limits.timeBudgetMs,
    maxNodes: limits.maxNodes,
    cacheMaxAge: options.cacheMaxAge,
    corsOrigins: options.corsOrigins,
    maxTokens: limits.maxTokens,
    answers:
      options.responseCache === false ? null : (shared?.answers ?? memoryAnswerStore(options.answerLimits)),
    seen: options.seenOperations === false ? null : (options.seen ?? seenOperations(options.executor)),
    logError,
    probeDatabase: datasetProbe(options.database, db),
  });
  const shutdown = gracefulShutdown(server);
  let apolloStarted = false;
  let watch: DatasetWatch | undefined;
  try {
    if (options.database.dialect === 'postgres') {
      watch = await watchDataset(options.database, {
        current: contentHash,
        onChange: (hash) => {
          dataset.contentHash = hash;
          // read the new version's facts now rather than on its first request (a failure: read again then)
          readDatasetFacts(db, hash).catch(logError);
        },
        logError,
      });
    }
    // the list sizes of the static cost and the reference rows, read now rather than on the first request
    await readDatasetFacts(db, contentHash);
    await apollo.start();
    apolloStarted = true;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    // Nothing is left open when the server cannot start (a port in use, say).
    await watch?.close();
    await shared?.close();
    if (apolloStarted) await apollo.stop();
    await db.destroy();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: async () => {
      const deadlineMs = options.shutdownDeadlineMs ?? limits.timeBudgetMs + 5000;
      const { destroyed } = await shutdown({ graceMs: Math.min(1000, deadlineMs), deadlineMs });
      if (destroyed > 0) {
        logError(`closed ${destroyed} connections still open at the shutdown deadline (${deadlineMs} ms)`);
      }
      // Handlers still running (their client may have left) finish before the database goes.
      await server.drain(limits.timeBudgetMs + 1000);
      // A database that stopped answering does not hold the process: its connections are not waited for.
      const letGo = (work: Promise<unknown> | undefined, what: string) =>
        withinTimeLimit(Promise.resolve(work), CLOSE_TIMEOUT_MS, what).catch(logError);
      await letGo(watch?.close(), 'closing the dataset watch');
      await shared?.close();
      await apollo.stop();
      await letGo(db.destroy(), 'closing the database connections');
    },
  };
}
