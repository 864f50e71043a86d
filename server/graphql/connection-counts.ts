import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database';

/** The counts of connections' filters kept per dataset version: how many filters at most. */
export const MAX_KEPT_COUNTS = 1000;

/** The counts of one dataset version, by connection and filter key (see {@link countsOf}). */
export type ConnectionCounts = LRUCache<string, Promise<number>>;

/** The counts kept per database handle, for the dataset version it held when they were counted. */
const keptCounts = new WeakMap<Kysely<Database>, { version: string; counts: ConnectionCounts }>();

/**
 * The `totalCount`s of the dataset `version` that `db` serves, by connection and filter key (the filter key
 * names everything a connection's rows are selected by; its cursors carry it too): a count is counted once per
 * version and filter, when a request first asks for it, and kept (at most {@link MAX_KEPT_COUNTS} filters, the
 * least recently used going first). A failed count is not kept.
 */
export function countsOf(db: Kysely<Database>, version: string): ConnectionCounts {
  const kept = keptCounts.get(db);
  if (kept?.version === version) return kept.counts;
  const counts: ConnectionCounts = new LRUCache({ max: MAX_KEPT_COUNTS });
  keptCounts.set(db, { version, counts });
  return counts;
}

/** The count kept under `key` in `counts`, or `count()` run once and kept (not kept when it fails). */
export function countOnce(
  counts: ConnectionCounts,
  key: string,
  count: () => Promise<number>,
): Promise<number> {
  const known = counts.get(key);
  if (known) return known;
  const counted = count();
  counts.set(key, counted);
  counted.catch(() => {
    if (counts.get(key) === counted) counts.delete(key);
  });
  return counted;
}
