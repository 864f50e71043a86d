import type { Kysely } from 'kysely';
import type { Database, VoorzieningTable } from '../database';

/** Every voorziening, in the monitor's order. */
export function allVoorzieningen(db: Kysely<Database>): Promise<VoorzieningTable[]> {
  return db.selectFrom('voorziening').selectAll().orderBy('position').execute();
}

/** Every voorziening code, in alphabetical order. */
export async function voorzieningCodes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('voorziening').select('code').orderBy('code').execute()).map((row) => row.code);
}
