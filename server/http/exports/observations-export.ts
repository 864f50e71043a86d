import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { tidyObservations, type TidyObservationFilters } from '../../db/queries/tidy-observations';
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
export type ObservationFilters = TidyObservationFilters;

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
  return toCsv(OBSERVATION_COLUMNS, await tidyObservations(db, filters));
}
