import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/database';
import { startServer, type RunningServer, type StartOptions } from '../../server/start-server';
import { buildRealDatabase, type BuiltDatabase } from './built-database';
import { openWritable } from './test-database';

/** A real server on an ephemeral loopback port over a database built from the real seeds. */
export interface TestServer extends RunningServer {
  /** Unexpected errors the server logged. */
  errors: unknown[];
  /** SQL statements the server ran (reset with `statements.splice(0)`). */
  statements: string[];
  stop: () => Promise<void>;
}

/**
 * Options of {@link startTestServer}: the server's own, and `prepare`, which may alter the built database first
 * through a writable handle.
 */
export type TestServerOptions = Partial<Omit<StartOptions, 'port' | 'host' | 'database'>> & {
  prepare?: (db: Kysely<Database>) => Promise<void>;
};

/**
 * Builds the real seeds in this run's dialect (then lets `prepare` alter them) and starts the server on
 * 127.0.0.1 with a free port.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const built: BuiltDatabase = await buildRealDatabase();
  if (options.prepare) {
    const writable = openWritable(built.location);
    try {
      await options.prepare(writable);
    } finally {
      await writable.destroy();
    }
  }
  const errors: unknown[] = [];
  const statements: string[] = [];
  const { prepare: _prepare, ...serverOptions } = options;
  const server = await startServer(
    {
      ...serverOptions,
      port: 0,
      host: '127.0.0.1',
      database: built.location,
      onQuery: (sql) => statements.push(sql),
    },
    (error) => errors.push(error),
  );
  return {
    ...server,
    errors,
    statements,
    stop: async () => {
      await server.close();
      await built.close();
    },
  };
}
