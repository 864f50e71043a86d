import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database';
import type { Direction, RelationProvenance } from '../../../domain/vocabulary';
import { kindFilter, provenanceFilter, stepFrom } from './traversable-edges';

/** What a traversal reached: each voorziening's id with its distance, and the relations followed. */
export interface Reached {
  nodes: { id: number; distance: number }[];
  relationIds: number[];
}

/**
 * Walks the stelsel from one voorziening up to `depth` relations in SQL (a recursive CTE whose UNION keeps
 * each (node, distance) once, stepping through the relation table's indexes), returning every voorziening
 * reached with its shortest distance and the relations the walk followed. Two statements, whatever the
 * graph's size; their cost grows with the part of the graph reached, not with the whole.
 */
export async function queryNeighbors(
  db: Kysely<Database>,
  start: number,
  depth: number,
  direction: Direction,
  kinds: readonly string[] | null | undefined,
  provenances?: readonly RelationProvenance[] | null,
): Promise<Reached> {
  const step = stepFrom(direction, sql`walk.node`);
  const walk = sql`
    with recursive
      walk(node, distance) as (
        select cast(${start} as integer), 0
        union
        select ${step.next}, walk.distance + 1 from walk join relation r on ${step.on}
        where walk.distance < ${depth} ${kindFilter(kinds)} ${provenanceFilter(provenances)}
      ),
      reached(node, distance) as (select node, min(distance) from walk group by node)`;
  const nodes = await sql<{ id: number; distance: number }>`
    ${walk}
    select node as id, distance from reached order by distance, node`.execute(db);
  const from = stepFrom(direction, sql`ra.node`);
  const relations = await sql<{ id: number }>`
    ${walk}
    select distinct r.id from reached ra join relation r on ${from.on}
    where ra.distance < ${depth} ${kindFilter(kinds)} ${provenanceFilter(provenances)} and ${from.next} in (select node from reached)
    order by r.id`.execute(db);
  return {
    nodes: nodes.rows.map((r) => ({ id: Number(r.id), distance: Number(r.distance) })),
    relationIds: relations.rows.map((r) => Number(r.id)),
  };
}
