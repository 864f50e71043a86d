import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dumpFiles, dumpTotal, vgdbEnvironment } from '../harness/callgrind-dumps';
import { untilReady } from '../harness/ready-line';
import { ROOT } from '../harness/spawn-server';

/** Instructions counted over a window: on the main thread, and on all threads (GC and compiler threads too). */
export interface WindowCount {
  main: number;
  all: number;
}

/** A Node process run under callgrind with its counting off until {@link CallgrindProcess.count} turns it on. */
export interface CallgrindProcess {
  /** valgrind's process id (the process it runs as). */
  pid: number;
  /** The base URL it printed. */
  url: string;
  /** Counts the instructions run while `work` runs: counters zeroed, counting on, work, counting off, dumped. */
  count: (work: () => Promise<void>) => Promise<WindowCount>;
  /** Sends SIGTERM; resolves once it has ended. */
  stop: () => Promise<void>;
}

/** Whether `valgrind` and `callgrind_control` can be run here. */
export function callgrindAvailable(): boolean {
  const ok = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
  return ok('valgrind', ['--version']) && ok('callgrind_control', ['--version']);
}

/** Runs `callgrind_control args… pid`; throws with its output when it fails. */
function control(pid: number, args: string[], env: Record<string, string>): void {
  const run = spawnSync('callgrind_control', [...args, String(pid)], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (run.status !== 0 || /error/i.test(run.stderr)) {
    throw new Error(`callgrind_control ${args.join(' ')} ${pid} failed: ${run.stdout}${run.stderr}`);
  }
}

/**
 * Starts `node nodeArgs…` (in the project root, with `env` over this process's and {@link vgdbEnvironment})
 * under `valgrind --tool=callgrind`, counting nothing until asked, each thread apart, its dumps in `dir`;
 * resolves once its output matches `ready` (whose first group is the base URL).
 */
export async function startUnderCallgrind(
  nodeArgs: readonly string[],
  env: Record<string, string>,
  ready: RegExp,
  dir: string,
): Promise<CallgrindProcess> {
  const vgdb = vgdbEnvironment();
  const child: ChildProcess = spawn(
    'valgrind',
    [
      '--tool=callgrind',
      '--instr-atstart=no',
      '--separate-threads=yes',
      `--callgrind-out-file=${join(dir, 'cg.%p')}`,
      process.execPath,
      ...nodeArgs,
    ],
    { cwd: ROOT, env: { ...process.env, ...env, ...vgdb }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let dumps = 0;
  const { match } = await untilReady(child, ready, 'node under callgrind');
  const pid = child.pid!;
  return {
    pid,
    url: match[1]!,
    count: async (work) => {
      control(pid, ['-z'], vgdb);
      control(pid, ['-i', 'on'], vgdb);
      await work();
      control(pid, ['-i', 'off'], vgdb);
      control(pid, ['-d'], vgdb);
      dumps += 1;
      const files = dumpFiles(dir, pid, dumps);
      const totals = [...files].map(([thread, file]) => [thread, dumpTotal(readFileSync(file, 'utf8'))]);
      return {
        main: totals.find(([thread]) => thread === 1)?.[1] ?? 0,
        all: totals.reduce((sum, [, total]) => sum + total!, 0),
      };
    },
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
