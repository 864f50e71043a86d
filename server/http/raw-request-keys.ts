import { LRUCache } from 'lru-cache';
import type { KeptAnswerSlot } from '../lib/answer-store';

/** What a request is as it came, for {@link RawRequestKeys}. */
export interface RawRequest {
  datasetVersion: string;
  method: string;
  contentType: string | undefined;
  accept: string | undefined;
  /** The URL's query string (a GET's fields). */
  search: string;
  /** A POST's body as sent (undefined for a GET). */
  body: string | undefined;
}

/** How much {@link RawRequestKeys} keeps. */
export interface RawRequestKeysLimits {
  /** The most bytes kept in all (texts, the other parts, keys and per-request overhead). */
  maxBytes: number;
  /** The most one text (a body, or a GET's query string) may take with its requests; a larger one is not kept. */
  maxEntryBytes: number;
  /** The most requests kept under one text (other headers, other dataset versions); the oldest goes first. */
  maxRequestsPerText: number;
}

/**
 * A request known under its text: every other part of it as it came, the answer key made for it, and the slot
 * the in-process store last handed out for that key (see `AnswerStore.slotNow`), for a repeated request to be
 * answered without asking the store.
 */
export interface KnownRequest {
  readonly datasetVersion: string;
  readonly method: string;
  readonly contentType: string | undefined;
  readonly accept: string | undefined;
  /** Whether it had a body (the text is then the body, and `search` its query string), or not (the text is `search`). */
  readonly hasBody: boolean;
  readonly search: string;
  readonly key: string;
  /** The store's slot for `key` as last handed out (emptied by the store once its answer left). */
  kept: KeptAnswerSlot | undefined;
}

/**
 * What a request kept here counts for besides its strings: the object, its place in the list, and the slot it
 * may hold after the store let the slot's answer go.
 */
const REQUEST_OVERHEAD_BYTES = 112;

/** The text a request is kept under: its body, or, without one, its query string. */
const textOf = (raw: RawRequest): string => raw.body ?? raw.search;

/** Whether `known` is the request `raw` (whose text is the one it is kept under). */
function isRequest(known: KnownRequest, raw: RawRequest): boolean {
  return (
    known.datasetVersion === raw.datasetVersion &&
    known.method === raw.method &&
    known.contentType === raw.contentType &&
    known.accept === raw.accept &&
    known.hasBody === (raw.body !== undefined) &&
    (!known.hasBody || known.search === raw.search)
  );
}

const sizeOf = (requests: readonly KnownRequest[], text: string): number =>
  requests.reduce(
    (sum, known) =>
      sum +
      known.datasetVersion.length +
      known.method.length +
      (known.contentType?.length ?? 0) +
      (known.accept?.length ?? 0) +
      (known.hasBody ? known.search.length : 0) +
      known.key.length +
      REQUEST_OVERHEAD_BYTES,
    text.length,
  );

/**
 * The answer keys already made, by the request as it came (the dataset version, the method, `Content-Type`,
 * `Accept`, the query string and the body, each as sent: everything an answer key is made from), so that a
 * repeated request finds its key without its body being parsed.
 *
 * Requests are kept under their text (the body, or a GET's query string) and told apart by their other parts
 * compared one by one: finding one hashes the body once, as it came, and builds no string. A part not given
 * is not the empty part (Apollo refuses a GET with an empty `Content-Type`, not one without). Bounded: at most
 * `maxBytes` in all, least recently used texts first, `maxEntryBytes` per text, `maxRequestsPerText` requests
 * per text.
 */
export class RawRequestKeys {
  readonly #byText: LRUCache<string, readonly KnownRequest[]>;
  readonly #maxRequestsPerText: number;

  constructor(limits: RawRequestKeysLimits) {
    this.#byText = new LRUCache({
      maxSize: limits.maxBytes,
      maxEntrySize: limits.maxEntryBytes,
      sizeCalculation: sizeOf,
    });
    this.#maxRequestsPerText = limits.maxRequestsPerText;
  }

  /** The key made for this request, if it is kept. */
  get(raw: RawRequest): string | undefined {
    return this.find(raw)?.key;
  }

  /** This request as kept (its key, and the slot of its answer last handed out), if it is. */
  find(raw: RawRequest): KnownRequest | undefined {
    const requests = this.#byText.get(textOf(raw));
    if (requests === undefined) return undefined;
    for (const known of requests) if (isRequest(known, raw)) return known;
    return undefined;
  }

  /**
   * Keeps `key` as this request's, in place of what it had (the newest of its text's requests; the oldest goes
   * beyond `maxRequestsPerText`). A text with its requests over `maxEntryBytes` is not kept (nor what it had).
   */
  set(raw: RawRequest, key: string): void {
    const text = textOf(raw);
    const others = (this.#byText.peek(text) ?? []).filter((known) => !isRequest(known, raw));
    const request: KnownRequest = {
      datasetVersion: raw.datasetVersion,
      method: raw.method,
      contentType: raw.contentType,
      accept: raw.accept,
      hasBody: raw.body !== undefined,
      search: raw.search,
      key,
      kept: undefined,
    };
    const kept = [request, ...others].slice(0, this.#maxRequestsPerText);
    // an entry over its cap is refused by the LRU, which then drops what the text had
    this.#byText.set(text, kept);
  }
}
