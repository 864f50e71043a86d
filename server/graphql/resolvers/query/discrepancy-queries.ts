import type { QueryResolvers } from '../../generated/resolvers-types';

/** Query fields over the contradictions in the source. */
export const discrepancyQueries: QueryResolvers = {
  discrepancies: async (_, { kind, voorziening }, { db }) => {
    let query = db.selectFrom('discrepancy').selectAll('discrepancy').orderBy('discrepancy.position');
    if (kind) query = query.where('discrepancy.kind', '=', kind);
    if (voorziening) {
      query = query.where('discrepancy.id', 'in', (eb) =>
        eb
          .selectFrom('discrepancy_observation')
          .innerJoin('observation', 'observation.id', 'discrepancy_observation.observation_id')
          .innerJoin('indicator', 'indicator.id', 'observation.indicator_id')
          .innerJoin('voorziening', 'voorziening.id', 'indicator.voorziening_id')
          .select('discrepancy_observation.discrepancy_id')
          .where('voorziening.code', '=', voorziening),
      );
    }
    return query.execute();
  },
};
