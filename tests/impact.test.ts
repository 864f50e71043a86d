import type { DatasetRows } from '../server/db/database';
import { listSizesOf } from '../server/graphql/limits/list-sizes';
import { DEFAULT_QUERY_LIMITS } from '../server/graphql/limits/query-limits';
import { MAX_IMPACT_DEPTH } from '../server/graphql/resolvers/impact-answer';
import { createApiContext, type ApiContext } from './support/api-context';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';
import { writeScratchDatabase, type ScratchDatabase } from './support/test-database';
import { tinyGraphRows } from './support/tiny-graph';

/** A relation as the API's `relations` lists it: what the independent computation walks. */
interface Edge {
  id: string;
  kind: string;
  from: string;
  to: string;
  volumes: { year: number; value: number | null }[];
  /** The figures of the relation's indicators (rows, no breakdown), by year. */
  figures: { year: number; value: number | null }[];
}

/** What an impact answers, reduced to codes and relation ids. */
interface Answer {
  reached: { code: string; distance: number }[];
  flows: { id: string; step: number; volume: number | null }[];
}

const IMPACT = `query($code: String!, $year: Int, $kinds: [RelationKind!], $maxDepth: Int) {
  impact(code: $code, year: $year, kinds: $kinds, maxDepth: $maxDepth) {
    origin { code } year maxDepth
    reached { voorziening { code } distance }
    flows { step volume relation { id kind from { code } to { code } } }
  }
}`;

/**
 * The independent answer: a breadth-first walk over the relations, from `from` to `to`, that keeps each
 * voorziening's first (shortest) distance; the relations walked are those of the kinds that start at a
 * voorziening reached below `maxDepth`.
 */
function expectedImpact(edges: Edge[], origin: string, maxDepth: number, kinds?: string[]) {
  const admitted = edges.filter((e) => !kinds || kinds.includes(e.kind));
  const distance = new Map([[origin, 0]]);
  let frontier = [origin];
  for (let d = 0; d < maxDepth && frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const edge of admitted) {
      if (frontier.includes(edge.from) && !distance.has(edge.to)) {
        distance.set(edge.to, d + 1);
        next.push(edge.to);
      }
    }
    frontier = next;
  }
  return {
    reached: [...distance]
      .filter(([code]) => code !== origin)
      .map(([code, d]) => ({ code, distance: d }))
      .sort(byCode),
    flows: admitted
      .filter((e) => distance.has(e.from) && distance.get(e.from)! < maxDepth)
      .map((e) => ({ id: e.id, step: distance.get(e.from)! + 1 }))
      .sort(byId),
  };
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** An answer reduced to what {@link expectedImpact} computes, in a fixed order. */
function reduce(impact: any): Answer {
  return {
    reached: impact.reached
      .map((r: any) => ({ code: r.voorziening.code, distance: r.distance }))
      .sort(byCode),
    flows: impact.flows.map((f: any) => ({ id: f.relation.id, step: f.step, volume: f.volume })).sort(byId),
  };
}

/** Whether a list of numbers never decreases (the answer's order: nearest first, flows by step). */
const ascending = (values: number[]) => values.every((v, at) => at === 0 || values[at - 1]! <= v);

