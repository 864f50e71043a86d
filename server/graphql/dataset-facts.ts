import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { listSizesOf } from './limits/list-sizes';
import { referenceRowsOf } from './reference-rows';

/**
 * Reads what the server keeps per dataset version before it takes requests: the list sizes the query cost
 * uses and the reference rows the loaders answer from. Afterwards no request of that version runs a statement
 * for them (statement counts per request are counted from here).
 */
export async function readDatasetFacts(db: Kysely<Database>, version: string): Promise<void> {
  await Promise.all([listSizesOf(db, version), referenceRowsOf(db, version)]);
}
