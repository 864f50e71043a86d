import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { fromGlobalId } from '../../domain/global-id';
import { HttpError, shown } from '../http-error';
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

const FILTERS = ['voorziening', 'indicator', 'year', 'subject', 'unit'] as const;

/** The filters of `/export/observations.csv`, checked, in the order of {@link FILTERS}. */
export interface ObservationFilters {
  voorziening?: string;
  /** The indicator's row id (the parameter is its global id). */
  indicator?: number;
  year?: number;
  subject?: string;
  unit?: 'COUNT' | 'PERCENT';
}

/**
 * Reads the `observations` query's filters from the query parameters (`voorziening`, `indicator` (global id),
 * `year`, `subject`, `unit`). An unknown or repeated parameter, an unknown voorziening code (`codes` are the
 * known ones), or a bad value is a 400 naming it; nothing reaches SQL unchecked. An empty `voorziening` or
 * `indicator` is no filter.
 */
export async function observationFilters(
  params: URLSearchParams,
  codes: () => Promise<ReadonlySet<string>>,
): Promise<ObservationFilters> {
  for (const name of new Set(params.keys())) {
    if (!(FILTERS as readonly string[]).includes(name))
      throw new HttpError(400, `Unknown filter ${shown(name, 40)}; the filters are ${FILTERS.join(', ')}.`);
    const count = params.getAll(name).length;
    if (count > 1) throw new HttpError(400, `"${name}" is given ${count} times; give each filter once.`);
  }
  const filters: ObservationFilters = {};
  const voorziening = params.get('voorziening');
  if (voorziening) {
    if (!(await codes()).has(voorziening))
      throw new HttpError(
        400,
        `Unknown voorziening ${shown(voorziening)} in "voorziening"; see /explore for the codes.`,
      );
    filters.voorziening = voorziening;
  }
  const indicator = params.get('indicator');
  if (indicator) {
    const decoded = fromGlobalId(indicator);
    if (decoded?.type !== 'Indicator')
      throw new HttpError(400, `"indicator" must be an Indicator's global id; got ${shown(indicator)}.`);
    filters.indicator = decoded.id;
  }
  const year = params.get('year');
  if (year !== null) {
    if (!/^\d{4}$/.test(year))
      throw new HttpError(400, `"year" must be a year such as 2019; got ${shown(year)}.`);
    filters.year = Number(year);
  }
  const subject = params.get('subject');
  if (subject !== null) {
    if (subject.includes('\u0000'))
      throw new HttpError(400, `"subject" contains a NUL character, which no subject has.`);
    filters.subject = subject;
  }
  const unit = params.get('unit');
  if (unit !== null) {
    if (unit !== 'COUNT' && unit !== 'PERCENT')
      throw new HttpError(400, `"unit" must be COUNT or PERCENT; got ${shown(unit)}.`);
    filters.unit = unit;
  }
  return filters;
}

/** The tidy observations as CSV, filtered by {@link observationFilters}' filters. */
export async function observationsCsv(db: Kysely<Database>, filters: ObservationFilters): Promise<string> {
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
  return toCsv(OBSERVATION_COLUMNS, await query.execute());
}
