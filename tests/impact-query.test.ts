import { queryDownstream, type DownstreamFilter } from '../server/db/queries/graph/impact-query';
import { distinctProvenances } from '../server/db/queries/graph/traversable-edges';
import { tinyGraph, type TinyGraph } from './support/tiny-graph';

// queryDownstream (what an impact walks) on a made-up stelsel with a cycle, a voorziening reached by two ways
// at the same distance, two kinds, and an edge stated outside the monitor that leads on to more of the graph.

describe('queryDownstream: everything downstream of each origin, within `maxDepth` relations', () => {
  //   a ─r1→ b ─r2→ c ─r3→ a (Y): a cycle
  //   a ─r4→ d (Y) ─r5→ c: c is two relations from a both ways
  //   c ─r6→ e ─r7→ f (OUTSIDE) ─r8→ g
  //   every relation is of kind X and MONITOR unless marked
  let graph: TinyGraph;
  beforeAll(async () => {
    graph = await tinyGraph(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      [
        ['a', 'b', 'X'],
        ['b', 'c', 'X'],
        ['c', 'a', 'Y'],
        ['a', 'd', 'Y'],
        ['d', 'c', 'X'],
        ['c', 'e', 'X'],
        ['e', 'f', 'X', 'OUTSIDE'],
        ['f', 'g', 'X'],
      ],
    );
  });
  afterAll(() => graph.close());

  /** The downstream of each origin as `code+distance` nodes and `relation/step` relations, by origin code. */
  const downstream = async (
    origins: (string | number)[],
    maxDepth: number,
    filter: DownstreamFilter = {},
  ) => {
    const ids = origins.map((origin) => (typeof origin === 'number' ? origin : graph.id[origin]!));
    const answer = await queryDownstream(graph.db, ids, maxDepth, filter);
    return Object.fromEntries(
      [...answer].map(([origin, found]) => [
        graph.code(origin),
        {
          nodes: found.nodes.map((node) => `${graph.code(node.id)}${node.distance}`),
          relations: found.relations.map((relation) => `${relation.id}/${relation.step}`),
        },
      ]),
    );
  };
  const from = async (origin: string, maxDepth: number, filter: DownstreamFilter = {}) =>
    (await downstream([origin], maxDepth, filter))[origin];

  it('answers depth 0 with the origin alone and no relation', async () => {
    expect(await from('a', 0)).toEqual({ nodes: ['a0'], relations: [] });
  });

  it('walks one step at depth 1: the relations leaving the origin, in their direction only', async () => {
    expect(await from('a', 1)).toEqual({ nodes: ['a0', 'b1', 'd1'], relations: ['1/1', '4/1'] });
    // b's only relation leaves it: the relation from a into b is upstream
    expect(await from('b', 1)).toEqual({ nodes: ['b0', 'c1'], relations: ['2/1'] });
  });

  it('reaches exactly `maxDepth` relations away and no further, each voorziening at its shortest distance', async () => {
    expect(await from('a', 2)).toEqual({
      nodes: ['a0', 'b1', 'd1', 'c2'],
      relations: ['1/1', '4/1', '2/2', '5/2'],
    });
    // e is three relations away: not at depth 2, at depth 3; the relations leaving c are taken at step 3
    expect(await from('a', 3)).toEqual({
      nodes: ['a0', 'b1', 'd1', 'c2', 'e3'],
      relations: ['1/1', '4/1', '2/2', '5/2', '3/3', '6/3'],
    });
  });

  it('walks a cycle within the bound: the origin stays at distance 0 and each relation is listed once', async () => {
    const expected = {
      nodes: ['a0', 'b1', 'd1', 'c2', 'e3'],
      relations: ['1/1', '4/1', '2/2', '5/2', '3/3', '6/3'],
    };
    // c → a leads back to a: deeper walks go round the cycle but reach nothing new (e → f is OUTSIDE)
    expect(await from('a', 4)).toEqual(expected);
    expect(await from('a', 12)).toEqual(expected);
    // from b, round the cycle: a at 2, then a's relations at step 3 (back to b, which stays at 0) and d → c at 4
    expect(await from('b', 6)).toEqual({
      nodes: ['b0', 'c1', 'a2', 'e2', 'd3'],
      relations: ['2/1', '3/2', '6/2', '1/3', '4/3', '5/4'],
    });
  });

  it('walks only the kinds asked for, and every kind when none are', async () => {
    expect(await from('a', 5, { kinds: ['X'] })).toEqual({
      nodes: ['a0', 'b1', 'c2', 'e3'],
      relations: ['1/1', '2/2', '6/3'],
    });
    expect(await from('a', 5, { kinds: ['Y'] })).toEqual({ nodes: ['a0', 'd1'], relations: ['4/1'] });
    expect(await from('c', 5, { kinds: ['Y', 'Y'] })).toEqual({
      nodes: ['c0', 'a1', 'd2'],
      relations: ['3/1', '4/2'],
    });
    expect(await from('a', 5, { kinds: ['NONE'] })).toEqual({ nodes: ['a0'], relations: [] });
    expect(await from('a', 3, { kinds: [] })).toEqual(await from('a', 3));
    expect(await from('a', 3, { kinds: null })).toEqual(await from('a', 3));
    expect(await from('a', 3, { kinds: ['X', 'Y'] })).toEqual(await from('a', 3));
  });

  it('walks MONITOR relations alone by default, and OUTSIDE ones only when asked', async () => {
    const monitorOnly = { nodes: ['e0'], relations: [] };
    expect(await from('e', 3)).toEqual(monitorOnly);
    expect(await from('e', 3, { provenances: null })).toEqual(monitorOnly);
    expect(await from('e', 3, { provenances: [] })).toEqual(monitorOnly);
    expect(await from('e', 3, { provenances: ['MONITOR'] })).toEqual(monitorOnly);
    // OUTSIDE alone: e → f, but not f → g, which the monitor states
    expect(await from('e', 3, { provenances: ['OUTSIDE'] })).toEqual({
      nodes: ['e0', 'f1'],
      relations: ['7/1'],
    });
    expect(await from('e', 3, { provenances: ['OUTSIDE', 'MONITOR', 'OUTSIDE'] })).toEqual({
      nodes: ['e0', 'f1', 'g2'],
      relations: ['7/1', '8/2'],
    });
    expect(await from('a', 5, { provenances: ['MONITOR', 'OUTSIDE'], kinds: ['X'] })).toEqual({
      nodes: ['a0', 'b1', 'c2', 'e3', 'f4', 'g5'],
      relations: ['1/1', '2/2', '6/3', '7/4', '8/5'],
    });
    expect(await from('a', 5, { provenances: ['OUTSIDE'] })).toEqual({ nodes: ['a0'], relations: [] });
  });

  it('answers several origins in one call, each on its own; an id that is no voorziening is absent', async () => {
    const answer = await downstream(['c', 999, 'a', 'g', 'a'], 1);
    expect(answer).toEqual({
      a: { nodes: ['a0', 'b1', 'd1'], relations: ['1/1', '4/1'] },
      c: { nodes: ['c0', 'a1', 'e1'], relations: ['3/1', '6/1'] },
      g: { nodes: ['g0'], relations: [] },
    });
    expect(Object.keys(answer).sort()).toEqual(['a', 'c', 'g']);
    expect(await queryDownstream(graph.db, [999], 3, {})).toEqual(new Map());
    expect(await queryDownstream(graph.db, [], 3, {})).toEqual(new Map());
  });

  it('gives each origin the distances from itself, even where the walks of two origins meet', async () => {
    const answer = await downstream(['a', 'd'], 2);
    expect(answer).toEqual({
      a: { nodes: ['a0', 'b1', 'd1', 'c2'], relations: ['1/1', '4/1', '2/2', '5/2'] },
      d: { nodes: ['d0', 'c1', 'a2', 'e2'], relations: ['5/1', '3/2', '6/2'] },
    });
  });
});

describe('distinctProvenances', () => {
  it('keeps each provenance once, and reads none as MONITOR alone', () => {
    expect(distinctProvenances(['OUTSIDE', 'MONITOR', 'OUTSIDE'])).toEqual(['OUTSIDE', 'MONITOR']);
    expect(distinctProvenances(['OUTSIDE'])).toEqual(['OUTSIDE']);
    expect(distinctProvenances([])).toEqual(['MONITOR']);
    expect(distinctProvenances(null)).toEqual(['MONITOR']);
    expect(distinctProvenances(undefined)).toEqual(['MONITOR']);
  });
});
