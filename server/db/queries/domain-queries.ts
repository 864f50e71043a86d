import type { Kysely } from 'kysely';
import type { Database, DomainTable } from '../database';

/** The domains (chapters), in the monitor's order. */
export function allDomains(db: Kysely<Database>): Promise<DomainTable[]> {
  return db.selectFrom('domain').selectAll().orderBy('position').execute();
}
