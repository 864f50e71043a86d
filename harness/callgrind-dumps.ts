import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The environment valgrind's gdbserver and `callgrind_control` both name their pipes from (`…-by-USER-on-HOST`):
 * without `USER`, `LOGNAME` and `HOST` set alike on both sides the two never meet (`callgrind_control` then
 * says "error opening … shared memory file"). `HOST` is the loopback address the service listens on anyway.
 */
export function vgdbEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const user = env.USER || env.LOGNAME || 'stelselgraph';
  return { USER: user, LOGNAME: user, HOST: '127.0.0.1' };
}

/**
 * The instructions a callgrind dump counted: its `totals:` line (at the end), else its `summary:` line (which
 * a dump triggered by `callgrind_control -d` also has in its header, as 0); 0 when it has neither.
 */
export function dumpTotal(text: string): number {
  const line = /^totals:\s*(\d+)/m.exec(text) ?? /^summary:\s*(\d+)/m.exec(text);
  return line ? Number(line[1]) : 0;
}

/**
 * The files of dump number `dump` of the process `pid` in `dir` (`cg.PID.DUMP-THREAD`, one per thread with
 * `--separate-threads=yes`), by thread number: thread 1 is the main thread (the event loop).
 */
export function dumpFiles(dir: string, pid: number, dump: number): Map<number, string> {
  const files = new Map<number, string>();
  const pattern = new RegExp(`^cg\\.${pid}\\.${dump}-(\\d+)$`);
  for (const name of readdirSync(dir)) {
    const match = pattern.exec(name);
    if (match) files.set(Number(match[1]), join(dir, name));
  }
  return files;
}
