import { useRealApi } from './support/api-context';

// Relay pagination over the real dataset, on both dialects: forward and backward, the edges of the data,
// and cursors refused when they do not belong to the connection and filter they are given to.

type Page = {
  totalCount: number;
  nodes: { code: string }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
};

/** The declarations of the cursor variables the arguments use: `($after: String)`, or nothing. */
const declarations = (args: string) => {
  const used = ['after', 'before'].filter((name) => args.includes(`$${name}`));
  return used.length ? `(${used.map((name) => `$${name}: String`).join(', ')})` : '';
};

const PAGE = `totalCount nodes { code } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

describe('pagination of the connections', () => {
  const api = useRealApi();
  const voorzieningen = async (args: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await api.run<{ voorzieningen: Page }>(
      `query${declarations(args)} { voorzieningen(${args}) { ${PAGE} } }`,
      variables,
    );
    expect(errors).toBeUndefined();
    return data.voorzieningen;
  };
  let all: string[];
  beforeAll(async () => {
    all = (await voorzieningen('first: 100')).nodes.map((node) => node.code);
  });
  const codes = (page: Page) => page.nodes.map((node) => node.code);

  it('gives the last page for `last` without `before`', async () => {
    const page = await voorzieningen('last: 5');
    expect(codes(page)).toEqual(all.slice(-5));
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(page.totalCount).toBe(all.length);
  });

  it('walks back from the end to the start with `last`/`before`, exactly filling the pages', async () => {
    const size = all.length / 2; // 38 voorzieningen: two full pages
    expect(Number.isInteger(size)).toBe(true);
    const last = await voorzieningen(`last: ${size}`);
    const first = await voorzieningen(`last: ${size}, before: $before`, {
      before: last.pageInfo.startCursor,
    });
    expect([...codes(first), ...codes(last)]).toEqual(all);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const none = await voorzieningen(`last: ${size}, before: $before`, {
      before: first.pageInfo.startCursor,
    });
    expect(none).toMatchObject({ nodes: [], pageInfo: { hasNextPage: true, hasPreviousPage: false } });
  });

  it('walks forward and back to the same pages', async () => {
    const one = await voorzieningen('first: 10');
    const two = await voorzieningen('first: 10, after: $after', { after: one.pageInfo.endCursor });
    const back = await voorzieningen('last: 10, before: $before', { before: two.pageInfo.startCursor });
    expect(codes(back)).toEqual(codes(one));
    expect(codes(two)).toEqual(all.slice(10, 20));
    expect(two.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('gives every row when `last` or `first` is larger than the rows, with no page either way', async () => {
    for (const args of ['last: 100', 'first: 100']) {
      const page = await voorzieningen(args);
      expect(codes(page)).toEqual(all);
      expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    }
  });

  it('ends at the last row exactly: no next page, and an empty page after it', async () => {
    const end = await voorzieningen('first: 1, after: $after', {
      after: (await voorzieningen(`first: ${all.length - 1}`)).pageInfo.endCursor,
    });
    expect(codes(end)).toEqual(all.slice(-1));
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const after = await voorzieningen('first: 5, after: $after', { after: end.pageInfo.endCursor });
    expect(after).toMatchObject({
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('pages an empty filter and a filter of one row', async () => {
    const { data, errors } = await api.run(`{
      empty: voorzieningen(filter: { search: "no such text" }, last: 3) { ${PAGE} }
      one: voorzieningen(filter: { search: "Basisregistratie Personen" }, last: 3) { ${PAGE} }
      oneForward: voorzieningen(filter: { search: "Basisregistratie Personen" }, first: 1) { ${PAGE} }
    }`);
    expect(errors).toBeUndefined();
    expect(data.empty).toEqual({
      totalCount: 0,
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
    for (const page of [data.one, data.oneForward]) {
      expect(codes(page)).toEqual(['brp']);
      expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    }
  });

  it('pages backward on every connection, with the default page when no size is given', async () => {
    const { data, errors } = await api.run(`{
      indicators(last: 2) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage } }
      allIndicators: indicators(first: 100) { nodes { id } }
      observations(last: 3, filter: { voorziening: "BRP" }) { totalCount nodes { id } }
      relations(last: 1) { totalCount nodes { id } pageInfo { hasPreviousPage } }
      defaults: observations { nodes { id } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.indicators.nodes).toHaveLength(2);
    expect(data.indicators.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect(data.observations.nodes).toHaveLength(3);
    expect(data.relations.nodes).toHaveLength(1);
    expect(data.relations.pageInfo.hasPreviousPage).toBe(true);
    expect(data.defaults.nodes).toHaveLength(100);
  });

  it('refuses `first` with `last`, and `last` out of range', async () => {
    const both = await api.run(`{ voorzieningen(first: 2, last: 2) { totalCount } }`);
    expect(both.errors?.[0]).toMatchObject({
      message: 'Pass `first` (to page forward) or `last` (to page backward), not both.',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'last' },
    });
    const big = await api.run(`{ observations(last: 501) { totalCount } }`);
    expect(big.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'last' });
  });

  it('refuses a cursor of another connection, naming the argument', async () => {
    const { data } = await api.run(`{ indicators(first: 1) { pageInfo { endCursor } } }`);
    const cursor = data.indicators.pageInfo.endCursor;
    for (const [field, argument] of [
      ['voorzieningen', 'after'],
      ['relations', 'before'],
      ['observations', 'after'],
    ]) {
      const sizeArgument = argument === 'after' ? 'first' : 'last';
      const { errors } = await api.run(
        `query($c: String) { ${field}(${sizeArgument}: 2, ${argument}: $c) { totalCount } }`,
        {
          c: cursor,
        },
      );
      expect(errors?.[0]).toMatchObject({
        message: `\`${argument}\` is a cursor of \`indicators\`, not of \`${field}\`.`,
        extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
      });
    }
  });

  it('refuses a cursor of another filter, and takes one of the same filter spelled otherwise', async () => {
    const { data } = await api.run(
      `{ indicators(first: 2, filter: { voorziening: "brp" }) { nodes { id } pageInfo { endCursor } } }`,
    );
    const cursor = data.indicators.pageInfo.endCursor;
    const run = (filter: string) =>
      api.run(`query($c: String) { indicators(first: 2, after: $c, filter: ${filter}) { nodes { id } } }`, {
        c: cursor,
      });
    for (const filter of ['{ voorziening: "hr" }', '{}', '{ voorziening: "brp", unit: COUNT }']) {
      const { errors } = await run(filter);
      expect({ filter, errors }).toMatchObject({
        filter,
        errors: [
          {
            message:
              '`after` is a cursor of `indicators` with another filter; a cursor continues only the filter it was returned for.',
            extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
          },
        ],
      });
    }
    const same = await run('{ voorziening: "BRP" }');
    expect(same.errors).toBeUndefined();
    expect(same.data.indicators.nodes[0].id).not.toBe(data.indicators.nodes[1].id);
  });

  it('refuses a cursor of the earlier form, which named no connection', async () => {
    const { errors } = await api.run(
      `{ voorzieningen(after: "${Buffer.from('cursor:3').toString('base64url')}") { totalCount } }`,
    );
    expect(errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });
});
