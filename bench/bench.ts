import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { environmentFor, postgresAt, type DatabaseLocation } from '../server/db/location';
import { buildRows } from '../server/ingest/build-database';
import { countStatements } from './count-statements';
import { startFloorServer } from './floor-server';
import { benchOperations, type BenchOperation } from './operations';
import { runLoad, type LoadResult } from './run-load';
import { DEFAULT_BENCH_URL, writeBenchDatabase } from './scratch-database';
import { ROOT, spawnServer } from '../harness/spawn-server';

const USAGE = `usage: npm run bench -- [--duration SECONDS] [--connections N] [--db sqlite|postgres|both] [--url URL]

Builds the database, starts the server in production mode (as its own process), and drives Q1–Q6 and a page
of observations with autocannon on loopback, without and with the response cache; then drives a bare
node:http server answering the same bytes (the floor). Prints req/s, p50, p99, bytes and the ratio to the
floor, and the SQL statements per request; writes bench/results/latest.json.

  --db sqlite     the SQLite file (default)
  --db postgres   a scratch schema in the PostgreSQL database at --url, dropped afterwards
  --db both       both, one after the other, and a side-by-side table of the two
  --url URL       the PostgreSQL database (default: ${DEFAULT_BENCH_URL})`;

interface Row {
  id: string;
  title: string;
  statements: number;
  floor: LoadResult;
  uncached: LoadResult;
  cached: LoadResult;
}

/** What one dialect measured. */
interface DialectRun {
  dialect: 'sqlite' | 'postgres';
  memoryUnderLoad: number;
  statements: Record<string, number>;
  uncached: Record<string, LoadResult>;
  cached: Record<string, LoadResult>;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits).padStart(8);

/** Drives every operation against a server on `location`, without and with the response cache. */
async function measureDialect(
  location: DatabaseLocation,
  operations: BenchOperation[],
  answers: Map<string, { bytes: Buffer; contentType: string }>,
  duration: number,
  connections: number,
): Promise<DialectRun> {
  const statements = await countStatements(location, operations);
  const env = { ...environmentFor(location), SEEDS_DIR: join(tmpdir(), 'no-seeds') };
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
        const earlier = answers.get(operation.body);
        if (earlier && !earlier.bytes.equals(bytes))
          throw new Error(`${operation.id} answers differently on ${location.dialect} than before`);
        answers.set(operation.body, {
          bytes,
          contentType: response.headers.get('content-type') ?? 'application/json',
        });
        results[operation.id] = await runLoad(`${server.url}/graphql`, operation.body, duration, connections);
        process.stderr.write(
          `${operation.id} ${location.dialect} cache ${mode}: ${results[operation.id]!.requestsPerSecond.toFixed(0)} req/s\n`,
        );
      }
      if (mode === 'off') memoryUnderLoad = (await server.memory()).rssBytes;
    } finally {
      await server.stop();
    }
  }
  return { dialect: location.dialect, memoryUnderLoad, statements, uncached, cached };
}

async function main(): Promise<void> {
  const args = parseArgs({
    options: {
      duration: { type: 'string', default: '8' },
      connections: { type: 'string', default: '20' },
      db: { type: 'string', default: 'sqlite' },
      url: { type: 'string', default: DEFAULT_BENCH_URL },
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
  const dialects = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] }[args.db] as
    ('sqlite' | 'postgres')[] | undefined;
  if (!dialects) throw new Error(`--db must be sqlite, postgres or both; got ${args.db}`);
  postgresAt(args.url);

  const rows = buildRows(join(ROOT, 'seeds')).rows;
  const operations = benchOperations();
  const answers = new Map<string, { bytes: Buffer; contentType: string }>();
  const runs: DialectRun[] = [];
  for (const dialect of dialects) {
    const database = await writeBenchDatabase(dialect, args.url, rows, 'run');
    try {
      runs.push(await measureDialect(database.location, operations, answers, duration, connections));
    } finally {
      await database.drop();
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

  const lines = [
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}; ${duration} s per run, ${connections} connections`,
  ];
  const results = runs.map((run) => {
    const rowsOfRun: Row[] = operations.map((o) => ({
      id: o.id,
      title: o.title,
      statements: run.statements[o.id]!,
      floor: floors[o.id]!,
      uncached: run.uncached[o.id]!,
      cached: run.cached[o.id]!,
    }));
    lines.push(
      '',
      `${run.dialect}: server resident memory after the uncached runs: ${(run.memoryUnderLoad / 1024 / 1024).toFixed(1)} MB`,
      `op        floor req/s | uncached req/s    p50    p99  ratio | cached req/s    p50    p99  ratio |    bytes  SQL`,
      ...rowsOfRun.map(
        (r) =>
          `${r.id.padEnd(4)} ${fmt(r.floor.requestsPerSecond)}         | ${fmt(r.uncached.requestsPerSecond)}   ${fmt(r.uncached.p50, 0)}${fmt(r.uncached.p99, 0)} ${fmt(r.uncached.requestsPerSecond / r.floor.requestsPerSecond, 2)} | ` +
          `${fmt(r.cached.requestsPerSecond)} ${fmt(r.cached.p50, 0)}${fmt(r.cached.p99, 0)} ${fmt(r.cached.requestsPerSecond / r.floor.requestsPerSecond, 2)} | ${fmt(r.floor.bytesPerRequest)} ${String(r.statements).padStart(4)}`,
      ),
    );
    return { dialect: run.dialect, memoryUnderLoadBytes: run.memoryUnderLoad, rows: rowsOfRun };
  });
  if (runs.length === 2) {
    const [lite, pg] = runs as [DialectRun, DialectRun];
    lines.push(
      '',
      'side by side, without the response cache (every request executes its SQL):',
      `op   sqlite req/s  p50  p99 | postgres req/s  p50  p99 | postgres/sqlite`,
      ...operations.map((o) => {
        const a = lite.uncached[o.id]!;
        const b = pg.uncached[o.id]!;
        return `${o.id.padEnd(4)} ${fmt(a.requestsPerSecond)} ${fmt(a.p50).slice(3)} ${fmt(a.p99).slice(3)} | ${fmt(b.requestsPerSecond)}       ${fmt(b.p50).slice(3)} ${fmt(b.p99).slice(3)} | ${fmt(b.requestsPerSecond / a.requestsPerSecond, 2)}`;
      }),
    );
  }
  lines.push('', ...operations.map((o) => `${o.id}: ${o.title}`));
  process.stdout.write(`${lines.join('\n')}\n`);
  const errors = results
    .flatMap((r) => r.rows)
    .flatMap((r) => [r.floor, r.uncached, r.cached])
    .reduce((sum, l) => sum + l.errors + l.non2xx, 0);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/results/latest.json'),
    `${JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, duration, connections, errors, results }, null, 2)}\n`,
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
