import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startServer, type RunningServer } from '../server/start-server';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';

// A client that sends distinct operations, each twice, makes the server parse, validate, compile and keep
// each one (Apollo's document store, the store of seen operations, the jit executor's compiled operations).
// Before their bounds counted what they keep, an operation of 208 selections kept about 1.4 MB: 150 of them
// about 200 MB of heap, and it grew with every one.

/** V8's full collection, from a test (jest's workers do not run with --expose-gc). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The heap in use after full collections (and their sweeping) settle, in MB. */
async function liveHeap(): Promise<number> {
  for (let round = 0; round < 3; round++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** 16 lookups of a voorziening with its indicators and figures, under aliases that make it one of a kind. */
function distinctOperation(n: number): string {
  const block = (k: number) =>
    `o${n}x${k}: voorziening(code: "brp") { code name kind abbreviation nameEn
      indicators { key name unit observations { year value raw subject } } }`;
  return JSON.stringify({ query: `{ ${Array.from({ length: 16 }, (_, k) => block(k)).join(' ')} }` });
}

describe('a flood of distinct operations', () => {
  let built: BuiltDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    built = await buildRealDatabase();
    server = await startServer(
      { port: 0, host: '127.0.0.1', database: built.location, responseCache: false },
      () => undefined,
    );
  });
  afterAll(async () => {
    await server.close();
    await built.close();
  });

  it('keeps the heap within its bounds, and the server answers throughout', async () => {
    const send = async (body: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const text = await response.text();
      expect({ status: response.status, errors: text.includes('"errors"') }).toEqual({
        status: 200,
        errors: false,
      });
    };
    // the first 30 fill what is kept; the next 120 must not add to it
    for (let n = 0; n < 30; n++) for (let time = 0; time < 2; time++) await send(distinctOperation(n));
    const filled = await liveHeap();
    for (let n = 30; n < 150; n++) for (let time = 0; time < 2; time++) await send(distinctOperation(n));
    const after = await liveHeap();
    // unbounded, 120 more kept about 165 MB; bounded, what they keep replaces what the first kept
    expect(after - filled).toBeLessThan(40);
    await send(distinctOperation(0));
  }, 180_000);
});
