import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { environmentFor, postgresAt } from '../server/db/location';
import { dropPostgresSchema } from '../server/ingest/write-postgres';
import { exampleMix } from '../harness/query-mix';
import { spawnServer } from '../harness/spawn-server';

const USAGE = `usage: npm run soak -- [--duration SECONDS] [--connections N] [--no-response-cache] [--url URL]

A bounded load on loopback: the playground's example queries, round robin, over N connections for a number
of seconds, against the server started as its own process. Reports errors (must be 0), non-2xx answers,
latency, and the server's memory before and after. Exits 1 when there were errors or non-2xx answers.

  --url URL   serve from PostgreSQL: a scratch schema in this database, built by the server at start-up
              and dropped afterwards (default: the SQLite file)`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        duration: { type: 'string', default: '60' },
        connections: { type: 'string', default: '50' },
        'no-response-cache': { type: 'boolean' },
        url: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  const duration = Number(args.duration);
  const connections = Number(args.connections);
  if (!Number.isInteger(duration) || duration < 1 || duration > 3600)
    throw new Error(`--duration must be 1–3600 seconds; got ${args.duration}`);
  if (!Number.isInteger(connections) || connections < 1 || connections > 1000)
    throw new Error(`--connections must be 1–1000; got ${args.connections}`);

  const database = args.url ? postgresAt(args.url, `soak_${process.pid}`) : undefined;
  const server = await spawnServer({
    ...(args['no-response-cache'] ? { RESPONSE_CACHE: 'off' } : {}),
    ...(database ? environmentFor(database) : {}),
  });
  try {
    const mix = exampleMix();
    // warm up once per query, so "before" measures a server that has loaded its code paths
    for (const request of mix)
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: request.body,
      });
    const before = await server.memory();
    const result = await autocannon({
      url: `${server.url}/graphql`,
      connections,
      duration,
      requests: mix.map((request) => ({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: request.body,
      })),
    });
    const after = await server.memory();
    const lines = [
      `soak: ${duration} s, ${connections} connections, ${mix.length} example queries round robin, response cache ${args['no-response-cache'] ? 'off' : 'on'}, ${database ? 'PostgreSQL' : 'SQLite'}`,
      `requests: ${result.requests.total} (${result.requests.average.toFixed(0)} req/s average)`,
      `latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      `errors: ${result.errors}, timeouts: ${result.timeouts}, non-2xx: ${result.non2xx}`,
      `server memory: rss ${mb(before.rssBytes)} before, ${mb(after.rssBytes)} after; heap ${mb(before.heapUsedBytes)} before, ${mb(after.heapUsedBytes)} after`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (result.errors > 0 || result.non2xx > 0 || result.timeouts > 0) process.exitCode = 1;
  } finally {
    await server.stop();
    if (database) await dropPostgresSchema(database);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
