import { relationsOfKinds } from '../../../db/queries/relation-queries';
import { allVoorzieningen } from '../../../db/queries/voorziening-queries';
import type { RelationTable, VoorzieningTable } from '../../../db/database';
import { oncePerList } from '../../../lib/once-per-list';
import type { GraphQLContext } from '../../context';
import type { QueryRelationsArgs, QueryResolvers } from '../../generated/resolvers-types';
import type { RelationConnectionModel } from '../../models';
import { mapLoaded } from '../map-loaded';
import { pageOfIdOrderedRows } from '../../connection';
import { filterKey } from '../../filter-key';
import { pageRequest } from '../../page-arguments';
import { queryNeighbors } from '../../../db/queries/graph/neighbors-query';
import { distinctKinds, distinctProvenances } from '../../../db/queries/graph/traversable-edges';
import { queryShortestPath } from '../../../db/queries/graph/shortest-path-query';
import { checkRange } from '../../user-input-error';
import { voorzieningByCode } from '../../code-arguments';
import { required } from '../required';

/** The deepest `neighbors` traversal and the longest `path` searched. */
export const MAX_NEIGHBOR_DEPTH = 6;
export const MAX_PATH_DEPTH = 8;

/** The voorziening of a graph argument; an unknown code is BAD_USER_INPUT naming it, with suggestions. */
function voorzieningArgument(
  context: GraphQLContext,
  code: string,
  argument: string,
): Promise<VoorzieningTable> {
  return voorzieningByCode(context, code, argument, 'BAD_USER_INPUT');
}

async function loadAll<T>(
  loader: { loadMany: (ids: number[]) => Promise<(T | undefined | Error)[]> },
  ids: number[],
  what: string,
): Promise<T[]> {
  return (await loader.loadMany(ids)).map((row) => required(row, what));
}

/** `relations` with an end named: the page once both ends are looked up (`from` first). */
async function relationsBetween(
  context: GraphQLContext,
  filter: QueryRelationsArgs['filter'],
  page: Omit<QueryRelationsArgs, 'filter'>,
): Promise<RelationConnectionModel> {
  const from = filter?.from ? await voorzieningArgument(context, filter.from, 'filter.from') : undefined;
  const to = filter?.to ? await voorzieningArgument(context, filter.to, 'filter.to') : undefined;
  return relationsPage(context, filter, page, from, to);
}

/** A dataset version's relations by kind, each kind's in the order of all of them (by id). */
const relationsByKind = oncePerList((all: readonly RelationTable[]) => {
  const byKind = new Map<string, RelationTable[]>();
  for (const row of all) {
    const ofKind = byKind.get(row.kind);
    if (ofKind) ofKind.push(row);
    else byKind.set(row.kind, [row]);
  }
  return byKind as ReadonlyMap<string, readonly RelationTable[]>;
});

/** `relations`' page, its ends (when the filter names them) looked up. */
function relationsPage(
  context: GraphQLContext,
  filter: QueryRelationsArgs['filter'],
  page: Omit<QueryRelationsArgs, 'filter'>,
  from: VoorzieningTable | undefined,
  to: VoorzieningTable | undefined,
): RelationConnectionModel | Promise<RelationConnectionModel> {
  const kinds = distinctKinds(filter?.kinds);
  const provenances = distinctProvenances(filter?.provenance);
  // from the relations of the request's dataset version, filtered in memory: no statement (the same rows and
  // order SQL selects: tests/relations-from-memory.test.ts)
  return mapLoaded(context.loaders.allRelations.load('all'), (all) => {
    // with a kind, only that kind's relations (still in id order) are looked at
    const candidates = filter?.kind ? (relationsByKind(all).get(filter.kind) ?? []) : all;
    const rows = candidates.filter(
      (row) =>
        provenances.includes(row.provenance) &&
        (kinds === null || kinds.includes(row.kind)) &&
        (from === undefined || row.from_id === from.id) &&
        (to === undefined || row.to_id === to.id),
    );
    const of = {
      connection: 'relations',
      filter: filterKey({
        kind: filter?.kind,
        kinds: kinds?.sort(),
        from: from?.code,
        to: to?.code,
        // the default (MONITOR alone) keeps the key it had before the filter existed
        provenance: provenances.length === 1 && provenances[0] === 'MONITOR' ? undefined : provenances.sort(),
      }),
    } as const;
    // the relations are kept in id order, and a filter keeps it: a page is cut without a sort
    return pageOfIdOrderedRows(rows, pageRequest(page, of.connection, of.filter), of);
  });
}

/** Query fields over the graph: `relations`, `neighbors`, `path`, `stelsel`; traversals run in SQL. */
export const graphQueries: QueryResolvers = {
  relations: (_, { filter, ...page }, context) =>
    filter?.from || filter?.to
      ? relationsBetween(context, filter, page)
      : // no end to look up: a page cut from the rows in memory is answered at once, without a promise
        relationsPage(context, filter, page, undefined, undefined),
  neighbors: async (_, { code, depth, kinds, direction, provenance }, context) => {
    checkRange('depth', depth, 1, MAX_NEIGHBOR_DEPTH);
    const center = await voorzieningArgument(context, code, 'code');
    const reached = await queryNeighbors(context.db, center.id, depth, direction, kinds, provenance);
    const others = reached.nodes.filter((node) => node.id !== center.id);
    const voorzieningen = await loadAll(
      context.loaders.voorziening,
      others.map((node) => node.id),
      'voorziening',
    );
    return {
      center,
      neighbors: others.map((node, at) => ({ voorziening: voorzieningen[at]!, distance: node.distance })),
      relations: await loadAll(context.loaders.relation, reached.relationIds, 'relation'),
    };
  },
  path: async (_, { from, to, kinds, maxDepth, direction, provenance }, context) => {
    checkRange('maxDepth', maxDepth, 1, MAX_PATH_DEPTH);
    const start = await voorzieningArgument(context, from, 'from');
    const end = await voorzieningArgument(context, to, 'to');
    const found = await queryShortestPath(
      context.db,
      start.id,
      end.id,
      maxDepth,
      direction,
      kinds,
      provenance,
    );
    if (!found) return null;
    return {
      from: start,
      to: end,
      length: found.relationIds.length,
      voorzieningen: await loadAll(context.loaders.voorziening, found.nodeIds, 'voorziening'),
      relations: await loadAll(context.loaders.relation, found.relationIds, 'relation'),
    };
  },
  stelsel: async (_, { kinds, provenance }, { db }) => {
    const [nodes, relations] = await Promise.all([
      allVoorzieningen(db),
      relationsOfKinds(db, distinctKinds(kinds), distinctProvenances(provenance)),
    ]);
    return { nodes, edges: relations };
  },
};
