import type { QueryResolvers } from '../../generated/resolvers-types';
import { fromGlobalId } from '../../../domain/global-id';
import { pageOf } from '../../connection';
import { filterKey } from '../../filter-key';
import { pageRequest } from '../../page-arguments';
import { indicatorsWhere, observationsWhere } from '../../../db/queries/filtered-rows';
import { searchKey } from '../../search-key';
import { voorzieningByCode } from '../../code-arguments';

/** Query fields over table rows and cells: `indicators`, `indicator`, `observations`. */
export const metricQueries: QueryResolvers = {
  indicator: async (_, { id }, { loaders }) => {
    const decoded = fromGlobalId(id);
    return decoded?.type === 'Indicator' ? ((await loaders.indicator.load(decoded.id)) ?? null) : null;
  },
  indicators: async (_, { filter, ...page }, context) => {
    const voorziening = filter?.voorziening
      ? await voorzieningByCode(context, filter.voorziening, 'filter.voorziening', 'BAD_USER_INPUT')
      : undefined;
    const query = indicatorsWhere(context.db, {
      voorzieningId: voorziening?.id,
      unit: filter?.unit,
      search: filter?.search,
    });
    const of = {
      connection: 'indicators',
      filter: filterKey({
        voorziening: voorziening?.code,
        unit: filter?.unit,
        search: searchKey(filter?.search),
      }),
    } as const;
    return pageOf(query, pageRequest(page, of.connection, of.filter), of, context.counts);
  },
  observations: async (_, { filter, ...page }, context) => {
    let indicator: number | undefined;
    if (filter?.indicator) {
      const decoded = fromGlobalId(filter.indicator);
      indicator = decoded?.type === 'Indicator' ? decoded.id : -1;
    }
    const voorziening = filter?.voorziening
      ? await voorzieningByCode(context, filter.voorziening, 'filter.voorziening', 'BAD_USER_INPUT')
      : undefined;
    const unit = filter?.unit;
    const query = observationsWhere(context.db, {
      indicatorId: indicator,
      voorzieningId: voorziening?.id,
      unit,
      year: filter?.year,
      subject: filter?.subject,
    });
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
    return pageOf(query, pageRequest(page, of.connection, of.filter), of, context.counts);
  },
};
