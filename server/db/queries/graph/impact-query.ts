import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../database';
import { kindFilter, stepFrom } from './traversable-edges';

/** What is downstream of a voorziening: the voorzieningen reached and the relations walked, each with its step. */
export interface Downstream {
  /** Every voorziening reached, the origin included (distance 0), nearest first, then by id. */
  nodes: { id: number; distance: number }[];
  /** Every relation walked, by the step it is first taken at (its `from`'s distance + 1), then by id. */
  relations: { id: number; step: number }[];
}

/** The relations an impact may walk: those of `kinds` (all when none are given). */
export interface DownstreamFilter {
  kinds?: readonly string[] | null;
}

/**
 * Walks everything downstream of `origin` in one SQL statement: a recursive CTE follows relations from
 * `from_id` to `to_id` (the flow) up to `maxDepth` steps, its UNION keeping each (node, distance) once, so a
 * cycle is walked at most `maxDepth` times and the work is bounded by the part of the graph reached times
 * the depth. The same statement answers both the voorzieningen reached (each with its shortest distance) and
 * the relations walked: every relation of the filter that starts at a voorziening reached below `maxDepth`.
 */
export async function queryDownstream(
  db: Kysely<Database>,
  origin: number,
  maxDepth: number,
  filter: DownstreamFilter,
): Promise<Downstream> {
  const edges: RawBuilder<unknown> = kindFilter(filter.kinds);
  const step = stepFrom('OUTGOING', sql`walk.node`);
  const walked = stepFrom('OUTGOING', sql`ra.node`);
  const rows = await sql<{ what: string; id: number; distance: number }>`
    with recursive
      walk(node, distance) as (
        select cast(${origin} as integer), 0
        union
        select ${step.next}, walk.distance + 1 from walk join relation r on ${step.on}
        where walk.distance < ${maxDepth} ${edges}
      ),
      reached(node, distance) as (select node, min(distance) from walk group by node)
    select 'n' as what, node as id, distance from reached
    union all
    select 'r' as what, r.id as id, ra.distance + 1 as distance from reached ra join relation r on ${walked.on}
    where ra.distance < ${maxDepth} ${edges}
    order by what, distance, id`.execute(db);
  const of = (what: string) => rows.rows.filter((row) => row.what === what);
  return {
    nodes: of('n').map((row) => ({ id: Number(row.id), distance: Number(row.distance) })),
    relations: of('r').map((row) => ({ id: Number(row.id), step: Number(row.distance) })),
  };
}
