import type { Kysely } from 'kysely';
import type { Database } from '../database';

/** Which observations {@link tidyObservations} reads (every one when empty); each filter is checked already. */
export interface TidyObservationFilters {
  /** A voorziening code. */
  voorziening?: string;
  /** An indicator's row id. */
  indicator?: number;
  year?: number;
  subject?: string;
  unit?: 'COUNT' | 'PERCENT';
}

/**
 * One row per printed cell, tidy: the observation with its edition, domain, voorziening, indicator, printed
 * change and source section, in the order they were read.
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
        .on((eb) =>
          eb(eb.fn.coalesce('c.subject', eb.val('')), '=', eb.fn.coalesce('o.subject', eb.val(''))),
        ),
    )
    .crossJoin('edition as e')
    .select([
      'e.year as edition',
      'd.code as domain',
      'v.code as voorziening_code',
      'v.name as voorziening_name',
      'i.key as indicator_key',
      'i.name as indicator_name',
      'i.unit as unit',
      'o.subject as subject',
      'o.year as year',
      'o.value as value',
      'o.raw as raw',
      'o.qualifier as qualifier',
      'c.raw as printed_change',
      's.title as source_section',
    ])
    .orderBy('o.id');
  if (filters.voorziening !== undefined) query = query.where('v.code', '=', filters.voorziening);
  if (filters.indicator !== undefined) query = query.where('i.id', '=', filters.indicator);
  if (filters.year !== undefined) query = query.where('o.year', '=', filters.year);
  if (filters.subject !== undefined) query = query.where('o.subject', '=', filters.subject);
  if (filters.unit !== undefined) query = query.where('i.unit', '=', filters.unit);
  return query.execute();
}
