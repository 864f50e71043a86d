import { voorzieningByCode } from '../../code-arguments';
import type { QueryResolvers } from '../../generated/resolvers-types';

/** Query fields over the contradictions in the source. */
export const discrepancyQueries: QueryResolvers = {
  discrepancies: async (_, { kind, voorziening }, context) => {
    const { db } = context;
    let query = db.selectFrom('discrepancy').selectAll('discrepancy').orderBy('discrepancy.position');
    if (kind) query = query.where('discrepancy.kind', '=', kind);
    if (voorziening) {
      const { id } = await voorzieningByCode(context, voorziening, 'voorziening', 'BAD_USER_INPUT');
      query = query.where('discrepancy.id', 'in', (eb) =>
        eb
          .selectFrom('discrepancy_observation')
          .innerJoin('observation', 'observation.id', 'discrepancy_observation.observation_id')
          .innerJoin('indicator', 'indicator.id', 'observation.indicator_id')
          .select('discrepancy_observation.discrepancy_id')
          .where('indicator.voorziening_id', '=', id),
      );
    }
    return query.execute();
  },
};
