import { sql, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database';
import type { ConnectionModel } from './models';
import type { PageRequest } from './page-arguments';
import { countOnce, type ConnectionCounts } from './connection-counts';
import { ConnectionPage, type PageOf } from './connection-page';

export type { PageOf } from './connection-page';

/**
 * Builds a page from the rows fetched with one more than the page's size, in the direction of the request
 * (keyset pagination on the row id, which follows the monitor's order; backward: the rows nearest `before`
 * first): the extra row only tells that more rows lie that way. The other way, there are rows when the
 * request names a cursor on that side (its own row is one).
 */
export function toConnection<T extends { id: number }>(
  rows: T[],
  request: PageRequest,
  of: PageOf,
  totalCount: () => Promise<number>,
): ConnectionModel<T> {
  const more = rows.length > request.size;
  const taken = rows.slice(0, request.size);
  const page = request.direction === 'forward' ? taken : taken.reverse();
  const forward = request.direction === 'forward';
  return new ConnectionPage(
    page,
    of,
    {
      hasNextPage: forward ? more || request.before !== undefined : request.before !== undefined,
      hasPreviousPage: forward ? request.after !== undefined : more || request.after !== undefined,
    },
    totalCount,
  );
}

/**
 * Runs a filtered query as one page of a connection: the rows of the request's window (one extra, to know
 * whether more lie beyond the page), one statement; the filter's total count only when `totalCount` is asked
 * for, once per dataset version and filter (`counts`, see `connection-counts.ts`).
 */
export async function pageOf<T extends { id: number }, TB extends keyof Database = keyof Database>(
  query: SelectQueryBuilder<Database, TB, object>,
  request: PageRequest,
  of: PageOf,
  counts: ConnectionCounts,
): Promise<ConnectionModel<T>> {
  let window = query.selectAll();
  if (request.after !== undefined) window = window.where(sql<SqlBool>`id > ${request.after}`);
  if (request.before !== undefined) window = window.where(sql<SqlBool>`id < ${request.before}`);
  const rows = await window
    .orderBy(request.direction === 'forward' ? sql`id` : sql`id desc`)
    .limit(request.size + 1)
    .execute();
  const count = async () =>
    Number(
      ((await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()) as { n: number }).n,
    );
  return toConnection(rows as unknown as T[], request, of, () =>
    countOnce(counts, `${of.connection}\n${of.filter}`, count),
  );
}

/**
 * One page of a connection over rows already in memory (e.g. the reference rows of the request's dataset
 * version), without a statement: the same window (`after`, `before`), order (row id), page size, page info and
 * cursors as {@link pageOf} gives for the same rows; the total is the rows' number.
 */
export function pageOfRows<T extends { id: number }>(
  rows: readonly T[],
  request: PageRequest,
  of: PageOf,
): ConnectionModel<T> {
  const { after, before } = request;
  const window = rows.filter(
    (row) => (after === undefined || row.id > after) && (before === undefined || row.id < before),
  );
  const forward = request.direction === 'forward';
  window.sort(forward ? (a, b) => a.id - b.id : (a, b) => b.id - a.id);
  const total = rows.length;
  // toConnection takes the page's size from the window, and whether more lie beyond it
  return toConnection(window, request, of, async () => total);
}

/** The index of the first of `rows` (in id order) whose id is above `id`, or at it when `inclusive`. */
function firstFrom<T extends { id: number }>(rows: readonly T[], id: number, inclusive: boolean): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const at = rows[middle]!.id;
    if (at > id || (inclusive && at === id)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * {@link pageOfRows} for rows already in id order (the relations and observations of the reference rows, and
 * any filter of them): the window's ends found by binary search and the page sliced from them, without a pass
 * over the rows or a sort, so a page costs the same however many rows there are. The same rows, page info,
 * cursors and total as {@link pageOfRows} (`tests/connection-page-of-rows.test.ts`).
 */
export function pageOfIdOrderedRows<T extends { id: number }>(
  rows: readonly T[],
  request: PageRequest,
  of: PageOf,
): ConnectionModel<T> {
  const { after, before, size } = request;
  const start = after === undefined ? 0 : firstFrom(rows, after, false);
  const end = before === undefined ? rows.length : firstFrom(rows, before, true);
  // one more than the page, on the side the request pages from, tells whether more lie that way
  const window =
    end <= start
      ? []
      : request.direction === 'forward'
        ? rows.slice(start, Math.min(end, start + size + 1))
        : rows.slice(Math.max(start, end - size - 1), end).reverse();
  const total = rows.length;
  return toConnection(window, request, of, async () => total);
}
