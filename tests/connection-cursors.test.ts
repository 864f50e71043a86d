import { GraphQLError } from 'graphql';
import { CONNECTIONS, decodeCursor, toCursor, type CursorPosition } from '../server/domain/cursor';
import { pageOf, pageOfRows, toConnection, type PageOf } from '../server/graphql/connection';
import type { ConnectionModel } from '../server/graphql/models';
import { countOnce, countsOf } from '../server/graphql/connection-counts';
import { filterKey } from '../server/graphql/filter-key';
import { hashText } from '../server/lib/hash-text';
import { pageRequest, readCursor, type PageRequest } from '../server/graphql/page-arguments';
import { fromGlobalId, MAX_ROW_ID, NODE_TYPES, parseRowId, toGlobalId } from '../server/domain/global-id';
import type { RelationKind } from '../server/domain/vocabulary';
import { tinyGraph, type TinyGraph } from './support/tiny-graph';

// Pages at their edges (empty, exactly full, one over; forward and backward) and cursors and ids at the edges of
// what decodes, of which connection and filter.

const rows = (...ids: number[]) => ids.map((id) => ({ id }));
const encode = (text: string) => Buffer.from(text).toString('base64url');
const OF: PageOf = { connection: 'relations', filter: filterKey({}) };
const at = (id: number) => toCursor({ ...OF, id });
const forward = (size: number, after?: number, before?: number): PageRequest => ({
  direction: 'forward',
  size,
  ...(after === undefined ? {} : { after }),
  ...(before === undefined ? {} : { before }),
});
const backward = (size: number, before?: number, after?: number): PageRequest => ({
  ...forward(size, after, before),
  direction: 'backward',
});

/** A page's info as a client reads it: its getters (the cursors are made when asked for) read. */
const infoOf = (info: ConnectionModel<{ id: number }>['pageInfo']) => ({
  hasNextPage: info.hasNextPage,
  hasPreviousPage: info.hasPreviousPage,
  startCursor: info.startCursor,
  endCursor: info.endCursor,
});

/** A page as a client reads it: its edges (made when asked for), nodes, total and info. */
const read = (page: ConnectionModel<{ id: number }>) => ({
  edges: page.edges,
  nodes: page.nodes,
  totalCount: page.totalCount,
  pageInfo: infoOf(page.pageInfo),
});

/** A total count, as `pageOf` hands it to `toConnection`: counted when asked for. */
const counted = (total: number) => () => Promise.resolve(total);

