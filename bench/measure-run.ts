import { cpuMillisecondsOf, residentBytesOf } from '../harness/process-usage';
import { startBackendCpu, type BackendLookup } from './postgres-backends';
import { runLoad, type LoadResult } from './run-load';

/** A server under test as the benchmark drives it: a column of the tables. */
export interface LoadTarget {
  /** The column: `floor`, `uncached`, `cached`, a variant's name, `postgraphile`. */
  column: string;
  /** Where it answers GraphQL POSTs. */
  url: string;
  /** Its process: whose CPU time and memory are read. */
  pid: number;
  /** The application_name of its PostgreSQL sessions, when it has any: whose backends' CPU time is read. */
  applicationName?: string;
}

/** One load run of one target: what autocannon saw, and what the run cost the server (and its backends). */
export interface RunMeasurement extends LoadResult {
  /** CPU time of the server's process per request completed, in ms. */
  cpuMsPerRequest: number;
  /** CPU time of its PostgreSQL backends per request completed, in ms (when it uses PostgreSQL). */
  backendCpuMsPerRequest?: number;
  /** Its largest resident memory seen during the run, in bytes. */
  peakRssBytes: number;
}

/** How often resident memory is sampled during a run, in ms. */
const RSS_SAMPLE_MS = 250;

/**
 * A warm-up (so that connections, pools and caches are there, backends exist to be found, and the server runs
 * its optimised code, not its first tiers: `warmup` seconds of load, or with 0 a burst of requests), then a
 * timed run of `duration` seconds with the server's CPU time (and its backends') read before and after and
 * its memory sampled throughout.
 */
export async function measureRun(
  target: LoadTarget,
  body: string,
  { duration, warmup, connections }: { duration: number; warmup: number; connections: number },
  lookup: BackendLookup | undefined,
): Promise<RunMeasurement> {
  if (warmup > 0) await runLoad(target.url, body, warmup, connections);
  else await runLoad(target.url, body, duration, connections, Math.max(100, connections * 5));
  const backends =
    lookup && target.applicationName ? await startBackendCpu(lookup, target.applicationName) : undefined;
  let peakRssBytes = residentBytesOf(target.pid) ?? 0;
  const sampler = setInterval(
    () => (peakRssBytes = Math.max(peakRssBytes, residentBytesOf(target.pid) ?? 0)),
    RSS_SAMPLE_MS,
  );
  const cpuBefore = cpuMillisecondsOf(target.pid);
  let load: LoadResult;
  try {
    load = await runLoad(target.url, body, duration, connections);
  } finally {
    clearInterval(sampler);
  }
  const cpuAfter = cpuMillisecondsOf(target.pid);
  if (cpuBefore === undefined || cpuAfter === undefined)
    throw new Error(`${target.column} (process ${target.pid}) ended during its load run`);
  const perRequest = (ms: number) => (load.requests > 0 ? ms / load.requests : 0);
  const backendCpu = await backends?.finish();
  return {
    ...load,
    cpuMsPerRequest: perRequest(cpuAfter - cpuBefore),
    ...(backendCpu ? { backendCpuMsPerRequest: perRequest(backendCpu.milliseconds) } : {}),
    peakRssBytes: Math.max(peakRssBytes, residentBytesOf(target.pid) ?? 0),
  };
}
