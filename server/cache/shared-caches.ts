import { createKeyv, type Keyv, type RedisClientType } from '@keyv/redis';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { AnswerLimits, AnswerStore } from '../lib/answer-store';
import { persistedQueryCache } from './persisted-query-cache';
import { redisAnswerStore } from './redis-answer-store';
import { connectRedis } from './redis-connection';

/** The default prefix of the shared caches' keys (`REDIS_NAMESPACE`). */
export const DEFAULT_REDIS_NAMESPACE = 'stelselgraph';

/** The two caches replicas share through Redis. */
export interface SharedCaches {
  /**
   * The answer store (keys `<namespace>:stelselgraph:answer:<dataset version>:<hash>`, bounded per namespace:
   * see `redisAnswerStore`).
   */
  answers: AnswerStore;
  /** Apollo's cache of automatic persisted queries (keys `<namespace>:apq:<sha256>`). */
  persistedQueries: KeyValueCache<string>;
  /** Closes the Redis connection. */
  close: () => Promise<void>;
}

/**
 * A Keyv over `client` whose keys are prefixed with `namespace:` and which throws its errors (the caches over
 * it turn them into misses and report them).
 */
export function redisKeyv<T>(client: RedisClientType, namespace: string): Keyv<T> {
  return createKeyv(client, {
    namespace,
    keyPrefixSeparator: ':',
    throwOnConnectError: true,
    throwOnErrors: true,
  }) as Keyv<T>;
}

/**
 * Connects to the Redis at `url` (`REDIS_URL`) and opens the shared caches over it, their keys prefixed with
 * `namespace` (`REDIS_NAMESPACE`), the answers within `answerLimits` (default: `DEFAULT_ANSWER_LIMITS`). Fails,
 * naming `REDIS_URL`, when Redis cannot be reached; afterwards a failing Redis only makes the caches miss,
 * logged once per outage through `logError`.
 */
export async function openSharedCaches(options: {
  url: string;
  namespace?: string;
  answerLimits?: Partial<AnswerLimits>;
  logError: (error: unknown) => void;
}): Promise<SharedCaches> {
  const connection = await connectRedis(options.url, options.logError);
  const namespace = options.namespace ?? DEFAULT_REDIS_NAMESPACE;
  return {
    answers: redisAnswerStore(connection.client, namespace, connection.reporter, options.answerLimits),
    persistedQueries: persistedQueryCache(
      redisKeyv<string>(connection.client, namespace),
      connection.reporter,
    ),
    close: connection.close,
  };
}
