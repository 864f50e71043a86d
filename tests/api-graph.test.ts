import { useRealApi } from './support/api-context';

type Code = { code: string };
const codes = (list: Code[]) => list.map((v) => v.code);

describe('the API: relations, traversal, paths, the whole stelsel, discrepancies', () => {
  const api = useRealApi();
  it('names the registries that deliver to Digilevering, with their 2019 volumes', async () => {
    const { data } = await api.run(`{ voorziening(code: "digilevering") {
      incoming(kinds: [EVENT_DELIVERY]) { kind description from { code } volumes { year value } indicators { key } source { section { code } label } }
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
    expect(brp.source.section.code).toBe('digilevering');
    expect(brp.source.label).toMatch(
      /^Monitor Digitale Overheid 2020, Bijlage C, Digilevering \(lines \d+–\d+\)$/,
    );
    expect(data.voorziening.everything).toHaveLength(6);
    expect(data.voorziening.outgoing).toEqual([]);
  });

  it('keeps the outside source of the stelselplaat’s edges', async () => {
    const { data } = await api.run(
      `{ voorziening(code: "woz") { outgoing(kinds: [USES_DATA_FROM]) { to { code } source { section { code } url title } } } }`,
    );
    expect(codes(data.voorziening.outgoing.map((r: { to: Code }) => r.to))).toEqual([
      'bag',
      'brk',
      'brp',
      'hr',
    ]);
    expect(data.voorziening.outgoing[0].source).toMatchObject({
      section: null,
      url: 'https://github.com/ICTU/digitale-overheid-wordpress-plugin-releasekalender',
    });
    expect(data.voorziening.outgoing[0].source.title).toContain(
      'basisregistratie-waarde-onroerende-zaken-woz-br-woz-gegevensverzameling.php',
    );
  });

  it('pages through relations, filtered by kind and endpoints', async () => {
    const { data } = await api.run(`{
      all: relations(first: 100) { totalCount nodes { id } }
      terug: relations(filter: { kinds: [TERUGMELDING] }) { totalCount nodes { to { code } } }
      one: relations(filter: { kind: DISTRIBUTION, to: "pdok" }) { totalCount }
      fromWoz: relations(filter: { from: "woz", to: "digilevering" }) { nodes { kind } }
      page: relations(first: 2) { pageInfo { hasNextPage endCursor } }
    }`);
    expect(data.all.totalCount).toBe(57);
    expect(data.all.nodes).toHaveLength(57);
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
      into: neighbors(code: "brp", direction: INCOMING, kinds: [USES_DATA_FROM]) { neighbors { voorziening { code } } }
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
    expect(codes(data.out.neighbors.map((n: { voorziening: Code }) => n.voorziening))).toEqual([
      'bag',
      'digilevering',
    ]);
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
      direct: path(from: "woz", to: "brp") { length voorzieningen { code } relations { kind from { code } to { code } } }
      flow: path(from: "lrza", to: "brp", kinds: [EVENT_DELIVERY]) { length voorzieningen { code } }
      login: path(from: "digid", to: "woz", direction: OUTGOING) { length voorzieningen { code } relations { kind } }
      none: path(from: "brp", to: "digid", direction: OUTGOING) { length }
      self: path(from: "brp", to: "brp") { length voorzieningen { code } relations { kind } }
      far: path(from: "ear", to: "pdok") { length }
    }`);
    expect(data.direct).toEqual({
      length: 1,
      voorzieningen: [{ code: 'woz' }, { code: 'brp' }],
      relations: [{ kind: 'USES_DATA_FROM', from: { code: 'woz' }, to: { code: 'brp' } }],
    });
    expect(data.flow).toEqual({
      length: 2,
      voorzieningen: [{ code: 'lrza' }, { code: 'digilevering' }, { code: 'brp' }],
    });
    expect(data.login).toEqual({
      length: 2,
      voorzieningen: [{ code: 'digid' }, { code: 'mijnoverheid' }, { code: 'woz' }],
      relations: [{ kind: 'AUTHENTICATION' }, { kind: 'INZAGE' }],
    });
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
      data: stelsel(kinds: [USES_DATA_FROM]) { nodes { code } edges { from { code } } }
    }`);
    expect(data.all.nodes).toHaveLength(38);
    expect(data.all.edges).toHaveLength(57);
    expect(data.data.edges).toHaveLength(15);
    expect(data.data.nodes).toHaveLength(38);
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
    expect(data.all).toHaveLength(23 + 8); // and the summary's 8 claims the tables contradict (api-claims)
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
      'NOTE_VALUE_MISMATCH',
      'SAME_AS_MISMATCH',
      'SAME_AS_MISMATCH',
      'SAME_AS_MISMATCH',
      'SAME_AS_MISMATCH',
      'SAME_AS_MISMATCH',
      // the summary's claims whose checks read HR rows: c-03, c-06, c-08, c-10, c-25
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
