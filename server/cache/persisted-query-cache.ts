import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import type { Keyv } from '@keyv/redis';
import { REDIS_TIME_LIMIT_MS } from './redis-connection';
import type { FailureReporter } from './report-once';
import { withinTimeLimit } from '../lib/time-limit';

/** How long a persisted query is kept when Apollo gives no TTL: a shared Redis should not fill up forever. */
export const PERSISTED_QUERY_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * Apollo's `cache` (where automatic persisted queries are kept) over a Keyv on Redis, so that a query
 * registered on one replica is known to all. A failing Redis never fails a request: a failing or slow (over
 * `timeLimitMs`) `get` is a miss (the client then sends the query again: `PERSISTED_QUERY_NOT_FOUND`), a
 * failing or slow `set` or `delete` is skipped, and the failure goes to `reporter` (logged once per outage).
 * The Keyv must throw its errors.
 */
export function persistedQueryCache(
  keyv: Keyv<string>,
  reporter: FailureReporter,
  timeLimitMs = REDIS_TIME_LIMIT_MS,
): KeyValueCache<string> {
  const inner = new KeyvAdapter<string>(keyv);
  return {
    get: async (key) => {
      try {
        const value = await withinTimeLimit(inner.get(key), timeLimitMs, 'Redis GET');
        reporter.recovered();
        return value;
      } catch (error) {
        reporter.failed(error);
        return undefined;
      }
    },
    set: async (key, value, options?: KeyValueCacheSetOptions) => {
      try {
        await withinTimeLimit(
          inner.set(key, value, { ttl: options?.ttl ?? PERSISTED_QUERY_TTL_SECONDS }),
          timeLimitMs,
          'Redis SET',
        );
        reporter.recovered();
      } catch (error) {
        reporter.failed(error);
      }
    },
    delete: async (key) => {
      try {
        return await withinTimeLimit(inner.delete(key), timeLimitMs, 'Redis DEL');
      } catch (error) {
        reporter.failed(error);
        return false;
      }
    },
  };
}
