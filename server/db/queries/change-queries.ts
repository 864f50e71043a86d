import type { Kysely } from 'kysely';
import type { CorrectionTable, Database, ReportedChangeTable } from '../database';
import { anyOfFor } from './any-of';

/**
 * The changes the monitor printed for the given indicators, by id.
 * Not on a request's path: the reference rows hold these (`reference-rows.ts`); the SQL they are checked
 * against (`tests/observations-from-memory.test.ts`).
 */
export function reportedChangesByIndicators(
  db: Kysely<Database>,
  indicatorIds: readonly number[],
): Promise<ReportedChangeTable[]> {
  return db
    .selectFrom('reported_change')
    .selectAll()
    .where(anyOfFor(db)('indicator_id', indicatorIds))
    .orderBy('id')
    .execute();
}

/** Every change the monitor printed, by id (the order of {@link reportedChangesByIndicators}). */
export function allReportedChanges(db: Kysely<Database>): Promise<ReportedChangeTable[]> {
  return db.selectFrom('reported_change').selectAll().orderBy('id').execute();
}

/** The figures the edition restated for the given indicators, by year. */
export function correctionsByIndicators(
  db: Kysely<Database>,
  indicatorIds: readonly number[],
): Promise<CorrectionTable[]> {
  return db
    .selectFrom('correction')
    .selectAll()
    .where(anyOfFor(db)('indicator_id', indicatorIds))
    .orderBy('year')
    .execute();
}
