import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../server/graphql/limits/query-limits';
import { countTokens } from '../server/graphql/limits/count-tokens';
import { createApiContext, type ApiContext } from './support/api-context';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';

/** A query nested `levels` deep: voorziening → outgoing → to → outgoing → … → code. */
function nested(levels: number): string {
  let inner = 'code';
  for (let level = levels - 1; level >= 2; level -= 1)
    inner = level % 2 === 0 ? `outgoing { ${inner} }` : `to { ${inner} }`;
  return `{ voorziening(code: "brp") { ${inner} } }`;
}

describe('the query limits', () => {
  let built: BuiltDatabase;
  const apis: ApiContext[] = [];
  beforeAll(async () => {
    built = await buildRealDatabase();
  });
  // each test's contexts are closed after it, so that their PostgreSQL pools do not add up
  afterEach(async () => {
    await Promise.all(apis.splice(0).map((api) => api.close()));
  });
  afterAll(() => built.close());

  const withLimits = async (limits: Partial<QueryLimits>) => {
    const api = await createApiContext(built.location, { limits: { ...DEFAULT_QUERY_LIMITS, ...limits } });
    apis.push(api);
    return api;
  };
  /** What a query measures on a limit: run it with the limit at 0 and read `found` from the refusal. */
  const measure = async (limit: keyof QueryLimits, query: string) => {
    const result = await (await withLimits({ [limit]: 0 })).run(query);
    return Number(result.errors?.[0]?.extensions?.found);
  };

  it.each([
    ['maxDepth', 'QUERY_DEPTH_LIMIT', 'depth', nested(8)],
    [
      'maxCost',
      'QUERY_COST_LIMIT',
      'cost',
      '{ observations(first: 300) { nodes { raw indicator { key voorziening { code } } } } }',
    ],
    [
      'maxAliases',
      'QUERY_ALIAS_LIMIT',
      'number of aliases',
      '{ a: edition { year } b: edition { year } c: edition { y: year } }',
    ],
    [
      'maxDirectives',
      'QUERY_DIRECTIVE_LIMIT',
      'number of directives',
      '{ edition { year @include(if: true) title @skip(if: false) source @include(if: true) } }',
    ],
    [
      'maxTokens',
      'QUERY_TOKEN_LIMIT',
      'number of tokens',
      '{ voorziening(code: "brp") { name indicators { key name } } }',
    ],
  ] as const)(
    '%s: a query at the limit passes, one over it is refused with %s, saying by how much',
    async (limit, code, what, query) => {
      const found = await measure(limit, query);
      expect(found).toBeGreaterThan(0);
      if (limit === 'maxTokens') expect(found).toBe(countTokens(query));
      const atLimit = await (await withLimits({ [limit]: found })).run(query);
      expect(atLimit.errors).toBeUndefined();
      const under = limit === 'maxCost' ? Math.floor(found - 0.01) : found - 1;
      const over = await (await withLimits({ [limit]: under })).run(query);
      expect(over.errors).toHaveLength(1);
      expect(over.errors?.[0]?.extensions).toMatchObject({ code, limit: under, found });
      expect(over.errors?.[0]?.message).toBe(
        `The query's ${what} is ${found}, over the limit of ${under} by ${Math.round((found - under) * 100) / 100}.`,
      );
    },
  );

  it('counts depth as armor does: the nested query of 8 levels has depth 8', async () => {
    expect(await measure('maxDepth', nested(8))).toBe(8);
  });

  it('lets every SDK operation and playground example through the default limits', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const sdk = resolve(__dirname, '../sdk/operations');
    const fragments = readdirSync(sdk)
      .filter((f) => f.startsWith('fragment-'))
      .map((f) => readFileSync(join(sdk, f), 'utf8'));
    const examples = resolve(__dirname, '../server/http/examples');
    const documents = [
      ...readdirSync(sdk)
        .filter((f) => !f.startsWith('fragment-'))
        .map((f) => readFileSync(join(sdk, f), 'utf8') + fragments.join('\n')),
      ...readdirSync(examples).map((f) => readFileSync(join(examples, f), 'utf8')),
    ];
    const api = await withLimits({});
    let deepest = 0;
    for (const document of documents) {
      // fragments not used by an operation are refused by validation; keep the ones it spreads
      const used = document.replace(/fragment (\w+) on[^]*?\n}\n?/g, (text, name: string) =>
        document.includes(`...${name}`) ? text : '',
      );
      const result = await api.run(used, {
        code: 'brp',
        year: 2019,
        id: 'x',
        text: 'brp',
        from: 'brp',
        to: 'hr',
      });
      const limitErrors = (result.errors ?? []).filter((e) =>
        String(e.extensions?.code).startsWith('QUERY_'),
      );
      expect(limitErrors).toEqual([]);
      deepest = Math.max(deepest, await measure('maxDepth', used));
    }
    // the default depth leaves room over our deepest query, but not unboundedly so
    expect(deepest).toBe(7);
    expect(DEFAULT_QUERY_LIMITS.maxDepth).toBeGreaterThanOrEqual(deepest);
    expect(DEFAULT_QUERY_LIMITS.maxDepth).toBeLessThanOrEqual(deepest + 3);
  });

  it('stops resolving once a request runs over its time budget', async () => {
    const heavy =
      '{ stelsel { nodes { indicators { observations { raw } notes { text } } outgoing { indicators { key } } } } }';
    const generous = await createApiContext(built.location, { timeBudgetMs: 60_000 });
    const tight = await createApiContext(built.location, { timeBudgetMs: 1 });
    apis.push(generous, tight);
    expect((await generous.run(heavy)).errors).toBeUndefined();
    // make sure the tight one is past its budget by the time fields resolve
    const slow = await tight.run(heavy);
    const budget = slow.errors?.find((e) => e.extensions?.code === 'TIME_BUDGET_EXCEEDED');
    expect(budget?.message).toMatch(
      /^The request ran \d+ ms, over its time budget of 1 ms by \d+ ms; ask for less at once/,
    );
    expect(budget?.extensions).toMatchObject({ limit: 1 });
  });
});
