import type { Kysely } from 'kysely';
import type { Database, VoorzieningTable } from '../database';
import { anyOfFor } from './any-of';

/** Every voorziening, in the monitor's order. */
export function allVoorzieningen(db: Kysely<Database>): Promise<VoorzieningTable[]> {
  return db.selectFrom('voorziening').selectAll().orderBy('position').execute();
}

/** Every voorziening code, in alphabetical order. */
export async function voorzieningCodes(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('voorziening').select('code').orderBy('code').execute()).map((row) => row.code);
}

/** The voorzieningen of the given domains, in the monitor's order. */
export function voorzieningenByDomains(
  db: Kysely<Database>,
  domainIds: readonly number[],
): Promise<VoorzieningTable[]> {
  return db
    .selectFrom('voorziening')
    .selectAll()
    .where(anyOfFor(db)('domain_id', domainIds))
    .orderBy('position')
    .execute();
}

/** The parts of the given voorzieningen (those whose `parent_id` is one of them), in the monitor's order. */
export function voorzieningenByParents(
  db: Kysely<Database>,
  parentIds: readonly number[],
): Promise<VoorzieningTable[]> {
  return db
    .selectFrom('voorziening')
    .selectAll()
    .where(anyOfFor(db)('parent_id', parentIds))
    .orderBy('position')
    .execute();
}

/** The ten basisregistraties (voorzieningen of kind BASISREGISTRATIE), in the monitor's order. */
export function basisregistratieRows(db: Kysely<Database>): Promise<VoorzieningTable[]> {
  return db
    .selectFrom('voorziening')
    .selectAll()
    .where('kind', '=', 'BASISREGISTRATIE')
    .orderBy('position')
    .execute();
}
