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

/** An indicator a note is about, with the `note_id` it was found for. */
export type NoteIndicatorRow = IndicatorTable & { note_id: number };

/** The indicators of notes, each with its note's id, by indicator id. */
const noteIndicators = (db: Kysely<Database>) =>
  db
    .selectFrom('note_indicator')
    .innerJoin('indicator', 'indicator.id', 'note_indicator.indicator_id')
    .selectAll('indicator')
    .select('note_indicator.note_id')
    .orderBy('indicator.id');

/**
 * The indicators the given notes are about, each with the `note_id` it was found for, by indicator id.
 * Not on a request's path: the reference rows hold these (`reference-rows.ts`); the SQL they are checked
 * against (`tests/observations-from-memory.test.ts`).
 */
export function indicatorsByNotes(
  db: Kysely<Database>,
  noteIds: readonly number[],
): Promise<NoteIndicatorRow[]> {
  return noteIndicators(db).where(anyOfFor(db)('note_indicator.note_id', noteIds)).execute();
}

/** The indicators of every note, in the order of {@link indicatorsByNotes}. */
export function allNoteIndicators(db: Kysely<Database>): Promise<NoteIndicatorRow[]> {
  return noteIndicators(db).execute();
}

/** An indicator that quantifies a relation, with the relation's id, its role there and its `shared` mark. */
export type RelationIndicatorRow = IndicatorTable & {
  relation_id: number;
  role: RelationMeasureRole;
  shared: number;
};

/** The indicators of relations, in each relation's order. */
const relationIndicators = (db: Kysely<Database>) =>
  db
    .selectFrom('relation_indicator')
    .innerJoin('indicator', 'indicator.id', 'relation_indicator.indicator_id')
    .selectAll('indicator')
    .select(['relation_indicator.relation_id', 'relation_indicator.role', 'relation_indicator.shared'])
    .orderBy('relation_indicator.position');

/**
 * The indicators that quantify the given relations, each with the `relation_id` it was found for, its role on
 * that relation and its `shared` mark (1 when other relations carry it too), in each relation's order.
 * Not on a request's path: the reference rows hold these (`reference-rows.ts`); the SQL they are checked
 * against (`tests/observations-from-memory.test.ts`).
 */
export function indicatorsByRelations(
  db: Kysely<Database>,
  relationIds: readonly number[],
): Promise<RelationIndicatorRow[]> {
  return relationIndicators(db).where(anyOfFor(db)('relation_indicator.relation_id', relationIds)).execute();
}

/** The indicators of every relation, in the order of {@link indicatorsByRelations}. */
export function allRelationIndicators(db: Kysely<Database>): Promise<RelationIndicatorRow[]> {
  return relationIndicators(db).execute();
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
