import { sql, type Kysely } from 'kysely';
import type { ClaimVerdict } from '../../domain/vocabulary';
import type {
  ClaimIndicatorTable,
  ClaimObservationTable,
  ClaimTable,
  Database,
  DiscrepancyTable,
  IndicatorTable,
  ProseFigureTable,
} from '../database';
import { anyOfFor } from './any-of';

/**
 * The claims of a verdict, stated in a section or one inside it (a recursive walk down the sections), and
 * about a voorziening's rows, in the text's order.
 */
export function claimsWhere(
  db: Kysely<Database>,
  filter: { verdict?: ClaimVerdict | null; sectionId?: number; voorzieningId?: number },
): Promise<ClaimTable[]> {
  let query = db.selectFrom('claim').selectAll('claim').orderBy('claim.position');
  if (filter.verdict) query = query.where('claim.verdict', '=', filter.verdict);
  const { sectionId, voorzieningId } = filter;
  if (sectionId !== undefined) {
    query = query.where(
      'claim.section_id',
      'in',
      sql<number>`(with recursive inside(id) as (
          select id from section where id = ${sectionId}
          union select section.id from section join inside on section.parent_id = inside.id
        ) select id from inside)`,
    );
  }
  if (voorzieningId !== undefined) {
    query = query.where('claim.id', 'in', (eb) =>
      eb
        .selectFrom('claim_indicator')
        .innerJoin('indicator', 'indicator.id', 'claim_indicator.indicator_id')
        .select('claim_indicator.claim_id')
        .where('indicator.voorziening_id', '=', voorzieningId),
    );
  }
  return query.execute();
}

/** The sections that state claims, with their ancestors (what the `section` filter accepts): code and id. */
export function claimSections(db: Kysely<Database>): Promise<{ id: number; code: string }[]> {
  return sql<{ id: number; code: string }>`with recursive up(id) as (
      select distinct section_id from claim
      union select section.parent_id from section join up on section.id = up.id where section.parent_id is not null
    ) select section.id, section.code from section join up on up.id = section.id order by section.position`
    .execute(db)
    .then((result) => result.rows);
}

/** The indicators the given claims refer to, per claim in the claim's order. */
export function indicatorsByClaims(
  db: Kysely<Database>,
  claimIds: readonly number[],
): Promise<(IndicatorTable & Pick<ClaimIndicatorTable, 'claim_id'>)[]> {
  return db
    .selectFrom('claim_indicator')
    .innerJoin('indicator', 'indicator.id', 'claim_indicator.indicator_id')
    .selectAll('indicator')
    .select('claim_indicator.claim_id')
    .where(anyOfFor(db)('claim_indicator.claim_id', claimIds))
    .orderBy('claim_indicator.claim_id')
    .orderBy('claim_indicator.position')
    .execute();
}

/** The figures the given claims were checked against (their links), per claim in order. */
export function observationsByClaims(
  db: Kysely<Database>,
  claimIds: readonly number[],
): Promise<ClaimObservationTable[]> {
  return db
    .selectFrom('claim_observation')
    .selectAll()
    .where(anyOfFor(db)('claim_id', claimIds))
    .orderBy('claim_id')
    .orderBy('position')
    .execute();
}

/** Where the given observations are stated in prose (only those stated so have a row). */
export function proseByObservations(
  db: Kysely<Database>,
  observationIds: readonly number[],
): Promise<ProseFigureTable[]> {
  return db
    .selectFrom('prose_figure')
    .selectAll()
    .where(anyOfFor(db)('observation_id', observationIds))
    .execute();
}

/** The SUMMARY_MISMATCH discrepancies of the given claims. */
export function discrepanciesByClaims(
  db: Kysely<Database>,
  claimIds: readonly number[],
): Promise<DiscrepancyTable[]> {
  return db
    .selectFrom('discrepancy')
    .selectAll()
    .where(anyOfFor(db)('claim_id', claimIds))
    .orderBy('position')
    .execute();
}
