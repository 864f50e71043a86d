import { sql, type RawBuilder } from 'kysely';
import type { Direction, RelationProvenance } from '../../../domain/vocabulary';

/**
 * How a traversal steps along `relation r` from a node (an SQL expression, e.g. `walk.node`): the join
 * condition that finds the relations it may walk (through the indexes on `from_id` and `to_id`), and the
 * node at their other end. OUTGOING walks each relation from `from` to `to`, INCOMING the other way, BOTH
 * either way. Stepping on the table itself, not on a view of all edges, keeps a walk's cost to the part of
 * the graph it reaches.
 */
export function stepFrom(
  direction: Direction,
  node: RawBuilder<unknown>,
): { on: RawBuilder<unknown>; next: RawBuilder<unknown> } {
  if (direction === 'OUTGOING') return { on: sql`r.from_id = ${node}`, next: sql`r.to_id` };
  if (direction === 'INCOMING') return { on: sql`r.to_id = ${node}`, next: sql`r.from_id` };
  return {
    on: sql`(r.from_id = ${node} or r.to_id = ${node})`,
    next: sql`(case when r.from_id = ${node} then r.to_id else r.from_id end)`,
  };
}

/**
 * The distinct kinds of a `kinds` argument (null when it names none: every kind). A list may repeat a kind
 * any number of times; what reaches SQL is each kind once, so the statement binds at most one parameter per
 * relation kind whatever the list's length.
 */
export function distinctKinds<K extends string>(kinds: readonly K[] | null | undefined): K[] | null {
  return kinds && kinds.length > 0 ? [...new Set(kinds)] : null;
}

/** `and r.kind in (…)` over the distinct kinds, or nothing when all kinds may be walked. */
export function kindFilter(kinds: readonly string[] | null | undefined): RawBuilder<unknown> {
  const distinct = distinctKinds(kinds);
  return distinct ? sql`and r.kind in (${sql.join(distinct)})` : sql``;
}

/**
 * The distinct provenances of a `provenance` argument, MONITOR alone when it is absent or empty: the
 * default of every relation argument and export (the outside-sourced stelselplaat edges are opt-in).
 */
export function distinctProvenances(
  provenances: readonly RelationProvenance[] | null | undefined,
): RelationProvenance[] {
  return provenances && provenances.length > 0 ? [...new Set(provenances)] : ['MONITOR'];
}

/** `and r.provenance in (…)` over the distinct provenances (MONITOR alone by default). */
export function provenanceFilter(
  provenances: readonly RelationProvenance[] | null | undefined,
): RawBuilder<unknown> {
  return sql`and r.provenance in (${sql.join(distinctProvenances(provenances))})`;
}

/** The opposite direction, for walking a path back from its end. */
export function reverse(direction: Direction): Direction {
  return direction === 'OUTGOING' ? 'INCOMING' : direction === 'INCOMING' ? 'OUTGOING' : 'BOTH';
}
