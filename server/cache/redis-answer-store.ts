import type { RedisClientType } from '@keyv/redis';
import { createHash } from 'node:crypto';
import {
  answerBytes,
  ANSWER_OVERHEAD_BYTES,
  DEFAULT_ANSWER_LIMITS,
  type AnswerLimits,
  type AnswerStore,
  type CachedAnswer,
} from '../lib/answer-store';
import { REDIS_TIME_LIMIT_MS } from './redis-connection';
import type { FailureReporter } from './report-once';
import { withinTimeLimit } from '../lib/time-limit';

/** What the store needs of a Redis client: sending a command (here, running its scripts). */
export type RedisCommands = Pick<RedisClientType, 'sendCommand'>;

/**
 * Keeps an answer and its bookkeeping, then evicts the least recently used answers until the namespace's
 * total is within its budget. KEYS: the answer, the recency index (a sorted set), the sizes (a hash, with the
 * running `#total` and the `#seq` recency counter). ARGV: the value, its TTL in ms, its cost, the budget.
 */
const SET_SCRIPT = `
local key, index, sizes = KEYS[1], KEYS[2], KEYS[3]
local cost, budget = tonumber(ARGV[3]), tonumber(ARGV[4])
local old = tonumber(redis.call('HGET', sizes, key) or '0')
redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
redis.call('HSET', sizes, key, cost)
local total = redis.call('HINCRBY', sizes, '#total', cost - old)
redis.call('ZADD', index, redis.call('HINCRBY', sizes, '#seq', 1), key)
while total > budget do
  local oldest = redis.call('ZPOPMIN', index)
  if #oldest == 0 then
    redis.call('HSET', sizes, '#total', 0)
    return 0
  end
  local size = tonumber(redis.call('HGET', sizes, oldest[1]) or '0')
  redis.call('DEL', oldest[1])
  redis.call('HDEL', sizes, oldest[1])
  total = redis.call('HINCRBY', sizes, '#total', -size)
end
return total
`;

/**
 * Reads an answer and marks it most recently used; an answer that expired (its TTL) leaves the bookkeeping.
 * KEYS as for {@link SET_SCRIPT}.
 */
const GET_SCRIPT = `
local key, index, sizes = KEYS[1], KEYS[2], KEYS[3]
local value = redis.call('GET', key)
if value then
  redis.call('ZADD', index, 'XX', redis.call('HINCRBY', sizes, '#seq', 1), key)
else
  local size = redis.call('HGET', sizes, key)
  if size then
    redis.call('HDEL', sizes, key)
    redis.call('ZREM', index, key)
    redis.call('HINCRBY', sizes, '#total', -tonumber(size))
  end
end
return value
`;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * An {@link AnswerStore} shared by every replica, on Redis, its keys prefixed with `namespace:`, bounded by
 * `limits`:
 *
 * - an answer over `maxAnswerBytes` is not kept (setting it leaves what the key held, which is an answer to
 *   the same request, as good as the one not kept);
 * - the namespace keeps at most `maxTotalBytes` of answers, counted as their bodies' bytes plus
 *   {@link ANSWER_OVERHEAD_BYTES} each, in all replicas together: beside the answers, a sorted set
 *   (`<namespace>:stelselgraph:answers:recency`) ranks them by last use, and a hash
 *   (`<namespace>:stelselgraph:answers:sizes`) holds each one's cost and the running total. Keeping an
 *   answer evicts the least recently used ones until the total is within the budget, and reading one marks
 *   it used, each in one Lua script (atomic, one round trip; replicas never race on the total). Both are
 *   bounded too: one entry per answer kept, so at most `maxTotalBytes / ANSWER_OVERHEAD_BYTES` entries.
 *   An answer also expires after its TTL (its key goes; its bookkeeping goes when it is next asked for, or
 *   evicted in turn, counting against the budget meanwhile). If Redis itself evicts the bookkeeping (an
 *   `allkeys-*` eviction policy under its `maxmemory`), the total starts again from what is kept next: the
 *   bound then rests on Redis's `maxmemory`. Keys, index and sizes live in one Redis (not a Cluster: its
 *   slots would refuse a script over keys of several);
 *
 * A failing Redis never fails a request: a failing or slow (over `timeLimitMs`) `get` is a miss, a failing or
 * slow `set` is skipped, and the failure goes to `reporter` (logged once per outage).
 */
export function redisAnswerStore(
  client: RedisCommands,
  namespace: string,
  reporter: FailureReporter,
  limits: Partial<AnswerLimits> = {},
  timeLimitMs = REDIS_TIME_LIMIT_MS,
): AnswerStore {
  const { maxAnswerBytes, maxTotalBytes } = { ...DEFAULT_ANSWER_LIMITS, ...limits };
  const index = `${namespace}:stelselgraph:answers:recency`;
  const sizes = `${namespace}:stelselgraph:answers:sizes`;
  /** Runs a script by its hash, loading it first when this Redis does not know it yet. */
  const run = async (script: string, key: string, args: string[]): Promise<unknown> => {
    const keys = ['3', `${namespace}:${key}`, index, sizes];
    try {
      return await client.sendCommand(['EVALSHA', sha1(script), ...keys, ...args]);
    } catch (error) {
      if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
      return client.sendCommand(['EVAL', script, ...keys, ...args]);
    }
  };
  return {
    get: async (key) => {
      try {
        const value = await withinTimeLimit(run(GET_SCRIPT, key, []), timeLimitMs, 'Redis GET');
        reporter.recovered();
        if (value === null || value === undefined) return undefined;
        const text = String(value);
        const newline = text.indexOf('\n');
        if (newline < 0) return undefined;
        return { contentType: text.slice(0, newline), body: text.slice(newline + 1) };
      } catch (error) {
        reporter.failed(error);
        return undefined;
      }
    },
    set: async (key, answer: CachedAnswer, ttlSeconds) => {
      const cost = answerBytes(answer) + ANSWER_OVERHEAD_BYTES;
      if (cost - ANSWER_OVERHEAD_BYTES > maxAnswerBytes || cost > maxTotalBytes) return;
      try {
        const value = `${answer.contentType.replace(/[\r\n]/g, '')}\n${answer.body}`;
        const args = [value, String(ttlSeconds * 1000), String(cost), String(maxTotalBytes)];
        await withinTimeLimit(run(SET_SCRIPT, key, args), timeLimitMs, 'Redis SET');
        reporter.recovered();
      } catch (error) {
        reporter.failed(error);
      }
    },
  };
}
