import { useRealApi } from './support/api-context';

type Code = { code: string };
const codes = (list: Code[]) => list.map((v) => v.code);

describe('the API: relations, traversal, paths, the whole stelsel, discrepancies', () => {
  const api = useRealApi();
  it('names the registries that deliver to Digilevering, with their 2019 volumes', async () => {
    const { data } = await api.run(`{ voorziening(code: "digilevering") {
      incoming(kinds: [EVENT_DELIVERY]) { kind provenance description from { code } volumes { year value } indicators { key } measures { role shared indicator { key } } source { section { code } lines quote label } }
      everything: incoming { kind }
      outgoing { kind }
    } }`);
    const incoming = data.voorziening.incoming;
    expect(incoming.map((r: { from: Code }) => r.from.code)).toEqual([
      'hr',
      'bag',
      'woz',
      'lrza',
      'brp',
      'brk',
    ]);
    const brp = incoming.find((r: { from: Code }) => r.from.code === 'brp');
    expect(brp.volumes).toEqual([
      { year: 2018, value: 1_147_882 },
      { year: 2019, value: 2_925_819 },
    ]);
    expect(brp.indicators.map((i: { key: string }) => i.key)).toEqual([
      'berichten-brp-geleverd',
      'berichten-brp-verzonden',
    ]);
    // the volume is the edge's own channel (geleverd); verzonden is the onward hop Digilevering → afnemers
    expect(brp.measures).toEqual([
      { role: 'OWN', shared: false, indicator: { key: 'berichten-brp-geleverd' } },
      { role: 'ONWARD', shared: false, indicator: { key: 'berichten-brp-verzonden' } },
    ]);
    expect(brp.provenance).toBe('MONITOR');
    expect(brp.source).toMatchObject({
      section: { code: 'digilevering' },
      lines: '1681-1683',
      quote: 'Aantal berichten vanuit de BRP geleverd aan Digilevering',
      label: 'Monitor Digitale Overheid 2020, Bijlage C, Digilevering (lines 1681–1683)',
    });
    expect(data.voorziening.everything).toHaveLength(6);
    expect(data.voorziening.outgoing).toEqual([]);
  });

  it('keeps the outside source of the stelselplaat’s edges, which are opt-in', async () => {
    const { data } = await api.run(`{ voorziening(code: "woz") {
      incoming(kinds: [SUPPLIES_DATA_TO], provenance: [OUTSIDE]) { provenance from { code } source { section { code } url title lines quote } }
      byDefault: incoming(kinds: [SUPPLIES_DATA_TO]) { id }
    } }`);
    // the WOZ takes data from these four registries: they feed it
    expect(codes(data.voorziening.incoming.map((r: { from: Code }) => r.from))).toEqual([
      'bag',
      'brk',
      'brp',
      'hr',
    ]);
    expect(data.voorziening.incoming[0]).toMatchObject({
      provenance: 'OUTSIDE',
      source: {
        section: null,
        url: 'https://github.com/ICTU/digitale-overheid-wordpress-plugin-releasekalender',
        lines: null,
        quote: null,
      },
    });
    expect(data.voorziening.incoming[0].source.title).toContain(
      'basisregistratie-waarde-onroerende-zaken-woz-br-woz-gegevensverzameling.php',
    );
    expect(data.voorziening.byDefault).toEqual([]);
  });

  it('pages through relations, filtered by kind and endpoints', async () => {
    const { data } = await api.run(`{
      all: relations(first: 100) { totalCount nodes { id provenance } }
      every: relations(first: 100, filter: { provenance: [MONITOR, OUTSIDE] }) { totalCount }
      outside: relations(filter: { provenance: [OUTSIDE] }) { totalCount nodes { kind } }
      terug: relations(filter: { kinds: [TERUGMELDING] }) { totalCount nodes { to { code } } }
      one: relations(filter: { kind: DISTRIBUTION, to: "pdok" }) { totalCount }
      fromWoz: relations(filter: { from: "woz", to: "digilevering" }) { nodes { kind } }
      page: relations(first: 2) { pageInfo { hasNextPage endCursor } }
    }`);
    // by default only the relations the monitor states; the stelselplaat's 15 are opt-in
    expect(data.all.totalCount).toBe(42);
    expect(new Set(data.all.nodes.map((r: { provenance: string }) => r.provenance))).toEqual(
      new Set(['MONITOR']),
    );
    expect(data.every.totalCount).toBe(57);
    expect(data.outside.totalCount).toBe(15);
    expect(new Set(data.outside.nodes.map((r: { kind: string }) => r.kind))).toEqual(
      new Set(['SUPPLIES_DATA_TO']),
    );
    expect(codes(data.terug.nodes.map((r: { to: Code }) => r.to))).toEqual(['hr', 'bag', 'brp']);
    expect(data.fromWoz.nodes).toEqual([{ kind: 'EVENT_DELIVERY' }]);
    expect(data.one.totalCount).toBe(5);
    expect(data.page.pageInfo.hasNextPage).toBe(true);
    const bad = await api.run(`{ relations(filter: { from: "bogus" }) { totalCount } }`);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', suggestions: [] } });
    expect(bad.errors?.[0]?.message).toMatch(
      /^Unknown voorziening code "bogus" in `filter\.from`\. Known codes: bag, berichtenbox,/,
    );
  });

  it('walks the neighbourhood of a registry, by depth, kind and direction', async () => {
    const { data } = await api.run(`{
      one: neighbors(code: "brp", kinds: [EVENT_DELIVERY, TERUGMELDING]) { center { code } neighbors { distance voorziening { code } } relations { kind from { code } to { code } } }
      out: neighbors(code: "brp", direction: OUTGOING) { neighbors { voorziening { code } } }
      into: neighbors(code: "brp", direction: OUTGOING, kinds: [SUPPLIES_DATA_TO], provenance: [OUTSIDE]) { neighbors { voorziening { code } } }
      intoByDefault: neighbors(code: "brp", direction: OUTGOING, kinds: [SUPPLIES_DATA_TO]) { neighbors { voorziening { code } } }
      two: neighbors(code: "brp", depth: 2, kinds: [EVENT_DELIVERY]) { neighbors { distance voorziening { code } } relations { from { code } } }
    }`);
    expect(data.one.center.code).toBe('brp');
    expect(data.one.neighbors).toEqual([
      { distance: 1, voorziening: { code: 'digilevering' } },
      { distance: 1, voorziening: { code: 'digimelding' } },
    ]);
    expect(data.one.relations).toEqual([
      { kind: 'EVENT_DELIVERY', from: { code: 'brp' }, to: { code: 'digilevering' } },
      { kind: 'TERUGMELDING', from: { code: 'digimelding' }, to: { code: 'brp' } },
    ]);
    // what the BRP feeds (the monitor's relations): Digilevering its events, MijnOverheid its data to view,
    // the Stelselcatalogus its definitions
    expect(codes(data.out.neighbors.map((n: { voorziening: Code }) => n.voorziening)).sort()).toEqual([
      'digilevering',
      'mijnoverheid',
      'stelselcatalogus',
    ]);
    expect(data.intoByDefault.neighbors).toEqual([]);
    expect(codes(data.into.neighbors.map((n: { voorziening: Code }) => n.voorziening)).sort()).toEqual([
      'bri',
      'brk',
      'brv',
      'hr',
      'woz',
    ]);
    expect(data.two.neighbors.filter((n: { distance: number }) => n.distance === 2)).toHaveLength(5);
    expect(data.two.relations).toHaveLength(6);
  });

  it('refuses a traversal from an unknown code or too deep', async () => {
    const unknown = await api.run(`{ neighbors(code: "brpp") { center { code } } }`);
    expect(unknown.errors?.[0]?.message).toMatch(
      /^Unknown voorziening code "brpp" in `code`\. Did you mean brp\? Known codes: .*\bbrp\b/,
    );
    const deep = await api.run(`{ neighbors(code: "brp", depth: 7) { center { code } } }`);
    expect(deep.errors?.[0]).toMatchObject({
      message: '`depth` must be between 1 and 6; got 7.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('finds a shortest path between two registries', async () => {
    const { data } = await api.run(`{
      direct: path(from: "woz", to: "brp", provenance: [MONITOR, OUTSIDE]) { length voorzieningen { code } relations { kind from { code } to { code } } }
      monitorOnly: path(from: "woz", to: "brp") { length }
      viewed: path(from: "woz", to: "mijnoverheid", direction: OUTGOING) { length relations { kind } }
      flow: path(from: "lrza", to: "brp", kinds: [EVENT_DELIVERY]) { length voorzieningen { code } }
      login: path(from: "digid", to: "woz") { length voorzieningen { code } relations { kind } }
      loginDownstream: path(from: "digid", to: "woz", direction: OUTGOING) { length }
      none: path(from: "brp", to: "digid", direction: OUTGOING) { length }
      self: path(from: "brp", to: "brp") { length voorzieningen { code } relations { kind } }
      far: path(from: "ear", to: "pdok") { length }
    }`);
    expect(data.direct).toEqual({
      length: 1,
      voorzieningen: [{ code: 'woz' }, { code: 'brp' }],
      // walked against its direction: the BRP supplies data to the WOZ
      relations: [{ kind: 'SUPPLIES_DATA_TO', from: { code: 'brp' }, to: { code: 'woz' } }],
    });
    expect(data.monitorOnly.length).toBe(2);
    expect(data.viewed).toEqual({ length: 1, relations: [{ kind: 'INZAGE' }] });
    expect(data.flow).toEqual({
      length: 2,
      voorzieningen: [{ code: 'lrza' }, { code: 'digilevering' }, { code: 'brp' }],
    });
    expect(data.login).toEqual({
      length: 2,
      voorzieningen: [{ code: 'digid' }, { code: 'mijnoverheid' }, { code: 'woz' }],
      relations: [{ kind: 'AUTHENTICATION' }, { kind: 'INZAGE' }],
    });
    // DigiD feeds MijnOverheid, and so does the WOZ: no flow runs from DigiD to the WOZ
    expect(data.loginDownstream).toBeNull();
    expect(data.none).toBeNull();
    expect(data.self).toEqual({ length: 0, voorzieningen: [{ code: 'brp' }], relations: [] });
    expect(data.far).toBeNull();
  });

  it('refuses a path with an unknown code, listing the known ones', async () => {
    const { errors, data } = await api.run(`{ path(from: "brp", to: "atlantis") { length } }`);
    expect(data.path).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toBe(
      'Unknown voorziening code "atlantis" in `to`. Known codes: bag, berichtenbox, berichtenbox-bedrijven, bgt, bri, brk, bro, brp, brt, brv, bv-bsn, digid, digid-machtigen, digikoppeling, digilevering, digimelding, diginetwerk, digipoort, ear, efactureren, eherkenning, gemma, hr, inzage-persoonlijke-gegevens, lopende-zaken, lrza, mijnoverheid, nora, ondernemersplein, overheid-nl, pdok, pkioverheid, rosa, samenwerkende-catalogi, sbr, stelselcatalogus, wilma, woz.',
    );
  });

  it('returns the whole stelsel in one answer', async () => {
    const { data } = await api.run(`{
      all: stelsel { nodes { code kind } edges { kind from { code } to { code } } }
      data: stelsel(kinds: [SUPPLIES_DATA_TO], provenance: [OUTSIDE]) { nodes { code } edges { from { code } } }
      dataByDefault: stelsel(kinds: [SUPPLIES_DATA_TO]) { edges { id } }
      every: stelsel(provenance: [OUTSIDE, MONITOR]) { edges { id } }
    }`);
    expect(data.all.nodes).toHaveLength(38);
    expect(data.all.edges).toHaveLength(42);
    expect(data.data.edges).toHaveLength(15);
    expect(data.data.nodes).toHaveLength(38);
    expect(data.dataByDefault.edges).toEqual([]);
    expect(data.every.edges).toHaveLength(57);
  });

  it('lists the discrepancies, by kind and by voorziening, with the figures involved', async () => {
    const { data } = await api.run(`{
      all: discrepancies { kind }
      change: discrepancies(kind: CHANGE_MISMATCH) { year description printedChange printedChangeRaw computedChange indicator { key } observations { role observation { raw year } } note { key } otherIndicator { key } }
      hr: discrepancies(voorziening: "hr") { kind }
      note: discrepancies(kind: NOTE_VALUE_MISMATCH, voorziening: "digid-machtigen") { note { key } observations { role observation { raw } } }
      same: discrepancies(kind: SAME_AS_MISMATCH, voorziening: "brp") { indicator { key } otherIndicator { key voorziening { code } } }
      voorziening(code: "bro") { discrepancies { kind year } }
    }`);
    // 23 before DigiD 2017 was no longer a SUM_MISMATCH; and the summary's 8 claims the tables contradict
    // (api-claims), one of which (c-10, the HR's "ruim 18.000") is also a note's figure: counted once
    expect(data.all).toHaveLength(22 + 8 - 1);
    const hr = data.change.find(
      (d: { indicator: { key: string } }) => d.indicator.key === 'terugmeldingen-totaal',
    );
    expect(hr).toMatchObject({
      year: 2019,
      printedChange: 64.6,
      printedChangeRaw: '+64,6%',
      note: null,
      otherIndicator: null,
    });
    expect(hr.computedChange).toBeCloseTo(52.67, 2);
    expect(hr.observations).toEqual([
      { role: 'FROM', observation: { raw: '13.709', year: 2018 } },
      { role: 'TO', observation: { raw: '20.930', year: 2019 } },
    ]);
    expect(data.hr.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'CHANGE_MISMATCH',
      'SAME_AS_MISMATCH',
      'SAME_AS_MISMATCH',
      'SAME_AS_MISMATCH',
      'SAME_AS_MISMATCH',
      'SAME_AS_MISMATCH',
      // the summary's claims whose checks read HR rows: c-03, c-06, c-08, c-10 (also the HR note's figure), c-25
      ...Array(5).fill('SUMMARY_MISMATCH'),
    ]);
    expect(data.note).toEqual([
      {
        note: { key: 'correcties-2018' },
        observations: [{ role: 'TABLE', observation: { raw: '16.595.710' } }],
      },
    ]);
    expect(data.same).toEqual([
      {
        indicator: { key: 'terugmeldingen-digimelding' },
        otherIndicator: { key: 'terugmeldingen-brp', voorziening: { code: 'digimelding' } },
      },
    ]);
    expect(data.voorziening.discrepancies).toEqual([
      { kind: 'SUM_MISMATCH', year: 2019 },
      // the BRO's +264,1% beats the summary's "grootste groeicijfers" (c-03) and lies outside 5-20% (c-06)
      { kind: 'SUMMARY_MISMATCH', year: 2019 },
      { kind: 'SUMMARY_MISMATCH', year: 2019 },
    ]);
  });
});
