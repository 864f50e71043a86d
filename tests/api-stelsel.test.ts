import { useRealApi } from './support/api-context';

describe('the API: edition, domains, voorzieningen, search, node', () => {
  const api = useRealApi();
  it('returns the edition with its dataset version', async () => {
    const { data, errors } = await api.run(
      `{ edition { year title titleEn referenceDate years source datasetVersion } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.edition).toMatchObject({
      year: 2020,
      title: 'Monitor Digitale Overheid 2020',
      referenceDate: '2019-12-31',
      years: [2017, 2018, 2019],
      source: 'source/monitor-digitale-overheid-2020.txt',
    });
    expect(data.edition.datasetVersion).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists the four domains with their voorzieningen in the order of the appendices', async () => {
    const { data } = await api.run(
      `{ domains { code name nameEn appendix section { heading startLine } voorzieningen { code } } }`,
    );
    expect(data.domains.map((d: { appendix: string }) => d.appendix)).toEqual(['A', 'B', 'C', 'D']);
    expect(data.domains[0]).toMatchObject({
      code: 'identificeren-en-authenticeren',
      section: { heading: 'Bijlage A: Identificeren en authenticeren', startLine: 262 },
    });
    expect(data.domains[0].voorzieningen.map((v: { code: string }) => v.code)).toEqual([
      'digid',
      'digid-machtigen',
      'eherkenning',
      'pkioverheid',
      'bv-bsn',
    ]);
    const one = await api.run(
      `{ domain(code: "dienstverlening-en-verbinden") { name } missing: domain(code: "nope") { name } }`,
    );
    expect(one.data).toEqual({ domain: { name: 'Dienstverlening en verbinden' }, missing: null });
    expect(one.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['missing'], 'NOT_FOUND'],
    ]);
  });

  it('looks up a voorziening by code, with its description, source, parts and parent', async () => {
    const { data } = await api.run(`{
      brp: voorziening(code: "brp") {
        code abbreviation name nameEn kind responsible law
        domain { code }
        description descriptionEn descriptionSource { section { code } url label }
        source { number title reference startLine endLine parent { code } }
      }
      mijnoverheid: voorziening(code: "mijnoverheid") { parts { code parent { code } } parent { code } }
      missing: voorziening(code: "xyz") { code }
    }`);
    expect(data.brp).toMatchObject({
      abbreviation: 'BRP',
      name: 'Basisregistratie Personen',
      kind: 'BASISREGISTRATIE',
      domain: { code: 'gegevens-en-registreren' },
      description:
        'De Basisregistratie Personen (BRP) bevat persoonsgegevens over alle ingezetenen en niet-ingezetenen van Nederland.',
      descriptionSource: { section: { code: 'brp' }, url: null },
      source: {
        number: '2.1.1',
        reference: 'Bijlage C, 2.1.1. Basisregistratie Personen (BRP)',
        parent: { code: 'basisregistraties' },
      },
    });
    expect(data.brp.descriptionSource.label).toMatch(
      /^Monitor Digitale Overheid 2020, Bijlage C, 2\.1\.1\. .* \(lines \d+–\d+\)$/,
    );
    expect(data.mijnoverheid).toEqual({
      parent: null,
      parts: ['berichtenbox', 'lopende-zaken', 'inzage-persoonlijke-gegevens'].map((code) => ({
        code,
        parent: { code: 'mijnoverheid' },
      })),
    });
    expect(data.missing).toBeNull();
  });

  it('gives an outside source with its URL where the monitor has no description', async () => {
    const { data } = await api.run(
      `{ voorziening(code: "pdok") { descriptionSource { section { code } url label } } }`,
    );
    expect(data.voorziening.descriptionSource).toEqual({
      section: null,
      url: 'https://www.pdok.nl/',
      label: 'PDOK (https://www.pdok.nl/)',
    });
  });

  it('lists the ten basisregistraties in the order of Bijlage C', async () => {
    const { data } = await api.run(`{ basisregistraties { abbreviation } }`);
    expect(data.basisregistraties.map((v: { abbreviation: string }) => v.abbreviation)).toEqual([
      'BRP',
      'HR',
      'BAG',
      'BRT',
      'BGT',
      'BRK',
      'BRV',
      'WOZ',
      'BRI',
      'BRO',
    ]);
  });

  it('pages through voorzieningen with a cursor and a total count', async () => {
    const query = `query($after: String) { voorzieningen(first: 15, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { code } } nodes { code } } }`;
    const codes: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: { data: { voorzieningen: any } } = await api.run(query, { after });
      const page = result.data.voorzieningen;
      expect(page.totalCount).toBe(38);
      expect(page.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(
        page.nodes.map((n: { code: string }) => n.code),
      );
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      codes.push(...page.nodes.map((n: { code: string }) => n.code));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(codes).size).toBe(38);
    expect(codes.slice(0, 2)).toEqual(['digid', 'digid-machtigen']);
  });

  it('filters voorzieningen by kind, domain and text', async () => {
    const { data } = await api.run(`{
      kind: voorzieningen(filter: { kind: STELSELVOORZIENING }) { totalCount nodes { code } }
      domain: voorzieningen(filter: { domain: "identificeren-en-authenticeren" }) { totalCount }
      text: voorzieningen(filter: { search: "kadaster" }) { nodes { code } }
      all: voorzieningen(filter: { kind: BASISREGISTRATIE, domain: "gegevens-en-registreren", search: "registratie" }) { totalCount }
    }`);
    expect(data.kind).toEqual({
      totalCount: 3,
      nodes: [{ code: 'digilevering' }, { code: 'digimelding' }, { code: 'stelselcatalogus' }],
    });
    expect(data.domain.totalCount).toBe(5);
    expect(data.text.nodes).toEqual([{ code: 'brk' }]);
    expect(data.all.totalCount).toBe(9);
  });

  it('refuses a page size out of range and a cursor it did not give', async () => {
    const big = await api.run(`{ voorzieningen(first: 1000) { totalCount } }`);
    expect(big.errors?.[0]).toMatchObject({
      message: '`first` must be between 1 and 100; got 1000.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const bad = await api.run(`{ voorzieningen(after: "bogus") { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/`after` is not a cursor/);
  });

  it('searches names and row labels ignoring case and accents', async () => {
    const { data } = await api.run(`{
      accents: search(text: "geimplementeerd") { __typename ... on Indicator { key voorziening { code } } }
      names: search(text: "DIGILEV", limit: 3) { __typename ... on Voorziening { code } ... on Indicator { key } }
    }`);
    expect(data.accents).toEqual([
      {
        __typename: 'Indicator',
        key: 'organisaties-geimplementeerd',
        voorziening: { code: 'digikoppeling' },
      },
    ]);
    expect(data.names[0]).toEqual({ __typename: 'Voorziening', code: 'digilevering' });
    expect(data.names).toHaveLength(3);
    const short = await api.run(`{ search(text: "a") { __typename } }`);
    expect(short.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('fetches any node again by its global id', async () => {
    const { data } = await api.run(`{
      voorziening(code: "hr") { id indicator(key: "terugmeldingen-totaal") { id observations(year: 2019) { id } notes { id } discrepancies { id } } outgoing { id } }
      domains { id }
    }`);
    const v = data.voorziening;
    const ids = [
      v.id,
      v.indicator.id,
      v.indicator.observations[0].id,
      v.indicator.notes[0].id,
      v.indicator.discrepancies[0].id,
      v.outgoing[0].id,
      data.domains[0].id,
    ];
    const { data: nodes } = await api.run(
      `query($ids: [ID!]!) { ${ids.map((_, i) => `n${i}: node(id: $ids_${i}) { __typename id }`).join(' ')} }`.replace(
        'query($ids: [ID!]!)',
        `query(${ids.map((_, i) => `$ids_${i}: ID!`).join(', ')})`,
      ),
      Object.fromEntries(ids.map((id, i) => [`ids_${i}`, id])),
    );
    expect(Object.values(nodes).map((n) => (n as { __typename: string }).__typename)).toEqual([
      'Voorziening',
      'Indicator',
      'Observation',
      'Note',
      'Discrepancy',
      'Relation',
      'Domain',
    ]);
    expect(Object.values(nodes).map((n) => (n as { id: string }).id)).toEqual(ids);
    const none = await api.run(
      `{ a: node(id: "nonsense") { id } b: node(id: "Vm9vcnppZW5pbmc6OTk5OQ") { id } }`,
    );
    expect(none.data).toEqual({ a: null, b: null });
  });
});
