import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentFor, type DatabaseLocation } from '../server/db/location';
import { spawnServer, type SpawnedServer } from '../harness/spawn-server';
import type { ServiceVariant } from './bench-arguments';
import { checkPeerAnswers, checkSameAnswers, recordAnswers } from './check-answers';
import { countStatements } from './count-statements';
import { startFloor, type RecordedAnswer } from './floor-process';
import { measureRun, type LoadTarget, type RunMeasurement } from './measure-run';
import type { BenchOperation } from './operations';
import { withApplicationName, type BackendLookup } from './postgres-backends';
import { runSchedule } from '../harness/run-schedule';
import { summarizeRounds, type RoundsSummary } from './rounds-summary';

/** How the load runs of one dialect are made. */
export interface DialectPlan {
  location: DatabaseLocation;
  operations: readonly BenchOperation[];
  variants: readonly ServiceVariant[];
  /** PostGraphile, already running (on PostgreSQL whatever the dialect), or undefined when it is left out. */
  peer: LoadTarget | undefined;
  lookup: BackendLookup | undefined;
  rounds: number;
  duration: number;
  /** Seconds of load before a column's first run of an operation, not counted (0: a burst only); a burst before the others. */
  warmup: number;
  connections: number;
  /** The answers of an earlier dialect: this one must answer the same. */
  earlierAnswers?: ReadonlyMap<string, RecordedAnswer>;
}

/** What one dialect measured: per operation, its statements and each column's rounds and their summary. */
export interface DialectResult {
  dialect: DatabaseLocation['dialect'];
  /** The columns in order: floor, floor2 (see {@link SECOND_FLOOR}), uncached, cached, the variants, postgraphile (when there). */
  columns: string[];
  operations: {
    id: string;
    title: string;
    statements: number;
    /** Per column (only those run on this operation). */
    runs: Record<string, RunMeasurement[]>;
    summary: Record<string, RoundsSummary>;
  }[];
  answers: Map<string, RecordedAnswer>;
}

/**
 * The column of a second floor: the same server as the floor, started beside it, loaded in its turn like any
 * other column. Two identical servers differ only by the host's pace while each runs, so its ratio to the
 * floor, round by round, is the run's own spread (an A/A check): a ratio of the service that misses its target
 * by less than that spread is not told apart from it by the run.
 */
export const SECOND_FLOOR = 'floor2';

/** The service's columns: uncached and cached, then the variants (uncached unless they set RESPONSE_CACHE). */
function serviceColumns(variants: readonly ServiceVariant[]): ServiceVariant[] {
  return [
    { name: 'uncached', env: { RESPONSE_CACHE: 'off' } },
    { name: 'cached', env: { RESPONSE_CACHE: 'on' } },
    ...variants.map((v) => ({ name: v.name, env: { RESPONSE_CACHE: 'off', ...v.env } })),
  ];
}

/** Starts one server of the service on `location` with a column's settings. */
function startService(location: DatabaseLocation, column: ServiceVariant): Promise<SpawnedServer> {
  const applicationName = `bench-${column.name}`;
  const env = environmentFor(
    location.dialect === 'postgres'
      ? { ...location, url: withApplicationName(location.url, applicationName) }
      : location,
  );
  return spawnServer({ ...env, SEEDS_DIR: join(tmpdir(), 'no-seeds'), ...column.env });
}

/**
 * Measures one dialect: counts each operation's SQL statements, starts every server of the service at once
 * (each its own process), checks that they (and the peer) answer alike, starts the floor with the service's
 * bytes (twice: {@link SECOND_FLOOR}), then for each operation runs `rounds` rounds of alternating load runs:
 * the floors, each service column, the peer (for operations it has an equivalent for), in the orders of a
 * Williams design ({@link runSchedule}: each column as often right after each other one), each column's first
 * run after `warmup` seconds of load and the others after a burst. Only one server is loaded at a time.
 */
export async function measureDialect(
  plan: DialectPlan,
  progress: (line: string) => void,
): Promise<DialectResult> {
  const { location, operations } = plan;
  const statements = await countStatements(location, [...operations]);
  const columns = serviceColumns(plan.variants);
  const servers: { column: string; server: SpawnedServer }[] = [];
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  let secondFloor: Awaited<ReturnType<typeof startFloor>> | undefined;
  try {
    for (const column of columns)
      servers.push({ column: column.name, server: await startService(location, column) });
    const answers = await recordAnswers(`${servers[0]!.server.url}/graphql`, operations);
    for (const [body, answer] of plan.earlierAnswers ?? []) {
      const mine = answers.get(body);
      if (mine && !mine.bytes.equals(answer.bytes))
        throw new Error(
          `${operations.find((o) => o.body === body)?.id} answers differently on ${location.dialect} than before`,
        );
    }
    for (const { column, server } of servers.slice(1))
      await checkSameAnswers(column, `${server.url}/graphql`, operations, answers);
    if (plan.peer)
      await checkPeerAnswers(plan.peer.url, operations, answers, `the service on ${location.dialect}`);
    floor = await startFloor(answers);
    secondFloor = await startFloor(answers);

    const targets: LoadTarget[] = [
      { column: 'floor', url: `${floor.url}/graphql`, pid: floor.pid },
      { column: SECOND_FLOOR, url: `${secondFloor.url}/graphql`, pid: secondFloor.pid },
      ...servers.map(({ column, server }) => ({
        column,
        url: `${server.url}/graphql`,
        pid: server.child.pid!,
        ...(location.dialect === 'postgres' ? { applicationName: `bench-${column}` } : {}),
      })),
    ];
    const result: DialectResult = {
      dialect: location.dialect,
      columns: [...targets.map((t) => t.column), ...(plan.peer ? [plan.peer.column] : [])],
      operations: [],
      answers,
    };
    for (const operation of operations) {
      const runs: Record<string, RunMeasurement[]> = {};
      const these = operation.peer && plan.peer ? [...targets, plan.peer] : targets;
      for (const { round, column: target, first } of runSchedule(these, plan.rounds)) {
        const body = target === plan.peer ? operation.peer!.peerBody : operation.body;
        // the full warm-up before a column's first run of the operation, a burst before the others
        const run = await measureRun(target, body, { ...plan, warmup: first ? plan.warmup : 0 }, plan.lookup);
        (runs[target.column] ??= []).push(run);
        progress(
          `${location.dialect} ${operation.id} round ${round + 1}/${plan.rounds} ${target.column}: ` +
            `${run.requestsPerSecond.toFixed(0)} req/s, ${run.cpuMsPerRequest.toFixed(3)} CPU ms/req` +
            (run.backendCpuMsPerRequest === undefined
              ? ''
              : `, backends ${run.backendCpuMsPerRequest.toFixed(2)} ms/req`),
        );
      }
      result.operations.push({
        id: operation.id,
        title: operation.title,
        statements: statements[operation.id]!,
        runs,
        summary: Object.fromEntries(Object.entries(runs).map(([column, r]) => [column, summarizeRounds(r)])),
      });
    }
    return result;
  } finally {
    await floor?.stop();
    await secondFloor?.stop();
    for (const { server } of servers) await server.stop();
  }
}
