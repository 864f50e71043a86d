import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database';
import { traversableEdges, type Direction } from './traversable-edges';

/** What a traversal reached: each voorziening's id with its distance, and the relations followed. */
export interface Reached {
  nodes: { id: number; distance: number }[];
  relationIds: number[];
}

/**
 * Walks the stelsel from one voorziening up to `depth` relations in SQL (a recursive CTE whose UNION keeps
 * each (node, distance) once), returning every voorziening reached with its shortest distance and the
 * relations between reached voorzieningen that the walk followed. Two statements, whatever the graph's size.
 */
export async function queryNeighbors(
  db: Kysely<Database>,
  start: number,
  depth: number,
  direction: Direction,
  kinds: readonly string[] | null | undefined,
): Promise<Reached> {
  const walk = sql`
    with recursive
      edges(id, a, b) as (${traversableEdges(direction, kinds)}),
      walk(node, distance) as (
        select ${start}, 0
        union
        select edges.b, walk.distance + 1 from walk join edges on edges.a = walk.node where walk.distance < ${depth}
      ),
      reached(node, distance) as (select node, min(distance) from walk group by node)`;
  const nodes = await sql<{ id: number; distance: number }>`
    ${walk}
    select node as id, distance from reached order by distance, node`.execute(db);
  const relations = await sql<{ id: number }>`
    ${walk}
    select distinct edges.id from edges
      join reached ra on ra.node = edges.a
      join reached rb on rb.node = edges.b
    where ra.distance < ${depth} and rb.distance <= ra.distance + 1
    order by edges.id`.execute(db);
  return {
    nodes: nodes.rows.map((r) => ({ id: Number(r.id), distance: Number(r.distance) })),
    relationIds: relations.rows.map((r) => Number(r.id)),
  };
}
