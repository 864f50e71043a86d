import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * Bytes of heap a parsed document keeps for each character of its source, measured: a document of 2 400
 * characters (16 lookups with their indicators and figures) kept about 0.29 MB parsed, most of it its tokens
 * and locations (heap snapshots of a server sent distinct documents).
 */
export const DOCUMENT_BYTES_PER_CHARACTER = 128;

/** The bytes of parsed documents kept in all (see {@link DOCUMENT_BYTES_PER_CHARACTER}). */
export const DOCUMENT_STORE_MAX_BYTES = 32 * 1024 * 1024;

/** Apollo's store of parsed and validated documents, by query hash (its `KeyValueCache`). */
export interface DocumentStore {
  get(key: string): Promise<DocumentNode | undefined>;
  set(key: string, value: DocumentNode): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/**
 * What a parsed document weighs: its source's length (`loc.end`, as Apollo parses with locations) times
 * {@link DOCUMENT_BYTES_PER_CHARACTER}; a document without locations, 64 KB.
 */
export function documentWeight(document: DocumentNode): number {
  return Math.max(1, (document.loc?.end ?? 512) * DOCUMENT_BYTES_PER_CHARACTER);
}

/**
 * Apollo's store of validated documents, bounded by what they keep. Apollo's own (an `InMemoryLRUCache` of 30
 * MiB) weighs a document by `JSON.stringify` of it, which leaves out the tokens its locations hold: measured,
 * it kept about 110 MB of documents (a server sent 600 distinct documents of 2 400 characters, twice each:
 * 274 000 tokens live, 0.29 MB a document), and stringified every document it kept. Least recently used
 * first, at most `maxBytes` by {@link documentWeight}.
 */
export function boundedDocumentStore(maxBytes: number = DOCUMENT_STORE_MAX_BYTES): DocumentStore {
  const kept = new LRUCache<string, DocumentNode>({
    maxSize: maxBytes,
    sizeCalculation: documentWeight,
  });
  return {
    get: async (key) => kept.get(key),
    set: async (key, value) => {
      kept.set(key, value);
    },
    delete: async (key) => kept.delete(key),
  };
}
