import { readConfig } from './config';
import { describeLocation } from './db/location';
import { ensureDatabase, readDatasetHash } from './ensure-database';
import { keepServingOnUnhandledRejections } from './keep-serving';
import { limitHeapGrowth } from './heap-growth';
import { memoryReducerNote } from './memory-reducer-note';
import { startServer } from './start-server';
import { announceRoutes } from './http/routes/announce-routes';

/** `npm start`: builds the database from the seeds when needed, then serves the API until SIGTERM/SIGINT. */
async function main(): Promise<void> {
  keepServingOnUnhandledRejections();
  const config = readConfig();
  limitHeapGrowth(config.heapGrowingPercent);
  const started = Date.now();
  const ensured = await ensureDatabase(config.database, config.seedsDir, (message) => console.log(message));
  if (ensured === 'built' || ensured === 'rebuilt') {
    console.log(
      `${ensured} ${describeLocation(config.database)} from ${config.seedsDir} in ${Date.now() - started} ms`,
    );
  } else if (ensured === 'no-seeds') {
    // a mistyped SEEDS_DIR must not pass for "the database is current": say plainly what is served
    const dataset = (await readDatasetHash(config.database))?.slice(0, 12) ?? 'without a content hash';
    console.warn(
      `warning: no seeds at ${config.seedsDir} (SEEDS_DIR; no editions.yaml there): serving dataset ${dataset} ` +
        `of ${describeLocation(config.database)} as it is, unchecked against any seeds`,
    );
  }
  const server = await startServer(config);
  // a process manager that runs the entry without npm start's node options: said once, before the ready line
  const reducerNote = config.development ? undefined : memoryReducerNote(process.execArgv);
  if (reducerNote) console.warn(reducerNote);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(
      `${signal} received: port closed; finishing the answers in flight (connections still open after ${config.shutdownDeadlineMs} ms are closed), then stopping`,
    );
    // Should closing hang all the same (a database that does not let go), the process ends anyway.
    const backstop = config.shutdownDeadlineMs + config.limits.timeBudgetMs + 5000;
    setTimeout(() => {
      console.error(`error: not stopped ${backstop} ms after ${signal}; exiting`);
      process.exit(1);
    }, backstop).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // only now: a process manager may send SIGTERM the moment it reads this line; every route after it, at once
  console.log(
    [
      `stelselgraph ready: GraphQL at ${server.url}/graphql, playground at ${server.url}/ (${config.development ? 'development' : 'production'} mode)`,
      'routes:',
      ...announceRoutes(server.url),
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