describe('toConnection: a page from the rows fetched with one more than its size', () => {
  it('hands on the total count as it was given, to be counted when asked for', async () => {
    const page = toConnection(rows(1, 2), forward(3), OF, counted(7));
    await expect(page.totalCount()).resolves.toBe(7);
  });

  it('has no next page when the rows exactly fill the page', () => {
    const page = toConnection(rows(1, 2, 3), forward(3), OF, counted(3));
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.nodes).toEqual(rows(1, 2, 3));
  });

  it('has a next page when one row more came back, and leaves that row out', () => {
    const page = toConnection(rows(1, 2, 3, 4), forward(3), OF, counted(9));
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.nodes).toEqual(rows(1, 2, 3));
    expect(page.edges.map((edge) => edge.node.id)).toEqual([1, 2, 3]);
  });

  it('gives each edge its cursor, and the page its first and last', () => {
    const page = toConnection(rows(5, 8), forward(2, 4), OF, counted(10));
    expect(read(page)).toEqual({
      edges: [
        { cursor: at(5), node: { id: 5 } },
        { cursor: at(8), node: { id: 8 } },
      ],
      nodes: rows(5, 8),
      totalCount: expect.any(Function),
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: at(5), endCursor: at(8) },
    });
  });

  it('has a previous page only after a cursor, going forward', () => {
    expect(toConnection(rows(1), forward(1), OF, counted(1)).pageInfo.hasPreviousPage).toBe(false);
    expect(toConnection(rows(2), forward(1, 1), OF, counted(2)).pageInfo.hasPreviousPage).toBe(true);
  });

  it('has a next page going forward when a `before` cursor ends the window', () => {
    expect(toConnection(rows(2), forward(5, 1, 3), OF, counted(3)).pageInfo.hasNextPage).toBe(true);
  });

  it('turns the rows fetched backward (nearest `before` first) into a page in order', () => {
    const page = toConnection(rows(9, 8, 7), backward(2, 10), OF, counted(10));
    expect(page.nodes).toEqual(rows(8, 9));
    expect(infoOf(page.pageInfo)).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: at(8),
      endCursor: at(9),
    });
  });

  it('going backward, has a previous page when one row more came back or an `after` cursor starts the window', () => {
    expect(toConnection(rows(2, 1), backward(2), OF, counted(2)).pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: false,
    });
    expect(toConnection(rows(3), backward(2, undefined, 2), OF, counted(3)).pageInfo.hasPreviousPage).toBe(
      true,
    );
  });

  it('gives an empty page no cursors', () => {
    expect(read(toConnection([], forward(5, 7), OF, counted(3)))).toEqual({
      edges: [],
      nodes: [],
      totalCount: expect.any(Function),
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
    expect(infoOf(toConnection([], backward(5), OF, counted(0)).pageInfo)).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});

describe('cursors', () => {
  it('round-trips a connection, a filter and a row id', () => {
    expect(at(12)).toBe(encode(`cursor:relations:${OF.filter}:12`));
    for (const connection of CONNECTIONS) {
      for (const id of [0, 1, 12, MAX_ROW_ID]) {
        const position: CursorPosition = { connection, filter: 'abc_-9', id };
        expect(decodeCursor(toCursor(position))).toEqual(position);
      }
    }
  });

  it('reads no cursor as no bound', () => {
    expect(readCursor(null, 'after', 'relations', OF.filter)).toBeUndefined();
    expect(readCursor(undefined, 'before', 'relations', OF.filter)).toBeUndefined();
    expect(readCursor(at(7), 'before', 'relations', OF.filter)).toBe(7);
  });

  const refusal = (cursor: string, argument: 'after' | 'before' = 'after') => {
    try {
      readCursor(cursor, argument, 'relations', OF.filter);
    } catch (error) {
      return error as GraphQLError;
    }
    throw new Error(`readCursor accepted ${JSON.stringify(cursor)}`);
  };

  it.each([
    ['an empty string', ''],
    ['plain text', 'abc'],
    ['a global id', encode('Voorziening:3')],
    ['a cursor of the earlier form, which named no connection', encode('cursor:12')],
    ['an unknown connection', encode(`cursor:domains:${OF.filter}:1`)],
    ['a negative id', encode(`cursor:relations:${OF.filter}:-1`)],
    ['a fraction', encode(`cursor:relations:${OF.filter}:1.5`)],
    ['trailing text', encode(`cursor:relations:${OF.filter}:12 `)],
    ['leading text', encode(` cursor:relations:${OF.filter}:12`)],
    ['no id', encode(`cursor:relations:${OF.filter}:`)],
    ['no filter', encode('cursor:relations::1')],
    ['an id beyond the 32-bit ids', encode(`cursor:relations:${OF.filter}:${MAX_ROW_ID + 1}`)],
    ['eleven digits', encode(`cursor:relations:${OF.filter}:00000000001`)],
  ])('refuses %s as BAD_USER_INPUT naming the argument', (_, cursor) => {
    for (const argument of ['after', 'before'] as const) {
      const error = refusal(cursor, argument);
      expect(error).toBeInstanceOf(GraphQLError);
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: argument });
      expect(error.message).toBe(
        `\`${argument}\` is not a cursor this API returned: ${JSON.stringify(cursor)}.`,
      );
    }
  });

  it('refuses a cursor of another connection, naming both', () => {
    const error = refusal(toCursor({ connection: 'indicators', filter: OF.filter, id: 3 }), 'before');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'before' });
    expect(error.message).toBe('`before` is a cursor of `indicators`, not of `relations`.');
  });

  it('refuses a cursor of another filter of the same connection', () => {
    const error = refusal(
      toCursor({ connection: 'relations', filter: filterKey({ kind: 'PART_OF' }), id: 3 }),
    );
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(error.message).toBe(
      '`after` is a cursor of `relations` with another filter; a cursor continues only the filter it was returned for.',
    );
  });

  it('shows at most 60 characters of a long bad cursor', () => {
    expect(refusal('x'.repeat(60)).message).toBe(
      `\`after\` is not a cursor this API returned: "${'x'.repeat(60)}".`,
    );
    expect(refusal('x'.repeat(61)).message).toBe(
      `\`after\` is not a cursor this API returned: "${'x'.repeat(60)}…".`,
    );
  });
});

