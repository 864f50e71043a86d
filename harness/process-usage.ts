import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * What a process on this machine has used, read from Linux's /proc: CPU time (user + system) and resident
 * memory. For benchmarks: the server's, the peer's and PostgreSQL backends' cost per request.
 */

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second, in which /proc/<pid>/stat counts CPU time (`getconf CLK_TCK`, usually 100). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * The CPU time process `pid` has used so far (user + system, all its threads), in milliseconds; undefined when
 * there is no such process (any more). Its resolution is one clock tick (10 ms at 100 ticks per second).
 */
export function cpuMillisecondsOf(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // the command name (field 2) is in parentheses and may hold spaces: count the fields after its last ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]); // field 14
  const stime = Number(fields[12]); // field 15
  return ((utime + stime) * 1000) / clockTicksPerSecond();
}

/** The resident memory of process `pid` (VmRSS of /proc/<pid>/status) in bytes; undefined when it has ended. */
export function residentBytesOf(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
