import type { Kysely } from 'kysely';
import type { Database } from '../db/database';

/**
 * What `load` reads from a database, kept per database handle for the dataset version it held then: the
 * returned function reads once per handle and version (a request of another version, after a PostgreSQL
 * rebuild, reads again), and does not keep a failed read.
 *
 * ```ts
 * const sizesOf = keptPerVersion(measureListSizes);
 * await sizesOf(db, contentHash);
 * ```
 */
export function keptPerVersion<T>(
  load: (db: Kysely<Database>) => Promise<T>,
): (db: Kysely<Database>, version: string) => Promise<T> {
  const kept = new WeakMap<Kysely<Database>, { version: string; value: Promise<T> }>();
  return (db, version) => {
    const known = kept.get(db);
    if (known?.version === version) return known.value;
    const value = load(db);
    kept.set(db, { version, value });
    value.catch(() => {
      if (kept.get(db)?.value === value) kept.delete(db);
    });
    return value;
  };
}
