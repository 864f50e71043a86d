import type { Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { resolveVoorzieningCode } from '../../db/queries/code-lookup';
import { tidyObservations, type TidyObservationFilters } from '../../db/queries/tidy-observations';
import { toGlobalId } from '../../domain/global-id';
import { HttpError, shown } from '../http-error';
import { toCsv } from './csv';
import { indicatorFilter } from './indicator-filter';

/**
 * The columns of `/export/observations.csv`: one row per observation (printed cell), tidy. `is_total` is
 * `true` for the row's own figure (no subject) and a breakdown's `Totaal`, `false` for a breakdown member: keep
 * `is_total` rows for one figure per indicator and year without double counting. The printed change
 * (`printed_change` as printed, `printed_change_value` as a number, `printed_change_kind` RELATIVE (%) or
 * DIFFERENCE (points), `printed_change_from` its first year) stands only on the row of the year it ends in.
 */
export const OBSERVATION_COLUMNS = [
  'edition',
  'domain',
  'voorziening_code',
  'voorziening_name',
  'voorziening_name_en',
  'indicator_id',
  'indicator_key',
  'indicator_name',
  'indicator_name_en',
  'unit',
  'subject',
  'subject_en',
  'is_total',
  'year',
  'value',
  'raw',
  'qualifier',
  'printed_change',
  'printed_change_value',
  'printed_change_kind',
  'printed_change_from',
  'source_section',
] as const;

const FILTERS = ['voorziening', 'indicator', 'year', 'subject', 'unit'] as const;

/** The filters of `/export/observations.csv`, checked, in the order of {@link FILTERS}. */
export type ObservationFilters = TidyObservationFilters;

/**
 * Reads the `observations` query's filters from the query parameters (`voorziening` (a code, any case),
 * `indicator` (a key or a global id, see {@link indicatorFilter}), `year`, `subject`, `unit`). An unknown or
 * repeated parameter, an unknown voorziening code (`codes` are the known ones) or indicator key (`codesWithKey`
 * gives the codes that have a key), or a bad value is a 400 naming it; nothing reaches SQL unchecked. An empty
 * `voorziening` or `indicator` is no filter.
 */
export async function observationFilters(
  params: URLSearchParams,
  codes: () => Promise<ReadonlySet<string>>,
  codesWithKey: (key: string) => Promise<string[]>,
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
    // as every lookup resolves a code: any case, or an abbreviation; an unknown one gets the nearest codes
    const resolved = await resolveVoorzieningCode(await codes(), voorziening);
    if ('unknown' in resolved) {
      const nearest =
        resolved.suggestions.length > 0 ? ` Did you mean ${resolved.suggestions.join(', ')}?` : '';
      throw new HttpError(
        400,
        `Unknown voorziening ${shown(voorziening)} in "voorziening".${nearest} See /explore for the codes.`,
      );
    }
    filters.voorziening = resolved.code;
  }
  const indicator = params.get('indicator');
  if (indicator) Object.assign(filters, await indicatorFilter(indicator, filters.voorziening, codesWithKey));
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
  const rows = await tidyObservations(db, filters);
  return toCsv(
    OBSERVATION_COLUMNS,
    rows.map(({ indicator_row_id, is_total, ...row }) => ({
      ...row,
      indicator_id: toGlobalId('Indicator', indicator_row_id),
      is_total: Number(is_total) === 1,
    })),
  );
}
