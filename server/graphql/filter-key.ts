import { LRUCache } from 'lru-cache';
import { hashText } from '../lib/hash-text';

/**
 * The keys made so far, by the filter's text: a page asks for its key on every request, and a hash costs more
 * than the rest of cutting a page from memory. At most this many filters are remembered (the least recently
 * used go); a filter's text is short (a few names and codes), so the memo stays small.
 */
const MEMO_MAX_FILTERS = 1024;
const madeKeys = new LRUCache<string, string>({ max: MEMO_MAX_FILTERS });

/**
 * The key of a connection's filter, carried in its cursors so that a cursor continues only the filter it was
 * returned for: a hash (16 characters of base64url) of the filter as applied, its entries sorted by name,
 * without the ones not given (null, undefined, an empty list). Pass the filter with its codes resolved
 * (`brp` for `BRP`), so that spellings of one filter share their cursors.
 */
export function filterKey(filter: Record<string, unknown>): string {
  const given = Object.entries(filter)
    .filter(
      ([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    )
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = JSON.stringify(given);
  let key = madeKeys.get(text);
  if (key === undefined) {
    key = hashText(text).slice(0, 16);
    madeKeys.set(text, key);
  }
  return key;
}
