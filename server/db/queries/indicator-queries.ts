import type { Kysely } from 'kysely';
import type { Database, IndicatorTable } from '../database';
import { anyOfFor } from './any-of';
import type { RelationMeasureRole } from '../../domain/vocabulary';

/** The indicators of the given voorzieningen, by id. */
export function indicatorsByVoorzieningen(
  db: Kysely<Database>,
  voorzieningIds: readonly number[],
): Promise<IndicatorTable[]> {
  return db
    .selectFrom('indicator')
    .selectAll()
    .where(anyOfFor(db)('voorziening_id', voorzieningIds))
    .orderBy('id')
    .execute();
}

/** The indicators the given notes are about, each with the `note_id` it was found for, by indicator id. */
export function indicatorsByNotes(
  db: Kysely<Database>,
  noteIds: readonly number[],
): Promise<(IndicatorTable & { note_id: number })[]> {
  return db
    .selectFrom('note_indicator')
    .innerJoin('indicator', 'indicator.id', 'note_indicator.indicator_id')
    .selectAll('indicator')
    .select('note_indicator.note_id')
    .where(anyOfFor(db)('note_indicator.note_id', noteIds))
    .orderBy('indicator.id')
    .execute();
}

/**
 * The indicators that quantify the given relations, each with the `relation_id` it was found for, its role on
 * that relation and its `shared` mark (1 when other relations carry it too), in each relation's order.
 */
export function indicatorsByRelations(
  db: Kysely<Database>,
  relationIds: readonly number[],
): Promise<(IndicatorTable & { relation_id: number; role: RelationMeasureRole; shared: number })[]> {
  return db
    .selectFrom('relation_indicator')
    .innerJoin('indicator', 'indicator.id', 'relation_indicator.indicator_id')
    .selectAll('indicator')
    .select(['relation_indicator.relation_id', 'relation_indicator.role', 'relation_indicator.shared'])
    .where(anyOfFor(db)('relation_indicator.relation_id', relationIds))
    .orderBy('relation_indicator.position')
    .execute();
}

/** The `sameAs` links touching the given indicators, from either side: one entry per side, by link id. */
export async function sameAsByIndicators(
  db: Kysely<Database>,
  indicatorIds: readonly number[],
): Promise<{ key: number; other: number }[]> {
  const anyOf = anyOfFor(db);
  const links = await db
    .selectFrom('same_as')
    .select(['indicator_id', 'other_indicator_id'])
    .where((eb) => eb.or([anyOf('indicator_id', indicatorIds), anyOf('other_indicator_id', indicatorIds)]))
    .orderBy('id')
    .execute();
  return links.flatMap((l) => [
    { key: l.indicator_id, other: l.other_indicator_id },
    { key: l.other_indicator_id, other: l.indicator_id },
  ]);
}
