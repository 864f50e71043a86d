import type { QueryResolvers } from '../../generated/resolvers-types';
import { fromGlobalId } from '../../../domain/global-id';
import { pageOf, pageOfIdOrderedRows } from '../../connection';
import { filterKey } from '../../filter-key';
import { pageRequest } from '../../page-arguments';
import { indicatorsWhere } from '../../../db/queries/filtered-rows';
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
    const year = filter?.year;
    const subject = filter?.subject;
    // from the observations of the request's dataset version, filtered in memory: no statement (the same rows
    // and order as `observationsWhere` selects: tests/observations-from-memory.test.ts)
    const [observations, indicators] = await Promise.all([
      context.loaders.allObservations.load('all'),
      context.loaders.indicatorsById.load('all'),
    ]);
    const ofIndicator = (id: number) => {
      if (voorziening === undefined && !unit) return true;
      const row = indicators.get(id);
      return (
        row !== undefined &&
        (voorziening === undefined || row.voorziening_id === voorziening.id) &&
        (!unit || row.unit === unit)
      );
    };
    const filtered =
      indicator !== undefined || year != null || subject != null || voorziening !== undefined || unit;
    // in id order, as kept (a filter keeps the order): a page is cut without a sort
    const rows = !filtered
      ? observations
      : observations.filter(
          (row) =>
            (indicator === undefined || row.indicator_id === indicator) &&
            (year == null || row.year === year) &&
            (subject == null || row.subject === subject) &&
            ofIndicator(row.indicator_id),
        );
    const of = {
      connection: 'observations',
      filter: filterKey({
        indicator,
        voorziening: voorziening?.code,
        unit,
        year,
        subject,
      }),
    } as const;
    return pageOfIdOrderedRows(rows, pageRequest(page, of.connection, of.filter), of);
  },
};
