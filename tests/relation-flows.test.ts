import { relationVolumes } from '../server/db/queries/relation-volumes';
import { fromGlobalId } from '../server/domain/global-id';
import { RELATION_KINDS } from '../server/domain/vocabulary';
import { useRealApi } from './support/api-context';

// Issue 15: one direction convention for every kind (`from` feeds `to`), provenance with its default
// (MONITOR) on every relation field, and volumes per channel (OWN, ONWARD, ALTERNATIVE, COMBINED, shared)
// whose sums agree with the monitor's own totals.

type Code = { code: string };
type Measure = {
  role: string;
  shared: boolean;
  indicator: { id: string; key: string; voorziening: Code };
  observations: { year: number; value: number | null }[];
};
type Edge = { kind: string; from: Code; to: Code; measures: Measure[] };

const EDGE = `kind from { code } to { code }
  measures { role shared indicator { id key voorziening { code } } observations { year value } }`;

/** The sum per year of the OWN figures of the edges, each shared figure once. */
function ownSums(edges: Edge[]): Record<number, number> {
  const seen = new Set<string>();
  const sums: Record<number, number> = {};
  for (const edge of edges)
    for (const m of edge.measures) {
      if (m.role !== 'OWN' || seen.has(m.indicator.id)) continue;
      seen.add(m.indicator.id);
      for (const o of m.observations) if (o.value !== null) sums[o.year] = (sums[o.year] ?? 0) + o.value;
    }
  return sums;
}

const byYear = (rows: { year: number; value: number | null }[]) =>
  Object.fromEntries(rows.map((o) => [o.year, o.value]));

