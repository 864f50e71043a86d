import { queryNeighbors, type Reached } from '../server/db/queries/graph/neighbors-query';
import { queryShortestPath } from '../server/db/queries/graph/shortest-path-query';
import { distinctKinds, reverse } from '../server/db/queries/graph/traversable-edges';
import { tinyGraph, type TinyGraph } from './support/tiny-graph';

// Traversals in SQL on made-up stelsels whose shapes put the edges where bugs hide: relations between two
// voorzieningen at the same distance, nodes reached by a short and a long way, ties between shortest paths.

describe('neighbors: what a walk of `depth` relations reaches, and which relations it follows', () => {
  //   a ─r1→ b
  //   a ─r2→ c      b ─r3→ c (Y): between two direct neighbours of a
  //   c ─r4→ d ─r5→ e ─r6→ a (Y)
  let graph: TinyGraph;
  beforeAll(async () => {
    graph = await tinyGraph(
      ['a', 'b', 'c', 'd', 'e'],
      [
        ['a', 'b', 'X'],
        ['a', 'c', 'X'],
        ['b', 'c', 'Y'],
        ['c', 'd', 'X'],
        ['d', 'e', 'X'],
        ['e', 'a', 'Y'],
      ],
    );
  });
  afterAll(() => graph.close());

  const walk = async (
    depth: number,
    direction: 'OUTGOING' | 'INCOMING' | 'BOTH',
    kinds: string[] | null = null,
    from = 'a',
  ) => {
    const reached: Reached = await queryNeighbors(graph.db, graph.id[from]!, depth, direction, kinds);
    return {
      nodes: reached.nodes.map((node) => `${graph.code(node.id)}${node.distance}`),
      relations: reached.relationIds,
    };
  };

  it('follows only relations that leave a voorziening nearer than `depth`', async () => {
    // b → c joins two voorzieningen at distance 1: a walk of depth 1 does not take that second step.
    expect(await walk(1, 'OUTGOING')).toEqual({ nodes: ['a0', 'b1', 'c1'], relations: [1, 2] });
    expect(await walk(1, 'BOTH')).toEqual({ nodes: ['a0', 'b1', 'c1', 'e1'], relations: [1, 2, 6] });
  });

  it('reaches exactly `depth` relations away, and no further', async () => {
    expect(await walk(2, 'OUTGOING')).toEqual({ nodes: ['a0', 'b1', 'c1', 'd2'], relations: [1, 2, 3, 4] });
    expect(await walk(3, 'OUTGOING')).toEqual({
      nodes: ['a0', 'b1', 'c1', 'd2', 'e3'],
      relations: [1, 2, 3, 4, 5],
    });
    // depth 4 comes back to a through e → a: a stays at distance 0
    expect(await walk(4, 'OUTGOING')).toEqual({
      nodes: ['a0', 'b1', 'c1', 'd2', 'e3'],
      relations: [1, 2, 3, 4, 5, 6],
    });
  });

  it('gives each voorziening its shortest distance, nearest first', async () => {
    // c is one relation from a directly and two through b
    expect((await walk(2, 'OUTGOING')).nodes).toContain('c1');
    expect((await walk(2, 'BOTH')).nodes).toEqual(['a0', 'b1', 'c1', 'e1', 'd2']);
  });

  it('walks relations against their direction for INCOMING, and either way for BOTH', async () => {
    expect(await walk(1, 'INCOMING')).toEqual({ nodes: ['a0', 'e1'], relations: [6] });
    expect(await walk(2, 'INCOMING')).toEqual({ nodes: ['a0', 'e1', 'd2'], relations: [5, 6] });
    expect(await walk(1, 'INCOMING', null, 'c')).toEqual({ nodes: ['c0', 'a1', 'b1'], relations: [2, 3] });
    expect(await walk(2, 'BOTH')).toEqual({
      nodes: ['a0', 'b1', 'c1', 'e1', 'd2'],
      relations: [1, 2, 3, 4, 5, 6],
    });
  });

  it('follows only the kinds asked for, each once however often it is named', async () => {
    expect(await walk(6, 'OUTGOING', ['X'])).toEqual({
      nodes: ['a0', 'b1', 'c1', 'd2', 'e3'],
      relations: [1, 2, 4, 5],
    });
    expect(await walk(6, 'OUTGOING', ['X', 'X', 'X'])).toEqual(await walk(6, 'OUTGOING', ['X']));
    expect(await walk(2, 'BOTH', ['Y'])).toEqual({ nodes: ['a0', 'e1'], relations: [6] });
    expect(await walk(2, 'OUTGOING', ['Y'], 'b')).toEqual({ nodes: ['b0', 'c1'], relations: [3] });
    expect(await walk(1, 'OUTGOING', [])).toEqual(await walk(1, 'OUTGOING'));
    expect(await walk(3, 'OUTGOING', ['NONE'])).toEqual({ nodes: ['a0'], relations: [] });
  });
});

