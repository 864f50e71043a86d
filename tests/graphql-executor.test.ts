import { getIntrospectionQuery } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { createContext } from '../server/graphql/context';
import { DEFAULT_JIT_POLICY, type GraphQLExecutor } from '../server/graphql/execution-gateway';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../server/graphql/limits/query-limits';
import { createApiContext, type ApiContext, type OperationResult } from './support/api-context';
import { breakRelation } from './support/break-relation';
import { openWritable } from './support/test-database';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';
import { answerEveryOperation } from './support/sdk-examples';

// GRAPHQL_EXECUTOR=jit (issue 17): graphql-jit executes behind Apollo. The same answers as graphql-js, errors of
// the same shape, and every limit holding as it does under graphql-js.

jest.mock('graphql-jit', () => {
  const actual = jest.requireActual<typeof import('graphql-jit')>('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});
const compiles = compileQuery as jest.MockedFunction<typeof compileQuery>;

/** A query of fragments, aliases, directives, `__typename`, an interface and variables. */
const MIXED = `query Mixed($code: String!, $withParts: Boolean!, $first: Int) {
  v: voorziening(code: $code) { ...Summary parts @include(if: $withParts) { code } outgoing @skip(if: $withParts) { kind } }
  node(id: "Vm9vcnppZW5pbmc6MQ==") { __typename id ... on Voorziening { code } }
  observations(first: $first) { totalCount nodes { raw value qualifier } pageInfo { hasNextPage endCursor } }
}
fragment Summary on Voorziening { __typename code name kind domain { code } }`;

describe('graphql-js and graphql-jit behind Apollo', () => {
  let built: BuiltDatabase;
  const apis: ApiContext[] = [];
  beforeAll(async () => {
    built = await buildRealDatabase();
  });
  // each test's servers closed after it: on PostgreSQL their pools would add up to max_connections
  afterEach(async () => {
    await Promise.all(apis.splice(0).map((api) => api.close()));
  });
  afterAll(async () => {
    await built.close();
  });
  const start = async (
    executor: GraphQLExecutor,
    limits: Partial<QueryLimits> = {},
    timeBudgetMs?: number,
  ) => {
    const api = await createApiContext(built.location, {
      executor,
      limits: { ...DEFAULT_QUERY_LIMITS, ...limits },
      timeBudgetMs,
    });
    apis.push(api);
    return api;
  };
  /**
   * What each executor answers, with the same limits; graphql-jit's on the operation's second run, the first it
   * runs compiled (its first run is graphql-js's, and must answer the same).
   */
  const both = async (
    query: string,
    variables?: Record<string, unknown>,
    limits: Partial<QueryLimits> = {},
    timeBudgetMs?: number,
  ): Promise<[OperationResult<any>, OperationResult<any>]> => {
    const jsApi = await start('graphql-js', limits, timeBudgetMs);
    const js = await jsApi.run(query, variables);
    const jitApi = await start('jit', limits, timeBudgetMs);
    const first = await jitApi.run(query, variables);
    const jit = await jitApi.run(query, variables);
    if (timeBudgetMs === undefined) expect({ query, first }).toEqual({ query, first: jit });
    // closed at once: a test may compare many queries
    for (const api of [jsApi, jitApi]) apis.splice(apis.indexOf(api), 1);
    await Promise.all([jsApi.close(), jitApi.close()]);
    return [js, jit];
  };

  it('answer every SDK operation alike, compiling each operation once, on its second run', async () => {
    const js = await start('graphql-js');
    const jit = await start('jit');
    compiles.mockClear();
    const expected = await answerEveryOperation(js.run);
    expect(compiles).not.toHaveBeenCalled();
    // the first run of each operation: graphql-js (the examples run a few operations more than once)
    expect(await answerEveryOperation(jit.run)).toEqual(expected);
    const onFirstPass = compiles.mock.calls.length;
    expect(onFirstPass).toBeLessThan(10);
    // the second: every other operation compiled (every SDK operation is within MAX_COMPILED_SELECTIONS)
    expect(await answerEveryOperation(jit.run)).toEqual(expected);
    const compiled = compiles.mock.calls.length;
    expect(compiled - onFirstPass).toBeGreaterThan(15);
    // again: from the compiled operations
    expect(await answerEveryOperation(jit.run)).toEqual(expected);
    expect(compiles).toHaveBeenCalledTimes(compiled);
  });

  it('answer fragments, aliases, directives, an interface and variables alike, and introspection', async () => {
    for (const withParts of [true, false]) {
      const [js, jit] = await both(MIXED, { code: 'MijnOverheid', withParts, first: 3 });
      expect(js.errors).toBeUndefined();
      expect(jit).toEqual(js);
    }
    const [js, jit] = await both(getIntrospectionQuery());
    expect(jit).toEqual(js);
  });

  it('answer errors in the same shape: an unknown code, a bad variable, a bad argument', async () => {
    for (const [query, variables] of [
      ['{ voorziening(code: "brq") { code } }', undefined],
      ['query($n: Int) { observations(first: $n) { totalCount } }', { n: 'many' }],
      ['query($c: String!) { voorziening(code: $c) { code } }', {}],
      ['{ observations(after: "not-a-cursor") { totalCount } }', undefined],
      ['{ relations(filter: { from: "nope" }) { totalCount } }', undefined],
      // two operations and no name: no operation to run (graphql-jit alone would fail on it)
      ['query A { edition { year } } query B { domains { code } }', undefined],
    ] as const) {
      const [js, jit] = await both(query, variables);
      expect(js.errors?.length).toBeGreaterThan(0);
      expect({ query, jit }).toEqual({ query, jit: js });
    }
  });

  it("answer a resolver's failure alike: masked, with its locations and path, and logged once", async () => {
    const broken = await buildRealDatabase();
    try {
      const writable = openWritable(broken.location);
      await breakRelation(writable).finally(() => writable.destroy());
      const query = '{ relations(first: 1) { nodes { kind to { code } } } }';
      const answers = [];
      for (const executor of ['graphql-js', 'jit'] as const) {
        const logged: unknown[] = [];
        const api = await createApiContext(broken.location, { executor, logError: (e) => logged.push(e) });
        apis.push(api);
        // twice: under jit, the first run is graphql-js's, the second compiles and runs the compiled operation
        for (const run of [1, 2]) {
          const result = await api.run(query);
          expect({ executor, run, errors: result.errors }).toEqual({
            executor,
            run,
            errors: [
              {
                message: 'Internal server error',
                locations: [{ line: 1, column: 38 }],
                path: ['relations', 'nodes', 0, 'to'],
                extensions: { code: 'INTERNAL_SERVER_ERROR' },
              },
            ],
          });
          answers.push(result);
        }
        expect({ executor, logged: logged.map(String) }).toEqual({
          executor,
          logged: [1, 2].map(() => 'Error: dataset is inconsistent: voorziening not found'),
        });
      }
      expect(answers[2]).toEqual(answers[0]);
    } finally {
      // its servers first: the scratch database goes with it
      await Promise.all(apis.splice(0).map((api) => api.close()));
      await broken.close();
    }
  });

  it('keep the execution budget: the same nodes counted, exactly at the budget, one over it, past the time', async () => {
    const query = '{ domains { voorzieningen { code indicators { key } outgoing { to { code } } } } }';
    /** The nodes the whole query resolves under `executor`, as its budget counts them. */
    const nodesUnder = async (executor: GraphQLExecutor) => {
      const api = await start(executor);
      const counted: number[] = [];
      // twice: under jit, the first run is graphql-js's, the second the compiled operation's
      for (const _run of [1, 2]) {
        const contextValue = createContext(api.db, { contentHash: 'test' }, 60_000, 1_000_000);
        const response = await api.apollo.executeOperation({ query }, { contextValue });
        expect(response.body.kind === 'single' && response.body.singleResult.errors).toBeUndefined();
        counted.push(contextValue.budget.nodes);
      }
      return counted;
    };
    const nodes = (await nodesUnder('graphql-js'))[0]!;
    expect(nodes).toBeGreaterThan(100);
    compiles.mockClear();
    expect(await nodesUnder('jit')).toEqual([nodes, nodes]);
    expect(compiles).toHaveBeenCalledTimes(1);
    const [atJs, atJit] = await both(query, undefined, { maxNodes: nodes });
    expect(atJs.errors).toBeUndefined();
    expect(atJit).toEqual(atJs);
    for (const maxNodes of [nodes - 1, 50, 0]) {
      const [overJs, overJit] = await both(query, undefined, { maxNodes });
      expect(overJs).toMatchObject({
        data: null,
        errors: [{ extensions: { code: 'NODE_BUDGET_EXCEEDED' } }],
      });
      expect(overJit).toEqual(overJs);
    }
    const [slowJs, slowJit] = await both(query, undefined, {}, 0.001);
    for (const slow of [slowJs, slowJit]) {
      expect(slow.data).toBeNull();
      expect(slow.errors).toHaveLength(1);
      expect(slow.errors?.[0]?.extensions).toMatchObject({ code: 'TIME_BUDGET_EXCEEDED' });
    }
  });

  it('compile only an operation within maxSelections: exactly at it compiled, one over run by graphql-js alike', async () => {
    const policy = { ...DEFAULT_JIT_POLICY, maxSelections: 4 };
    const at = '{ voorziening(code: "brp") { code name kind } }'; // 4 selections
    const over = '{ voorziening(code: "brp") { code name kind abbreviation } }'; // 5
    for (const [query, compiled] of [
      [at, 1],
      [over, 0],
    ] as const) {
      const js = await (await start('graphql-js')).run(query);
      const api = await createApiContext(built.location, { executor: 'jit', jit: policy });
      apis.push(api);
      compiles.mockClear();
      for (const _run of [1, 2, 3]) expect(await api.run(query)).toEqual(js);
      expect({ query, compiles: compiles.mock.calls.length }).toEqual({ query, compiles: compiled });
    }
  });

  it('never compile an operation whose fragments expand past MAX_COMPILED_SELECTIONS, and answer it alike', async () => {
    // 20 aliases of one fragment of 14 selections: 320 selections, from 136 tokens
    const codes = [
      'brp',
      'brk',
      'bag',
      'hr',
      'woz',
      'digid',
      'digilevering',
      'digimelding',
      'pdok',
      'mijnoverheid',
    ];
    const query = `{ ${[...codes, ...codes].map((code, at) => `v${at}: voorziening(code: "${code}") { ...F }`).join(' ')} }
      fragment F on Voorziening { id code abbreviation name nameEn kind description descriptionEn responsible law
        domain { code name nameEn } }`;
    const js = await (await start('graphql-js')).run(query);
    expect(js.errors).toBeUndefined();
    const jit = await start('jit');
    compiles.mockClear();
    for (const _run of [1, 2, 3]) expect(await jit.run(query)).toEqual(js);
    expect(compiles).not.toHaveBeenCalled();
  });

  it('keep the static limits: cost, depth, aliases, argument caps', async () => {
    for (const [query, limits] of [
      ['{ observations(first: 300) { nodes { raw indicator { key } } } }', { maxCost: 10 }],
      ['{ voorziening(code: "brp") { outgoing { to { outgoing { to { code } } } } } }', { maxDepth: 3 }],
      ['{ a: edition { year } b: edition { year } }', { maxAliases: 1 }],
      [`{ voorziening(code: "${'x'.repeat(50_000)}") { code } }`, {}],
    ] as const) {
      const [js, jit] = await both(query, undefined, limits);
      expect(js.errors?.length).toBe(1);
      expect({ query, jit }).toEqual({ query, jit: js });
    }
  });
});
