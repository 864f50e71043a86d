import type { Kysely } from 'kysely';
import type { Database, EditionTable } from '../database';

/** The monitor edition the dataset holds (there is exactly one). */
export function readEdition(db: Kysely<Database>): Promise<EditionTable> {
  return db.selectFrom('edition').selectAll().executeTakeFirstOrThrow();
}
