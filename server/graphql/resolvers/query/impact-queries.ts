import { readEdition } from '../../../db/queries/edition-queries';
import { queryDownstream } from '../../../db/queries/graph/impact-query';
import { relationVolumes } from '../../../db/queries/relation-volumes';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { voorzieningByCode } from '../../code-arguments';
import { checkRange, userInputError } from '../../user-input-error';
import { required } from '../required';

/** The deepest `impact` walk: deeper than the longest flow of the stelsel (see `schema/impact.graphql`). */
export const MAX_IMPACT_DEPTH = 8;

/** The year of an impact's volumes: the one asked for, which must be an edition year, or the last of them. */
async function impactYear(
  db: Parameters<typeof readEdition>[0],
  year: number | null | undefined,
): Promise<number> {
  const years = (await readEdition(db)).years.split(',').map(Number);
  if (year === null || year === undefined) return Math.max(...years);
  if (!years.includes(year)) {
    throw userInputError(
      `\`year\` must be one of the edition's years (${years.join(', ')}); got ${year}.`,
      'year',
    );
  }
  return year;
}

/**
 * `impact`: everything downstream of a voorziening. Five statements whatever the reach: the voorzieningen (for
 * the code, and the rows of those reached), the edition (for the year), the walk (one recursive CTE), the
 * volumes of the year, and the relations walked (through the loader).
 */
export const impactQueries: QueryResolvers = {
  impact: async (_, { code, year, kinds, maxDepth }, context) => {
    checkRange('maxDepth', maxDepth, 0, MAX_IMPACT_DEPTH);
    const origin = await voorzieningByCode(context, code, 'code', 'NOT_FOUND');
    const asOf = await impactYear(context.db, year);
    const [downstream, volumes] = await Promise.all([
      queryDownstream(context.db, origin.id, maxDepth, { kinds }),
      relationVolumes(context.db, asOf),
    ]);
    const others = downstream.nodes.filter((node) => node.id !== origin.id);
    const [all, relations] = await Promise.all([
      context.loaders.allVoorzieningen.load('all'), // read already, to resolve the code
      context.loaders.relation.loadMany(downstream.relations.map((relation) => relation.id)),
    ]);
    const byId = new Map(all.map((row) => [row.id, row]));
    return {
      origin,
      year: asOf,
      maxDepth,
      reached: others.map((node) => ({
        voorziening: required(byId.get(node.id), 'voorziening'),
        distance: node.distance,
      })),
      flows: downstream.relations.map((walked, at) => ({
        relation: required(relations[at], 'relation'),
        step: walked.step,
        volume: volumes.get(walked.id) ?? null,
      })),
    };
  },
};
