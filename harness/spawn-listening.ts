import { spawn, type ChildProcess } from 'node:child_process';
import { untilReady } from './ready-line';
import { ROOT } from './spawn-server';

/** A helper server (the benchmark's floor, its peer) started as its own Node process. */
export interface ListeningProcess {
  child: ChildProcess;
  /** Its process id: where /proc tells its CPU time and memory. */
  pid: number;
  /** The base URL it printed (`http://127.0.0.1:PORT`). */
  url: string;
  /** All it printed so far (stdout and stderr). */
  output: () => string;
  /** Sends SIGTERM; resolves once it has ended. */
  stop: () => Promise<void>;
}

/**
 * Runs `node ...args` in the project root with `env` over this process's environment; resolves once it prints
 * `listening on http://127.0.0.1:PORT`, rejects (with its output) when it ends before that ({@link untilReady}). A `.ts` script
 * runs through tsx's loader (`node --import tsx`), in the same process, so `pid` is the script's own.
 */
export async function spawnListening(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<ListeningProcess> {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { match, output } = await untilReady(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, script);
  return {
    child,
    pid: child.pid!,
    url: match[1]!,
    output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
