import type { Keyv } from '@keyv/redis';
import type { AnswerStore, CachedAnswer } from '../http/response-cache';
import { REDIS_TIME_LIMIT_MS } from './redis-connection';
import type { FailureReporter } from './report-once';
import { withinTimeLimit } from './time-limit';

/**
 * An {@link AnswerStore} shared by every replica, over a Keyv on Redis. A failing Redis never fails a
 * request: a failing or slow (over `timeLimitMs`) `get` is a miss, a failing or slow `set` is skipped, and
 * the failure goes to `reporter` (logged once per outage). The Keyv must throw its errors (`throwOnErrors`) for them to be seen here.
 */
export function redisAnswerStore(
  keyv: Keyv<CachedAnswer>,
  reporter: FailureReporter,
  timeLimitMs = REDIS_TIME_LIMIT_MS,
): AnswerStore {
  return {
    get: async (key) => {
      try {
        const answer = await withinTimeLimit(keyv.get(key), timeLimitMs, 'Redis GET');
        reporter.recovered();
        return answer ?? undefined;
      } catch (error) {
        reporter.failed(error);
        return undefined;
      }
    },
    set: async (key, answer, ttlSeconds) => {
      try {
        await withinTimeLimit(keyv.set(key, answer, ttlSeconds * 1000), timeLimitMs, 'Redis SET');
        reporter.recovered();
      } catch (error) {
        reporter.failed(error);
      }
    },
  };
}
