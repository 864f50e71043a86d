import type { Kysely } from 'kysely';
import type { Database, DiscrepancyTable } from '../database';
import { anyOfFor } from './any-of';

/**
 * The discrepancies that involve a figure of the given indicators, each with the `involved_indicator_id` it
 * was found for (a discrepancy involving two of them comes once for each), in the order they were found.
 */
export function discrepanciesByIndicators(
  db: Kysely<Database>,
  indicatorIds: readonly number[],
): Promise<(DiscrepancyTable & { involved_indicator_id: number })[]> {
  return db
    .selectFrom('discrepancy_observation')
    .innerJoin('observation', 'observation.id', 'discrepancy_observation.observation_id')
    .innerJoin('discrepancy', 'discrepancy.id', 'discrepancy_observation.discrepancy_id')
    .selectAll('discrepancy')
    .select('observation.indicator_id as involved_indicator_id')
    .distinct()
    .where(anyOfFor(db)('observation.indicator_id', indicatorIds))
    .orderBy('discrepancy.position')
    .execute();
}
