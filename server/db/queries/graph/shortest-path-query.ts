import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database';
import type { Direction, RelationProvenance } from '../../../domain/vocabulary';
import { kindFilter, provenanceFilter, reverse, stepFrom } from './traversable-edges';

/** A shortest path: the voorzieningen on it in order, and the relations between them in order. */
export interface FoundPath {
  nodeIds: number[];
  relationIds: number[];
}

/**
 * Finds a shortest path in SQL. For each length from 1 up to `maxDepth` (iterative deepening, so the walk
 * never reaches further than the path is long) one statement runs: a recursive CTE computes each
 * voorziening's distance from `from` within that length, and a second one walks back from `to`, at each step
 * to a predecessor one closer (the lowest relation id among equals, so the answer is deterministic).
 * Returns null when `to` is not reached within `maxDepth`.
 */
export async function queryShortestPath(
  db: Kysely<Database>,
  from: number,
  to: number,
  maxDepth: number,
  direction: Direction,
  kinds: readonly string[] | null | undefined,
  provenances?: readonly RelationProvenance[] | null,
): Promise<FoundPath | null> {
  if (from === to) return { nodeIds: [from], relationIds: [] };
  const forward = stepFrom(direction, sql`walk.node`);
  const backward = stepFrom(reverse(direction), sql`back.node`);
  const predecessor = (column: 'node' | 'id') => sql`(
      select ${column === 'node' ? backward.next : sql`r.id`} from relation r
      join best on best.node = ${backward.next} and best.d = back.d - 1
      where ${backward.on} ${kindFilter(kinds)} ${provenanceFilter(provenances)}
      order by r.id limit 1)`;
  for (let length = 1; length <= maxDepth; length += 1) {
    const result = await sql<{ node: number; d: number; rel: number | null }>`
      with recursive
        walk(node, d) as (
          select cast(${from} as integer), 0
          union
          select ${forward.next}, walk.d + 1 from walk join relation r on ${forward.on}
          where walk.d < ${length} and walk.node <> ${to} ${kindFilter(kinds)} ${provenanceFilter(provenances)}
        ),
        best(node, d) as (select node, min(d) from walk group by node),
        back(node, d, rel) as (
          select node, d, cast(null as integer) from best where node = ${to}
          union all
          select ${predecessor('node')}, back.d - 1, ${predecessor('id')} from back where back.d > 0
        )
      select node, d, rel from back order by d`.execute(db);
    if (result.rows.length > 0) {
      return {
        nodeIds: result.rows.map((r) => Number(r.node)),
        relationIds: result.rows.filter((r) => r.rel !== null).map((r) => Number(r.rel)),
      };
    }
  }
  return null;
}