describe('impact: everything downstream of a voorziening, on the real dataset', () => {
  let built: BuiltDatabase;
  let api: ApiContext;
  let edges: Edge[];
  let codes: string[];
  let years: number[];
  let abbreviated: { code: string; abbreviation: string };

  const impact = async (variables: Record<string, unknown>) => {
    const result = await api.run(IMPACT, variables);
    expect(result.errors).toBeUndefined();
    return result.data.impact;
  };

  beforeAll(async () => {
    built = await buildRealDatabase();
    api = await createApiContext(built.location);
    edges = [];
    let after: string | null = null;
    do {
      const page: any = await api.run(
        `query($after: String) { relations(first: 100, after: $after) {
          nodes { id kind from { code } to { code } volumes { year value }
            indicators { observations { year subject value } } }
          pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(page.errors).toBeUndefined();
      for (const r of page.data.relations.nodes) {
        edges.push({
          id: r.id,
          kind: r.kind,
          from: r.from.code,
          to: r.to.code,
          volumes: r.volumes,
          figures: r.indicators.flatMap((i: any) => i.observations.filter((o: any) => o.subject === null)),
        });
      }
      after = page.data.relations.pageInfo.hasNextPage ? page.data.relations.pageInfo.endCursor : null;
    } while (after);
    const meta = await api.run(
      '{ edition { years } voorzieningen(first: 100) { nodes { code abbreviation } totalCount } }',
    );
    codes = meta.data.voorzieningen.nodes.map((v: { code: string }) => v.code);
    expect(codes).toHaveLength(meta.data.voorzieningen.totalCount);
    years = meta.data.edition.years;
    abbreviated = meta.data.voorzieningen.nodes.find(
      (v: { code: string; abbreviation: string | null }) =>
        v.abbreviation !== null && v.abbreviation.toLowerCase() !== v.code,
    );
  });
  afterAll(async () => {
    await api?.close();
    await built?.close();
  });

  /** The voorzieningen a walk reaches from `code` without a bound (the closure of the flows). */
  const closure = (code: string) => expectedImpact(edges, code, codes.length).reached.map((r) => r.code);

  it('answers, for every voorziening, what a breadth-first walk over the relations finds', async () => {
    expect(edges.length).toBeGreaterThan(0);
    for (const code of codes) {
      const answer = await impact({ code });
      expect(answer.origin.code).toBe(code);
      expect(answer.maxDepth).toBe(MAX_IMPACT_DEPTH);
      const { reached, flows } = reduce(answer);
      const expected = expectedImpact(edges, code, MAX_IMPACT_DEPTH);
      expect({ code, reached }).toEqual({ code, reached: expected.reached });
      expect({ code, flows: flows.map(({ id, step }) => ({ id, step })) }).toEqual({
        code,
        flows: expected.flows,
      });
      // nearest first, flows by step; every relation once, and each walked from `from` to `to`
      expect(ascending(answer.reached.map((r: { distance: number }) => r.distance))).toBe(true);
      expect(ascending(answer.flows.map((f: { step: number }) => f.step))).toBe(true);
      expect(new Set(flows.map((f) => f.id)).size).toBe(flows.length);
    }
  });

  it('reaches within the maximum depth everything downstream there is (the closure of the flows)', async () => {
    for (const code of codes) {
      const answer = reduce(await impact({ code }));
      expect({ code, reached: answer.reached.map((r) => r.code).sort() }).toEqual({
        code,
        reached: closure(code).sort(),
      });
    }
  });

  it('answers nothing downstream for a voorziening without outgoing relations', async () => {
    const sinks = codes.filter((code) => !edges.some((e) => e.from === code));
    expect(sinks.length).toBeGreaterThan(0);
    for (const code of sinks.slice(0, 3)) {
      const answer = await impact({ code });
      expect(answer).toMatchObject({ origin: { code }, reached: [], flows: [] });
    }
  });

  it('walks a cycle once: the origin is not reached again, the relation back into it is walked', async () => {
    const inCycle = codes.filter((code) => closure(code).includes(code));
    for (const code of inCycle) {
      const answer = reduce(await impact({ code }));
      expect(answer.reached.map((r) => r.code)).not.toContain(code);
      const back = edges.filter((e) => e.to === code && answer.flows.some((f) => f.id === e.id));
      expect(back.length).toBeGreaterThan(0);
    }
    // with no cycle in the data, no answer walks back into its origin (the fixture below has one)
    if (inCycle.length === 0) {
      for (const code of codes) {
        const answer = reduce(await impact({ code }));
        expect(answer.flows.filter((f) => edges.find((e) => e.id === f.id)!.to === code)).toEqual([]);
      }
    }
  });

  it('bounds the walk by maxDepth: 0 reaches nothing, 1 is the direct flows, each depth as the walk says', async () => {
    const widest = [...codes].sort((a, b) => closure(b).length - closure(a).length)[0]!;
    const starts = [widest, 'brp', codes.find((code) => !edges.some((e) => e.from === code))!];
    for (const code of starts) {
      const none = await impact({ code, maxDepth: 0 });
      expect(none).toMatchObject({ maxDepth: 0, reached: [], flows: [] });
      const direct = reduce(await impact({ code, maxDepth: 1 }));
      const outgoing = edges.filter((e) => e.from === code);
      expect(direct.flows.map((f) => f.id).sort()).toEqual(outgoing.map((e) => e.id).sort());
      expect(direct.flows.every((f) => f.step === 1)).toBe(true);
      expect(direct.reached.every((r) => r.distance === 1)).toBe(true);
      for (let depth = 0; depth <= MAX_IMPACT_DEPTH; depth += 1) {
        const answer = reduce(await impact({ code, maxDepth: depth }));
        const expected = expectedImpact(edges, code, depth);
        expect({ code, depth, reached: answer.reached }).toEqual({ code, depth, reached: expected.reached });
        expect({ code, depth, flows: answer.flows.map(({ id, step }) => ({ id, step })) }).toEqual({
          code,
          depth,
          flows: expected.flows,
        });
      }
    }
  });

  it.each([-1, MAX_IMPACT_DEPTH + 1, 1000])(
    'refuses maxDepth %p, naming the argument and the range',
    async (maxDepth) => {
      const result = await api.run(IMPACT, { code: 'brp', maxDepth });
      expect(result.data?.impact).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'maxDepth',
      });
      expect(result.errors?.[0]?.message).toBe(
        `\`maxDepth\` must be between 0 and ${MAX_IMPACT_DEPTH}; got ${maxDepth}.`,
      );
    },
  );

  it('follows only the kinds asked for', async () => {
    const kinds = [...new Set(edges.map((e) => e.kind))];
    const byCount = (kind: string) => edges.filter((e) => e.kind === kind).length;
    const filters = [[kinds.sort((a, b) => byCount(b) - byCount(a))[0]!], kinds.slice(0, 2), kinds];
    for (const filter of filters) {
      for (const code of codes) {
        const answer = await impact({ code, kinds: filter });
        expect(
          answer.flows.every((f: { relation: { kind: string } }) => filter.includes(f.relation.kind)),
        ).toBe(true);
        const { reached, flows } = reduce(answer);
        const expected = expectedImpact(edges, code, MAX_IMPACT_DEPTH, filter);
        expect({ code, filter, reached }).toEqual({ code, filter, reached: expected.reached });
        expect(flows.map((f) => f.id)).toEqual(expected.flows.map((f) => f.id));
      }
    }
  });

  it('gives every relation walked its own volume of the year: Relation.volumes, from its indicator’s figure', async () => {
    let reported = 0;
    let unreported = 0;
    for (const year of years) {
      for (const code of codes) {
        const answer = await impact({ code, year });
        expect(answer.year).toBe(year);
        for (const flow of reduce(answer).flows) {
          const edge = edges.find((e) => e.id === flow.id)!;
          const expected = edge.volumes.find((v) => v.year === year)?.value ?? null;
          expect({ relation: flow.id, year, volume: flow.volume }).toEqual({
            relation: flow.id,
            year,
            volume: expected,
          });
          if (flow.volume === null) unreported += 1;
          else {
            reported += 1;
            const figures = edge.figures.filter((f) => f.year === year).map((f) => f.value);
            expect(figures).toContain(flow.volume);
          }
        }
      }
    }
    // the data has both: edges with a figure and edges without one
    expect(reported).toBeGreaterThan(0);
    expect(unreported).toBeGreaterThan(0);
  });

  it('takes the edition’s last year when no year is given', async () => {
    const last = Math.max(...years);
    const answer = await impact({ code: 'brp' });
    expect(answer.year).toBe(last);
    expect(reduce(answer)).toEqual(reduce(await impact({ code: 'brp', year: last })));
  });

  it.each([2016, 2020, 0])('refuses year %p, outside the edition, naming its years', async (year) => {
    const result = await api.run(IMPACT, { code: 'brp', year });
    expect(result.data?.impact).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'year' });
    expect(result.errors?.[0]?.message).toBe(
      `\`year\` must be one of the edition's years (${years.join(', ')}); got ${year}.`,
    );
  });

  it('resolves the code as every lookup does, and answers an unknown one null with NOT_FOUND and suggestions', async () => {
    expect(abbreviated).toBeDefined();
    const byAbbreviation = await impact({ code: abbreviated.abbreviation.toUpperCase() });
    expect(byAbbreviation.origin.code).toBe(abbreviated.code);
    const unknown = await api.run(IMPACT, { code: 'brpp' });
    const lookup = await api.run('{ voorziening(code: "brpp") { code } }');
    expect(unknown.data?.impact).toBeNull();
    expect(unknown.errors).toHaveLength(1);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      argumentName: 'code',
      suggestions: lookup.errors?.[0]?.extensions?.suggestions,
    });
    expect(unknown.errors?.[0]?.extensions?.suggestions).toContain('brp');
    expect(unknown.errors?.[0]?.message).toBe(lookup.errors?.[0]?.message);
    // a code nothing is near: no suggestions, as voorziening(code:) says
    const far = await api.run(IMPACT, { code: 'atlantis' });
    expect(far.data?.impact).toBeNull();
    expect(far.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', argumentName: 'code', suggestions: [] });
  });

  it('runs as many statements for the widest reach as for a reach of one, or none', async () => {
    const sizes = codes.map((code) => ({ code, reach: closure(code).length }));
    sizes.sort((a, b) => a.reach - b.reach);
    const statementsFor = async (code: string) => {
      api.resetStatements();
      await impact({ code });
      return api.statements.length;
    };
    const smallest = sizes.find((s) => s.reach > 0)!;
    const widest = sizes.at(-1)!;
    expect(widest.reach).toBeGreaterThan(smallest.reach);
    const counts = [];
    for (const { code } of sizes.filter((s) => s.reach > 0)) counts.push(await statementsFor(code));
    expect(new Set(counts).size).toBe(1);
    // the edition, the walk, the volumes (the code, the relations walked and their ends: the reference rows)
    expect(counts[0]).toBe(3);
    // nothing reached: no more (the relations walked come from the reference rows, whatever their number)
    expect(sizes[0]!.reach).toBe(0);
    expect(await statementsFor(sizes[0]!.code)).toBe(counts[0]);
  });

  it('answers Voorziening.impact for every voorziening of a page as impact(code:) does, in as many statements as for one', async () => {
    const selection = `origin { code } year maxDepth reached { voorziening { code } distance }
      flows { step volume relation { id kind from { code } to { code } } }`;
    const kinds = [...new Set(edges.map((e) => e.kind))].slice(0, 3);
    const page = (
      first: number,
    ) => `query($kinds: [RelationKind!], $year: Int) { voorzieningen(first: ${first}) {
      nodes { code all: impact { ${selection} } some: impact(kinds: $kinds, year: $year, maxDepth: 2) { ${selection} } } } }`;
    api.resetStatements();
    const one = await api.run(page(1), { kinds, year: years[0] });
    const forOne = api.statements.length;
    api.resetStatements();
    const all = await api.run(page(100), { kinds, year: years[0] });
    const forAll = api.statements.length;
    expect(one.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    expect(all.data.voorzieningen.nodes).toHaveLength(codes.length);
    expect(forAll).toBe(forOne);
    for (const node of all.data.voorzieningen.nodes) {
      expect(node.all).toEqual(await impact({ code: node.code }));
      expect(node.some).toEqual(await impact({ code: node.code, kinds, year: years[0], maxDepth: 2 }));
    }
  });

  it('refuses a bad argument of Voorziening.impact as impact(code:) does', async () => {
    const result = await api.run('{ voorziening(code: "brp") { code impact(year: 2016) { year } } }');
    expect(result.data?.voorziening).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      path: ['voorziening', 'impact'],
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'year' },
    });
    const deep = await api.run('{ voorziening(code: "brp") { impact(maxDepth: 9) { year } } }');
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'maxDepth' });
  });

  it('is costed by the static cost model from the measured lists, and a fan-out under it is refused', async () => {
    const sizes = await listSizesOf(api.db, 'test');
    const answers = await Promise.all(codes.map((code) => impact({ code })));
    // the assumed sizes bound every answer
    expect(Math.max(...answers.map((a) => a.reached.length))).toBeLessThanOrEqual(
      sizes.get('Impact.reached')!,
    );
    expect(Math.max(...answers.map((a) => a.flows.length))).toBeLessThanOrEqual(sizes.get('Impact.flows')!);
    // the cost: impact 1 + flows (1 + n × (relation 1 + id 1)) + reached (1 + n × (distance 1))
    const query = '{ impact(code: "brp") { flows { relation { id } } reached { distance } } }';
    const measuring = await createApiContext(built.location, {
      limits: { ...DEFAULT_QUERY_LIMITS, maxCost: 0 },
    });
    try {
      const refused = await measuring.run(query);
      expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_COST_LIMIT');
      expect(refused.errors?.[0]?.extensions?.found).toBe(
        1 + (1 + sizes.get('Impact.flows')! * 2) + (1 + sizes.get('Impact.reached')!),
      );
    } finally {
      await measuring.close();
    }
    const fanOut = await api.run(
      '{ impact(code: "brp") { flows { relation { from { outgoing { to { incoming { indicators { observations { raw } } } } } } } } } }',
    );
    expect(fanOut.data).toBeUndefined();
    expect(fanOut.errors?.[0]?.extensions?.code).toBe('QUERY_COST_LIMIT');
  });
});

