import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRows } from '../server/ingest/build-database';
import { scaleDataset } from '../harness/synthetic-dataset';
import { environmentFor } from '../server/db/location';
import { countStatements } from './count-statements';
import { benchOperations } from './operations';
import { DEFAULT_BENCH_URL, writeBenchDatabase, type BenchDialect } from './scratch-database';
import { ROOT, spawnServer } from '../harness/spawn-server';

const USAGE = `usage: npm run bench:scale -- [--factors 1,10,100,1000] [--requests N] [--db sqlite|postgres] [--url URL]

Grows the dataset by each factor (scaleDataset: copies of the stelsel, linked), and for each size reports the
database build time and size, the server's resident memory, the p50 latency of Q1–Q6 and of a page of
observations (N sequential requests each, no answer store), and the SQL statements per request; then the
growth per ×10. --db postgres writes each size to a scratch schema of the database at --url (default:
${DEFAULT_BENCH_URL}) and drops it afterwards.`;

/** The median latency of `count` sequential requests of one body. */
async function p50(url: string, body: string, count: number): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count + 2; i += 1) {
    const start = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    if (response.status !== 200 || text.startsWith('{"errors"'))
      throw new Error(`answered ${response.status}: ${text.slice(0, 300)}`);
    bytes = text.length;
    if (i >= 2) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, bytes };
}

async function main(): Promise<void> {
  const args = parseArgs({
    options: {
      factors: { type: 'string', default: '1,10,100,1000' },
      requests: { type: 'string', default: '25' },
      db: { type: 'string', default: 'sqlite' },
      url: { type: 'string', default: DEFAULT_BENCH_URL },
      help: { type: 'boolean' },
    },
    strict: true,
  }).values;
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  const factors = args.factors.split(',').map(Number);
  if (factors.some((f) => !Number.isInteger(f) || f < 1))
    throw new Error(`--factors must be whole numbers ≥ 1; got ${args.factors}`);
  const requests = Number(args.requests);
  if (args.db !== 'sqlite' && args.db !== 'postgres')
    throw new Error(`--db must be sqlite or postgres; got ${args.db}`);
  const dialect: BenchDialect = args.db;
  const base = buildRows(join(ROOT, 'seeds')).rows;
  const operations = benchOperations();
  const rows: {
    factor: number;
    buildSeconds: number;
    megabytes: number;
    rssMegabytes: number;
    latency: Record<string, { ms: number; bytes: number }>;
    statements: Record<string, number>;
  }[] = [];
  for (const factor of factors) {
    const started = performance.now();
    const database = await writeBenchDatabase(
      dialect,
      args.url,
      scaleDataset(base, factor),
      `scale${factor}`,
    );
    const buildSeconds = (performance.now() - started) / 1000;
    const statements = await countStatements(database.location, operations);
    const server = await spawnServer({
      ...environmentFor(database.location),
      SEEDS_DIR: join(tmpdir(), 'no-seeds'),
      RESPONSE_CACHE: 'off',
      TIME_BUDGET_MS: '600000',
      // the limits grow with the data (list sizes are measured from it): what is measured here is time
      MAX_COST: '1000000000',
      MAX_NODES: '1000000000',
    });
    const latency: Record<string, { ms: number; bytes: number }> = {};
    try {
      for (const operation of operations)
        latency[operation.id] = await p50(`${server.url}/graphql`, operation.body, requests);
      rows.push({
        factor,
        buildSeconds,
        megabytes: (await database.bytes()) / 1024 / 1024,
        rssMegabytes: (await server.memory()).rssBytes / 1024 / 1024,
        latency,
        statements,
      });
    } finally {
      await server.stop();
      await database.drop();
    }
    process.stderr.write(`×${factor} done\n`);
  }
  const ids = operations.map((o) => o.id);
  const pad = (s: string | number, n = 8) => String(s).padStart(n);
  const lines = [
    `${dialect}`,
    `size      build s    DB MB   RSS MB | ${ids.map((id) => pad(`${id} ms`)).join(' ')} | SQL per request (${ids.join(' ')})`,
    ...rows.map(
      (r) =>
        `×${String(r.factor).padEnd(6)} ${pad(r.buildSeconds.toFixed(2))} ${pad(r.megabytes.toFixed(1))} ${pad(r.rssMegabytes.toFixed(0))} | ${ids.map((id) => pad(r.latency[id]!.ms.toFixed(1))).join(' ')} | ${ids.map((id) => r.statements[id]).join(' ')}`,
    ),
    '',
    'growth per ×10 (the next size over this one):',
    ...rows.slice(1).map((r, i) => {
      const prev = rows[i]!;
      const ratio = (a: number, b: number) => (a / b).toFixed(2);
      return `×${prev.factor}→×${r.factor}: build ${ratio(r.buildSeconds, prev.buildSeconds)}, DB ${ratio(r.megabytes, prev.megabytes)}, RSS ${ratio(r.rssMegabytes, prev.rssMegabytes)} | ${ids.map((id) => `${id} ${ratio(r.latency[id]!.ms, prev.latency[id]!.ms)} (answer ${ratio(r.latency[id]!.bytes, prev.latency[id]!.bytes)})`).join(', ')}`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
