import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Insertable, Kysely } from 'kysely';
import { migrateToLatest, openSqlite } from '../db/connect';
import type { Database, DatasetRows } from '../db/database';

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

/**
 * Writes a dataset to a new SQLite file at `out`: the schema and every row in one transaction, into a
 * temporary file beside `out` that replaces it only when complete. On any failure the temporary file is
 * removed and whatever was at `out` before is left as it was.
 */
export async function writeSqliteDatabase(rows: DatasetRows, out: string): Promise<void> {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  let db: Kysely<Database> | undefined;
  try {
    db = openSqlite(temporary, { readonly: false });
    await migrateToLatest(db);
    await db.transaction().execute((trx) => insertRows(trx, rows));
    await db.destroy();
    db = undefined;
    renameSync(temporary, target);
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    rmSync(temporary, { force: true });
    throw error;
  }
}
