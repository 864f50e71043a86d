import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { fromGlobalId } from '../../graphql/global-id';
import { HttpError } from '../http-error';
import { toCsv } from './csv';

/** The columns of `/export/observations.csv`: one row per printed cell, tidy. */
export const OBSERVATION_COLUMNS = [
  'edition',
  'domain',
  'voorziening_code',
  'voorziening_name',
  'indicator_key',
  'indicator_name',
  'unit',
  'subject',
  'year',
  'value',
  'raw',
  'qualifier',
  'printed_change',
  'source_section',
] as const;

const FILTERS = ['voorziening', 'indicator', 'year', 'subject', 'unit'];

/**
 * The tidy observations as CSV, with the `observations` query's filters as query parameters (`voorziening`,
 * `indicator` (global id), `year`, `subject`, `unit`). An unknown parameter or a bad value is a 400 naming it.
 */
export async function observationsCsv(db: Kysely<Database>, params: URLSearchParams): Promise<string> {
  for (const name of params.keys()) {
    if (!FILTERS.includes(name))
      throw new HttpError(400, `Unknown filter "${name}"; the filters are ${FILTERS.join(', ')}.`);
  }
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
  const voorziening = params.get('voorziening');
  if (voorziening) query = query.where('v.code', '=', voorziening);
  const indicator = params.get('indicator');
  if (indicator) {
    const decoded = fromGlobalId(indicator);
    if (decoded?.type !== 'Indicator')
      throw new HttpError(400, `"indicator" must be an Indicator's global id; got "${indicator}".`);
    query = query.where('i.id', '=', decoded.id);
  }
  const year = params.get('year');
  if (year !== null) {
    if (!/^\d{4}$/.test(year)) throw new HttpError(400, `"year" must be a year such as 2019; got "${year}".`);
    query = query.where('o.year', '=', Number(year));
  }
  const subject = params.get('subject');
  if (subject !== null) query = query.where('o.subject', '=', subject);
  const unit = params.get('unit');
  if (unit !== null) {
    if (unit !== 'COUNT' && unit !== 'PERCENT')
      throw new HttpError(400, `"unit" must be COUNT or PERCENT; got "${unit}".`);
    query = query.where('i.unit', '=', unit);
  }
  return toCsv(OBSERVATION_COLUMNS, await query.execute());
}
