import type { Kysely } from 'kysely';
import type { RelationKind, RelationProvenance } from '../../domain/vocabulary';
import type { Database, RelationTable } from '../database';
import { anyOfFor } from './any-of';

/**
 * The relations of the given kinds (every relation when `kinds` is null or empty) and provenances, in the
 * monitor's order.
 */
export function relationsOfKinds(
  db: Kysely<Database>,
  kinds: readonly RelationKind[] | null,
  provenances: readonly RelationProvenance[],
): Promise<RelationTable[]> {
  let query = db
    .selectFrom('relation')
    .selectAll()
    .where('provenance', 'in', provenances)
    .orderBy('position');
  if (kinds && kinds.length > 0) query = query.where('kind', 'in', kinds);
  return query.execute();
}

/** The relations going out of or coming into one voorziening, in the monitor's order. */
export function relationsTouching(db: Kysely<Database>, voorzieningId: number): Promise<RelationTable[]> {
  return db
    .selectFrom('relation')
    .selectAll()
    .where((eb) => eb.or([eb('from_id', '=', voorzieningId), eb('to_id', '=', voorzieningId)]))
    .orderBy('position')
    .execute();
}

/**
 * The relations quantified by the given indicators, each with the `indicator_id` it was found for, in the
 * monitor's order.
 */
export function relationsByIndicators(
  db: Kysely<Database>,
  indicatorIds: readonly number[],
): Promise<(RelationTable & { indicator_id: number })[]> {
  return db
    .selectFrom('relation_indicator')
    .innerJoin('relation', 'relation.id', 'relation_indicator.relation_id')
    .selectAll('relation')
    .select('relation_indicator.indicator_id')
    .where(anyOfFor(db)('relation_indicator.indicator_id', indicatorIds))
    .orderBy('relation.position')
    .execute();
}
