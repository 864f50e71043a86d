import { sql } from 'kysely';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { fromGlobalId } from '../../../domain/global-id';
import { checkRange } from '../../user-input-error';
import { fromCursor, pageOf } from '../../connection';
import { containsPattern } from './like-pattern';
import { voorzieningByCode } from '../../code-arguments';

/** Query fields over table rows and cells: `indicators`, `indicator`, `observations`. */
export const metricQueries: QueryResolvers = {
  indicator: async (_, { id }, { loaders }) => {
    const decoded = fromGlobalId(id);
    return decoded?.type === 'Indicator' ? ((await loaders.indicator.load(decoded.id)) ?? null) : null;
  },
  indicators: async (_, { filter, first, after }, context) => {
    const { db } = context;
    checkRange('first', first, 1, 100);
    const from = fromCursor(after);
    let query = db.selectFrom('indicator');
    if (filter?.voorziening) {
      const voorziening = await voorzieningByCode(
        context,
        filter.voorziening,
        'filter.voorziening',
        'BAD_USER_INPUT',
      );
      query = query.where('voorziening_id', '=', voorziening.id);
    }
    if (filter?.unit) query = query.where('unit', '=', filter.unit);
    if (filter?.search)
      query = query.where(sql<boolean>`search_text like ${containsPattern(filter.search)} escape '\\'`);
    return pageOf(query, first, from);
  },
  observations: async (_, { filter, first, after }, context) => {
    const { db } = context;
    checkRange('first', first, 1, 500);
    const from = fromCursor(after);
    let query = db.selectFrom('observation');
    if (filter?.indicator) {
      const decoded = fromGlobalId(filter.indicator);
      query = query.where('indicator_id', '=', decoded?.type === 'Indicator' ? decoded.id : -1);
    }
    if (filter?.voorziening || filter?.unit) {
      const { unit } = filter;
      const voorziening =
        filter.voorziening &&
        (await voorzieningByCode(context, filter.voorziening, 'filter.voorziening', 'BAD_USER_INPUT')).id;
      query = query.where('indicator_id', 'in', (eb) => {
        let inner = eb.selectFrom('indicator').select('indicator.id');
        if (voorziening) inner = inner.where('voorziening_id', '=', voorziening);
        if (unit) inner = inner.where('unit', '=', unit);
        return inner;
      });
    }
    if (filter?.year != null) query = query.where('year', '=', filter.year);
    if (filter?.subject != null) query = query.where('subject', '=', filter.subject);
    return pageOf(query, first, from);
  },
};
