import type { Kysely } from 'kysely';
import type { Database, DiscrepancyObservationTable, ObservationTable } from '../database';
import { anyOfFor } from './any-of';

/** The observations of the given indicators: per indicator, by breakdown subject, then year. */
export function observationsByIndicators(
  db: Kysely<Database>,
  indicatorIds: readonly number[],
): Promise<ObservationTable[]> {
  return db
    .selectFrom('observation')
    .selectAll()
    .where(anyOfFor(db)('indicator_id', indicatorIds))
    .orderBy('indicator_id')
    .orderBy('subject_position')
    .orderBy('year')
    .execute();
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
