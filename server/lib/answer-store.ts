import { LRUCache } from 'lru-cache';

/** A successful GraphQL answer as it went out: served again byte for byte. */
export interface CachedAnswer {
  contentType: string;
  body: string;
  /** The body encoded (UTF-8), when the store keeps it so: sent as it is, not encoded again per request. */
  bytes?: Buffer;
}

/** An answer as the in-process store keeps it: encoded once; its text decoded only when asked for. */
class EncodedAnswer implements CachedAnswer {
  readonly bytes: Buffer;
  constructor(
    readonly contentType: string,
    body: string,
  ) {
    // a buffer of its own: a small one from Buffer.from would hold on to a shared 8 KiB pool while it is kept
    this.bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(body, 'utf8'));
    this.bytes.write(body, 'utf8');
  }
  get body(): string {
    return this.bytes.toString('utf8');
  }
}

/** Where answers are kept: in this process ({@link memoryAnswerStore}) or shared through Redis (`redisAnswerStore`). */
export interface AnswerStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  /**
   * The same as `get`, at once: a store in this process has it (a kept answer is then served without waiting
   * for a promise); a shared one does not.
   */
  getNow?(key: string): CachedAnswer | undefined;
  /** Keeps the answer, unless it is over the store's per-answer cap (it is then not kept, and nothing fails). */
  set(key: string, answer: CachedAnswer, ttlSeconds: number): Promise<void>;
}

/** How much an answer store keeps. */
export interface AnswerLimits {
  /** The largest answer kept, in bytes of its body (UTF-8): a larger one is served but not kept. */
  maxAnswerBytes: number;
  /** The most bytes kept in all (bodies and per-answer overhead); beyond, the least recently used answers go. */
  maxTotalBytes: number;
}

/**
 * The defaults (`ANSWER_MAX_BYTES`, `ANSWER_STORE_BYTES`): answers up to 1 MiB (the typical answer is a few
 * KiB; a stelsel with descriptions is 15 KiB), 64 MiB in all per process, or per Redis namespace.
 */
export const DEFAULT_ANSWER_LIMITS: AnswerLimits = {
  maxAnswerBytes: 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
};

/** What an answer counts for against {@link AnswerLimits.maxAnswerBytes}: its body's size in UTF-8 bytes. */
export function answerBytes(answer: CachedAnswer): number {
  return Buffer.byteLength(answer.body, 'utf8');
}

/**
 * What keeping one answer costs besides its body, counted against the total: its key (about 80 bytes) held in
 * the store and its bookkeeping (the LRU's nodes; in Redis, the recency index and the sizes), and its content type.
 */
export const ANSWER_OVERHEAD_BYTES = 512;

/**
 * An in-process store: an LRU of at most `limits.maxTotalBytes` (each answer counted as its body's bytes plus
 * {@link ANSWER_OVERHEAD_BYTES}), keeping no answer over `limits.maxAnswerBytes` (setting one leaves what the
 * key held: an answer to the same request).
 */
export function memoryAnswerStore(limits: Partial<AnswerLimits> = {}): AnswerStore {
  const { maxAnswerBytes, maxTotalBytes } = { ...DEFAULT_ANSWER_LIMITS, ...limits };
  const lru = new LRUCache<string, EncodedAnswer>({
    maxSize: maxTotalBytes,
    sizeCalculation: (answer) => answer.bytes.length + ANSWER_OVERHEAD_BYTES,
  });
  return {
    get: async (key) => lru.get(key),
    getNow: (key) => lru.get(key),
    set: async (key, answer, ttlSeconds) => {
      const bytes = answerBytes(answer);
      if (bytes > maxAnswerBytes || bytes + ANSWER_OVERHEAD_BYTES > maxTotalBytes) return;
      lru.set(key, new EncodedAnswer(answer.contentType, answer.body), { ttl: ttlSeconds * 1000 });
    },
  };
}
