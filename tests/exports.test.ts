import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { fromGlobalId } from '../server/domain/global-id';
import { startTestServer, type TestServer } from './support/running-server';

type Row = Record<string, string>;

describe('the exports for researchers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { headers });
  const csv = async (path: string): Promise<Row[]> => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    return parse(await response.text(), {
      columns: true,
      record_delimiter: '\r\n',
      skip_empty_lines: true,
    }) as Row[];
  };

  it('exports every observation as tidy CSV, with its printed change and source section', async () => {
    const rows = await csv('/export/observations.csv');
    expect(rows).toHaveLength(495 + 8); // the printed cells and 8 figures stated only in prose
    const brp = rows.filter(
      (r) => r.voorziening_code === 'brp' && r.indicator_key === 'berichten-naar-afnemers',
    );
    expect(brp.find((r) => r.year === '2019')).toEqual({
      edition: '2020',
      domain: 'gegevens-en-registreren',
      voorziening_code: 'brp',
      voorziening_name: 'Basisregistratie Personen',
      voorziening_name_en: 'Personal Records Database',
      indicator_id: expect.any(String),
      indicator_key: 'berichten-naar-afnemers',
      indicator_name: 'Totale aantal berichten naar afnemers',
      indicator_name_en: 'Total number of messages to customers',
      unit: 'COUNT',
      subject: '',
      subject_en: '',
      is_total: 'true',
      year: '2019',
      value: '381526659',
      raw: '381.526.659',
      qualifier: 'EXACT',
      printed_change: '+6,9%',
      printed_change_value: '6.9',
      printed_change_kind: 'RELATIVE',
      printed_change_from: '2018',
      source_section: '2.1.1. Basisregistratie Personen (BRP)',
    });
    expect(fromGlobalId(brp[0]!.indicator_id!)?.type).toBe('Indicator');
    // the 2018 → 2019 change stands on the 2019 row only, not on 2017's or 2018's
    expect(brp.map((r) => [r.year, r.printed_change, r.printed_change_from])).toEqual([
      ['2017', '', ''],
      ['2018', '', ''],
      ['2019', '+6,9%', '2018'],
    ]);
    // every printed change is on exactly one row: the one of the year it ends in
    const changed = rows.filter((r) => r.printed_change !== '');
    expect(changed).toHaveLength(154);
    expect(new Set(changed.map((r) => r.year))).toEqual(new Set(['2019']));
    // a printed cell with a comma survives the round trip through RFC 4180 quoting
    expect(rows.some((r) => r.raw === '7 partners, 420 aansluitingen' && r.subject === 'partners')).toBe(
      true,
    );
  });

  it("flags totals: the row itself and a breakdown's Totaal, not its members", async () => {
    const rows = await csv('/export/observations.csv?voorziening=berichtenbox&year=2019');
    const flag = (key: string, subject: string) =>
      rows.find((r) => r.indicator_key === key && r.subject === subject)?.is_total;
    expect(flag('aangesloten-organisaties', '')).toBe('true');
    expect(flag('berichten-per-organisatie', 'Totaal')).toBe('true');
    expect(flag('berichten-per-organisatie', 'UWV')).toBe('false');
    const totals = rows.filter((r) => r.is_total === 'true');
    // one figure per indicator and year: what a pivot over indicator and year must read
    expect(totals.map((r) => [r.indicator_key, r.value])).toEqual([
      ['aangesloten-organisaties', '436'],
      ['verstuurde-berichten', '82247327'],
      ['berichten-per-organisatie', '78551168'],
      ['geopend-na-3-weken', '54'],
      ['geopend-na-6-weken', '59'],
      ['app-activaties', '2300000'], // stated only in prose: "ruim 2,3 miljoen" (lines 686-688)
    ]);
    // BRO prints the row's own figure beside its products: the row is the total, the products its members
    const bro = await csv('/export/observations.csv?voorziening=bro&indicator=opvragingen-pdok&year=2019');
    expect(bro.map((r) => [r.subject === '' ? 'row' : 'product', r.is_total])).toEqual([
      ['row', 'true'],
      ...Array(6).fill(['product', 'false']),
    ]);
  });

  it('filters by indicator key or global id, and matches voorziening codes in any case', async () => {
    const byKey = await csv('/export/observations.csv?indicator=berichten-naar-afnemers');
    expect(byKey.map((r) => `${r.voorziening_code} ${r.year} ${r.raw}`)).toEqual([
      'brp 2017 357.757.152',
      'brp 2018 356.827.577',
      'brp 2019 381.526.659',
    ]);
    expect(await csv(`/export/observations.csv?indicator=${byKey[0]!.indicator_id}`)).toEqual(byKey);
    expect(await csv('/export/observations.csv?indicator=Berichten-Naar-Afnemers&voorziening=BRP')).toEqual(
      byKey,
    );
    // a key in several voorzieningen: all of them, or the one named
    const shared = await csv('/export/observations.csv?indicator=opvragingen-pdok&year=2019');
    expect(new Set(shared.map((r) => r.voorziening_code))).toEqual(new Set(['bro', 'brt']));
    expect(await csv('/export/observations.csv?voorziening=Brp&year=2019')).toHaveLength(4);
    const refused = async (query: string) => {
      const response = await get(`/export/observations.csv?${query}`);
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: string }).error;
    };
    expect(await refused('voorziening=atlantis')).toBe(
      'Unknown voorziening "atlantis" in "voorziening". See /explore for the codes.',
    );
    // a near miss gets the nearest codes; an abbreviation is a code
    expect(await refused('voorziening=bpr')).toMatch(
      /^Unknown voorziening "bpr" in "voorziening"\. Did you mean brp(, \w+)*\? See \/explore for the codes\.$/,
    );
    const machtigen = await csv('/export/observations.csv?voorziening=digid-machtigen&year=2019');
    expect(machtigen.length).toBeGreaterThan(0);
    expect(await csv('/export/observations.csv?voorziening=DigiD%20Machtigen&year=2019')).toEqual(machtigen);
    expect(await refused('indicator=berichten-naar-atlantis')).toMatch(
      /^Unknown indicator key "berichten-naar-atlantis" in "indicator"/,
    );
    expect(await refused('voorziening=brp&indicator=berichten-per-organisatie')).toBe(
      'Voorziening "brp" has no indicator "berichten-per-organisatie"; berichtenbox has one.',
    );
    expect(await refused('indicator=no%20key')).toMatch(/^"indicator" must be an indicator key/);
  });

  it('filters the observations like the observations query', async () => {
    expect(await csv('/export/observations.csv?voorziening=brp&year=2019')).toHaveLength(4);
    const percent = await csv('/export/observations.csv?unit=PERCENT&subject=Gemeenten');
    expect(percent.map((r) => `${r.indicator_key} ${r.year} ${r.raw}`)).toEqual([
      'geopend-na-3-weken 2017 66%',
      'geopend-na-3-weken 2018 66%',
      'geopend-na-3-weken 2019 72%',
      'geopend-na-6-weken 2017 71%',
      'geopend-na-6-weken 2018 73%',
      'geopend-na-6-weken 2019 77%',
    ]);
    const bad = await get('/export/observations.csv?year=last');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control')).toBeNull();
    expect(((await bad.json()) as { error: string }).error).toBe(
      '"year" must be a year such as 2019; got "last".',
    );
    expect((await get('/export/observations.csv?colour=red')).status).toBe(400);
  });

  it('exports the relations with every figure, its role and shared mark, the monitor’s by default', async () => {
    const rows = await csv('/export/relations.csv');
    const edge = (r: Record<string, string>) => `${r.kind} ${r.from}→${r.to}`;
    // one row per figure (a relation without one: one row), only the relations the monitor states
    expect(new Set(rows.map(edge)).size).toBe(42);
    expect(new Set(rows.map((r) => r.provenance))).toEqual(new Set(['MONITOR']));
    const toDigilevering = rows
      .filter((r) => r.kind === 'EVENT_DELIVERY' && r.role === 'OWN')
      .map((r) => [r.from, r.value_2019]);
    expect(toDigilevering).toEqual([
      ['hr', '7080241'],
      ['bag', '1971145'],
      ['woz', '32274069'],
      ['lrza', '432438'],
      ['brp', '2925819'],
      ['brk', '1392497'],
    ]);
    // every indicator of a relation, not only its first
    expect(
      rows.filter((r) => r.from === 'hr' && r.to === 'digilevering').map((r) => [r.indicator, r.role]),
    ).toEqual([
      ['digilevering/berichten-hr-geleverd', 'OWN'],
      ['digilevering/berichten-hr-verzonden', 'ONWARD'],
      ['hr/berichten-naar-digilevering', 'ALTERNATIVE'],
    ]);
    expect(rows.filter((r) => r.to === 'pdok' && r.from === 'brk').map((r) => [r.indicator, r.role])).toEqual(
      [
        ['brk/dkk-services', 'OWN'],
        ['brk/dkk-downloads', 'OWN'],
      ],
    );
    expect(rows.filter((r) => r.from === 'nora').map((r) => [r.to, r.indicator, r.shared])).toEqual([
      ['ear', 'nora/referenties-dochters', 'true'],
      ['rosa', 'nora/referenties-dochters', 'true'],
      // WILMA's deep links are counted among NORA's to all daughters and related websites: COMBINED
      ['wilma', 'nora/deeplinks', 'false'],
    ]);
    expect(
      rows.filter((r) => r.kind === 'INZAGE').map((r) => [r.from, r.to, r.indicator, r.role, r.shared]),
    ).toEqual(
      ['brp', 'bri', 'brk', 'brv', 'woz'].map((from) => [
        from,
        'mijnoverheid',
        'inzage-persoonlijke-gegevens/raadplegingen',
        'COMBINED',
        'true',
      ]),
    );
    expect(rows.find((r) => r.from === 'brp' && r.to === 'digilevering')?.source).toBe(
      'Monitor Digitale Overheid 2020, Digilevering, lines 1681-1683',
    );
    const all = await csv('/export/relations.csv?provenance=monitor,outside');
    expect(new Set(all.map(edge)).size).toBe(57);
    expect(all.filter((r) => r.provenance === 'OUTSIDE').map((r) => r.kind)).toEqual(
      Array(15).fill('SUPPLIES_DATA_TO'),
    );
    expect(new Set((await csv('/export/relations.csv?provenance=outside')).map(edge)).size).toBe(15);
    const bad = await get('/export/relations.csv?provenance=monitor,rumour');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: 'Unknown provenance "rumour"; the provenances are monitor, outside.',
    });
  });

  it('exports the stelsel as GraphML that an XML parser reads', async () => {
    const response = await get('/export/stelsel.graphml');
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      await response.text(),
    );
    const graph = doc.graphml.graph;
    expect(graph.edgedefault).toBe('directed');
    expect(doc.graphml.desc).toMatch(
      /^Every edge points the way the data or the service flows: source feeds target\. Edges stated by: the monitor \(MONITOR\);/,
    );
    expect(graph.node).toHaveLength(38);
    expect(graph.edge).toHaveLength(42);
    const data = (element: {
      data: { key: string; '#text': unknown }[] | { key: string; '#text': unknown };
    }) => Object.fromEntries([element.data].flat().map((d) => [d.key, String(d['#text'])]));
    expect(data(graph.node.find((n: { id: string }) => n.id === 'brp'))).toMatchObject({
      n_kind: 'BASISREGISTRATIE',
      n_abbreviation: 'BRP',
    });
    const brpToDigilevering = graph.edge.find(
      (e: { source: string; target: string }) => e.source === 'brp' && e.target === 'digilevering',
    );
    expect(data(brpToDigilevering)).toMatchObject({
      e_kind: 'EVENT_DELIVERY',
      e_provenance: 'MONITOR',
      e_indicators: 'digilevering/berichten-brp-geleverd:OWN;digilevering/berichten-brp-verzonden:ONWARD',
      e_volume_2018: '1147882',
      e_volume_2019: '2925819',
    });
  });

  it('exports the stelsel as node-link JSON, its edges under edges and links', async () => {
    const graph = (await (await get('/export/stelsel.json')).json()) as {
      directed: boolean;
      multigraph: boolean;
      graph: { provenance: string[]; description: string };
      nodes: { id: string }[];
      edges: Record<string, unknown>[];
      links: Record<string, unknown>[];
    };
    expect(graph.directed).toBe(true);
    // no two relations join the same voorzieningen in the same direction (as read_graphml finds)
    expect(graph.multigraph).toBe(false);
    expect(graph.nodes).toHaveLength(38);
    expect(graph.edges).toHaveLength(42);
    expect(graph.links).toEqual(graph.edges);
    expect(graph.graph).toMatchObject({ provenance: ['MONITOR'] });
    expect(graph.graph.description).toContain('source feeds target');
    const every = (await (
      await get('/export/stelsel.json?provenance=outside,monitor')
    ).json()) as typeof graph;
    expect(every.edges).toHaveLength(57);
    expect(every.graph).toMatchObject({ provenance: ['MONITOR', 'OUTSIDE'] });
    expect(every.edges.find((l) => l.source === 'brk' && l.target === 'woz')).toMatchObject({
      kind: 'SUPPLIES_DATA_TO',
      provenance: 'OUTSIDE',
    });
    expect((await get('/export/stelsel.json?provenance=MONITOR,gossip')).status).toBe(400);
    expect(graph.edges.filter((l) => l.target === 'digilevering').map((l) => l.source)).toEqual([
      'hr',
      'bag',
      'woz',
      'lrza',
      'brp',
      'brk',
    ]);
    expect(graph.edges.find((l) => l.source === 'woz' && l.target === 'digilevering')).toMatchObject({
      volume_2019: 32_274_069,
    });
    // empty attributes are left out, as the GraphML leaves them out
    expect(graph.edges.some((l) => Object.values(l).some((v) => v === null || v === ''))).toBe(false);
  });

  it('makes exports cacheable, and refuses what is not an export', async () => {
    const first = await get('/export/relations.csv');
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    expect((await get('/export/relations.csv', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/export/secrets.csv')).status).toBe(404);
  });
});
