import type { Insertable, Kysely } from 'kysely';
import type { Database, DatasetRows } from './database';

/** Tables in an order that respects their foreign keys. */
const INSERT_ORDER: (keyof Database)[] = [
  'edition',
  'section',
  'domain',
  'voorziening',
  'note',
  'indicator',
  'observation',
  'reported_change',
  'note_indicator',
  'correction',
  'relation',
  'relation_indicator',
  'same_as',
  'measure',
  'measure_indicator',
  'prose_figure',
  'claim',
  'claim_indicator',
  'claim_observation',
  'discrepancy',
  'discrepancy_observation',
  'meta',
];

/** Rows per INSERT statement: well under SQLite's limit on bound parameters. */
const CHUNK = 400;

/** Inserts every row of `rows` through `db`, table by table, in chunks. */
export async function insertRows(db: Kysely<Database>, rows: DatasetRows): Promise<void> {
  for (const table of INSERT_ORDER) await insertTable(db, table, rows[table]);
}

/** Inserts the rows of one table, in chunks of {@link CHUNK}. */
async function insertTable<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  all: Insertable<Database[T]>[],
): Promise<void> {
  for (let at = 0; at < all.length; at += CHUNK) {
    await db
      .insertInto(table)
      .values(all.slice(at, at + CHUNK))
      .execute();
  }
}
