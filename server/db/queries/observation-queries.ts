import type { Kysely } from 'kysely';
import type { Database, DiscrepancyObservationTable, ObservationTable } from '../database';
import { anyOfFor } from './any-of';

/** The observations in the order an indicator's are given: per indicator, by breakdown subject, then year. */
const observationsInOrder = (db: Kysely<Database>) =>
  db
    .selectFrom('observation')
    .selectAll()
    .orderBy('indicator_id')
    .orderBy('subject_position')
    .orderBy('year');

/** The observations of the given indicators: per indicator, by breakdown subject, then year. */
export function observationsByIndicators(
  db: Kysely<Database>,
  indicatorIds: readonly number[],
): Promise<ObservationTable[]> {
  return observationsInOrder(db).where(anyOfFor(db)('indicator_id', indicatorIds)).execute();
}

/** Every observation, in the order of {@link observationsByIndicators}. */
export function allObservations(db: Kysely<Database>): Promise<ObservationTable[]> {
  return observationsInOrder(db).execute();
}

/** The figures involved in the given discrepancies (their links to observations), per discrepancy, in order. */
export function observationsByDiscrepancies(
  db: Kysely<Database>,
  discrepancyIds: readonly number[],
): Promise<DiscrepancyObservationTable[]> {
  return db
    .selectFrom('discrepancy_observation')
    .selectAll()
    .where(anyOfFor(db)('discrepancy_id', discrepancyIds))
    .orderBy('discrepancy_id')
    .orderBy('position')
    .execute();
}

/** Every headline figure (an indicator's own row, no breakdown subject): indicator, year and value. */
export function headlineValues(
  db: Kysely<Database>,
): Promise<Pick<ObservationTable, 'indicator_id' | 'year' | 'value'>[]> {
  return db
    .selectFrom('observation')
    .select(['indicator_id', 'year', 'value'])
    .where('subject', 'is', null)
    .execute();
}
