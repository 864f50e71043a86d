import type { Kysely } from 'kysely';
import type { Database } from '../database';

/** Which observations {@link tidyObservations} reads (every one when empty); each filter is checked already. */
export interface TidyObservationFilters {
  /** A voorziening code (exact, as stored: lower case). */
  voorziening?: string;
  /** An indicator's row id. */
  indicator?: number;
  /** An indicator key (exact, as stored); in every voorziening that has it unless `voorziening` is given. */
  indicatorKey?: string;
  year?: number;
  subject?: string;
  unit?: 'COUNT' | 'PERCENT';
}

/**
 * One row per observation, tidy: the observation with its edition, domain, voorziening, indicator, source
 * section, and the printed change on the row of the year the change ends in (the `to` year: 2018 → 2019 on
 * the 2019 row only), in the order they were read. `is_total` is 1 for the row's own figure (no subject) and a
 * breakdown's `Totaal`, 0 for a breakdown member.
 */
export function tidyObservations(db: Kysely<Database>, filters: TidyObservationFilters) {
  let query = db
    .selectFrom('observation as o')
    .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
    .innerJoin('voorziening as v', 'v.id', 'i.voorziening_id')
    .innerJoin('domain as d', 'd.id', 'v.domain_id')
    .innerJoin('section as s', 's.id', 'i.section_id')
    .leftJoin('reported_change as c', (join) =>
      join
        .onRef('c.indicator_id', '=', 'i.id')
        .onRef('c.to_year', '=', 'o.year')
        .on((eb) =>
          eb(eb.fn.coalesce('c.subject', eb.val('')), '=', eb.fn.coalesce('o.subject', eb.val(''))),
        ),
    )
    .crossJoin('edition as e')
    .select((eb) => [
      'e.year as edition',
      'd.code as domain',
      'v.code as voorziening_code',
      'v.name as voorziening_name',
      'v.name_en as voorziening_name_en',
      'i.id as indicator_row_id',
      'i.key as indicator_key',
      'i.name as indicator_name',
      'i.name_en as indicator_name_en',
      'i.unit as unit',
      'o.subject as subject',
      'o.subject_en as subject_en',
      eb
        .case()
        .when(eb.or([eb('o.subject', 'is', null), eb('o.is_total', '=', 1)]))
        .then(1)
        .else(0)
        .end()
        .as('is_total'),
      'o.year as year',
      'o.value as value',
      'o.raw as raw',
      'o.qualifier as qualifier',
      'c.raw as printed_change',
      'c.value as printed_change_value',
      'c.kind as printed_change_kind',
      'c.from_year as printed_change_from',
      's.title as source_section',
    ])
    .orderBy('o.id');
  if (filters.voorziening !== undefined) query = query.where('v.code', '=', filters.voorziening);
  if (filters.indicator !== undefined) query = query.where('i.id', '=', filters.indicator);
  if (filters.indicatorKey !== undefined) query = query.where('i.key', '=', filters.indicatorKey);
  if (filters.year !== undefined) query = query.where('o.year', '=', filters.year);
  if (filters.subject !== undefined) query = query.where('o.subject', '=', filters.subject);
  if (filters.unit !== undefined) query = query.where('i.unit', '=', filters.unit);
  return query.execute();
}

/** The voorziening codes that have an indicator with `key` (exact), ordered: empty when no indicator has it. */
export async function codesWithIndicatorKey(db: Kysely<Database>, key: string): Promise<string[]> {
  const rows = await db
    .selectFrom('indicator as i')
    .innerJoin('voorziening as v', 'v.id', 'i.voorziening_id')
    .select('v.code')
    .where('i.key', '=', key)
    .orderBy('v.code')
    .execute();
  return rows.map((row) => row.code);
}
