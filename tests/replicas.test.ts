import { createClient, type RedisClientType } from '@keyv/redis';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from '../harness/spawn-server';
import { persistedQueryCache } from '../server/cache/persisted-query-cache';
import { redisAnswerStore, type RedisCommands } from '../server/cache/redis-answer-store';
import { connectRedis, createRedisClient } from '../server/cache/redis-connection';
import { reportOnce } from '../server/cache/report-once';
import { redisKeyv } from '../server/cache/shared-caches';
import { readConfig } from '../server/config';
import { ANSWER_OVERHEAD_BYTES, type CachedAnswer } from '../server/lib/answer-store';
import { buildSqliteDatabase } from '../server/ingest/build-database';
import { scratchDir, SEEDS_DIR } from './support/seeds-fixture';

/** The Redis of this machine (README: Running at scale); TEST_REDIS_URL points elsewhere. */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A port nothing listens on. */
const DEAD_REDIS_URL = 'redis://127.0.0.1:1';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const preflight = { 'apollo-require-preflight': 'true', accept: 'application/json' };

/** GET /graphql with the query and extensions as query parameters. */
function get(server: SpawnedServer, params: Record<string, unknown>): Promise<Response> {
  const search = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  );
  return fetch(`${server.url}/graphql?${search}`, { headers: preflight });
}

/** POST /graphql with a JSON body. */
function post(server: SpawnedServer, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('replicas sharing their caches through Redis', () => {
  const scratch = scratchDir();
  // A namespace of this run's own, so that runs (and deployments) on the same Redis never meet.
  const namespace = `stelselgraph-test-${randomBytes(6).toString('hex')}`;
  const redis = createClient({ url: REDIS_URL });
  const servers: SpawnedServer[] = [];
  let env: Record<string, string>;
  /** Two replicas sharing the Redis. */
  let a: SpawnedServer;
  let b: SpawnedServer;

  /** Starts a server process over the shared database file with `extra` settings. */
  const start = async (extra: Record<string, string>) => {
    const server = await spawnServer({ ...env, ...extra });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    const file = join(scratch.dir, 'stelselgraph.sqlite');
    await buildSqliteDatabase(SEEDS_DIR, file);
    // No seeds: every process uses the built file as it is (none rebuilds it under the others).
    env = { DATABASE_FILE: file, SEEDS_DIR: join(scratch.dir, 'no-seeds') };
    await redis.connect();
    a = await start({ REDIS_URL, REDIS_NAMESPACE: namespace });
    b = await start({ REDIS_URL, REDIS_NAMESPACE: namespace });
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${namespace}:*`, COUNT: 1000 }))
      keys.push(...batch);
    if (keys.length > 0) await redis.del(keys);
    redis.destroy();
    scratch.cleanup();
  });

  it('knows on server B an automatic persisted query registered on server A', async () => {
    const query = `query Replicas { basisregistraties { code name } }`;
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    // B does not know the hash before A registers it (so this test can fail).
    const before = (await (await post(b, { extensions: { persistedQuery } })).json()) as any;
    expect(before.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = (await (await post(a, { query, extensions: { persistedQuery } })).json()) as any;
    expect(registered.data.basisregistraties).toHaveLength(10);
    // Apollo registers the query without waiting for Redis before it answers: wait for it (at most 2 s).
    const apqKey = `${namespace}:apq:${persistedQuery.sha256Hash}`;
    for (let waited = 0; waited < 2000 && !(await redis.exists(apqKey)); waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await redis.exists(apqKey)).toBe(1);

    // B executes the query it found in Redis (x-cache: MISS: not an answer A kept, since the body differs).
    const byHash = await post(b, { extensions: { persistedQuery } });
    expect(byHash.status).toBe(200);
    expect(byHash.headers.get('x-cache')).toBe('MISS');
    expect(((await byHash.json()) as any).data).toEqual(registered.data);
    const overGet = await get(b, { extensions: { persistedQuery } });
    expect(((await overGet.json()) as any).data).toEqual(registered.data);

    const other = { version: 1, sha256Hash: sha256('{ edition { year } }') };
    const unknown = (await (await post(b, { extensions: { persistedQuery: other } })).json()) as any;
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('serves on server B, byte for byte, an answer server A kept', async () => {
    const params = { query: '{ voorziening(code: "brp") { name indicators { key value(year: 2019) } } }' };
    const first = await get(a, params);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    const body = await first.text();
    const fromStore = await get(b, params);
    expect(fromStore.status).toBe(200);
    expect(fromStore.headers.get('x-cache')).toBe('HIT');
    expect(await fromStore.text()).toBe(body);
    expect(fromStore.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(fromStore.headers.get('content-type')).toBe(first.headers.get('content-type'));
    // The same query written otherwise (whitespace, a comment) is the same kept answer.
    const variant = await get(b, {
      query: '# the BRP\n{voorziening(code:"brp"){name,indicators{key value(year:2019)}}}',
    });
    expect(variant.headers.get('x-cache')).toBe('HIT');
    expect(await variant.text()).toBe(body);
    const kept = [];
    for await (const batch of redis.scanIterator({ MATCH: `${namespace}:stelselgraph:answer:*` }))
      kept.push(...batch);
    expect(kept.length).toBeGreaterThan(0);
  });

  it('does not share answers between processes without REDIS_URL', async () => {
    const [c, d] = [await start({}), await start({})];
    const params = { query: '{ voorziening(code: "bag") { name indicators { key } } }' };
    const first = await get(c, params);
    expect(first.headers.get('x-cache')).toBe('MISS');
    // C kept it (in its own memory) ...
    expect((await get(c, params)).headers.get('x-cache')).toBe('HIT');
    // ... but D has its own store.
    const other = await get(d, params);
    expect(other.headers.get('x-cache')).toBe('MISS');
    expect(await other.text()).toBe(await first.text());
  });

  it('does not start when REDIS_URL names a Redis that cannot be reached', async () => {
    await expect(spawnServer({ ...env, REDIS_URL: DEAD_REDIS_URL })).rejects.toThrow(
      /cannot connect to Redis at REDIS_URL=redis:\/\/127\.0\.0\.1:1/,
    );
  });
});

/** Deletes every key of `namespace`. */
async function dropNamespace(redis: RedisClientType, namespace: string): Promise<void> {
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${namespace}:*`, COUNT: 1000 })) keys.push(...batch);
  if (keys.length > 0) await redis.del(keys);
}

