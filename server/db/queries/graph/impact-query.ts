import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database';
import { anyOfFor } from '../any-of';
import { kindFilter, provenanceFilter, stepFrom } from './traversable-edges';
import type { RelationProvenance } from '../../../domain/vocabulary';

/** What is downstream of a voorziening: the voorzieningen reached and the relations walked, each with its step. */
export interface Downstream {
  /** Every voorziening reached, the origin included (distance 0), nearest first, then by id. */
  nodes: { id: number; distance: number }[];
  /** Every relation walked, by the step it is first taken at (its `from`'s distance + 1), then by id. */
  relations: { id: number; step: number }[];
}

/**
 * The relations an impact may walk: those of `kinds` (all when none are given) and of `provenances` (MONITOR
 * alone when none are given: the default of every relation argument).
 */
export interface DownstreamFilter {
  kinds?: readonly string[] | null;
  provenances?: readonly RelationProvenance[] | null;
}

/**
 * Walks everything downstream of each of `origins` in one SQL statement: a recursive CTE follows relations
 * from `from_id` to `to_id` (the flow) up to `maxDepth` steps, its UNION keeping each (origin, node,
 * distance) once, so a cycle is walked at most `maxDepth` times and the work is bounded by the part of the
 * graph reached times the depth. The same statement answers both the voorzieningen reached (each with its
 * shortest distance) and the relations walked: every relation of the filter that starts at a voorziening
 * reached below `maxDepth`. An id that is no voorziening is absent from the answer.
 */
export async function queryDownstream(
  db: Kysely<Database>,
  origins: readonly number[],
  maxDepth: number,
  filter: DownstreamFilter,
): Promise<Map<number, Downstream>> {
  const edges = sql`${kindFilter(filter.kinds)} ${provenanceFilter(filter.provenances)}`;
  const step = stepFrom('OUTGOING', sql`walk.node`);
  const walked = stepFrom('OUTGOING', sql`ra.node`);
  const rows = await sql<{ what: string; origin: number; id: number; distance: number }>`
    with recursive
      walk(origin, node, distance) as (
        select v.id, v.id, 0 from voorziening v where ${anyOfFor(db)('v.id', origins)}
        union
        select walk.origin, ${step.next}, walk.distance + 1 from walk join relation r on ${step.on}
        where walk.distance < ${maxDepth} ${edges}
      ),
      reached(origin, node, distance) as (
        select origin, node, min(distance) from walk group by origin, node
      )
    select 'n' as what, origin, node as id, distance from reached
    union all
    select 'r' as what, ra.origin, r.id as id, ra.distance + 1 as distance
    from reached ra join relation r on ${walked.on}
    where ra.distance < ${maxDepth} ${edges}
    order by origin, what, distance, id`.execute(db);
  const answer = new Map<number, Downstream>();
  for (const row of rows.rows) {
    const origin = Number(row.origin);
    let downstream = answer.get(origin);
    if (!downstream) answer.set(origin, (downstream = { nodes: [], relations: [] }));
    if (row.what === 'n') downstream.nodes.push({ id: Number(row.id), distance: Number(row.distance) });
    else downstream.relations.push({ id: Number(row.id), step: Number(row.distance) });
  }
  return answer;
}
