import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DiscrepancyConfidence, DiscrepancyKind, Unit, VoorzieningKind } from '../../domain/vocabulary';
import type { Database } from '../database';
import { containsPattern } from './contains-pattern';

/**
 * The rows of a table that a connection's filter selects, as a query still to be paged (the connection adds the
 * cursor window, the order and the limit). Codes are resolved to ids by the caller; text is matched folded.
 */
type Rows<T extends keyof Database> = SelectQueryBuilder<Database, T, object>;

/** Voorzieningen of a kind, of a domain, whose names contain a text. */
export function voorzieningenWhere(
  db: Kysely<Database>,
  filter: { kind?: VoorzieningKind | null; domainId?: number; search?: string | null },
): Rows<'voorziening'> {
  let query = db.selectFrom('voorziening');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.domainId !== undefined) query = query.where('domain_id', '=', filter.domainId);
  if (filter.search)
    query = query.where(sql<boolean>`search_text like ${containsPattern(filter.search)} escape '\\'`);
  return query;
}

/** Indicators (table rows) of a voorziening, of a unit, whose label or names contain a text. */
export function indicatorsWhere(
  db: Kysely<Database>,
  filter: { voorzieningId?: number; unit?: Unit | null; search?: string | null },
): Rows<'indicator'> {
  let query = db.selectFrom('indicator');
  if (filter.voorzieningId !== undefined) query = query.where('voorziening_id', '=', filter.voorzieningId);
  if (filter.unit) query = query.where('unit', '=', filter.unit);
  if (filter.search)
    query = query.where(sql<boolean>`search_text like ${containsPattern(filter.search)} escape '\\'`);
  return query;
}

/**
 * Observations (cells) of an indicator, of a voorziening's rows, of rows of a unit, of a year, of a subject.
 * The `observations` connection filters the reference rows in memory; this is the SQL it is checked against
 * (`tests/observations-from-memory.test.ts`).
 */
export function observationsWhere(
  db: Kysely<Database>,
  filter: {
    indicatorId?: number;
    voorzieningId?: number;
    unit?: Unit | null;
    year?: number | null;
    subject?: string | null;
  },
): Rows<'observation'> {
  let query = db.selectFrom('observation');
  if (filter.indicatorId !== undefined) query = query.where('indicator_id', '=', filter.indicatorId);
  const { voorzieningId, unit } = filter;
  if (voorzieningId !== undefined || unit) {
    query = query.where('indicator_id', 'in', (eb) => {
      let inner = eb.selectFrom('indicator').select('indicator.id');
      if (voorzieningId !== undefined) inner = inner.where('voorziening_id', '=', voorzieningId);
      if (unit) inner = inner.where('unit', '=', unit);
      return inner;
    });
  }
  if (filter.year != null) query = query.where('year', '=', filter.year);
  if (filter.subject != null) query = query.where('subject', '=', filter.subject);
  return query;
}

/**
 * The discrepancies of a kind and a confidence, and involving figures of a voorziening, in the order they were
 * found.
 */
export function discrepanciesOf(
  db: Kysely<Database>,
  filter: {
    kind?: DiscrepancyKind | null;
    confidence?: DiscrepancyConfidence | null;
    voorzieningId?: number;
  },
) {
  let query = db.selectFrom('discrepancy').selectAll('discrepancy').orderBy('discrepancy.position');
  if (filter.kind) query = query.where('discrepancy.kind', '=', filter.kind);
  if (filter.confidence) query = query.where('discrepancy.confidence', '=', filter.confidence);
  const { voorzieningId } = filter;
  if (voorzieningId !== undefined) {
    query = query.where('discrepancy.id', 'in', (eb) =>
      eb
        .selectFrom('discrepancy_observation')
        .innerJoin('observation', 'observation.id', 'discrepancy_observation.observation_id')
        .innerJoin('indicator', 'indicator.id', 'observation.indicator_id')
        .select('discrepancy_observation.discrepancy_id')
        .where('indicator.voorziening_id', '=', voorzieningId),
    );
  }
  return query.execute();
}

/** The voorzieningen, then the indicators, whose search text contains `text`, `limit` in all. */
export async function searchRows(db: Kysely<Database>, text: string, limit: number) {
  const pattern = sql<boolean>`search_text like ${containsPattern(text)} escape '\\'`;
  const voorzieningen = await db
    .selectFrom('voorziening')
    .selectAll()
    .where(pattern)
    .orderBy('position')
    .limit(limit)
    .execute();
  const indicators = await db
    .selectFrom('indicator')
    .selectAll()
    .where(pattern)
    .orderBy('id')
    .limit(limit - voorzieningen.length)
    .execute();
  return { voorzieningen, indicators };
}
