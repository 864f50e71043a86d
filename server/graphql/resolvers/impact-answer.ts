import type { VoorzieningTable } from '../../db/database';
import type { GraphQLContext } from '../context';
import type { ImpactModel } from '../models';
import { checkRange, userInputError } from '../user-input-error';
import { required } from './required';
import type { RelationProvenance } from '../../domain/vocabulary';

/** The deepest `impact` walk: deeper than the longest flow of the stelsel (see `schema/impact.graphql`). */
export const MAX_IMPACT_DEPTH = 8;

/** The arguments of `impact` beside the origin. */
export interface ImpactArguments {
  year?: number | null;
  kinds?: readonly string[] | null;
  /** Which provenances to follow; MONITOR alone when absent. */
  provenance?: readonly RelationProvenance[] | null;
  maxDepth: number;
}

/**
 * Everything downstream of `origin`, with the volume of each relation walked in the year: the answer of
 * `Query.impact` and `Voorziening.impact`. Fetched through the request's loaders, so that impacts of many
 * voorzieningen in one request share their statements: the edition's years, one walk per depth and filter
 * (one recursive CTE for all origins), the volumes of the year, the relations walked. A `maxDepth` outside
 * 0–{@link MAX_IMPACT_DEPTH} or a year the edition does not cover is BAD_USER_INPUT naming the argument.
 */
export async function impactAnswer(
  context: GraphQLContext,
  origin: VoorzieningTable,
  { year, kinds, provenance, maxDepth }: ImpactArguments,
): Promise<ImpactModel> {
  checkRange('maxDepth', maxDepth, 0, MAX_IMPACT_DEPTH);
  const { loaders } = context;
  const years = await loaders.editionYears.load('all');
  if (year !== null && year !== undefined && !years.includes(year)) {
    throw userInputError(
      `\`year\` must be one of the edition's years (${years.join(', ')}); got ${year}.`,
      'year',
    );
  }
  const asOf = year ?? Math.max(...years);
  const [downstream, volumes, all] = await Promise.all([
    loaders.downstream.load({ origin: origin.id, maxDepth, kinds, provenances: provenance }),
    loaders.volumesInYear.load(asOf),
    loaders.allVoorzieningen.load('all'),
  ]);
  const relations = await loaders.relation.loadMany(downstream.relations.map((walked) => walked.id));
  const byId = new Map(all.map((row) => [row.id, row]));
  return {
    origin,
    year: asOf,
    maxDepth,
    reached: downstream.nodes
      .filter((node) => node.id !== origin.id)
      .map((node) => ({ voorziening: required(byId.get(node.id), 'voorziening'), distance: node.distance })),
    flows: downstream.relations.map((walked, at) => ({
      relation: required(relations[at], 'relation'),
      step: walked.step,
      volume: volumes.get(walked.id) ?? null,
    })),
  };
}
