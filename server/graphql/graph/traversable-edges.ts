import { sql, type RawBuilder } from 'kysely';

/** Which way relations are walked. */
export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/**
 * The SQL of a CTE body listing the edges a traversal may walk, as `(id, a, b)`: from `a` to `b`.
 * OUTGOING walks each relation from its `from` to its `to`, INCOMING the other way, BOTH either way.
 * `kinds` restricts the relation kinds (all when null or empty).
 */
export function traversableEdges(
  direction: Direction,
  kinds: readonly string[] | null | undefined,
): RawBuilder<unknown> {
  const filter = kinds && kinds.length > 0 ? sql`where kind in (${sql.join(kinds)})` : sql``;
  const forward = sql`select id, from_id as a, to_id as b from relation ${filter}`;
  const backward = sql`select id, to_id as a, from_id as b from relation ${filter}`;
  if (direction === 'OUTGOING') return forward;
  if (direction === 'INCOMING') return backward;
  return sql`${forward} union all ${backward}`;
}
