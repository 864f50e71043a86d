import { spawn, type ChildProcess } from 'node:child_process';
import { untilReady } from './ready-line';
import { ROOT, START_COMMAND } from './start-command';

/** The project root. */
export { ROOT };

/** A server started as its own process (as `npm start` does), for tests, benchmarks and the soak run. */
export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  /** All the server printed so far (stdout and stderr, interleaved). */
  output: () => string;
  /** The server's resident memory and heap, from /healthz. */
  memory: () => Promise<{ rssBytes: number; heapUsedBytes: number }>;
  /** Sends SIGTERM; resolves with the exit code once the process has ended. */
  stop: () => Promise<number | null>;
}

/**
 * Starts the server as `npm start` does ({@link START_COMMAND}, or `command` after node) as its own process
 * with `env`, its output piped.
 */
function startProcess(env: NodeJS.ProcessEnv, command: readonly string[] = START_COMMAND): ChildProcess {
  return spawn(process.execPath, [...command], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * The command `npm start` runs after node: its options and `scripts/start.cjs` (the compiled server,
 * `dist/server/main.js`, compiled first when `server/` changed).
 */
export { START_COMMAND };

/**
 * Starts the server as `npm start` does (the compiled server), in production mode on a free loopback port;
 * resolves once it logs that it is ready. `command`: what node runs, its options first (default
 * {@link START_COMMAND}: `npm start`'s).
 */
export async function spawnServer(
  env: Record<string, string> = {},
  command: readonly string[] = START_COMMAND,
): Promise<SpawnedServer> {
  const child = startProcess(
    {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      ...env,
    },
    command,
  );
  const { match, output } = await untilReady(
    child,
    /GraphQL at (http:\/\/127\.0\.0\.1:\d+)\/graphql/,
    'server',
  );
  const url = match[1]!;
  return {
    child,
    url,
    output,
    memory: async () =>
      (
        (await (await fetch(`${url}/healthz`)).json()) as {
          memory: { rssBytes: number; heapUsedBytes: number };
        }
      ).memory,
    stop: () =>
      new Promise((done) => {
        child.once('exit', (code) => done(code));
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Runs `server/main.ts` with exactly `env` over this process's environment (no production mode, no port
 * chosen) to its end: for start-up failures. Resolves with its exit code and output.
 */
export function runServerToEnd(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = startProcess({ ...process.env, ...env });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}
