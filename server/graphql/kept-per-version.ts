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
export function keptPerVersion<T>(load: (db: Kysely<Database>) => Promise<T>): KeptPerVersion<T> {
  const kept = new WeakMap<Kysely<Database>, { version: string; value: Promise<T>; read?: T }>();
  const of = (db: Kysely<Database>, version: string) => {
    const known = kept.get(db);
    if (known?.version === version) return known.value;
    const value = load(db);
    const entry: { version: string; value: Promise<T>; read?: T } = { version, value };
    kept.set(db, entry);
    value.then(
      (read) => void (entry.read = read),
      () => {
        if (kept.get(db)?.value === value) kept.delete(db);
      },
    );
    return value;
  };
  return Object.assign(of, {
    now: (db: Kysely<Database>, version: string): T | undefined => {
      const known = kept.get(db);
      return known?.version === version ? known.read : undefined;
    },
  });
}

/**
 * What {@link keptPerVersion} returns: the read of a handle and version (a promise), and `now`, the read when it
 * is already done (undefined before, or for another version), for a caller that can use it without a tick.
 */
export type KeptPerVersion<T> = ((db: Kysely<Database>, version: string) => Promise<T>) & {
  now: (db: Kysely<Database>, version: string) => T | undefined;
};
