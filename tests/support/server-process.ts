import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { untilReady } from '../../harness/ready-line';
import { START_COMMAND } from '../../harness/start-command';

/** The project root. */
export const ROOT = resolve(__dirname, '../..');

/** A server running as a process of its own (`npm start`, or node on `server/main.ts`). */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves when it exits, with its exit code or signal and when (`performance.now()`). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/**
 * Node on the compiled server, as `npm start` runs it (its options from package.json, `scripts/start.cjs`;
 * jest's global set-up compiled it).
 */
export const NODE_MAIN = [process.execPath, ...START_COMMAND];

/**
 * Starts `command` in the project root with `env` on top of this process's environment (production mode,
 * 127.0.0.1, a free port); resolves once it logs that it is ready, rejects when it exits before.
 */
export async function startServerProcess(
  command: string[],
  env: Record<string, string>,
): Promise<ServerProcess> {
  const [program, ...args] = command;
  const child = spawn(program!, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal, at: performance.now() })),
  );
  const { match, output } = await untilReady(
    child,
    /GraphQL at (http:\/\/127\.0\.0\.1:(\d+))\/graphql/,
    command.join(' '),
  );
  return { child, url: match[1]!, port: Number(match[2]), output, exited };
}

/** The processes descending from `pid` (children, grandchildren, …), read from /proc. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

/** The command line of a process ('' when it is gone). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Whether a process is still running (a zombie, dead but not reaped, is not). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Kills (SIGKILL) whichever of `pids` still run: clean-up after a test that failed half-way. */
export function killLeft(pids: number[]): void {
  for (const pid of pids) {
    if (!isRunning(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

/** Resolves once `check()` holds, polling every 50 ms; rejects after `ms`. */
export async function waitUntil(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = performance.now() + ms;
  while (!check()) {
    if (performance.now() > until) throw new Error(`${what}: not so after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What `promise` resolves to, or undefined when it takes longer than `ms`. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** What connecting to 127.0.0.1:`port` gives: 'connected', or the error code (e.g. ECONNREFUSED). */
export function tryConnect(port: number): Promise<string> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

/** An HTTP/1.1 response read off a raw socket. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * A raw HTTP/1.1 connection to a server, for requests a test writes byte by byte: half a request, a client
 * that stops reading. `response()` reads one response (with a Content-Length); `ended` resolves when the
 * server closes the connection, with how ('end' for a clean close, else the error code).
 */
export interface RawConnection {
  socket: Socket;
  write: (text: string) => Promise<void>;
  /** The next response; with `onHeaders`, called once its head is in (e.g. to pause reading). */
  response: (
    onHeaders?: (head: { status: number; headers: Record<string, string> }) => void,
  ) => Promise<RawResponse>;
  ended: Promise<string>;
}

/** Opens a {@link RawConnection} to 127.0.0.1:`port`. */
export async function rawConnection(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((done, fail) => {
    socket.once('connect', done);
    socket.once('error', fail);
  });
  let buffered = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  let closed: string | undefined;
  const ended = new Promise<string>((done) => {
    socket.once('end', () => done('end'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    socket.once('close', () => done('close'));
  });
  void ended.then((how) => {
    closed = how;
    wake?.();
  });
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    wake?.();
  });
  const more = () =>
    new Promise<void>((done, fail) => {
      if (closed) return fail(new Error(`connection closed (${closed}) after ${buffered.length} bytes`));
      wake = () => {
        wake = undefined;
        done();
      };
    });
  return {
    socket,
    ended,
    write: (text) =>
      new Promise((done, fail) => socket.write(text, (error) => (error ? fail(error) : done()))),
    response: async (onHeaders) => {
      let headEnd = buffered.indexOf('\r\n\r\n');
      while (headEnd < 0) {
        await more();
        headEnd = buffered.indexOf('\r\n\r\n');
      }
      const [statusLine, ...lines] = buffered.subarray(0, headEnd).toString('latin1').split('\r\n');
      const status = Number(statusLine!.split(' ')[1]);
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      buffered = buffered.subarray(headEnd + 4);
      onHeaders?.({ status, headers });
      const length = Number(headers['content-length']);
      if (!Number.isInteger(length)) throw new Error(`no content-length in ${JSON.stringify(headers)}`);
      while (buffered.length < length) await more();
      const body = buffered.subarray(0, length);
      buffered = buffered.subarray(length);
      return { status, headers, body };
    },
  };
}
