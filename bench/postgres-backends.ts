import pg from 'pg';
import { cpuMillisecondsOf } from '../harness/process-usage';

/**
 * The PostgreSQL backends (one process per connection) that serve one of the benchmarked servers, found by
 * the application_name its connection URL sets, and the CPU time they use. PostgreSQL must run on this
 * machine, where /proc shows its processes (as it does here; elsewhere the figures are left out).
 */

/** `url` with `application_name` set as a query parameter (the pg driver lets it override its own). */
export function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
}

/** A connection of the benchmark itself, for looking up backends. */
export interface BackendLookup {
  /** The process ids of the backends whose sessions carry `applicationName`. */
  pids: (applicationName: string) => Promise<number[]>;
  close: () => Promise<void>;
}

/** Connects to `url` to look up backends; rejects when PostgreSQL cannot be reached within `timeoutMs`. */
export async function connectBackendLookup(url: string, timeoutMs = 3000): Promise<BackendLookup> {
  const client = new pg.Client({
    connectionString: withApplicationName(url, 'bench-lookup'),
    connectionTimeoutMillis: timeoutMs,
  });
  await client.connect();
  return {
    pids: async (applicationName) =>
      (
        await client.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [
          applicationName,
        ])
      ).rows.map((row) => row.pid),
    close: () => client.end(),
  };
}

/**
 * A reading of the CPU time of a server's backends: taken before a load run with the backends that exist
 * then, finished after it with those that exist then. A backend that appeared during the run counts whole;
 * one that ended during it counts up to the last reading (so a figure may be slightly low, never high).
 */
export async function startBackendCpu(
  lookup: BackendLookup,
  applicationName: string,
): Promise<{ finish: () => Promise<{ milliseconds: number; backends: number }> }> {
  const before = new Map<number, number>();
  for (const pid of await lookup.pids(applicationName)) {
    const ms = cpuMillisecondsOf(pid);
    if (ms !== undefined) before.set(pid, ms);
  }
  return {
    finish: async () => {
      const after = await lookup.pids(applicationName);
      let milliseconds = 0;
      for (const pid of new Set([...after, ...before.keys()])) {
        const now = cpuMillisecondsOf(pid);
        if (now !== undefined) milliseconds += now - (before.get(pid) ?? 0);
      }
      return { milliseconds, backends: new Set([...after, ...before.keys()]).size };
    },
  };
}
