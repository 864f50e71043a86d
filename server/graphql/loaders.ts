import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { anyOfFor, BatchScheduler, groupLoader, rowLoader } from './batch';

type ByIdTable =
  'section' | 'domain' | 'voorziening' | 'indicator' | 'note' | 'observation' | 'relation' | 'discrepancy';

/**
 * The DataLoaders of one request: every resolver path fetches through them, so a request runs one statement
 * per loader and level, however many rows it touches. Created fresh per request (no cache across requests).
 */
export function createLoaders(db: Kysely<Database>) {
  const anyOf = anyOfFor(db);
  const scheduler = new BatchScheduler();
  /** Tables with an integer `id`, seen alike so that one helper serves them all. */
  const byId = <T extends ByIdTable>(table: T) =>
    rowLoader(
      scheduler,
      (ids: number[]) =>
        (db as unknown as Kysely<Record<string, { id: number }>>)
          .selectFrom(table as string)
          .selectAll()
          .where(anyOf('id', ids))
          .execute() as Promise<Database[T][]>,
      (row) => row.id,
    );
  return {
    section: byId('section'),
    domain: byId('domain'),
    voorziening: byId('voorziening'),
    indicator: byId('indicator'),
    note: byId('note'),
    observation: byId('observation'),
    relation: byId('relation'),
    discrepancy: byId('discrepancy'),
    voorzieningByCode: rowLoader(
      scheduler,
      (codes: string[]) => db.selectFrom('voorziening').selectAll().where(anyOf('code', codes)).execute(),
      (row) => row.code,
    ),
    voorzieningenByDomain: groupLoader(
      scheduler,
      (ids: number[]) =>
        db.selectFrom('voorziening').selectAll().where(anyOf('domain_id', ids)).orderBy('position').execute(),
      (row) => row.domain_id,
    ),
    partsByParent: groupLoader(
      scheduler,
      (ids: number[]) =>
        db.selectFrom('voorziening').selectAll().where(anyOf('parent_id', ids)).orderBy('position').execute(),
      (row) => row.parent_id!,
    ),
    indicatorsByVoorziening: groupLoader(
      scheduler,
      (ids: number[]) =>
        db.selectFrom('indicator').selectAll().where(anyOf('voorziening_id', ids)).orderBy('id').execute(),
      (row) => row.voorziening_id,
    ),
    observationsByIndicator: groupLoader(
      scheduler,
      (ids: number[]) =>
        db
          .selectFrom('observation')
          .selectAll()
          .where(anyOf('indicator_id', ids))
          .orderBy('indicator_id')
          .orderBy('subject_position')
          .orderBy('year')
          .execute(),
      (row) => row.indicator_id,
    ),
    reportedChangesByIndicator: groupLoader(
      scheduler,
      (ids: number[]) =>
        db
          .selectFrom('reported_change')
          .selectAll()
          .where(anyOf('indicator_id', ids))
          .orderBy('id')
          .execute(),
      (row) => row.indicator_id,
    ),
    notesByVoorziening: groupLoader(
      scheduler,
      (ids: number[]) =>
        db.selectFrom('note').selectAll().where(anyOf('voorziening_id', ids)).orderBy('position').execute(),
      (row) => row.voorziening_id,
    ),
    notesByIndicator: groupLoader(
      scheduler,
      (ids: number[]) =>
        db
          .selectFrom('note_indicator')
          .innerJoin('note', 'note.id', 'note_indicator.note_id')
          .selectAll('note')
          .select('note_indicator.indicator_id')
          .where(anyOf('note_indicator.indicator_id', ids))
          .orderBy('note.id')
          .execute(),
      (row) => row.indicator_id,
    ),
    indicatorsByNote: groupLoader(
      scheduler,
      (ids: number[]) =>
        db
          .selectFrom('note_indicator')
          .innerJoin('indicator', 'indicator.id', 'note_indicator.indicator_id')
          .selectAll('indicator')
          .select('note_indicator.note_id')
          .where(anyOf('note_indicator.note_id', ids))
          .orderBy('indicator.id')
          .execute(),
      (row) => row.note_id,
    ),
    correctionsByIndicator: groupLoader(
      scheduler,
      (ids: number[]) =>
        db.selectFrom('correction').selectAll().where(anyOf('indicator_id', ids)).orderBy('year').execute(),
      (row) => row.indicator_id,
    ),
    relationsFrom: groupLoader(
      scheduler,
      (ids: number[]) =>
        db.selectFrom('relation').selectAll().where(anyOf('from_id', ids)).orderBy('position').execute(),
      (row) => row.from_id,
    ),
    relationsTo: groupLoader(
      scheduler,
      (ids: number[]) =>
        db.selectFrom('relation').selectAll().where(anyOf('to_id', ids)).orderBy('position').execute(),
      (row) => row.to_id,
    ),
    indicatorsByRelation: groupLoader(
      scheduler,
      (ids: number[]) =>
        db
          .selectFrom('relation_indicator')
          .innerJoin('indicator', 'indicator.id', 'relation_indicator.indicator_id')
          .selectAll('indicator')
          .select('relation_indicator.relation_id')
          .where(anyOf('relation_indicator.relation_id', ids))
          .orderBy('relation_indicator.position')
          .execute(),
      (row) => row.relation_id,
    ),
    relationsByIndicator: groupLoader(
      scheduler,
      (ids: number[]) =>
        db
          .selectFrom('relation_indicator')
          .innerJoin('relation', 'relation.id', 'relation_indicator.relation_id')
          .selectAll('relation')
          .select('relation_indicator.indicator_id')
          .where(anyOf('relation_indicator.indicator_id', ids))
          .orderBy('relation.position')
          .execute(),
      (row) => row.indicator_id,
    ),
    sameAsByIndicator: groupLoader(
      scheduler,
      async (ids: number[]) => {
        const links = await db
          .selectFrom('same_as')
          .select(['indicator_id', 'other_indicator_id'])
          .where((eb) => eb.or([anyOf('indicator_id', ids), anyOf('other_indicator_id', ids)]))
          .orderBy('id')
          .execute();
        return links.flatMap((l) => [
          { key: l.indicator_id, other: l.other_indicator_id },
          { key: l.other_indicator_id, other: l.indicator_id },
        ]);
      },
      (row) => row.key,
    ),
    discrepanciesByIndicator: groupLoader(
      scheduler,
      (ids: number[]) =>
        db
          .selectFrom('discrepancy_observation')
          .innerJoin('observation', 'observation.id', 'discrepancy_observation.observation_id')
          .innerJoin('discrepancy', 'discrepancy.id', 'discrepancy_observation.discrepancy_id')
          .selectAll('discrepancy')
          .select('observation.indicator_id as involved_indicator_id')
          .distinct()
          .where(anyOf('observation.indicator_id', ids))
          .orderBy('discrepancy.position')
          .execute(),
      (row) => row.involved_indicator_id,
    ),
    observationsByDiscrepancy: groupLoader(
      scheduler,
      (ids: number[]) =>
        db
          .selectFrom('discrepancy_observation')
          .selectAll()
          .where(anyOf('discrepancy_id', ids))
          .orderBy('discrepancy_id')
          .orderBy('position')
          .execute(),
      (row) => row.discrepancy_id,
    ),
  };
}

/** The DataLoaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
