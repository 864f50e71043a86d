/** One page of a connection, as far as paging needs it. */
export interface Page<TNode> {
  nodes: readonly TNode[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Thrown when a connection says it has a next page but gives no cursor that leads further. */
export class StelselgraphPagingError extends Error {
  override readonly name = 'StelselgraphPagingError';
}

/**
 * Every node of a connection, page after page: `fetchPage` is called with the cursor to continue after
 * (`undefined` for the first page), and the next page is only asked for once the caller has taken every node of
 * this one. Stopping early (`break` in `for await`) asks for no further page.
 *
 * ```ts
 * for await (const observation of paginate((after) =>
 *   client.request(MyDocument, { first: 500, after }).then((data) => data.observations),
 * )) { … }
 * ```
 */
export async function* paginate<TNode>(
  fetchPage: (after: string | undefined) => Promise<Page<TNode>>,
): AsyncGenerator<TNode, void, undefined> {
  let after: string | undefined;
  for (;;) {
    const page = await fetchPage(after);
    yield* page.nodes;
    if (!page.pageInfo.hasNextPage) return;
    const next = page.pageInfo.endCursor;
    if (!next || next === after) {
      throw new StelselgraphPagingError(
        `the connection has a next page but ${next ? `repeats the cursor ${next}` : 'gives no endCursor'}`,
      );
    }
    after = next;
  }
}
