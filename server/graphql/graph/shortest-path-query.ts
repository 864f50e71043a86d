import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { traversableEdges, type Direction } from './traversable-edges';

/** A shortest path: the voorzieningen on it in order, and the relations between them in order. */
export interface FoundPath {
  nodeIds: number[];
  relationIds: number[];
}

/**
 * Finds a shortest path in SQL, in one statement: a recursive CTE computes each voorziening's distance from
 * `from` (breadth first, each (node, distance) kept once), then a second one walks back from `to`, at each
 * step to a predecessor one closer (the lowest relation id among equals, so the answer is deterministic).
 * Returns null when `to` is not reached within `maxDepth`.
 */
export async function queryShortestPath(
  db: Kysely<Database>,
  from: number,
  to: number,
  maxDepth: number,
  direction: Direction,
  kinds: readonly string[] | null | undefined,
): Promise<FoundPath | null> {
  if (from === to) return { nodeIds: [from], relationIds: [] };
  const step = (column: 'a' | 'id') =>
    sql.raw(`(
      select e.${column} from edges e join best on best.node = e.a and best.d = back.d - 1
      where e.b = back.node order by e.id, e.a limit 1)`);
  const result = await sql<{ node: number; d: number; rel: number | null }>`
    with recursive
      edges(id, a, b) as (${traversableEdges(direction, kinds)}),
      dist(node, d) as (
        select ${from}, 0
        union
        select edges.b, dist.d + 1 from dist join edges on edges.a = dist.node
        where dist.d < ${maxDepth} and dist.node <> ${to}
      ),
      best(node, d) as (select node, min(d) from dist group by node),
      back(node, d, rel) as (
        select node, d, null from best where node = ${to}
        union all
        select ${step('a')}, back.d - 1, ${step('id')} from back where back.d > 0
      )
    select node, d, rel from back order by d`.execute(db);
  if (result.rows.length === 0) return null;
  return {
    nodeIds: result.rows.map((r) => Number(r.node)),
    relationIds: result.rows.filter((r) => r.rel !== null).map((r) => Number(r.rel)),
  };
}