describe('relations: the flow convention, provenance and volumes per channel', () => {
  const api = useRealApi();

  it('answers what the BRP feeds and what feeds it, for every kind', async () => {
    const { data } = await api.run(`{ voorziening(code: "brp") {
      feeds: outgoing(provenance: [MONITOR, OUTSIDE]) { kind provenance to { code } }
      fedBy: incoming(provenance: [MONITOR, OUTSIDE]) { kind provenance from { code } }
      monitorFeeds: outgoing { kind to { code } }
    } }`);
    const v = data.voorziening;
    expect(v.feeds.map((r: { kind: string; to: Code }) => `${r.kind} ${r.to.code}`)).toEqual([
      'EVENT_DELIVERY digilevering',
      'INZAGE mijnoverheid',
      'DEFINED_IN stelselcatalogus',
      'SUPPLIES_DATA_TO hr',
      'SUPPLIES_DATA_TO brk',
      'SUPPLIES_DATA_TO woz',
      'SUPPLIES_DATA_TO bri',
      'SUPPLIES_DATA_TO brv',
    ]);
    expect(v.fedBy).toEqual([
      { kind: 'TERUGMELDING', provenance: 'MONITOR', from: { code: 'digimelding' } },
      { kind: 'SUPPLIES_DATA_TO', provenance: 'OUTSIDE', from: { code: 'bag' } },
    ]);
    // by default only what the monitor states: the stelselplaat's data supply is opt-in
    expect(v.monitorFeeds).toEqual(
      v.feeds
        .filter((r: { provenance: string }) => r.provenance === 'MONITOR')
        .map(({ kind, to }: { kind: string; to: Code }) => ({ kind, to })),
    );
  });

  it('points every kind along the flow: the feeding end of each kind is the one the monitor names', async () => {
    const { data } = await api.run(
      `{ stelsel(provenance: [MONITOR, OUTSIDE]) { edges { kind from { code } to { code } } } }`,
    );
    const edges = data.stelsel.edges as { kind: string; from: Code; to: Code }[];
    const ends = (kind: string, end: 'from' | 'to') => [
      ...new Set(edges.filter((e) => e.kind === kind).map((e) => e[end].code)),
    ];
    expect(ends('EVENT_DELIVERY', 'to')).toEqual(['digilevering']);
    expect(ends('TERUGMELDING', 'from')).toEqual(['digimelding']);
    expect(ends('DISTRIBUTION', 'to')).toEqual(['pdok']);
    expect(ends('AUTHENTICATION', 'to')).toEqual(['mijnoverheid']);
    expect(ends('AUTHORIZATION', 'to')).toEqual(['mijnoverheid']);
    expect(ends('INZAGE', 'to')).toEqual(['mijnoverheid']);
    expect(ends('TRANSPORT', 'to')).toEqual(['digipoort']);
    expect(ends('NETWORK', 'from')).toEqual(['diginetwerk']);
    expect(ends('PUBLICATION', 'to')).toEqual(['overheid-nl']);
    expect(ends('DEFINED_IN', 'to')).toEqual(['stelselcatalogus']);
    expect(ends('PART_OF', 'to')).toEqual(['mijnoverheid']);
    expect(ends('INHERITANCE', 'from')).toEqual(['nora']);
    expect(ends('DEEP_LINK', 'to')).toEqual(['wilma']);
    expect(ends('DEEP_LINK', 'from')).toEqual(['nora', 'gemma']);
    // the stelselplaat: the source registry feeds the consumer (the BAG's addresses go to the WOZ)
    const supply = edges
      .filter((e) => e.kind === 'SUPPLIES_DATA_TO')
      .map((e) => `${e.from.code}→${e.to.code}`);
    expect(supply).toHaveLength(15);
    expect(supply).toEqual(expect.arrayContaining(['bag→woz', 'brk→woz', 'brp→hr', 'hr→brv']));
    expect(supply).not.toContain('woz→bag');
    expect(new Set(edges.map((e) => e.kind))).toEqual(new Set(RELATION_KINDS));
  });

  it('follows OUTGOING as "feeds" and INCOMING as "is fed by" in neighbors and path', async () => {
    const { data } = await api.run(`{
      downstream: neighbors(code: "bag", direction: OUTGOING, kinds: [SUPPLIES_DATA_TO], provenance: [OUTSIDE]) { neighbors { voorziening { code } } }
      upstream: neighbors(code: "woz", direction: INCOMING, kinds: [SUPPLIES_DATA_TO], provenance: [OUTSIDE]) { neighbors { voorziening { code } } }
      fedToPortal: neighbors(code: "mijnoverheid", direction: INCOMING, kinds: [INZAGE]) { neighbors { voorziening { code } } }
      along: path(from: "bag", to: "woz", direction: OUTGOING, provenance: [OUTSIDE]) { length relations { kind from { code } to { code } } }
      against: path(from: "woz", to: "bag", direction: OUTGOING, provenance: [OUTSIDE]) { length }
      back: path(from: "woz", to: "bag", direction: INCOMING, provenance: [OUTSIDE]) { length }
    }`);
    const codes = (n: { neighbors: { voorziening: Code }[] }) =>
      n.neighbors.map((x) => x.voorziening.code).sort();
    expect(codes(data.downstream)).toEqual(['bgt', 'brk', 'brp', 'brt', 'hr', 'woz']);
    expect(codes(data.upstream)).toEqual(['bag', 'brk', 'brp', 'hr']);
    expect(codes(data.fedToPortal)).toEqual(['bri', 'brk', 'brp', 'brv', 'woz']);
    expect(data.along).toEqual({
      length: 1,
      relations: [{ kind: 'SUPPLIES_DATA_TO', from: { code: 'bag' }, to: { code: 'woz' } }],
    });
    expect(data.against).toBeNull();
    expect(data.back.length).toBe(1);
  });

  it('refuses the old kind names and an unknown provenance, naming them', async () => {
    for (const old of ['USES_DATA_FROM', 'DESCRIBES']) {
      const { errors } = await api.run(`{ stelsel(kinds: [${old}]) { edges { id } } }`);
      expect(errors?.[0]?.message).toContain(`Value "${old}" does not exist in "RelationKind" enum.`);
    }
    for (const field of [
      'relations(filter: { provenance: [RUMOUR] }) { totalCount }',
      'neighbors(code: "brp", provenance: [RUMOUR]) { center { code } }',
      'path(from: "brp", to: "hr", provenance: [RUMOUR]) { length }',
      'stelsel(provenance: [RUMOUR]) { edges { id } }',
      'voorziening(code: "brp") { outgoing(provenance: [RUMOUR]) { id } }',
      'voorziening(code: "brp") { incoming(provenance: [RUMOUR]) { id } }',
    ]) {
      const { errors } = await api.run(`{ ${field} }`);
      expect([field, errors?.[0]?.message]).toEqual([
        field,
        expect.stringContaining('Value "RUMOUR" does not exist in "RelationProvenance" enum.'),
      ]);
    }
  });

  it('defaults to the monitor’s relations on every field, and takes OUTSIDE ones when asked', async () => {
    const { data } = await api.run(`{
      r: relations(first: 100) { nodes { provenance } }
      ro: relations(first: 100, filter: { provenance: [OUTSIDE] }) { nodes { provenance } }
      n: neighbors(code: "bag", depth: 6) { relations { provenance } }
      no: neighbors(code: "bag", depth: 6, provenance: [OUTSIDE]) { relations { provenance } }
      p: path(from: "bgt", to: "brv") { relations { provenance } }
      po: path(from: "bgt", to: "brv", provenance: [OUTSIDE]) { relations { provenance } }
      s: stelsel { edges { provenance } }
      so: stelsel(provenance: [OUTSIDE]) { edges { provenance } }
      v: voorziening(code: "bag") { outgoing { provenance } incoming { provenance } }
      vo: voorziening(code: "bag") { outgoing(provenance: [OUTSIDE]) { provenance } incoming(provenance: [OUTSIDE]) { provenance } }
    }`);
    const kinds = (rows: { provenance: string }[]) => [...new Set(rows.map((r) => r.provenance))];
    for (const [name, rows] of [
      ['relations', data.r.nodes],
      ['neighbors', data.n.relations],
      ['path', data.p.relations],
      ['stelsel', data.s.edges],
      ['outgoing', data.v.outgoing],
      ['incoming', data.v.incoming],
    ])
      expect([name, kinds(rows)]).toEqual([name, ['MONITOR']]);
    for (const [name, rows] of [
      ['relations', data.ro.nodes],
      ['neighbors', data.no.relations],
      ['path', data.po.relations],
      ['stelsel', data.so.edges],
      ['outgoing', data.vo.outgoing],
    ])
      expect([name, kinds(rows)]).toEqual([name, ['OUTSIDE']]);
    // the BAG is fed by nothing outside the monitor: it takes no data from the other registries
    expect(data.vo.incoming).toEqual([]);
    expect(data.r.nodes).toHaveLength(42);
    expect(data.ro.nodes).toHaveLength(15);
  });

  it('walks impact along the monitor’s flows by default, and the stelselplaat’s too when asked', async () => {
    const { data } = await api.run(`{
      monitor: impact(code: "brp") { reached { voorziening { code } } flows { relation { provenance } } }
      all: impact(code: "brp", provenance: [MONITOR, OUTSIDE]) { reached { voorziening { code } } }
      voorziening(code: "brp") { impact(provenance: [OUTSIDE]) { reached { voorziening { code } } } }
    }`);
    const reached = (i: { reached: { voorziening: Code }[] }) =>
      i.reached.map((r) => r.voorziening.code).sort();
    // what the BRP feeds by the monitor: Digilevering its events, MijnOverheid its data, the catalogue its definitions
    expect(reached(data.monitor)).toEqual(['digilevering', 'mijnoverheid', 'stelselcatalogus']);
    expect(
      new Set(data.monitor.flows.map((f: { relation: { provenance: string } }) => f.relation.provenance)),
    ).toEqual(new Set(['MONITOR']));
    // with the stelselplaat: the registries that take its data, and what they feed in turn
    expect(reached(data.all)).toEqual(expect.arrayContaining(['bri', 'brk', 'brv', 'hr', 'woz', 'pdok']));
    expect(reached(data.voorziening.impact)).toEqual(['bri', 'brk', 'brv', 'hr', 'woz']);
  });

  it('sums the OWN volumes per kind and year to the monitor’s own totals for that flow', async () => {
    const { data } = await api.run(`{
      delivery: relations(first: 100, filter: { kinds: [EVENT_DELIVERY] }) { nodes { ${EDGE} } }
      terug: relations(first: 100, filter: { kinds: [TERUGMELDING] }) { nodes { ${EDGE} } }
      inherit: relations(first: 100, filter: { kinds: [INHERITANCE] }) { nodes { ${EDGE} } }
      digilevering: voorziening(code: "digilevering") { indicator(key: "berichten-totaal") { observations { year value subject } } }
      digimelding: voorziening(code: "digimelding") { indicator(key: "terugmeldingen-totaal") { observations { year value subject } } }
      nora: voorziening(code: "nora") { indicator(key: "referenties-dochters") { observations { year value subject } } }
    }`);
    const total = (v: {
      indicator: { observations: { year: number; value: number; subject: string | null }[] };
    }) => byYear(v.indicator.observations.filter((o) => o.subject === null));
    // Digilevering's printed total counts the messages delivered to it (OWN) and sent on (ONWARD)
    const delivery = data.delivery.nodes as Edge[];
    const onward: Record<number, number> = {};
    for (const e of delivery)
      for (const m of e.measures.filter((x) => x.role === 'ONWARD'))
        for (const o of m.observations) onward[o.year] = (onward[o.year] ?? 0) + (o.value ?? 0);
    const own = ownSums(delivery);
    expect(own).toEqual({ 2017: 17_415_350, 2018: 15_935_755, 2019: 46_076_209 });
    const digilevering = total(data.digilevering);
    for (const year of [2017, 2018, 2019]) expect(own[year]! + onward[year]!).toBe(digilevering[year]);
    // Digimelding's printed total is the terugmeldingen over its edges (the registries' twins not summed)
    expect(ownSums(data.terug.nodes)).toEqual(total(data.digimelding));
    // NORA's references to its daughters are shared by NORA → EAR and NORA → ROSA: counted once, not twice
    expect(ownSums(data.inherit.nodes)).toEqual(total(data.nora));
    expect(total(data.nora)[2019]).toBe(101);
  });

  it('gives each edge its own channel: no OWN figure belongs to another channel', async () => {
    const { data } = await api.run(`{
      all: relations(first: 100, filter: { provenance: [MONITOR, OUTSIDE] }) { nodes { ${EDGE} volumes { year value } } }
    }`);
    const edges = data.all.nodes as (Edge & { volumes: { year: number; value: number }[] })[];
    const ownBy = new Map<string, string[]>();
    const otherRoles = new Set<string>();
    for (const e of edges)
      for (const m of e.measures) {
        const edge = `${e.kind} ${e.from.code}→${e.to.code}`;
        if (m.role !== 'OWN') {
          otherRoles.add(m.indicator.id);
          continue;
        }
        // an edge's own figure is reported by one of its two ends
        expect([edge, [e.from.code, e.to.code].includes(m.indicator.voorziening.code)]).toEqual([edge, true]);
        ownBy.set(m.indicator.id, [...(ownBy.get(m.indicator.id) ?? []), edge]);
        // a figure on several edges is marked shared; one on a single edge is not
        expect([edge, m.shared]).toEqual([
          edge,
          edges.filter((x) => x.measures.some((y) => y.indicator.id === m.indicator.id)).length > 1,
        ]);
      }
    // no figure is one edge's own and another's onward hop, twin or combined figure
    expect([...ownBy.keys()].filter((id) => otherRoles.has(id))).toEqual([]);
    const edge = (from: string, to: string) => edges.find((e) => e.from.code === from && e.to.code === to)!;
    // BRK → PDOK: PDOK's services and downloads, not the old channel's parcels being phased out
    expect(edge('brk', 'pdok').measures.map((m) => [m.indicator.key, m.role])).toEqual([
      ['dkk-services', 'OWN'],
      ['dkk-downloads', 'OWN'],
    ]);
    expect(byYear(edge('brk', 'pdok').volumes)).toEqual({
      2017: 838_444_200,
      2018: 1_344_118_000,
      2019: 1_938_268_000,
    });
    // BAG → PDOK: the only figure counts the Landelijke Voorziening too: combined, no own volume
    expect(edge('bag', 'pdok').measures.map((m) => m.role)).toEqual(['COMBINED']);
    expect(edge('bag', 'pdok').volumes).toEqual([]);
    // a shared figure is no edge's own volume
    expect(edge('nora', 'ear').volumes).toEqual([]);
    expect(edge('nora', 'rosa').measures.map((m) => [m.indicator.key, m.shared])).toEqual([
      ['referenties-dochters', true],
    ]);
    // the HR's own count of its messages to Digilevering is a twin, never summed with the OWN figure
    expect(edge('hr', 'digilevering').measures.map((m) => m.role)).toEqual(['OWN', 'ONWARD', 'ALTERNATIVE']);
  });

  it('keeps relationVolumes the OWN volume of each edge', async () => {
    const volumes = await relationVolumes(api.db, 2019);
    const { data } = await api.run(`{
      all: relations(first: 100, filter: { provenance: [MONITOR, OUTSIDE] }) { nodes { id from { code } to { code } volumes { year value } } }
    }`);
    for (const r of data.all.nodes as {
      id: string;
      from: Code;
      to: Code;
      volumes: { year: number; value: number }[];
    }[]) {
      const id = Number(fromGlobalId(r.id)?.id);
      const edge = `${r.from.code}→${r.to.code}`;
      expect([edge, volumes.get(id)]).toEqual([edge, r.volumes.find((v) => v.year === 2019)?.value]);
    }
    expect([...volumes.values()]).toContain(1_938_268_000);
  });
});
