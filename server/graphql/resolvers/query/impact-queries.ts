import type { QueryResolvers } from '../../generated/resolvers-types';
import { voorzieningByCode } from '../../code-arguments';
import { checkRange } from '../../user-input-error';
import { impactAnswer, MAX_IMPACT_DEPTH } from '../impact-answer';

/**
 * `impact`: everything downstream of a voorziening named by its code (an unknown code: null with NOT_FOUND
 * and suggestions, as `voorziening(code:)`). Five statements whatever the reach: the voorzieningen (for the
 * code, and the rows of those reached), the edition's years, the walk (one recursive CTE), the volumes of the
 * year, and the relations walked.
 */
export const impactQueries: QueryResolvers = {
  impact: async (_, { code, ...args }, context) => {
    checkRange('maxDepth', args.maxDepth, 0, MAX_IMPACT_DEPTH);
    const origin = await voorzieningByCode(context, code, 'code', 'NOT_FOUND');
    return impactAnswer(context, origin, args);
  },
};
