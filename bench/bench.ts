import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRows } from '../server/ingest/build-database';
import { writeSqliteDatabase } from '../server/ingest/write-database';
import { countStatements } from './count-statements';
import { startFloorServer } from './floor-server';
import { benchOperations } from './operations';
import { runLoad, type LoadResult } from './run-load';
import { ROOT, spawnServer } from './spawn-server';

const USAGE = `usage: npm run bench -- [--duration SECONDS] [--connections N]

Builds the database, starts the server in production mode (as its own process), and drives Q1–Q6 and a page
of observations with autocannon on loopback, without and with the response cache; then drives a bare
node:http server answering the same bytes (the floor). Prints req/s, p50, p99, bytes and the ratio to the
floor, and the SQL statements per request; writes bench/results/latest.json.`;

interface Row {
  id: string;
  title: string;
  statements: number;
  floor: LoadResult;
  uncached: LoadResult;
  cached: LoadResult;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(8);

async function main(): Promise<void> {
  const args = parseArgs({
    options: {
      duration: { type: 'string', default: '8' },
      connections: { type: 'string', default: '20' },
      help: { type: 'boolean' },
    },
    strict: true,
  }).values;
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  if (!Number.isInteger(duration) || duration < 1)
    throw new Error(`--duration must be a whole number of seconds; got ${args.duration}`);
  if (!Number.isInteger(connections) || connections < 1)
    throw new Error(`--connections must be a whole number; got ${args.connections}`);

  const databaseFile = join(tmpdir(), `stelselgraph-bench-${process.pid}.sqlite`);
  await writeSqliteDatabase(buildRows(join(ROOT, 'seeds')).rows, databaseFile);
  const operations = benchOperations();
  const statements = await countStatements(databaseFile, operations);
  const env = { DATABASE_FILE: databaseFile, SEEDS_DIR: join(tmpdir(), 'no-seeds') };

  const answers = new Map<string, { bytes: Buffer; contentType: string }>();
  const uncached: Record<string, LoadResult> = {};
  const cached: Record<string, LoadResult> = {};
  let memoryUnderLoad = 0;
  for (const [mode, results] of [
    ['off', uncached],
    ['on', cached],
  ] as const) {
    const server = await spawnServer({ ...env, RESPONSE_CACHE: mode });
    try {
      for (const operation of operations) {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: operation.body,
        });
        const bytes = Buffer.from(await response.arrayBuffer());
        if (response.status !== 200 || bytes.includes('"errors"'))
          throw new Error(`${operation.id} answered ${response.status}: ${bytes.toString().slice(0, 300)}`);
        answers.set(operation.body, {
          bytes,
          contentType: response.headers.get('content-type') ?? 'application/json',
        });
        results[operation.id] = await runLoad(`${server.url}/graphql`, operation.body, duration, connections);
        process.stderr.write(
          `${operation.id} cache ${mode}: ${results[operation.id]!.requestsPerSecond.toFixed(0)} req/s\n`,
        );
      }
      if (mode === 'off') memoryUnderLoad = (await server.memory()).rssBytes;
    } finally {
      await server.stop();
    }
  }
  const floor = await startFloorServer(answers);
  const floors: Record<string, LoadResult> = {};
  try {
    for (const operation of operations) {
      floors[operation.id] = await runLoad(`${floor.url}/graphql`, operation.body, duration, connections);
      process.stderr.write(
        `${operation.id} floor: ${floors[operation.id]!.requestsPerSecond.toFixed(0)} req/s\n`,
      );
    }
  } finally {
    await floor.close();
  }

  const rows: Row[] = operations.map((o) => ({
    id: o.id,
    title: o.title,
    statements: statements[o.id]!,
    floor: floors[o.id]!,
    uncached: uncached[o.id]!,
    cached: cached[o.id]!,
  }));
  const lines = [
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}; ${duration} s per run, ${connections} connections`,
    `server resident memory after the uncached runs: ${(memoryUnderLoad / 1024 / 1024).toFixed(1)} MB`,
    '',
    `op        floor req/s | uncached req/s    p50    p99  ratio | cached req/s    p50    p99  ratio |    bytes  SQL`,
    ...rows.map(
      (r) =>
        `${r.id.padEnd(4)} ${fmt(r.floor.requestsPerSecond)}         | ${fmt(r.uncached.requestsPerSecond)}   ${fmt(r.uncached.p50, 0)}${fmt(r.uncached.p99, 0)} ${fmt(r.uncached.requestsPerSecond / r.floor.requestsPerSecond, 2)} | ` +
        `${fmt(r.cached.requestsPerSecond)} ${fmt(r.cached.p50, 0)}${fmt(r.cached.p99, 0)} ${fmt(r.cached.requestsPerSecond / r.floor.requestsPerSecond, 2)} | ${fmt(r.floor.bytesPerRequest)} ${String(r.statements).padStart(4)}`,
    ),
    '',
    ...rows.map((r) => `${r.id}: ${r.title}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const errors = rows
    .flatMap((r) => [r.floor, r.uncached, r.cached])
    .reduce((sum, l) => sum + l.errors + l.non2xx, 0);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/results/latest.json'),
    `${JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, duration, connections, memoryUnderLoadBytes: memoryUnderLoad, errors, rows }, null, 2)}\n`,
  );
  if (errors > 0) {
    process.stderr.write(`error: ${errors} failed or non-2xx requests\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