describe('filterKey', () => {
  it('ignores the order of entries and the ones not given', () => {
    expect(filterKey({ a: 1, b: 'x' })).toBe(filterKey({ b: 'x', a: 1, c: undefined, d: null, e: [] }));
    expect(filterKey({})).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('tells filters apart', () => {
    expect(filterKey({ a: 1 })).not.toBe(filterKey({ a: 2 }));
    expect(filterKey({ a: 1 })).not.toBe(filterKey({}));
    expect(filterKey({ a: '1' })).not.toBe(filterKey({ a: 1 }));
  });

  it('is the hash of the filter as applied, the same when remembered and after it was forgotten', () => {
    const hashed = (filter: [string, unknown][]) => hashText(JSON.stringify(filter)).slice(0, 16);
    expect(filterKey({ kind: 'PART_OF' })).toBe(hashed([['kind', 'PART_OF']]));
    // asked again: from the memo, the same
    expect(filterKey({ kind: 'PART_OF' })).toBe(hashed([['kind', 'PART_OF']]));
    // more filters than the memo holds, each its own key; then the first is made again, and is the same
    const keys = new Set(Array.from({ length: 1100 }, (_, at) => filterKey({ id: at })));
    expect(keys.size).toBe(1100);
    expect(filterKey({ id: 7 })).toBe(hashed([['id', 7]]));
    expect(filterKey({ kind: 'PART_OF' })).toBe(hashed([['kind', 'PART_OF']]));
  });
});

describe('pageRequest: Relay’s arguments, checked', () => {
  const filter = OF.filter;
  const error = (args: Parameters<typeof pageRequest>[0]) => {
    try {
      pageRequest(args, 'relations', filter);
    } catch (caught) {
      return caught as GraphQLError;
    }
    throw new Error(`accepted ${JSON.stringify(args)}`);
  };

  it('pages forward from the start by default, with the connection’s page size', () => {
    expect(pageRequest({}, 'relations', filter)).toEqual({ direction: 'forward', size: 50 });
    expect(pageRequest({}, 'observations', filter)).toEqual({ direction: 'forward', size: 100 });
    expect(pageRequest({ first: 3, after: at(4) }, 'relations', filter)).toEqual(forward(3, 4));
  });

  it('pages backward with `last`: before a cursor, or the last page', () => {
    expect(pageRequest({ last: 3 }, 'relations', filter)).toEqual(backward(3));
    expect(pageRequest({ last: 3, before: at(9) }, 'relations', filter)).toEqual(backward(3, 9));
    expect(pageRequest({ last: 3, before: at(9), after: at(2) }, 'relations', filter)).toEqual(
      backward(3, 9, 2),
    );
    expect(pageRequest({ first: 3, before: at(9) }, 'relations', filter)).toEqual(forward(3, undefined, 9));
  });

  it('refuses `first` with `last`, naming `last`', () => {
    expect(error({ first: 1, last: 1 }).extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'last' });
    expect(error({ first: 1, last: 1 }).message).toBe(
      'Pass `first` (to page forward) or `last` (to page backward), not both.',
    );
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ last: 0 }, 'last'],
    [{ last: 101 }, 'last'],
    [{ last: -1 }, 'last'],
  ])('refuses %j out of range', (args, argumentName) => {
    expect(error(args).extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName });
  });
});

describe('row ids and global ids', () => {
  it('reads up to ten digits, up to the largest 32-bit id', () => {
    expect(parseRowId('0')).toBe(0);
    expect(parseRowId('0000000012')).toBe(12);
    expect(parseRowId(String(MAX_ROW_ID))).toBe(MAX_ROW_ID);
    expect(MAX_ROW_ID).toBe(2 ** 31 - 1);
    expect(parseRowId(String(MAX_ROW_ID + 1))).toBeNull();
    expect(parseRowId('9999999999')).toBeNull();
    expect(parseRowId('00000000001')).toBeNull();
    expect(parseRowId('')).toBeNull();
    expect(parseRowId('-1')).toBeNull();
    expect(parseRowId('1e3')).toBeNull();
    expect(parseRowId(' 1')).toBeNull();
  });

  it('round-trips every node type', () => {
    expect(toGlobalId('Voorziening', 12)).toBe('Vm9vcnppZW5pbmc6MTI');
    for (const type of NODE_TYPES) {
      expect(fromGlobalId(toGlobalId(type, 7))).toEqual({ type, id: 7 });
      expect(fromGlobalId(toGlobalId(type, MAX_ROW_ID))).toEqual({ type, id: MAX_ROW_ID });
    }
  });

  it.each([
    ['an unknown type', encode('Edition:1')],
    ['a type in lower case', encode('voorziening:1')],
    ['a cursor', at(1)],
    ['an id beyond the 32-bit ids', encode(`Voorziening:${MAX_ROW_ID + 1}`)],
    ['a negative id', encode('Voorziening:-1')],
    ['no id', encode('Voorziening:')],
    ['no type', encode(':1')],
    ['trailing text', encode('Voorziening:1x')],
    ['leading text', encode('xVoorziening:1')],
    ['a leading sign', encode('-Voorziening:1')],
    ['a leading space', encode(' Voorziening:1')],
    ['an empty string', ''],
  ])('refuses %s', (_, id) => {
    expect(fromGlobalId(id)).toBeNull();
  });
});

