import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { anyOfFor } from './any-of';

/** The tables whose rows are looked up by their integer `id`. */
export type ByIdTable =
  | 'section'
  | 'domain'
  | 'voorziening'
  | 'indicator'
  | 'note'
  | 'observation'
  | 'relation'
  | 'discrepancy'
  | 'claim';

/**
 * The rows of `table` with the given ids, in no particular order (one statement, whatever the number of ids);
 * an id without a row is left out.
 *
 * ```ts
 * const [domain] = await rowsById(db, 'domain', [voorziening.domain_id]);
 * ```
 */
export function rowsById<T extends ByIdTable>(
  db: Kysely<Database>,
  table: T,
  ids: readonly number[],
): Promise<Database[T][]> {
  // Note: the tables are seen alike (each has an integer `id`) so that one statement serves them all.
  return (db as unknown as Kysely<Record<string, { id: number }>>)
    .selectFrom(table as string)
    .selectAll()
    .where(anyOfFor(db)('id', ids))
    .execute() as Promise<Database[T][]>;
}
