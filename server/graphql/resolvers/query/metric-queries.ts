import { sql } from 'kysely';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { fromGlobalId } from '../../../domain/global-id';
import { pageOf } from '../../connection';
import { filterKey } from '../../filter-key';
import { pageRequest } from '../../page-arguments';
import { containsPattern, searchKey } from './like-pattern';
import { voorzieningByCode } from '../../code-arguments';

/** Query fields over table rows and cells: `indicators`, `indicator`, `observations`. */
export const metricQueries: QueryResolvers = {
  indicator: async (_, { id }, { loaders }) => {
    const decoded = fromGlobalId(id);
    return decoded?.type === 'Indicator' ? ((await loaders.indicator.load(decoded.id)) ?? null) : null;
  },
  indicators: async (_, { filter, ...page }, context) => {
    let query = context.db.selectFrom('indicator');
    const voorziening = filter?.voorziening
      ? await voorzieningByCode(context, filter.voorziening, 'filter.voorziening', 'BAD_USER_INPUT')
      : undefined;
    if (voorziening) query = query.where('voorziening_id', '=', voorziening.id);
    if (filter?.unit) query = query.where('unit', '=', filter.unit);
    if (filter?.search)
      query = query.where(sql<boolean>`search_text like ${containsPattern(filter.search)} escape '\\'`);
    const of = {
      connection: 'indicators',
      filter: filterKey({
        voorziening: voorziening?.code,
        unit: filter?.unit,
        search: searchKey(filter?.search),
      }),
    } as const;
    return pageOf(query, pageRequest(page, of.connection, of.filter), of);
  },
  observations: async (_, { filter, ...page }, context) => {
    let query = context.db.selectFrom('observation');
    let indicator: number | undefined;
    if (filter?.indicator) {
      const decoded = fromGlobalId(filter.indicator);
      indicator = decoded?.type === 'Indicator' ? decoded.id : -1;
      query = query.where('indicator_id', '=', indicator);
    }
    const voorziening = filter?.voorziening
      ? await voorzieningByCode(context, filter.voorziening, 'filter.voorziening', 'BAD_USER_INPUT')
      : undefined;
    const unit = filter?.unit;
    if (voorziening || unit) {
      query = query.where('indicator_id', 'in', (eb) => {
        let inner = eb.selectFrom('indicator').select('indicator.id');
        if (voorziening) inner = inner.where('voorziening_id', '=', voorziening.id);
        if (unit) inner = inner.where('unit', '=', unit);
        return inner;
      });
    }
    if (filter?.year != null) query = query.where('year', '=', filter.year);
    if (filter?.subject != null) query = query.where('subject', '=', filter.subject);
    const of = {
      connection: 'observations',
      filter: filterKey({
        indicator,
        voorziening: voorziening?.code,
        unit,
        year: filter?.year,
        subject: filter?.subject,
      }),
    } as const;
    return pageOf(query, pageRequest(page, of.connection, of.filter), of);
  },
};
