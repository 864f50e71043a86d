import type { Kysely } from 'kysely';
import type {
  Database,
  DomainTable,
  IndicatorTable,
  RelationTable,
  SectionTable,
  VoorzieningTable,
} from '../database';
import { allDomains } from './domain-queries';
import { allVoorzieningen } from './voorziening-queries';

/** The small tables nearly every request resolves against, each read whole. */
export interface ReferenceTables {
  /** Every section of the monitor, by id. */
  sections: SectionTable[];
  /** Every domain, in the monitor's order. */
  domains: DomainTable[];
  /** Every voorziening, in the monitor's order. */
  voorzieningen: VoorzieningTable[];
  /** Every indicator, by id. */
  indicators: IndicatorTable[];
  /** Every relation (an edge of the stelsel), by id. */
  relations: RelationTable[];
}

/**
 * Reads the reference tables whole: five statements, one after the other, in the orders the per-request queries use (`allDomains`,
 * `allVoorzieningen`: position; `indicatorsByVoorzieningen`: id), so that rows taken from them come in the
 * same order as those queries give.
 */
export async function readReferenceTables(db: Kysely<Database>): Promise<ReferenceTables> {
  // one after the other: on PostgreSQL, one connection of the pool at a time
  const sections = await db.selectFrom('section').selectAll().orderBy('id').execute();
  const domains = await allDomains(db);
  const voorzieningen = await allVoorzieningen(db);
  const indicators = await db.selectFrom('indicator').selectAll().orderBy('id').execute();
  const relations = await db.selectFrom('relation').selectAll().orderBy('id').execute();
  return { sections, domains, voorzieningen, indicators, relations };
}