/** Three voorzieningen and five relations (ids 1–5) of kinds X and Y: the rows the page tests page over. */
const fiveRelations = () =>
  tinyGraph(
    ['a', 'b', 'c'],
    [
      ['a', 'b', 'X'],
      ['b', 'c', 'Y'],
      ['a', 'c', 'X'],
      ['c', 'a', 'X'],
      ['b', 'a', 'Y'],
    ],
  );

describe('pageOf: a page of a query, in id order, with its total', () => {
  let graph: TinyGraph;
  beforeAll(async () => {
    graph = await fiveRelations();
  });
  afterAll(() => graph.close());

  let version = 0;
  const page = (first: number, after = 0, kind?: string) =>
    pageWith(forward(first, after || undefined), kind);
  const pageWith = (request: PageRequest, kind?: string) => {
    let query = graph.db.selectFrom('relation');
    if (kind) query = query.where('kind', '=', kind as RelationKind);
    return pageOf<{ id: number }>(query as never, request, OF, countsOf(graph.db, `fresh ${++version}`)).then(
      async (found) => ({
        ids: found.nodes.map((node) => node.id),
        next: found.pageInfo.hasNextPage,
        previous: found.pageInfo.hasPreviousPage,
        total: await found.totalCount(),
      }),
    );
  };

  it('says there is a next page until the last row is on the page', async () => {
    expect(await page(4)).toEqual({ ids: [1, 2, 3, 4], next: true, previous: false, total: 5 });
    expect(await page(5)).toEqual({ ids: [1, 2, 3, 4, 5], next: false, previous: false, total: 5 });
    expect(await page(6)).toEqual({ ids: [1, 2, 3, 4, 5], next: false, previous: false, total: 5 });
  });

  it('continues after the cursor’s id, exactly filling the last page', async () => {
    expect(await page(2, 3)).toEqual({ ids: [4, 5], next: false, previous: true, total: 5 });
    expect(await page(1, 3)).toEqual({ ids: [4], next: true, previous: true, total: 5 });
    expect(await page(2, 5)).toEqual({ ids: [], next: false, previous: true, total: 5 });
  });

  it('counts and pages the filtered rows only', async () => {
    expect(await page(2, 0, 'X')).toEqual({ ids: [1, 3], next: true, previous: false, total: 3 });
    expect(await page(2, 3, 'X')).toEqual({ ids: [4], next: false, previous: true, total: 3 });
    expect(await page(2, 0, 'Y')).toEqual({ ids: [2, 5], next: false, previous: false, total: 2 });
  });

  it('keeps the counts of two filters apart', async () => {
    const counts = countsOf(graph.db, 'two filters');
    const ofKind: PageOf = { connection: 'relations', filter: filterKey({ kind: 'X' }) };
    const all = await pageOf<{ id: number }>(
      graph.db.selectFrom('relation') as never,
      forward(1),
      OF,
      counts,
    );
    const kindX = await pageOf<{ id: number }>(
      graph.db.selectFrom('relation').where('kind', '=', 'X' as RelationKind) as never,
      forward(1),
      ofKind,
      counts,
    );
    expect([await all.totalCount(), await kindX.totalCount()]).toEqual([5, 3]);
  });

  it('counts only when the total is asked for, once per version and filter, and keeps no failed count', async () => {
    const counts = countsOf(graph.db, 'counted');
    const relations = () => graph.db.selectFrom('relation') as never;
    const found = await pageOf<{ id: number }>(relations(), forward(2), OF, counts);
    expect(counts.size).toBe(0); // a page without its total: nothing counted
    await expect(found.totalCount()).resolves.toBe(5);
    const again = await pageOf<{ id: number }>(relations(), forward(1), OF, counts);
    expect(counts.size).toBe(1);
    const kept = counts.get(`${OF.connection}\n${OF.filter}`);
    await expect(again.totalCount()).resolves.toBe(5);
    expect(counts.get(`${OF.connection}\n${OF.filter}`)).toBe(kept);
    expect(countsOf(graph.db, 'counted')).toBe(counts);
    expect(countsOf(graph.db, 'another version')).not.toBe(counts);
    let runs = 0;
    const failing = () => {
      runs += 1;
      return Promise.reject(new Error('planted'));
    };
    await expect(countOnce(counts, 'k', failing)).rejects.toThrow('planted');
    await expect(countOnce(counts, 'k', failing)).rejects.toThrow('planted');
    expect(runs).toBe(2);
  });

  it('pages backward: the last page, before a cursor, and exactly to the start', async () => {
    expect(await pageWith(backward(2))).toEqual({ ids: [4, 5], next: false, previous: true, total: 5 });
    expect(await pageWith(backward(2, 4))).toEqual({ ids: [2, 3], next: true, previous: true, total: 5 });
    expect(await pageWith(backward(3, 4))).toEqual({ ids: [1, 2, 3], next: true, previous: false, total: 5 });
    expect(await pageWith(backward(2, 1))).toEqual({ ids: [], next: true, previous: false, total: 5 });
  });

  it('gives every row when `last` is larger than the rows', async () => {
    expect(await pageWith(backward(9))).toEqual({
      ids: [1, 2, 3, 4, 5],
      next: false,
      previous: false,
      total: 5,
    });
    expect(await pageWith(backward(9), 'Y')).toEqual({ ids: [2, 5], next: false, previous: false, total: 2 });
  });

  it('pages within a window of both cursors, either way', async () => {
    expect(await pageWith(forward(9, 1, 5))).toEqual({
      ids: [2, 3, 4],
      next: true,
      previous: true,
      total: 5,
    });
    expect(await pageWith(backward(2, 5, 1))).toEqual({ ids: [3, 4], next: true, previous: true, total: 5 });
  });

  it('gives one row on a page of one, either way', async () => {
    expect(await pageWith(forward(1))).toEqual({ ids: [1], next: true, previous: false, total: 5 });
    expect(await pageWith(backward(1))).toEqual({ ids: [5], next: false, previous: true, total: 5 });
  });
});

