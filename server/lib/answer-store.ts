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

/**
 * An answer as the in-process store hands it out to be found again without asking it (see
 * {@link AnswerStore.slotNow}): the answer while the store keeps it under its key, and until when it may be
 * served so.
 */
export interface KeptAnswerSlot {
  /** The answer, while the store keeps it; undefined once it left (evicted, replaced, expired, deleted). */
  readonly answer: CachedAnswer | undefined;
  /**
   * Until when (on the store's clock, in ms) it is served through this slot without asking the store: its
   * expiry, or sooner, so that an answer asked for again and again is marked as used in the store at least
   * once every {@link RECENCY_REFRESH_MS} (its place among the least recently used); -Infinity once it left.
   */
  readonly servableUntil: number;
}

/**
 * How often (ms) an answer served through its slot is marked as used in the store's recency: the store's
 * least-recently-used order is kept to this resolution (an answer asked for within the last second is not
 * the least recently used of one asked for since, but it is of one asked for a second later).
 */
export const RECENCY_REFRESH_MS = 1000;

/** Where answers are kept: in this process ({@link memoryAnswerStore}) or shared through Redis (`redisAnswerStore`). */
export interface AnswerStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  /**
   * The same as `get`, at once: a store in this process has it (a kept answer is then served without waiting
   * for a promise); a shared one does not.
   */
  getNow?(key: string): CachedAnswer | undefined;
  /**
   * The answer kept under `key` at once, as a slot to be given back on the next ask (`held`: what this call
   * returned for the key before, if anything): while `held` may still be served (see
   * {@link KeptAnswerSlot.servableUntil}) it is returned as it is, the store not asked; else the store is
   * asked, as `getNow` does. Undefined when nothing is kept. Only a store in this process has it.
   */
  slotNow?(key: string, held: KeptAnswerSlot | undefined): KeptAnswerSlot | undefined;
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

/** The in-process store: it answers at once, and hands out slots. */
export type InProcessAnswerStore = AnswerStore & Required<Pick<AnswerStore, 'getNow' | 'slotNow'>>;

/** A clock in ms, only ever later (the store's TTLs and slots are on it). */
export interface StoreClock {
  now(): number;
}

/** What the in-process store keeps under a key: the answer until it leaves, when it expires. */
class Slot implements KeptAnswerSlot {
  answer: EncodedAnswer | undefined;
  servableUntil: number;
  constructor(
    answer: EncodedAnswer,
    readonly expiresAt: number,
  ) {
    this.answer = answer;
    this.servableUntil = -Infinity;
  }
}

/**
 * An in-process store: an LRU of at most `limits.maxTotalBytes` (each answer counted as its body's bytes plus
 * {@link ANSWER_OVERHEAD_BYTES}), keeping no answer over `limits.maxAnswerBytes` (setting one leaves what the
 * key held: an answer to the same request). Its answers are handed out in slots too ({@link
 * AnswerStore.slotNow}): a slot is emptied when its answer leaves the store, so that a slot held elsewhere
 * does not hold the answer. `clock`: what TTLs are measured on (tests give their own).
 */
export function memoryAnswerStore(
  limits: Partial<AnswerLimits> = {},
  clock: StoreClock = performance,
): InProcessAnswerStore {
  const { maxAnswerBytes, maxTotalBytes } = { ...DEFAULT_ANSWER_LIMITS, ...limits };
  const lru = new LRUCache<string, Slot>({
    maxSize: maxTotalBytes,
    sizeCalculation: (slot) => slot.answer!.bytes.length + ANSWER_OVERHEAD_BYTES,
    perf: clock,
    // the clock read on each ask (not once a millisecond through a timer): a slot's expiry and the LRU's agree
    ttlResolution: 0,
    // evicted, replaced, expired or deleted: the slot no longer serves (nor holds) the answer
    dispose: (slot) => {
      slot.answer = undefined;
      slot.servableUntil = -Infinity;
    },
  });
  /** The slot kept under `key` (marked as used), servable until its expiry or the next recency mark. */
  const touch = (key: string): Slot | undefined => {
    const slot = lru.get(key);
    if (slot !== undefined) {
      slot.servableUntil = Math.min(slot.expiresAt, clock.now() + RECENCY_REFRESH_MS);
    }
    return slot;
  };
  return {
    get: async (key) => touch(key)?.answer,
    getNow: (key) => touch(key)?.answer,
    slotNow: (key, held) => (held !== undefined && clock.now() < held.servableUntil ? held : touch(key)),
    set: async (key, answer, ttlSeconds) => {
      const bytes = answerBytes(answer);
      if (bytes > maxAnswerBytes || bytes + ANSWER_OVERHEAD_BYTES > maxTotalBytes) return;
      const ttl = ttlSeconds * 1000;
      const encoded = new EncodedAnswer(answer.contentType, answer.body);
      lru.set(key, new Slot(encoded, clock.now() + ttl), { ttl });
    },
  };
}
