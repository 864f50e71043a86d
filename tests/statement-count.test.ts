import { DEFAULT_QUERY_LIMITS } from '../server/graphql/limits/query-limits';
import { buildRows } from '../server/ingest/build-database';
import { scaleDataset } from '../harness/synthetic-dataset';
import { createApiContext, type ApiContext } from './support/api-context';
import { SEEDS_DIR } from './support/seeds-fixture';
import { writeScratchDatabase, type ScratchDatabase } from './support/test-database';

/** Limits far above what the deep query costs at ten times the data. */
const UNLIMITED = { ...DEFAULT_QUERY_LIMITS, maxCost: 1e9, maxNodes: 1e9 };

/** Every voorziening → its indicators → their observations → its outgoing relations → their indicators. */
const DEEP_QUERY = `{
  stelsel {
    nodes {
      code
      indicators { key observations { year value raw } notes { key } }
      outgoing { kind to { code } indicators { key observations { value } } }
    }
  }
}`;

describe('the number of SQL statements a request runs', () => {
  const scratches: ScratchDatabase[] = [];
  const apis: Record<'x1' | 'x10', ApiContext> = {} as never;

  beforeAll(async () => {
    const { rows } = buildRows(SEEDS_DIR);
    for (const [name, factor] of [
      ['x1', 1],
      ['x10', 10],
    ] as const) {
      const scratch = await writeScratchDatabase(scaleDataset(rows, factor), name);
      scratches.push(scratch);
      // limits that let the deep query through at ten times the data: what is counted here is statements
      apis[name] = await createApiContext(scratch.location, { limits: UNLIMITED });
    }
  });
  afterAll(async () => {
    await Promise.all(Object.values(apis).map((api) => api.close()));
    await Promise.all(scratches.map((scratch) => scratch.drop()));
  });

  const statementsFor = async (api: ApiContext, query: string) => {
    api.resetStatements();
    const result = await api.run(query);
    expect(result.errors).toBeUndefined();
    return { count: api.statements.length, result };
  };

  it('stays the same when the data has ten times more rows', async () => {
    const small = await statementsFor(apis.x1, DEEP_QUERY);
    const large = await statementsFor(apis.x10, DEEP_QUERY);
    expect(small.result.data.stelsel.nodes).toHaveLength(38);
    expect(large.result.data.stelsel.nodes).toHaveLength(380);
    const cells = (r: typeof small) =>
      r.result.data.stelsel.nodes.flatMap((n: { indicators: { observations: unknown[] }[] }) =>
        n.indicators.flatMap((i) => i.observations),
      ).length;
    expect(cells(large)).toBe(10 * cells(small));
    expect(large.count).toBe(small.count);
    // One statement per loader and level, on either dialect (over PostgreSQL too, where the answers of one level
    // arrive one by one): stelsel (nodes, relations), the indicators' notes.
    // (sections, domains, voorzieningen, indicators, relations, observations and the relations' indicators, those
    // of each voorziening, indicator and relation too, come from the reference rows, read once per dataset version
    // before any request: `readDatasetFacts`)
    expect(small.count).toBe(3);
  });

  it('stays the same for traversals and pages', async () => {
    const counts: number[] = [];
    for (const query of [
      `{ neighbors(code: "brp", depth: 3) { neighbors { voorziening { code indicators { key } } } relations { from { code } indicators { key } } } }`,
      `{ voorzieningen(first: 100) { nodes { code domain { code } parts { code } incoming { from { code } } } } }`,
      `{ observations(first: 500) { nodes { raw indicator { key voorziening { code } } } } }`,
      `{ discrepancies { description indicator { key } observations { observation { raw indicator { key } } } } }`,
      // codes in arguments resolve against the voorzieningen read once per request, however many there are
      `{ relations(filter: { from: "BRP", to: "digilevering" }) { nodes { kind } } neighbors(code: "Brp") { center { code } } }`,
      // a provenance filter on outgoing runs in SQL: one batch per provenance set asked for, whatever the rows
      `{ stelsel(provenance: [MONITOR, OUTSIDE]) { nodes { mine: outgoing { id } all: outgoing(provenance: [OUTSIDE, MONITOR]) { id measures { role indicator { key } observations { value } } } outside: incoming(provenance: [OUTSIDE]) { id } } } }`,
      // everything downstream, with its volumes: one walk, whatever it reaches (Digimelding feeds three
      // registries, which feed Digilevering, PDOK, MijnOverheid and the Stelselcatalogus)
      `{ impact(code: "digimelding", year: 2018) { reached { voorziening { code indicators { key } } distance } flows { volume relation { from { code } to { code } indicators { key } } } } }`,
      // and of every voorziening of a page: one walk for all of them
      `{ voorzieningen(first: 100) { nodes { impact { reached { distance } flows { volume relation { to { code } } } } } } }`,
    ]) {
      const small = await statementsFor(apis.x1, query);
      const large = await statementsFor(apis.x10, query);
      expect({ query, count: large.count }).toEqual({ query, count: small.count });
      counts.push(small.count);
    }
    // one per loader and level, the same on SQLite and PostgreSQL; none for what the reference rows hold (codes,
    // voorzieningen, domains, indicators, sections, relations and observations by id, of a voorziening, an
    // indicator or a relation, and the relations and observations connections) and none for a total not asked
    // for: e.g. the page of voorzieningen with their incoming relations runs none, nor the page of observations;
    // the impact the edition, the walk and the year's volumes
    expect(counts).toEqual([2, 0, 0, 2, 2, 2, 3, 3]);
  });

  it('stays the same for the totals and rankings of measures', async () => {
    const members =
      'members { counted excludedBecause repeats { key } indicator { key observations { value } } }';
    const queries = [
      `{ measures { code ${members} } }`,
      `{ measureTotals(measure: "terugmeldingen", year: 2019) { total voorzieningen { value voorziening { code } ${members} } } }`,
      `{ measureRanking(measure: "bevragingen", from: 2018, to: 2019, first: 100) {
          ranked { rank voorziening { code } ${members} } unranked { notRankedBecause voorziening { code } } } }`,
    ];
    const counts: number[] = [];
    for (const query of queries) {
      const small = await statementsFor(apis.x1, query);
      const large = await statementsFor(apis.x10, query);
      expect({ query, count: large.count }).toEqual({ query, count: small.count });
      counts.push(small.count);
    }
    // the copies of the large dataset are members too: the answers grow tenfold, the statements do not
    const small = await statementsFor(apis.x1, queries[1]!);
    const large = await statementsFor(apis.x10, queries[1]!);
    expect(large.result.data.measureTotals.voorzieningen).toHaveLength(
      10 * small.result.data.measureTotals.voorzieningen.length,
    );
    // measures, members, the repeated ones (the indicators and observations: reference rows); for the totals and
    // the ranking: the measures, the edition's years, the one aggregate statement, members
    expect(counts).toEqual([2, 4, 4]);
  });

  it('stays the same for the claims, however many a filter selects, and for figures stated in prose', async () => {
    const fields = `code section { code } indicators { key voorziening { code } }
      observations { raw statedInProse { lines { from } section { code } } } discrepancy { description claim { code } }`;
    const few = await statementsFor(apis.x1, `{ claims(section: "hoofdlijnen-d") { ${fields} } }`);
    const all = await statementsFor(apis.x1, `{ claims { ${fields} } }`);
    expect(few.result.data.claims.length).toBeLessThan(all.result.data.claims.length / 4);
    // the claims; their indicators, links to the figures and discrepancies; the discrepancies' claims; the prose
    // statements; the prose's sections (the claims' sections, the indicators' voorzieningen and the figures:
    // reference rows)
    expect(all.count).toBe(6);
    // a filter adds the section's lookup; levels without rows (no prose, no discrepancy here) run nothing
    expect(few.count).toBeLessThanOrEqual(all.count + 1);
    const prose = `{ observations(first: 500) { nodes { raw statedInProse { text } } } }`;
    const small = await statementsFor(apis.x1, prose);
    const large = await statementsFor(apis.x10, prose);
    expect(large.count).toBe(small.count);
  });
});
