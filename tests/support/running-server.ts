import { startServer, type RunningServer } from '../../server/start-server';
import { buildRealDatabase, type BuiltDatabase } from './built-database';

/** A real server on an ephemeral loopback port over a database built from the real seeds. */
export interface TestServer extends RunningServer {
  errors: unknown[];
  stop: () => Promise<void>;
}

/** Builds the real seeds (then lets `prepare` alter the file) and starts the server on 127.0.0.1 with a free port. */
export async function startTestServer(
  options: { development?: boolean; bodyLimit?: number; prepare?: (file: string) => void } = {},
): Promise<TestServer> {
  const built: BuiltDatabase = await buildRealDatabase();
  options.prepare?.(built.file);
  const errors: unknown[] = [];
  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      databaseFile: built.file,
      development: options.development ?? false,
      bodyLimit: options.bodyLimit ?? 1024 * 1024,
    },
    (error) => errors.push(error),
  );
  return {
    ...server,
    errors,
    stop: async () => {
      await server.close();
      await built.close();
    },
  };
}
