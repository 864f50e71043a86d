import { pageOfIdOrderedRows, pageOfRows } from '../server/graphql/connection';
import type { PageRequest } from '../server/graphql/page-arguments';

/**
 * `pageOfIdOrderedRows` cuts a page of rows already in id order by binary search; it must give what
 * `pageOfRows` (a filter and a sort of the whole window) gives for the same rows and request: the same nodes in
 * the same order, page info and total, at every edge (empty, one row, cursors on a row, between rows, before
 * the first, past the last, a window narrower than the page, exactly the page, one more).
 */
const OF = { connection: 'observations', filter: '' } as const;

/** A page as compared: node ids, page info, total. */
async function described(page: ReturnType<typeof pageOfRows<{ id: number }>>) {
  return {
    ids: page.nodes.map((node) => node.id),
    hasNextPage: page.pageInfo.hasNextPage,
    hasPreviousPage: page.pageInfo.hasPreviousPage,
    startCursor: page.pageInfo.startCursor,
    endCursor: page.pageInfo.endCursor,
    total: await page.totalCount(),
  };
}

/** A small seeded generator (mulberry32), so that a failure can be run again. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('pageOfIdOrderedRows', () => {
  const rowsOf = (ids: number[]) => ids.map((id) => ({ id }));

  it.each([
    ['no rows', [], { direction: 'forward', size: 3 }],
    ['one row', [4], { direction: 'forward', size: 1 }],
    ['one row, backward', [4], { direction: 'backward', size: 1 }],
    ['after the last', [1, 2, 3], { direction: 'forward', size: 2, after: 3 }],
    ['before the first', [1, 2, 3], { direction: 'backward', size: 2, before: 1 }],
    ['after a gap', [1, 5, 9], { direction: 'forward', size: 1, after: 6 }],
    ['before a gap', [1, 5, 9], { direction: 'backward', size: 1, before: 6 }],
    [
      'after and before, between',
      [1, 2, 3, 4, 5, 6],
      { direction: 'forward', size: 10, after: 2, before: 5 },
    ],
    ['after and before crossed', [1, 2, 3, 4], { direction: 'forward', size: 2, after: 3, before: 2 }],
    ['exactly the page', [1, 2, 3], { direction: 'forward', size: 3 }],
    ['one more than the page', [1, 2, 3, 4], { direction: 'forward', size: 3 }],
    ['exactly the page, backward', [1, 2, 3], { direction: 'backward', size: 3 }],
    ['one more, backward', [1, 2, 3, 4], { direction: 'backward', size: 3 }],
    ['below every id', [10, 20], { direction: 'forward', size: 5, after: -1 }],
  ] as [string, number[], PageRequest][])('gives what pageOfRows gives: %s', async (_, ids, request) => {
    const rows = rowsOf(ids);
    expect(await described(pageOfIdOrderedRows(rows, request, OF))).toEqual(
      await described(pageOfRows(rows, request, OF)),
    );
  });

  it('gives what pageOfRows gives for 2000 random rows and requests', async () => {
    const next = random(17);
    for (let round = 0; round < 2000; round += 1) {
      const ids: number[] = [];
      let id = Math.floor(next() * 3);
      const count = Math.floor(next() * 12);
      for (let i = 0; i < count; i += 1) ids.push((id += 1 + Math.floor(next() * 3)));
      const pick = () => Math.floor(next() * (id + 4)) - 1;
      const request: PageRequest = {
        direction: next() < 0.5 ? 'forward' : 'backward',
        size: 1 + Math.floor(next() * 6),
        ...(next() < 0.5 ? { after: pick() } : {}),
        ...(next() < 0.5 ? { before: pick() } : {}),
      };
      const rows = rowsOf(ids);
      const context = { ids, request };
      expect({ context, page: await described(pageOfIdOrderedRows(rows, request, OF)) }).toEqual({
        context,
        page: await described(pageOfRows(rows, request, OF)),
      });
    }
  });

  it('does not change the rows it is given', () => {
    const rows = Object.freeze(rowsOf([1, 2, 3, 4]).map((row) => Object.freeze(row)));
    pageOfIdOrderedRows(rows, { direction: 'backward', size: 2 }, OF);
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4]);
  });
});
