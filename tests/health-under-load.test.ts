import autocannon from 'autocannon';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { exampleMix } from '../harness/query-mix';
import { spawnServer, type SpawnedServer } from '../harness/spawn-server';
import { environmentFor } from '../server/db/location';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';

const CONNECTIONS = 50;
const SECONDS = 6;

/** One poll of `/healthz`: when it was sent (ms after the first), how long it took, its status. */
interface Poll {
  at: number;
  ms: number;
  status: number;
}

/**
 * Polls `/healthz` every 100 ms on a thread of its own (so that the load generator on this thread does not
 * delay the polls it measures) until told to stop; answers each poll. Resolves once the thread's `fetch` is
 * warm (its first use loads it: that is not the server's time), with the first poll answered.
 */
async function pollHealth(url: string): Promise<{ stop: () => Promise<Poll[]> }> {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const polls = [];
    let running = true;
    let started;
    parentPort.once('message', () => (running = false));
    (async () => {
      await (await fetch(workerData.url + '/healthz')).text();
      parentPort.postMessage('ready');
      started = performance.now();
      while (running) {
        const begun = performance.now();
        let status = 0;
        try {
          const response = await fetch(workerData.url + '/healthz', { signal: AbortSignal.timeout(5000) });
          await response.text();
          status = response.status;
        } catch {}
        polls.push({ at: Math.round(begun - started), ms: Math.round(performance.now() - begun), status });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      parentPort.postMessage(polls);
    })();`,
    { eval: true, workerData: { url } },
  );
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    stop: () =>
      new Promise((resolve, reject) => {
        worker.once('message', (polls: Poll[]) => {
          void worker.terminate();
          resolve(polls);
        });
        worker.once('error', reject);
        worker.postMessage('stop');
      }),
  };
}

// The server runs as its own process, as in production: the load and the polls reach it over loopback.
describe(`under load (autocannon -c ${CONNECTIONS}: the example queries, the explorer pages and the stelsel)`, () => {
  let built: BuiltDatabase;
  let server: SpawnedServer;
  beforeAll(async () => {
    built = await buildRealDatabase();
    server = await spawnServer({ ...environmentFor(built.location), SEEDS_DIR: join(tmpdir(), 'no-seeds') });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await built?.close();
  });

  it('answers /healthz within 1 s throughout, and every request of the load with a success', async () => {
    const codes = (await built.db.selectFrom('voorziening').select('code').execute()).map((r) => r.code);
    const mix = exampleMix();
    const kinds = ['', 'EVENT_DELIVERY', 'TERUGMELDING,EVENT_DELIVERY', 'DISTRIBUTION'];
    let sent = 0;
    const asked = { graphql: 0, explore: 0, stelsel: 0 };
    const polls = await pollHealth(server.url);
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 20,
      requests: [
        {
          // a third explorer pages (every code, cold at first; a parameter that must not defeat the kept page),
          // a little of the stelsel picture, and the example queries
          setupRequest: (request) => {
            sent += 1;
            if (sent % 3 === 0) {
              asked.explore += 1;
              return {
                ...request,
                method: 'GET',
                path: `/explore/${codes[sent % codes.length]}?utm=${sent}`,
              };
            }
            if (sent % 10 === 1) {
              asked.stelsel += 1;
              return { ...request, method: 'GET', path: `/stelsel.svg?kinds=${kinds[sent % kinds.length]}` };
            }
            asked.graphql += 1;
            return {
              ...request,
              method: 'POST',
              path: '/graphql',
              headers: { 'content-type': 'application/json' },
              body: mix[sent % mix.length]!.body,
            };
          },
        },
      ],
    });
    const health = await polls.stop();
    const slowest = health.reduce((max, poll) => (poll.ms > max.ms ? poll : max));
    console.log(
      `${result.requests.total} requests in ${SECONDS} s (${JSON.stringify(asked)}), ${result.requests.average} req/s, p99 ${result.latency.p99} ms; /healthz polled ${health.length} times, slowest ${slowest.ms} ms (sent at ${slowest.at} ms)`,
    );
    expect({ non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts }).toEqual({
      non2xx: 0,
      errors: 0,
      timeouts: 0,
    });
    expect(asked.explore).toBeGreaterThan(codes.length); // every page, and again
    // the polls covered the whole load (each waits for the one before: how many depends on the machine's speed)
    expect(health.length).toBeGreaterThanOrEqual(SECONDS);
    expect(health.at(-1)!.at).toBeGreaterThanOrEqual((SECONDS - 1) * 1000);
    expect(health.filter((poll) => poll.status !== 200 || poll.ms > 1000)).toEqual([]);
  }, 60_000);
});
