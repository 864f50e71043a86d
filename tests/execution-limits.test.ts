import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLNamedType,
  buildSchema,
} from 'graphql';
import { createContext } from '../server/graphql/context';
import { DEFAULT_ARGUMENT_CAPS } from '../server/graphql/limits/argument-caps';
import { listSizesOf, MEASURED_LIST_FIELDS } from '../server/graphql/limits/list-sizes';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../server/graphql/limits/query-limits';
import { readTypeDefs } from '../server/graphql/type-defs';
import { createApiContext, type ApiContext } from './support/api-context';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';
import { TEST_DIALECT } from './support/test-database';

/** `levels` nested steps of domain → voorzieningen → domain → …, as one alias. */
function cycle(levels: number): string {
  let inner = 'name';
  for (let level = 0; level < levels; level += 1) inner = `voorzieningen { code domain { code ${inner} } }`;
  return `domains { ${inner} }`;
}

/** The fan-out of issue 12: `aliases` aliases of the cycle, `levels` deep. */
function fanOut(aliases: number, levels: number): string {
  return `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: ${cycle(levels)}`).join(' ')} }`;
}

describe('limits that need the variables and the data: cost, argument caps, execution budget', () => {
  let built: BuiltDatabase;
  const apis: ApiContext[] = [];
  beforeAll(async () => {
    built = await buildRealDatabase();
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.close()));
    await built.close();
  });
  const withLimits = async (limits: Partial<QueryLimits> = {}, timeBudgetMs = 60_000) => {
    const api = await createApiContext(built.location, {
      limits: { ...DEFAULT_QUERY_LIMITS, ...limits },
      timeBudgetMs,
    });
    apis.push(api);
    return api;
  };
  /** The cost of a query: run it with a cost limit of 0 and read `found` from the refusal. */
  const costOf = async (query: string, variables?: Record<string, unknown>) => {
    const result = await (await withLimits({ maxCost: 0 })).run(query, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_COST_LIMIT');
    return Number(result.errors?.[0]?.extensions?.found);
  };

  describe('the static cost', () => {
    const page = (first: string) =>
      `${first.includes('$n') ? 'query($n: Int)' : ''} { observations${first} { nodes { raw indicator { key } } } }`;

    it('reads `first` from a variable and from its default as from a literal', async () => {
      const literal = await costOf(page('(first: 300)'));
      expect(await costOf(page('(first: $n)'), { n: 300 })).toBe(literal);
      // the default page is 100
      expect(await costOf(page(''))).toBe(await costOf(page('(first: 100)')));
      expect(await costOf(page('(first: $n)'), { n: 100 })).toBeLessThan(literal);
      // a variable left out takes the argument's default
      expect(await costOf(page('(first: $n)'))).toBe(await costOf(page('(first: 100)')));
    });

    it('reads `last` as it reads `first`, from a literal and from a variable', async () => {
      const literal = await costOf(page('(first: 300)'));
      expect(await costOf(page('(last: 300)'))).toBe(literal);
      expect(await costOf(page('(last: $n)'), { n: 300 })).toBe(literal);
      expect(await costOf(page('(last: $n)'))).toBe(await costOf(page('(first: 100)')));
    });

    it('counts a page at most as the rows there are', async () => {
      const { rows } = await (
        await withLimits()
      )
        .run<{ observations: { totalCount: number } }>('{ observations(first: 1) { totalCount } }')
        .then((r) => ({ rows: r.data.observations.totalCount }));
      expect(await costOf(page(`(first: ${rows + 5})`))).toBe(await costOf(page(`(first: ${rows})`)));
      expect(await costOf(page(`(first: ${rows - 1})`))).toBeLessThan(await costOf(page(`(first: ${rows})`)));
    });

    it('gives lists without `first` the size of the longest such list in the data', async () => {
      const sizes = await listSizesOf(built.db, 'test');
      const largestDomain = sizes.get('Domain.voorzieningen')!;
      // domains { voorzieningen { code } }: 1 + domains × (1 + largestDomain × 1)
      expect(await costOf('{ domains { voorzieningen { code } } }')).toBe(
        1 + sizes.get('Query.domains')! * (1 + largestDomain),
      );
    });

    it('refuses the cyclic fan-out of 20 aliases four levels deep before executing, and one alias of it too', async () => {
      const api = await withLimits();
      for (const query of [fanOut(20, 4), fanOut(1, 4)]) {
        api.resetStatements();
        const result = await api.run(query);
        expect(result.errors).toHaveLength(1);
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_COST_LIMIT' });
        expect(Number(result.errors?.[0]?.extensions?.found)).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
        expect(api.statements).toEqual([]);
      }
    });

    it('costs fragments once per use without exploding, and says the cost right for a fragment tree', async () => {
      // each fragment spreads the next twice: 2^12 paths in text of 13 fragments
      const fragments = Array.from(
        { length: 12 },
        (_, i) => `fragment F${i} on Voorziening { code ...F${i + 1} ...F${i + 1} }`,
      );
      fragments.push('fragment F12 on Voorziening { name }');
      const query = `{ voorziening(code: "brp") { ...F0 } } ${fragments.join(' ')}`;
      const found = await costOf(query);
      // F12 costs 1, F11 = 1 + 2×1, … F0 = 2^13 − 1; plus the lookup itself
      expect(found).toBe(1 + (2 ** 13 - 1));
      const result = await (await withLimits({ maxCost: found - 1 })).run(query);
      expect(result.errors?.[0]?.message).toBe(
        `The query's cost is ${found}, over the limit of ${found - 1} by 1.`,
      );
    });

    it('measures every plain list of the schema from the data', () => {
      const schema = buildSchema(readTypeDefs());
      const unmeasured: string[] = [];
      for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
        if (!isObjectType(type) || type.name.startsWith('__')) continue;
        for (const field of Object.values(type.getFields())) {
          if (!isListType(getNullableType(field.type))) continue;
          const name = `${type.name}.${field.name}`;
          const sizedByArgument =
            (type.name.endsWith('Connection') && ['edges', 'nodes'].includes(field.name)) ||
            type.name === 'Path' ||
            name === 'Query.search';
          if (!sizedByArgument && !MEASURED_LIST_FIELDS.includes(name)) unmeasured.push(name);
        }
      }
      expect(unmeasured).toEqual([]);
      void getNamedType;
    });

    it('assumes every measured list at least as long as the longest the API returns', async () => {
      const api = await withLimits({ maxCost: 10_000_000, maxNodes: 1_000_000 });
      const sizes = await listSizesOf(built.db, 'test');
      const { data, errors } = await api.run<Record<string, any>>(`{
        domains { voorzieningen { id } }
        voorzieningen(first: 100) { nodes { parts { id } indicators { id } notes { id } outgoing { id } incoming { id } discrepancies { id } } }
        i1: indicators(first: 100) { nodes { subjects observations { id } reportedChanges { raw } notes { id } corrections { year } sameAs { id } relations { id } discrepancies { id } } totalCount pageInfo { endCursor } }
        relations(first: 100) { nodes { indicators { id } volumes { id } } }
        discrepancies { observations { role } }
        stelsel { nodes { id } edges { id } }
        edition { years }
        basisregistraties { id }
        claims { years indicators { id } observations { id } }
      }`);
      expect(errors).toBeUndefined();
      // the indicators come in pages of at most 100
      const rest = await api.run<Record<string, any>>(
        `query($after: String) { indicators(first: 100, after: $after) { nodes { subjects observations { id } reportedChanges { raw } notes { id } corrections { year } sameAs { id } relations { id } discrepancies { id } } } }`,
        { after: data.i1.pageInfo.endCursor },
      );
      const indicators = [...data.i1.nodes, ...rest.data.indicators.nodes];
      expect(indicators.length).toBe(data.i1.totalCount);
      const longest = (lists: unknown[][]) => Math.max(0, ...lists.map((list) => list.length));
      const observed: Record<string, number> = {
        'Query.domains': data.domains.length,
        'Query.discrepancies': data.discrepancies.length,
        'Query.basisregistraties': data.basisregistraties.length,
        'Edition.years': data.edition.years.length,
        'Stelsel.nodes': data.stelsel.nodes.length,
        'Stelsel.edges': data.stelsel.edges.length,
        'Domain.voorzieningen': longest(data.domains.map((d: any) => d.voorzieningen)),
        'Discrepancy.observations': longest(data.discrepancies.map((d: any) => d.observations)),
        'Query.claims': data.claims.length,
        'Claim.years': longest(data.claims.map((c: any) => c.years)),
        'Claim.indicators': longest(data.claims.map((c: any) => c.indicators)),
        'Claim.observations': longest(data.claims.map((c: any) => c.observations)),
      };
      for (const field of ['parts', 'indicators', 'notes', 'outgoing', 'incoming', 'discrepancies']) {
        observed[`Voorziening.${field}`] = longest(data.voorzieningen.nodes.map((v: any) => v[field]));
      }
      for (const field of [
        'subjects',
        'observations',
        'reportedChanges',
        'notes',
        'corrections',
        'sameAs',
        'relations',
        'discrepancies',
      ]) {
        observed[`Indicator.${field}`] = longest(indicators.map((i: any) => i[field]));
      }
      for (const field of ['indicators', 'volumes']) {
        observed[`Relation.${field}`] = longest(data.relations.nodes.map((r: any) => r[field]));
      }
      for (const [field, length] of Object.entries(observed)) {
        expect({ field, fits: sizes.get(field)! >= length }).toEqual({ field, fits: true });
      }
      // and exactly so where the lists are whole
      expect(sizes.get('Domain.voorzieningen')).toBe(observed['Domain.voorzieningen']);
      expect(sizes.get('Voorziening.indicators')).toBe(observed['Voorziening.indicators']);
      expect(sizes.get('Indicator.observations')).toBe(observed['Indicator.observations']);
    });
  });

  describe('the caps on argument values', () => {
    const { maxStringLength, maxListLength } = DEFAULT_ARGUMENT_CAPS;
    const search = 'query($text: String!) { search(text: $text) { __typename } }';

    it('takes a string exactly at the cap and refuses one character more, saying the cap', async () => {
      const api = await withLimits();
      expect((await api.run(search, { text: 'b'.repeat(maxStringLength) })).errors).toBeUndefined();
      const over = await api.run(search, { text: 'b'.repeat(maxStringLength + 1) });
      expect(over.errors).toHaveLength(1);
      expect(over.errors?.[0]?.message).toBe(
        `Argument \`text\` of \`Query.search\` is ${maxStringLength + 1} characters long; at most ${maxStringLength} are accepted.`,
      );
      expect(over.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'text',
        limit: maxStringLength,
        found: maxStringLength + 1,
      });
      // written in the query as well as passed as a variable
      const literal = await api.run(`{ voorziening(code: "${'x'.repeat(50_000)}") { code } }`);
      expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', found: 50_000 });
    });

    it('refuses a NUL character in any string, nested input fields included', async () => {
      const api = await withLimits();
      const plain = await api.run('query($c: String!) { voorziening(code: $c) { code } }', {
        c: 'brp\u0000',
      });
      expect(plain.errors?.[0]?.message).toBe(
        'Argument `code` of `Query.voorziening` contains a NUL character, which no value of this API has.',
      );
      const nested = await api.run('query($f: RelationFilter) { relations(filter: $f) { totalCount } }', {
        f: { from: 'b\u0000rp' },
      });
      expect(nested.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'filter.from',
      });
    });

    it('takes a list exactly at the cap and refuses one item more', async () => {
      const api = await withLimits();
      const query = 'query($k: [RelationKind!]) { stelsel(kinds: $k) { edges { id } } }';
      expect((await api.run(query, { k: Array(maxListLength).fill('PART_OF') })).errors).toBeUndefined();
      const over = await api.run(query, { k: Array(maxListLength + 1).fill('PART_OF') });
      expect(over.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'kinds',
        limit: maxListLength,
        found: maxListLength + 1,
      });
      // 20.000 kinds, which once ran into the SQL variable limit
      const many = await api.run(query, { k: Array(20_000).fill('PART_OF') });
      expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', found: 20_000 });
    });
  });

  describe('the execution budget', () => {
    /** How many nodes a query resolves: run it with a budget of 0 and read `found`. */
    const nodesOf = async (query: string) => {
      const result = await (await withLimits({ maxNodes: 0 })).run(query);
      expect(result.errors?.[0]?.extensions?.code).toBe('NODE_BUDGET_EXCEEDED');
      return Number(result.errors?.[0]?.extensions?.found);
    };
    const query = '{ domains { voorzieningen { code indicators { key } } } }';

    it('answers a query that resolves exactly its budget of nodes, and stops one over it with one error and no data', async () => {
      const generous = await withLimits({ maxNodes: 1_000_000 });
      const full = await generous.run(query);
      expect(full.errors).toBeUndefined();
      // count what it resolves: 1 + 4 domains, per domain 1 + its voorzieningen, per voorziening 1 + its indicators
      const domains = full.data.domains as { voorzieningen: { indicators: unknown[] }[] }[];
      const expected =
        1 +
        domains.length +
        domains.reduce(
          (sum, d) =>
            sum +
            1 +
            d.voorzieningen.length +
            d.voorzieningen.reduce((s, v) => s + 1 + v.indicators.length, 0),
          0,
        );
      expect(await nodesOf(query)).toBeGreaterThanOrEqual(1);
      const exact = await (await withLimits({ maxNodes: expected })).run(query);
      expect(exact.errors).toBeUndefined();
      expect(exact.data).toEqual(full.data);
      const over = await (await withLimits({ maxNodes: expected - 1 })).run(query);
      expect(over.data).toBeNull();
      expect(over.errors).toEqual([
        {
          message:
            `The request resolved ${expected}` +
            ` nodes, over its budget of ${expected - 1} by 1; it was stopped. Ask for less at once (smaller pages, lower depth, fewer aliases).`,
          extensions: { code: 'NODE_BUDGET_EXCEEDED', limit: expected - 1, found: expected },
        },
      ]);
    });

    it('stops a fan-out that passes the static cost once, with one error, as soon as it goes over', async () => {
      const api = await withLimits({ maxNodes: 2000 });
      const query = fanOut(20, 2);
      api.resetStatements();
      const result = await api.run(query);
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NODE_BUDGET_EXCEEDED', limit: 2000 });
      // stopped as soon as it went over: it found at most one list beyond the budget
      expect(Number(result.errors?.[0]?.extensions?.found)).toBeLessThan(2000 + 100);
    });

    it('runs no resolver and no statement once the request is stopped', async () => {
      const api = await withLimits({ maxNodes: 2000 });
      const contextValue = createContext(api.db, { contentHash: 'test' }, 60_000, 2000);
      let atStop: { nodes: number; statements: number } | undefined;
      // watch the budget: when it is stopped, note what had been done
      const budget = contextValue.budget;
      let stopped = budget.stopped;
      Object.defineProperty(budget, 'stopped', {
        get: () => stopped,
        set: (error) => {
          stopped = error;
          atStop = { nodes: budget.nodes, statements: api.statements.length };
        },
      });
      // and every loader call: the resolvers of this schema load through them
      let loadsAfterStop = 0;
      for (const loader of Object.values(contextValue.loaders) as Record<
        'load' | 'loadMany',
        (...args: unknown[]) => unknown
      >[]) {
        for (const method of ['load', 'loadMany'] as const) {
          const original = loader[method].bind(loader);
          loader[method] = (...args: unknown[]) => {
            if (stopped) loadsAfterStop += 1;
            return original(...args);
          };
        }
      }
      api.resetStatements();
      const response = await api.apollo.executeOperation({ query: fanOut(20, 2) }, { contextValue });
      expect(
        response.body.kind === 'single' && response.body.singleResult.errors?.[0]?.extensions?.code,
      ).toBe('NODE_BUDGET_EXCEEDED');
      expect(atStop).toBeDefined();
      // resolvers that ran after the stop would have loaded or counted nodes
      expect(loadsAfterStop).toBe(0);
      expect(budget.nodes).toBe(atStop!.nodes);
      // statements after the stop are only the batches of loads asked for before it, at most one per loader
      // (on PostgreSQL a batch waits until the statement before it is answered; on SQLite none is left)
      const after = api.statements.length - atStop!.statements;
      expect(after).toBeLessThanOrEqual(
        TEST_DIALECT === 'sqlite' ? 0 : Object.keys(contextValue.loaders).length,
      );
    });

    it('stops a request past its time with one error and no data', async () => {
      const api = await withLimits({}, 1);
      const result = await api.run(fanOut(20, 2));
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.message).toMatch(
        /^The request ran \d+ ms, over its time budget of 1 ms by \d+ ms; ask for less at once/,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'TIME_BUDGET_EXCEEDED', limit: 1 });
    });
  });
});
