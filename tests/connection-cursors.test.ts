import { GraphQLError } from 'graphql';
import { toCursor } from '../server/domain/cursor';
import { fromCursor, pageOf, toConnection } from '../server/graphql/connection';
import { fromGlobalId, MAX_ROW_ID, NODE_TYPES, parseRowId, toGlobalId } from '../server/domain/global-id';
import type { RelationKind } from '../server/domain/vocabulary';
import { tinyGraph, type TinyGraph } from './support/tiny-graph';

// Pages at their edges (empty, exactly full, one over) and cursors and ids at the edges of what decodes.

const rows = (...ids: number[]) => ids.map((id) => ({ id }));
const encode = (text: string) => Buffer.from(text).toString('base64url');

describe('toConnection: a page from the rows fetched with one more than `first`', () => {
  it('has no next page when the rows exactly fill the page', () => {
    const page = toConnection(rows(1, 2, 3), 3, 0, 3);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.nodes).toEqual(rows(1, 2, 3));
  });

  it('has a next page when one row more came back, and leaves that row out', () => {
    const page = toConnection(rows(1, 2, 3, 4), 3, 0, 9);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.nodes).toEqual(rows(1, 2, 3));
    expect(page.edges.map((edge) => edge.node.id)).toEqual([1, 2, 3]);
  });

  it('gives each edge its cursor, and the page its first and last', () => {
    const page = toConnection(rows(5, 8), 2, 4, 10);
    expect(page).toEqual({
      edges: [
        { cursor: toCursor(5), node: { id: 5 } },
        { cursor: toCursor(8), node: { id: 8 } },
      ],
      nodes: rows(5, 8),
      totalCount: 10,
      pageInfo: {
        hasNextPage: false,
        hasPreviousPage: true,
        startCursor: toCursor(5),
        endCursor: toCursor(8),
      },
    });
  });

  it('ends a page of several rows with the last row’s cursor', () => {
    const page = toConnection(rows(3, 4, 6, 9), 4, 0, 4);
    expect(page.pageInfo.startCursor).toBe(toCursor(3));
    expect(page.pageInfo.endCursor).toBe(toCursor(9));
  });

  it('has a previous page only after a cursor', () => {
    expect(toConnection(rows(1), 1, 0, 1).pageInfo.hasPreviousPage).toBe(false);
    expect(toConnection(rows(2), 1, 1, 2).pageInfo.hasPreviousPage).toBe(true);
  });

  it('gives an empty page no cursors', () => {
    expect(toConnection([], 5, 7, 3)).toEqual({
      edges: [],
      nodes: [],
      totalCount: 3,
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });
});

describe('cursors', () => {
  it('round-trips a row id', () => {
    expect(toCursor(12)).toBe(encode('cursor:12'));
    for (const id of [0, 1, 12, MAX_ROW_ID]) expect(fromCursor(toCursor(id))).toBe(id);
  });

  it('reads no cursor as the start', () => {
    expect(fromCursor(null)).toBe(0);
    expect(fromCursor(undefined)).toBe(0);
  });

  const refusal = (cursor: string) => {
    try {
      fromCursor(cursor);
    } catch (error) {
      return error as GraphQLError;
    }
    throw new Error(`fromCursor accepted ${JSON.stringify(cursor)}`);
  };

  it.each([
    ['an empty string', ''],
    ['plain text', 'abc'],
    ['a global id', encode('Voorziening:3')],
    ['a negative id', encode('cursor:-1')],
    ['a fraction', encode('cursor:1.5')],
    ['trailing text', encode('cursor:12 ')],
    ['leading text', encode(' cursor:12')],
    ['no id', encode('cursor:')],
    ['an id beyond the 32-bit ids', encode(`cursor:${MAX_ROW_ID + 1}`)],
    ['eleven digits', encode('cursor:00000000001')],
  ])('refuses %s as BAD_USER_INPUT naming `after`', (_, cursor) => {
    const error = refusal(cursor);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    expect(error.message).toBe(`\`after\` is not a cursor this API returned: ${JSON.stringify(cursor)}.`);
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
    ['a cursor', toCursor(1)],
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

describe('pageOf: a page of a query, in id order, with its total', () => {
  let graph: TinyGraph;
  beforeAll(async () => {
    graph = await tinyGraph(
      ['a', 'b', 'c'],
      [
        ['a', 'b', 'X'],
        ['b', 'c', 'Y'],
        ['a', 'c', 'X'],
        ['c', 'a', 'X'],
        ['b', 'a', 'Y'],
      ],
    );
  });
  afterAll(() => graph.close());

  const page = (first: number, after = 0, kind?: string) => {
    let query = graph.db.selectFrom('relation');
    if (kind) query = query.where('kind', '=', kind as RelationKind);
    return pageOf<{ id: number }>(query as never, first, after).then((found) => ({
      ids: found.nodes.map((node) => node.id),
      next: found.pageInfo.hasNextPage,
      previous: found.pageInfo.hasPreviousPage,
      total: found.totalCount,
    }));
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
});