describe('path: a shortest path, and which one among equals', () => {
  it('returns the path whose relations come first in dataset order when two are equally short', async () => {
    //   s ─r1→ p ─r2→ t
    //   s ─r3→ q ─r4→ t
    const graph = await tinyGraph(
      ['s', 'p', 'q', 't'],
      [
        ['s', 'p'],
        ['p', 't'],
        ['s', 'q'],
        ['q', 't'],
      ],
    );
    try {
      for (const direction of ['OUTGOING', 'BOTH'] as const) {
        expect(await queryShortestPath(graph.db, 1, 4, 6, direction, null)).toEqual({
          nodeIds: [1, 2, 4],
          relationIds: [1, 2],
        });
      }
      expect(await queryShortestPath(graph.db, 4, 1, 6, 'INCOMING', null)).toEqual({
        nodeIds: [4, 2, 1],
        relationIds: [2, 1],
      });
    } finally {
      await graph.close();
    }
  });

  it('picks the first of parallel relations between the same two voorzieningen', async () => {
    const graph = await tinyGraph(
      ['s', 'm', 't'],
      [
        ['s', 'm', 'Y'],
        ['s', 'm', 'X'],
        ['m', 't', 'X'],
        ['m', 't', 'Y'],
      ],
    );
    try {
      expect(await queryShortestPath(graph.db, 1, 3, 2, 'OUTGOING', null)).toEqual({
        nodeIds: [1, 2, 3],
        relationIds: [1, 3],
      });
      expect(await queryShortestPath(graph.db, 1, 3, 2, 'OUTGOING', ['X'])).toEqual({
        nodeIds: [1, 2, 3],
        relationIds: [2, 3],
      });
      expect(await queryShortestPath(graph.db, 1, 3, 2, 'OUTGOING', ['Y', 'Y'])).toEqual({
        nodeIds: [1, 2, 3],
        relationIds: [1, 4],
      });
    } finally {
      await graph.close();
    }
  });

  describe('on a chain with a detour', () => {
    //   a ─r1→ b ─r2→ c ─r3→ d, and a detour a ─r4→ x ─r5→ y ─r6→ z ─r7→ d (kind Y)
    let graph: TinyGraph;
    beforeAll(async () => {
      graph = await tinyGraph(
        ['a', 'b', 'c', 'd', 'x', 'y', 'z'],
        [
          ['a', 'b', 'X'],
          ['b', 'c', 'X'],
          ['c', 'd', 'X'],
          ['a', 'x', 'Y'],
          ['x', 'y', 'Y'],
          ['y', 'z', 'Y'],
          ['z', 'd', 'Y'],
        ],
      );
    });
    afterAll(() => graph.close());
    const path = (from: string, to: string, maxDepth: number, direction = 'OUTGOING', kinds?: string[]) =>
      queryShortestPath(
        graph.db,
        graph.id[from]!,
        graph.id[to]!,
        maxDepth,
        direction as 'OUTGOING' | 'INCOMING' | 'BOTH',
        kinds,
      ).then((found) => found && { codes: found.nodeIds.map(graph.code), relations: found.relationIds });

    it('finds a path exactly `maxDepth` long, and none longer', async () => {
      expect(await path('a', 'd', 3)).toEqual({ codes: ['a', 'b', 'c', 'd'], relations: [1, 2, 3] });
      expect(await path('a', 'd', 2)).toBeNull();
      expect(await path('a', 'b', 1)).toEqual({ codes: ['a', 'b'], relations: [1] });
    });

    it('answers a path from a voorziening to itself with no relations', async () => {
      expect(await path('c', 'c', 1)).toEqual({ codes: ['c'], relations: [] });
    });

    it('walks only the kinds and the direction asked for', async () => {
      expect(await path('a', 'd', 8, 'OUTGOING', ['Y'])).toEqual({
        codes: ['a', 'x', 'y', 'z', 'd'],
        relations: [4, 5, 6, 7],
      });
      expect(await path('a', 'd', 3, 'OUTGOING', ['Y'])).toBeNull();
      expect(await path('d', 'a', 8, 'OUTGOING')).toBeNull();
      expect(await path('d', 'a', 3, 'INCOMING')).toEqual({
        codes: ['d', 'c', 'b', 'a'],
        relations: [3, 2, 1],
      });
      expect(await path('d', 'a', 3, 'BOTH')).toEqual({ codes: ['d', 'c', 'b', 'a'], relations: [3, 2, 1] });
      expect(await path('x', 'b', 2, 'BOTH')).toEqual({ codes: ['x', 'a', 'b'], relations: [4, 1] });
      expect(await path('x', 'b', 2, 'OUTGOING')).toBeNull();
    });

    it('does not walk through the voorziening it looks for', async () => {
      // The shortest way to c is a → b → c; nothing beyond c matters.
      expect(await path('a', 'c', 8, 'BOTH')).toEqual({ codes: ['a', 'b', 'c'], relations: [1, 2] });
    });
  });
});

describe('traversable edges', () => {
  it('reverses a direction', () => {
    expect(reverse('OUTGOING')).toBe('INCOMING');
    expect(reverse('INCOMING')).toBe('OUTGOING');
    expect(reverse('BOTH')).toBe('BOTH');
  });

  it('keeps each kind once, and reads no kinds as every kind', () => {
    expect(distinctKinds(['A', 'B', 'A'])).toEqual(['A', 'B']);
    expect(distinctKinds([])).toBeNull();
    expect(distinctKinds(null)).toBeNull();
    expect(distinctKinds(undefined)).toBeNull();
  });
});