describe('pageOfRows: the pages pageOf gives, from rows in memory', () => {
  let graph: TinyGraph;
  beforeAll(async () => {
    graph = await fiveRelations();
  });
  afterAll(() => graph.close());

  /** What a page shows a client: its nodes, page info (with the cursors) and total. */
  const shown = async (found: ConnectionModel<{ id: number }>) => ({
    ids: found.nodes.map((node) => node.id),
    pageInfo: infoOf(found.pageInfo),
    cursors: found.edges.map((edge) => edge.cursor),
    total: await found.totalCount(),
  });

  it('gives every window, size and direction alike, unfiltered and filtered, from rows in any order', async () => {
    let version = 0;
    let compared = 0;
    for (const kind of [undefined, 'X', 'Y'] as const) {
      let query = graph.db.selectFrom('relation');
      if (kind) query = query.where('kind', '=', kind as RelationKind);
      // in memory: the same rows, not in id order
      const inMemory = (await query.selectAll().orderBy('kind').orderBy('id', 'desc').execute()).map(
        (row) => ({ id: row.id }),
      );
      const bounds = [undefined, 0, 1, 2, 3, 4, 5, 6];
      for (const size of [1, 2, 3, 5, 6])
        for (const after of bounds)
          for (const before of bounds)
            for (const request of [forward(size, after, before), backward(size, before, after)]) {
              const fromQuery = await pageOf<{ id: number }>(
                query as never,
                request,
                OF,
                countsOf(graph.db, `rows ${++version}`),
              );
              const fromRows = pageOfRows(inMemory, request, OF);
              expect({ kind, request, page: await shown(fromRows) }).toEqual({
                kind,
                request,
                page: await shown(fromQuery),
              });
              compared += 1;
            }
    }
    expect(compared).toBe(3 * 5 * 8 * 8 * 2);
  });

  it('leaves the rows it was given as they were', () => {
    const given = Object.freeze([{ id: 3 }, { id: 1 }, { id: 2 }]);
    expect(pageOfRows(given, backward(2), OF).nodes).toEqual([{ id: 2 }, { id: 3 }]);
    expect(given).toEqual([{ id: 3 }, { id: 1 }, { id: 2 }]);
  });
});
