import { useRealApi } from './support/api-context';
import { expectKeysetWindows } from './support/keyset-windows';

type RelationNode = {
  id: string;
  kind: string;
  provenance: string;
  from: { code: string };
  to: { code: string };
};
type Page = {
  totalCount: number;
  nodes: RelationNode[];
  edges: { cursor: string }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
};

const PAGE = `query($filter: RelationFilter, $first: Int, $after: String, $last: Int, $before: String) {
  relations(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    nodes { id kind provenance from { code } to { code } }
    edges { cursor }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/**
 * `relations` pages the relations of the dataset version in memory (no statement); what it answers must be what
 * the table holds, selected and ordered as SQL would: each filter's rows in id order, read here from the table
 * itself, and every window of them (first/after, last/before) cut where a keyset page cuts.
 */
describe('relations, paged from the reference rows', () => {
  const api = useRealApi();

  /** The codes of the voorzieningen, by id. */
  const codeOf = async () =>
    new Map(
      (await api.db.selectFrom('voorziening').select(['id', 'code']).execute()).map((v) => [v.id, v.code]),
    );

  /** The ids of the relations SQL selects for a filter, in id order. */
  async function selected(filter: {
    kind?: string;
    kinds?: string[];
    from?: string;
    to?: string;
    provenance?: string[];
  }): Promise<number[]> {
    const codes = await codeOf();
    const idOf = (code: string) => [...codes].find(([, c]) => c === code)![0];
    let query = api.db
      .selectFrom('relation')
      .select('id')
      .where('provenance', 'in', (filter.provenance?.length ? filter.provenance : ['MONITOR']) as never[]);
    if (filter.kind) query = query.where('kind', '=', filter.kind as never);
    if (filter.kinds?.length) query = query.where('kind', 'in', filter.kinds as never[]);
    if (filter.from) query = query.where('from_id', '=', idOf(filter.from));
    if (filter.to) query = query.where('to_id', '=', idOf(filter.to));
    return (await query.orderBy('id').execute()).map((row) => row.id);
  }

  const idOfNode = (node: RelationNode) =>
    Number(/(\d+)$/.exec(Buffer.from(node.id, 'base64').toString('utf8'))![1]);

  async function page(variables: Record<string, unknown>): Promise<Page> {
    const { data, errors } = await api.run<{ relations: Page }>(PAGE, variables);
    expect(errors).toBeUndefined();
    return data.relations;
  }

  const filters = [
    {},
    { provenance: ['MONITOR', 'OUTSIDE'] },
    { provenance: ['OUTSIDE'] },
    { kind: 'SUPPLIES_DATA_TO', provenance: ['MONITOR', 'OUTSIDE'] },
    { kind: 'EVENT_DELIVERY' },
    { kinds: ['EVENT_DELIVERY', 'TERUGMELDING', 'EVENT_DELIVERY'] },
    { kind: 'EVENT_DELIVERY', kinds: ['TERUGMELDING'] },
    // a kind whose relations are all outside the monitor: none by default, all with OUTSIDE
    { kind: 'SUPPLIES_DATA_TO' },
    { kind: 'SUPPLIES_DATA_TO', provenance: ['OUTSIDE'], from: 'brp' },
    { kind: 'EVENT_DELIVERY', kinds: ['EVENT_DELIVERY', 'TERUGMELDING'], to: 'digilevering' },
    { from: 'brp' },
    { to: 'digilevering' },
    { from: 'brp', to: 'digilevering' },
    { from: 'brp', provenance: ['MONITOR', 'OUTSIDE'] },
  ];

  it.each(filters)('selects what SQL selects for %j, in id order, with its total', async (filter) => {
    const expected = await selected(filter);
    const all = await page({ filter, first: 100 });
    expect(all.nodes.map(idOfNode)).toEqual(expected);
    expect(all.totalCount).toBe(expected.length);
    for (const node of all.nodes) {
      if ('kind' in filter) expect(node.kind).toBe(filter.kind);
      if ('from' in filter) expect(node.from.code).toBe(filter.from);
      if ('to' in filter) expect(node.to.code).toBe(filter.to);
    }
  });

  it('has filters that select something and filters that select nothing', async () => {
    expect((await selected({})).length).toBeGreaterThan(10);
    expect(await selected({ kind: 'EVENT_DELIVERY', kinds: ['TERUGMELDING'] })).toEqual([]);
    expect(await selected({ kind: 'SUPPLIES_DATA_TO' })).toEqual([]);
    expect(
      (await selected({ kind: 'SUPPLIES_DATA_TO', provenance: ['OUTSIDE'], from: 'brp' })).length,
    ).toBeGreaterThan(0);
    expect(
      (
        await selected({
          kind: 'EVENT_DELIVERY',
          kinds: ['EVENT_DELIVERY', 'TERUGMELDING'],
          to: 'digilevering',
        })
      ).length,
    ).toBeGreaterThan(0);
    expect((await selected({ provenance: ['OUTSIDE'] })).length).toBeGreaterThan(0);
  });

  it('cuts every window where a keyset page does: forward, backward, at the ends and past them', async () => {
    const filter = { provenance: ['MONITOR', 'OUTSIDE'] };
    await expectKeysetWindows(
      await selected(filter),
      async (window) => {
        const p = await page({ filter, ...window });
        return { ids: p.nodes.map(idOfNode), cursors: p.edges.map((edge) => edge.cursor), ...p.pageInfo };
      },
      3,
    );
  });

  it("gives each voorziening's outgoing and incoming relations as SQL selects them, in the monitor's order", async () => {
    const { data, errors } = await api.run<{
      voorzieningen: {
        nodes: {
          code: string;
          [list: string]: { id: string; kind: string; provenance: string }[] | string;
        }[];
      };
    }>(`{ voorzieningen(first: 100) { nodes { code
      outMonitor: outgoing { id kind provenance } outOutside: outgoing(provenance: [OUTSIDE]) { id kind provenance }
      outBoth: outgoing(provenance: [OUTSIDE, MONITOR, OUTSIDE]) { id kind provenance }
      inMonitor: incoming { id kind provenance } inBoth: incoming(provenance: [MONITOR, OUTSIDE]) { id kind provenance }
      inEvents: incoming(kinds: [EVENT_DELIVERY], provenance: [MONITOR, OUTSIDE]) { id kind provenance }
    } } }`);
    expect(errors).toBeUndefined();
    const ids = async (end: 'from_id' | 'to_id', code: string, provenances: string[], kind?: string) => {
      let query = api.db
        .selectFrom('relation')
        .innerJoin('voorziening', 'voorziening.id', `relation.${end}`)
        .select('relation.id')
        .where('voorziening.code', '=', code)
        .where('relation.provenance', 'in', provenances as never[]);
      if (kind) query = query.where('relation.kind', '=', kind as never);
      return (await query.orderBy('relation.position').execute()).map((row) => row.id);
    };
    const asIds = (list: unknown) => (list as RelationNode[]).map(idOfNode);
    let some = 0;
    for (const node of data.voorzieningen.nodes) {
      const expected = {
        outMonitor: await ids('from_id', node.code, ['MONITOR']),
        outOutside: await ids('from_id', node.code, ['OUTSIDE']),
        outBoth: await ids('from_id', node.code, ['MONITOR', 'OUTSIDE']),
        inMonitor: await ids('to_id', node.code, ['MONITOR']),
        inBoth: await ids('to_id', node.code, ['MONITOR', 'OUTSIDE']),
        inEvents: await ids('to_id', node.code, ['MONITOR', 'OUTSIDE'], 'EVENT_DELIVERY'),
      };
      some += expected.outBoth.length + expected.inBoth.length;
      expect({
        code: node.code,
        outMonitor: asIds(node.outMonitor),
        outOutside: asIds(node.outOutside),
        outBoth: asIds(node.outBoth),
        inMonitor: asIds(node.inMonitor),
        inBoth: asIds(node.inBoth),
        inEvents: asIds(node.inEvents),
      }).toEqual({ code: node.code, ...expected });
    }
    // every relation counted from both of its ends
    expect(some).toBe(2 * (await selected({ provenance: ['MONITOR', 'OUTSIDE'] })).length);
  });
});