describe('the answer store on Redis, bounded', () => {
  const redis = createClient({ url: REDIS_URL });
  const namespace = `stelselgraph-test-${randomBytes(6).toString('hex')}`;
  const reporter = reportOnce((error) => {
    throw error;
  }, String);
  /** An answer whose body is `bytes` long in UTF-8 (`é` is two bytes: not counted as characters). */
  const answer = (bytes: number, fill = 'x'): CachedAnswer => ({
    contentType: 'application/json; charset=utf-8',
    body: `"é${fill.repeat(bytes - 4)}"`,
  });
  const sizes = `${namespace}:stelselgraph:answers:sizes`;
  const recency = `${namespace}:stelselgraph:answers:recency`;

  beforeAll(() => redis.connect());
  // Each test starts on an empty namespace, even after one that failed.
  afterEach(() => dropNamespace(redis, namespace));
  afterAll(() => redis.destroy());

  it('keeps an answer exactly at the per-answer cap, and not one a byte over it', async () => {
    const store = redisAnswerStore(redis, namespace, reporter, { maxAnswerBytes: 100 });
    expect(Buffer.byteLength(answer(100).body)).toBe(100);
    await store.set('cap:at', answer(100), 60);
    await store.set('cap:over', answer(101), 60);
    await expect(store.get('cap:at')).resolves.toEqual(answer(100));
    await expect(store.get('cap:over')).resolves.toBeUndefined();
    expect(await redis.exists(`${namespace}:cap:over`)).toBe(0);
    // The kept one counts its bytes and the overhead; the other nothing.
    expect(await redis.hGet(sizes, `${namespace}:cap:at`)).toBe(String(100 + ANSWER_OVERHEAD_BYTES));
    expect(await redis.hGet(sizes, `${namespace}:cap:over`)).toBeNull();
  });

  it('keeps at most the budget in all, shared by replicas, evicting the least recently used', async () => {
    const cost = 100 + ANSWER_OVERHEAD_BYTES;
    const limits = { maxAnswerBytes: 100, maxTotalBytes: 3 * cost };
    // Two replicas' stores over one namespace share one budget.
    const [a, b] = [
      redisAnswerStore(redis, namespace, reporter, limits),
      redisAnswerStore(redis, namespace, reporter, limits),
    ];
    await a.set('lru:1', answer(100, '1'), 60);
    await b.set('lru:2', answer(100, '2'), 60);
    await a.set('lru:3', answer(100, '3'), 60);
    expect(await redis.hGet(sizes, '#total')).toBe(String(3 * cost));
    // 1 is read (by the other replica): 2 is now the least recently used, and goes for 4.
    await expect(b.get('lru:1')).resolves.toEqual(answer(100, '1'));
    await b.set('lru:4', answer(100, '4'), 60);
    await expect(a.get('lru:2')).resolves.toBeUndefined();
    for (const kept of ['1', '3', '4'])
      await expect(a.get(`lru:${kept}`)).resolves.toEqual(answer(100, kept));
    expect(await redis.hGet(sizes, '#total')).toBe(String(3 * cost));
    expect(await redis.zCard(recency)).toBe(3);
    // Setting a key again replaces its cost instead of adding to it.
    await a.set('lru:4', answer(50, '4'), 60);
    expect(await redis.hGet(sizes, '#total')).toBe(String(3 * cost - 50));
    // Many more answers than the budget holds: the total and the index stay bounded.
    for (let i = 0; i < 50; i++) await a.set(`many:${i}`, answer(100, 'm'), 60);
    expect(Number(await redis.hGet(sizes, '#total'))).toBeLessThanOrEqual(3 * cost);
    expect(await redis.zCard(recency)).toBe(3);
    let keys = 0;
    for await (const batch of redis.scanIterator({ MATCH: `${namespace}:*:*` })) keys += batch.length;
    // Three answers, the index and the sizes.
    expect(keys).toBe(3 + 2);
  });

  it('forgets an answer that expired, and its cost, when it is next asked for', async () => {
    const store = redisAnswerStore(redis, namespace, reporter);
    await store.set('ttl:short', answer(100), 0.05);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(store.get('ttl:short')).resolves.toBeUndefined();
    expect(await redis.hGet(sizes, '#total')).toBe('0');
    expect(await redis.zCard(recency)).toBe(0);
  });
});

