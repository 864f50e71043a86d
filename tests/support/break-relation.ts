import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/db/database';
import { TEST_DIALECT } from './test-database';

/**
 * Points relation 1 at a voorziening that does not exist (its foreign key dropped or off), so that resolving
 * its `to` fails inside the server with "dataset is inconsistent".
 */
export async function breakRelation(db: Kysely<Database>): Promise<void> {
  if (TEST_DIALECT === 'postgres')
    await sql`alter table relation drop constraint relation_to_id_fkey`.execute(db);
  else await sql`pragma foreign_keys = off`.execute(db);
  await sql`update relation set to_id = 9999 where id = 1`.execute(db);
}
