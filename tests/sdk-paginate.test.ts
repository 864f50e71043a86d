import { paginate, StelselgraphPagingError, type Page } from '../sdk/src/index';

/** A fake connection over `items`, `size` per page, cursors are the index of the last node given. */
function connection(items: string[], size: number) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (after: string | undefined): Promise<Page<string>> => {
    asked.push(after);
    const start = after === undefined ? 0 : Number(after) + 1;
    const nodes = items.slice(start, start + size);
    return {
      nodes,
      pageInfo: {
        hasNextPage: start + size < items.length,
        endCursor: nodes.length > 0 ? String(start + nodes.length - 1) : null,
      },
    };
  };
  return { fetchPage, asked };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('paginate', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('gives every node in order, asking once per page with the previous endCursor', async () => {
    const { fetchPage, asked } = connection(items, 4);
    expect(await collect(paginate(fetchPage))).toEqual(items);
    expect(asked).toEqual([undefined, '3']);
  });

  it('stops after a page the nodes exactly fill, without asking for an empty one', async () => {
    const { fetchPage, asked } = connection(items, 3);
    expect(await collect(paginate(fetchPage))).toEqual(items);
    expect(asked).toEqual([undefined, '2']);
  });

  it('gives nothing for an empty connection, after one request', async () => {
    const { fetchPage, asked } = connection([], 3);
    expect(await collect(paginate(fetchPage))).toEqual([]);
    expect(asked).toEqual([undefined]);
  });

  it('asks for nothing until iterated, and for no further page once the caller stops', async () => {
    const { fetchPage, asked } = connection(items, 2);
    const iterator = paginate(fetchPage);
    expect(asked).toEqual([]);
    const taken: string[] = [];
    for await (const item of iterator) {
      taken.push(item);
      if (taken.length === 2) break;
    }
    expect(taken).toEqual(['a', 'b']);
    expect(asked).toEqual([undefined]);
  });

  it('refuses a connection that says there is more but gives no cursor, or the same cursor again', async () => {
    const noCursor = paginate(async () => ({
      nodes: ['x'],
      pageInfo: { hasNextPage: true, endCursor: null },
    }));
    await expect(collect(noCursor)).rejects.toThrow(
      new StelselgraphPagingError('the connection has a next page but gives no endCursor'),
    );
    // a page that repeats its cursor, answered at most three times: a paginator that does not notice fails fast
    let asked = 0;
    const stuck = paginate(async () => {
      asked += 1;
      if (asked > 3) throw new Error('asked for the same page again and again');
      return { nodes: ['x'], pageInfo: { hasNextPage: true, endCursor: 'c1' } };
    });
    await expect(collect(stuck)).rejects.toThrow('the connection has a next page but repeats the cursor c1');
    expect(asked).toBe(2);
  });

  it('passes a failing page on, after the nodes before it', async () => {
    const { fetchPage } = connection(items, 2);
    const seen: string[] = [];
    const failing = paginate(async (after) => {
      if (after === '3') throw new Error('the server went away');
      return fetchPage(after);
    });
    await expect(
      (async () => {
        for await (const item of failing) seen.push(item);
      })(),
    ).rejects.toThrow('the server went away');
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });
});
