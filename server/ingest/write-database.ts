import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { migrateToLatest, openSqlite } from '../db/connect';
import type { Database, DatasetRows } from '../db/database';
import { insertRows } from '../db/insert-rows';

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
