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
import { roundOrder } from '../harness/round-order';
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
  /** Seconds of load before each run, not counted (0: a burst only). */
  warmup: number;
  connections: number;
  /** The answers of an earlier dialect: this one must answer the same. */
  earlierAnswers?: ReadonlyMap<string, RecordedAnswer>;
}

/** What one dialect measured: per operation, its statements and each column's rounds and their summary. */
export interface DialectResult {
  dialect: DatabaseLocation['dialect'];
  /** The columns in order: floor, uncached, cached, the variants, postgraphile (when there). */
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
 * bytes, then for each operation runs `rounds` rounds of alternating load runs: floor, each service column,
 * the peer (for operations it has an equivalent for), in the orders of a Williams design
 * ({@link roundOrder}: each column as often right after each other one). Only one server is loaded at a time.
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

    const targets: LoadTarget[] = [
      { column: 'floor', url: `${floor.url}/graphql`, pid: floor.pid },
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
      for (let round = 1; round <= plan.rounds; round += 1) {
        for (const target of roundOrder(these, round - 1)) {
          const body = target === plan.peer ? operation.peer!.peerBody : operation.body;
          const run = await measureRun(target, body, plan, plan.lookup);
          (runs[target.column] ??= []).push(run);
          progress(
            `${location.dialect} ${operation.id} round ${round}/${plan.rounds} ${target.column}: ` +
              `${run.requestsPerSecond.toFixed(0)} req/s, ${run.cpuMsPerRequest.toFixed(2)} CPU ms/req` +
              (run.backendCpuMsPerRequest === undefined
                ? ''
                : `, backends ${run.backendCpuMsPerRequest.toFixed(2)} ms/req`),
          );
        }
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
    for (const { server } of servers) await server.stop();
  }
}
