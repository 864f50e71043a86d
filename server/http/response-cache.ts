import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';

/** A successful GraphQL answer as it went out: served again byte for byte. */
export interface CachedAnswer {
  contentType: string;
  body: string;
}

/** Where answers are kept: in this process ({@link memoryAnswerStore}) or shared through Redis (`redisAnswerStore`). */
export interface AnswerStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer, ttlSeconds: number): Promise<void>;
}

/** An in-process store: an LRU of at most `maxBytes` of answers. */
export function memoryAnswerStore(maxBytes = 64 * 1024 * 1024): AnswerStore {
  const lru = new LRUCache<string, CachedAnswer>({
    maxSize: maxBytes,
    sizeCalculation: (answer) => answer.body.length + 64,
  });
  return {
    get: async (key) => lru.get(key),
    set: async (key, answer, ttlSeconds) => void lru.set(key, answer, { ttl: ttlSeconds * 1000 }),
  };
}

/**
 * The key of an answer: the dataset version and exactly what was asked (method, query string or body, and
 * the accepted media type). Nothing else changes an answer: the data changes only with the dataset.
 */
export function answerKey(
  datasetVersion: string,
  method: string,
  request: string,
  accept: string | undefined,
): string {
  const hash = createHash('sha256')
    .update(method)
    .update('\n')
    .update(request)
    .update('\n')
    .update(accept ?? '')
    .digest('base64url');
  return `stelselgraph:answer:${datasetVersion}:${hash}`;
}