describe('impact on a small made-up stelsel with a known answer', () => {
  // a → b → c → a is a cycle; b → d and c → d reach d twice; d → e; f → a is upstream of a
  const { id, rows } = tinyGraphRows(
    ['a', 'b', 'c', 'd', 'e', 'f'],
    [
      ['a', 'b', 'EVENT_DELIVERY'],
      ['b', 'c', 'EVENT_DELIVERY'],
      ['c', 'a', 'TERUGMELDING'],
      ['b', 'd', 'DISTRIBUTION'],
      ['d', 'e', 'EVENT_DELIVERY'],
      ['f', 'a', 'EVENT_DELIVERY'],
      ['c', 'd', 'DISTRIBUTION'],
    ],
  );
  let scratch: ScratchDatabase;
  let api: ApiContext;

  /** The fixture's edition (2018, 2019) and one indicator per measured relation: 1, 2 and 4. */
  function withVolumes(base: DatasetRows): DatasetRows {
    const figures: [
      relation: number,
      voorziening: string,
      values: Record<number, [string, number | null]>,
    ][] = [
      [1, 'b', { 2018: ['80', 80], 2019: ['100', 100] }],
      [2, 'c', { 2019: ['-', null] }],
      [4, 'd', { 2019: ['5', 5] }],
    ];
    const indicator = figures.map(([relation, code], at) => ({
      id: at + 1,
      voorziening_id: id[code]!,
      key: `berichten-${relation}`,
      name: `Berichten ${relation}`,
      name_en: `Messages ${relation}`,
      source_label: `Berichten ${relation}`,
      unit: 'COUNT' as const,
      section_id: 1,
      table_caption: null,
      change_kind: 'RELATIVE' as const,
      change_from: 2018,
      change_to: 2019,
      position: at + 1,
      search_text: `berichten ${relation}`,
    }));
    const observation = figures.flatMap(([, , values], at) =>
      Object.entries(values).map(([year, [raw, value]]) => ({
        indicator_id: at + 1,
        year: Number(year),
        subject: null,
        subject_en: null,
        subject_position: 0,
        is_total: 0,
        value,
        raw,
        qualifier: value === null ? ('NOT_AVAILABLE' as const) : ('EXACT' as const),
        note_id: null,
        year_inferred: 0,
        parts_incomplete: 0,
        caveat: null,
      })),
    );
    return {
      ...base,
      edition: [
        {
          id: 1,
          year: 2020,
          title: 'T',
          title_en: 'T',
          reference_date: '2019-12-31',
          years: '2018,2019',
          source: 's',
        },
      ],
      indicator,
      observation: observation.map((o, at) => ({ ...o, id: at + 1 })),
      relation_indicator: figures.map(([relation], at) => ({
        relation_id: relation,
        indicator_id: at + 1,
        position: 1,
        role: 'OWN' as const,
        shared: 0,
      })),
    };
  }

  beforeAll(async () => {
    scratch = await writeScratchDatabase(withVolumes(rows), 'impact_fixture');
    api = await createApiContext(scratch.location);
  });
  afterAll(async () => {
    await api?.close();
    await scratch?.drop();
  });

  const run = async (variables: Record<string, unknown>) => {
    const result = await api.run(IMPACT, variables);
    expect(result.errors).toBeUndefined();
    const impact = result.data.impact;
    return {
      year: impact.year,
      reached: impact.reached.map((r: any) => `${r.voorziening.code}:${r.distance}`),
      flows: impact.flows.map(
        (f: any) => `${f.relation.from.code}→${f.relation.to.code}@${f.step}=${f.volume}`,
      ),
    };
  };

  it('walks the cycle once, reaches d once at its shortest distance, and leaves upstream f out', async () => {
    expect(await run({ code: 'a' })).toEqual({
      year: 2019,
      reached: ['b:1', 'c:2', 'd:2', 'e:3'],
      flows: ['a→b@1=100', 'b→c@2=null', 'b→d@2=5', 'c→a@3=null', 'd→e@3=null', 'c→d@3=null'],
    });
  });

  it('stops at maxDepth: relations from voorzieningen at that distance are not walked', async () => {
    expect(await run({ code: 'a', maxDepth: 2 })).toEqual({
      year: 2019,
      reached: ['b:1', 'c:2', 'd:2'],
      flows: ['a→b@1=100', 'b→c@2=null', 'b→d@2=5'],
    });
    expect(await run({ code: 'a', maxDepth: 0 })).toEqual({ year: 2019, reached: [], flows: [] });
  });

  it('gives the volumes of the year asked for, null where none is reported', async () => {
    expect((await run({ code: 'a', year: 2018, maxDepth: 2 })).flows).toEqual([
      'a→b@1=80',
      'b→c@2=null',
      'b→d@2=null',
    ]);
    const refused = await api.run(IMPACT, { code: 'a', year: 2017 });
    expect(refused.errors?.[0]?.message).toBe(
      "`year` must be one of the edition's years (2018, 2019); got 2017.",
    );
  });

  it('follows only the kinds asked for; a voorziening without outgoing relations reaches nothing', async () => {
    expect(await run({ code: 'c', kinds: ['TERUGMELDING'] })).toEqual({
      year: 2019,
      reached: ['a:1'],
      flows: ['c→a@1=null'],
    });
    expect(await run({ code: 'c', kinds: ['DISTRIBUTION', 'EVENT_DELIVERY'] })).toEqual({
      year: 2019,
      reached: ['d:1', 'e:2'],
      flows: ['c→d@1=null', 'd→e@2=null'],
    });
    expect(await run({ code: 'e' })).toEqual({ year: 2019, reached: [], flows: [] });
  });
});
