import { discrepanciesOf } from '../../../db/queries/filtered-rows';
import { voorzieningByCode } from '../../code-arguments';
import type { QueryResolvers } from '../../generated/resolvers-types';

/** Query fields over the contradictions in the source. */
export const discrepancyQueries: QueryResolvers = {
  discrepancies: async (_, { kind, confidence, voorziening }, context) => {
    const voorzieningId = voorziening
      ? (await voorzieningByCode(context, voorziening, 'voorziening', 'BAD_USER_INPUT')).id
      : undefined;
    return discrepanciesOf(context.db, { kind, confidence, voorzieningId });
  },
};
