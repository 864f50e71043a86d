import { createClient, type Keyv } from '@keyv/redis';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from '../bench/spawn-server';
import { persistedQueryCache } from '../server/cache/persisted-query-cache';
import { redisAnswerStore } from '../server/cache/redis-answer-store';
import { connectRedis, createRedisClient } from '../server/cache/redis-connection';
import { reportOnce } from '../server/cache/report-once';
import { redisKeyv } from '../server/cache/shared-caches';
import { readConfig } from '../server/config';
import type { CachedAnswer } from '../server/http/response-cache';
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
    expect(await redis.exists(`${namespace}:apq:${persistedQuery.sha256Hash}`)).toBe(1);

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

describe('the shared caches when Redis fails', () => {
  const answer: CachedAnswer = { contentType: 'application/json', body: '{"data":{}}' };

  it('miss and skip writes on a Redis that is down, logging the outage once', async () => {
    const errors: unknown[] = [];
    const reporter = reportOnce(
      (error) => errors.push(error),
      (cause) => `Redis is failing: ${String(cause)}`,
    );
    const client = createRedisClient(DEAD_REDIS_URL, reporter);
    const answers = redisAnswerStore(redisKeyv<CachedAnswer>(client, 'test'), reporter);
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
    const store = new Map<string, unknown>();
    const keyv = {
      get: (key: string) => (hang ? new Promise(() => {}) : Promise.resolve(store.get(key))),
      set: async (key: string, value: unknown) => {
        if (hang) return new Promise(() => {});
        store.set(key, value);
        return true;
      },
    } as unknown as Keyv<CachedAnswer>;
    const answers = redisAnswerStore(keyv, reporter, 50);
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
  });

  it('refuse to start on an unreachable Redis, naming REDIS_URL (without its password)', async () => {
    await expect(connectRedis('redis://user:hunter2@127.0.0.1:1', () => {})).rejects.toThrow(
      /^cannot connect to Redis at REDIS_URL=redis:\/\/user:\*\*\*@127\.0\.0\.1:1: /,
    );
  });

  it('are configured by REDIS_URL and REDIS_NAMESPACE, refusing bad values', () => {
    expect(readConfig({})).toMatchObject({ redisUrl: undefined, redisNamespace: 'stelselgraph' });
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
