import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { postgresAt, type PostgresLocation } from '../server/db/location';
import { buildRows } from '../server/ingest/build-database';
import { ROOT } from '../harness/spawn-server';
import type { ListeningProcess } from '../harness/spawn-listening';
import { BENCH_USAGE, parseBenchArguments, type BenchArguments } from './bench-arguments';
import { benchReport, PEER_COLUMN } from './bench-report';
import type { RecordedAnswer } from './floor-process';
import { measureDialect, type DialectResult } from './measure-dialect';
import type { LoadTarget } from './measure-run';
import { benchOperations, peerBenchOperations } from './operations';
import { PEER_APPLICATION_NAME, startPeer } from './peer-process';
import { connectBackendLookup, type BackendLookup } from './postgres-backends';
import { writeBenchDatabase, type BenchDatabase } from './scratch-database';

const progress = (line: string) => process.stderr.write(`${line}\n`);

/** PostgreSQL, when it can be reached: a connection for finding backends. Says so in one line when not. */
async function reachPostgres(args: BenchArguments): Promise<BackendLookup | undefined> {
  postgresAt(args.url); // a malformed --url is an error whatever happens next
  try {
    return await connectBackendLookup(args.url);
  } catch (error) {
    const why = `PostgreSQL at --url cannot be reached (${(error as Error).message})`;
    if (args.dbExplicit && args.dialects.includes('postgres')) throw new Error(why);
    process.stdout.write(`${why}: running SQLite only, without PostGraphile\n`);
    return undefined;
  }
}

/** Writes bench/results/latest.json: every round of every run, and their summaries. */
function writeResults(args: BenchArguments, results: readonly DialectResult[], failures: number): void {
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const json = {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    node: process.version,
    loadAverageAtStart: loadavg(),
    rounds: args.rounds,
    duration: args.duration,
    warmup: args.warmup,
    connections: args.connections,
    variants: args.variants,
    errors: failures,
    results: results.map((r) => ({
      dialect: r.dialect,
      columns: r.columns,
      peerOn: r.columns.includes(PEER_COLUMN) ? 'postgres' : null,
      operations: r.operations,
    })),
  };
  writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(json, null, 2)}\n`);
}

async function main(): Promise<void> {
  const operations = [...benchOperations(), ...peerBenchOperations()];
  const args = parseBenchArguments(
    process.argv.slice(2),
    operations.map((o) => o.id),
  );
  if (args.help) return void process.stdout.write(`${BENCH_USAGE}\n`);
  const chosen = args.only ? operations.filter((o) => args.only!.includes(o.id)) : operations;
  const load = loadavg();
  const heading = [
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, load average at start ${load.map((l) => l.toFixed(2)).join(' ')}`,
    `plan: ${args.rounds} rounds × ${args.duration} s × ${args.connections} connections per run (the first of each column on an operation after ${args.warmup} s of warm-up, the others after a burst), alternating floor, floor2 (A/A), service uncached, cached${args.variants
      .map(
        (v) =>
          `, ${v.name} (${Object.entries(v.env)
            .map(([k, val]) => `${k}=${val}`)
            .join(' ')})`,
      )
      .join(
        '',
      )}, PostGraphile (in the orders of a Williams design: each column as often right after each other one)`,
  ];
  process.stderr.write(`${heading.join('\n')}\n`);

  const lookup = await reachPostgres(args);
  const dialects = lookup ? args.dialects : (['sqlite'] as const);
  const rows = buildRows(join(ROOT, 'seeds')).rows;
  let postgres: BenchDatabase | undefined;
  let peerProcess: ListeningProcess | undefined;
  const results: DialectResult[] = [];
  try {
    let peer: LoadTarget | undefined;
    if (lookup) {
      // one scratch schema: the service's on PostgreSQL, and PostGraphile's on either dialect
      postgres = await writeBenchDatabase('postgres', args.url, rows, 'run');
      if (chosen.some((o) => o.peer)) {
        peerProcess = await startPeer(postgres.location as PostgresLocation);
        peer = {
          column: PEER_COLUMN,
          url: `${peerProcess.url}/graphql`,
          pid: peerProcess.pid,
          applicationName: PEER_APPLICATION_NAME,
        };
      }
    }
    let earlierAnswers: Map<string, RecordedAnswer> | undefined;
    for (const dialect of dialects) {
      const database =
        dialect === 'postgres' ? postgres! : await writeBenchDatabase('sqlite', args.url, rows, 'run');
      try {
        const result = await measureDialect(
          {
            location: database.location,
            operations: chosen,
            variants: args.variants,
            peer,
            lookup,
            rounds: args.rounds,
            duration: args.duration,
            warmup: args.warmup,
            connections: args.connections,
            earlierAnswers,
          },
          progress,
        );
        earlierAnswers = result.answers;
        results.push(result);
      } finally {
        if (dialect === 'sqlite') await database.drop();
      }
    }
  } finally {
    await peerProcess?.stop();
    await postgres?.drop();
    await lookup?.close();
  }

  process.stdout.write(benchReport(results, heading, chosen));
  const failures = results
    .flatMap((r) => r.operations)
    .flatMap((o) => Object.values(o.summary))
    .reduce((sum, s) => sum + s.failures, 0);
  writeResults(args, results, failures);
  if (failures > 0) {
    process.stderr.write(`error: ${failures} failed or non-2xx requests\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
