import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database';
import { decodeCursor, toCursor } from '../domain/cursor';
import type { ConnectionModel } from './models';
import { userInputError } from './user-input-error';

/**
 * Decodes the `after` argument; throws BAD_USER_INPUT when it is not a cursor of ours (including one whose id
 * no row can have: beyond the 32-bit ids, it would not bind on PostgreSQL).
 */
export function fromCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const id = decodeCursor(cursor);
  if (id === null) {
    const shown = cursor.length > 60 ? `${cursor.slice(0, 60)}…` : cursor;
    throw userInputError(`\`after\` is not a cursor this API returned: ${JSON.stringify(shown)}.`, 'after');
  }
  return id;
}

/**
 * Builds a page from rows fetched with one more than `first` (keyset pagination on the row id, which
 * follows the monitor's order): the extra row only tells that there is a next page.
 */
export function toConnection<T extends { id: number }>(
  rows: T[],
  first: number,
  after: number,
  totalCount: number,
): ConnectionModel<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: toCursor(node.id), node }));
  return {
    edges,
    nodes: page,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * Runs a filtered query as one page of a connection: the rows after the cursor's id (one extra, to know
 * whether a next page exists) and the total count of the filter, in two statements.
 */
export async function pageOf<T extends { id: number }, TB extends keyof Database = keyof Database>(
  query: SelectQueryBuilder<Database, TB, object>,
  first: number,
  from: number,
): Promise<ConnectionModel<T>> {
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .where(sql<SqlBool>`id > ${from}`)
      .orderBy(sql`id`)
      .limit(first + 1)
      .execute(),
    query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return toConnection(rows as unknown as T[], first, from, Number((count as { n: number }).n));
}