describe('the shared caches when Redis fails', () => {
  const answer: CachedAnswer = { contentType: 'application/json', body: '{"data":{}}' };

  it('miss and skip writes on a Redis that is down, logging the outage once', async () => {
    const errors: unknown[] = [];
    const reporter = reportOnce(
      (error) => errors.push(error),
      (cause) => `Redis is failing: ${String(cause)}`,
    );
    const client = createRedisClient(DEAD_REDIS_URL, reporter);
    const answers = redisAnswerStore(client, 'test', reporter);
    const queries = persistedQueryCache(redisKeyv<string>(client, 'test'), reporter);
    try {
      await expect(answers.get('a')).resolves.toBeUndefined();
      await expect(answers.set('a', answer, 60)).resolves.toBeUndefined();
      await expect(queries.get('q')).resolves.toBeUndefined();
      await expect(queries.set('q', '{ edition { year } }')).resolves.toBeUndefined();
      await expect(answers.get('a')).resolves.toBeUndefined();
      expect(errors).toHaveLength(1);
      expect((errors[0] as Error).message).toMatch(/^Redis is failing/);
    } finally {
      if (client.isOpen) client.destroy();
    }
  });

  it('give up on a Redis that stops answering, and log again after it recovered', async () => {
    const errors: unknown[] = [];
    const reporter = reportOnce(
      (error) => errors.push(error),
      (cause) => String(cause),
    );
    let hang = true;
    // A Redis that hangs until `hang` is false, then is the real one.
    const real = createClient({ url: REDIS_URL });
    await real.connect();
    const hanging: RedisCommands = {
      sendCommand: ((args: string[]) =>
        hang ? new Promise(() => {}) : real.sendCommand(args)) as RedisCommands['sendCommand'],
    };
    const namespace = `stelselgraph-test-${randomBytes(6).toString('hex')}`;
    const answers = redisAnswerStore(hanging, namespace, reporter, {}, 50);
    const started = Date.now();
    await expect(answers.get('a')).resolves.toBeUndefined();
    await expect(answers.set('a', answer, 60)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/took longer than 50 ms/);
    hang = false;
    await answers.set('a', answer, 60);
    await expect(answers.get('a')).resolves.toEqual(answer);
    hang = true;
    await answers.get('a');
    expect(errors).toHaveLength(2);
    await dropNamespace(real, namespace);
    real.destroy();
  });

  it('refuse to start on an unreachable Redis, naming REDIS_URL (without its password)', async () => {
    await expect(connectRedis('redis://user:hunter2@127.0.0.1:1', () => {})).rejects.toThrow(
      /^cannot connect to Redis at REDIS_URL=redis:\/\/user:\*\*\*@127\.0\.0\.1:1: /,
    );
  });

  it('are configured by REDIS_URL and REDIS_NAMESPACE, refusing bad values', () => {
    expect(readConfig({})).toMatchObject({
      redisUrl: undefined,
      redisNamespace: 'stelselgraph',
      answerLimits: { maxAnswerBytes: 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 },
    });
    expect(readConfig({ ANSWER_MAX_BYTES: '4096', ANSWER_STORE_BYTES: '1048576' }).answerLimits).toEqual({
      maxAnswerBytes: 4096,
      maxTotalBytes: 1048576,
    });
    expect(() => readConfig({ ANSWER_MAX_BYTES: 'lots' })).toThrow(/environment variable ANSWER_MAX_BYTES/);
    expect(
      readConfig({ REDIS_URL: 'rediss://cache.internal:6380', REDIS_NAMESPACE: 'gdi-prod' }),
    ).toMatchObject({
      redisUrl: 'rediss://cache.internal:6380',
      redisNamespace: 'gdi-prod',
    });
    expect(() => readConfig({ REDIS_URL: 'http://user:hunter2@cache:6379' })).toThrow(
      'environment variable REDIS_URL: "http://user:***@cache:6379/" is not a redis:// or rediss:// URL',
    );
    expect(() => readConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/environment variable REDIS_URL/);
    expect(() => readConfig({ REDIS_NAMESPACE: 'a b' })).toThrow(/environment variable REDIS_NAMESPACE/);
  });
});
