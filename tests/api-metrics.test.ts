import { useRealApi } from './support/api-context';

describe('the API: indicators, observations, changes, notes, corrections', () => {
  const api = useRealApi();
  it('gives a registry’s rows with their figures, as printed and read', async () => {
    const { data } = await api.run(`{ voorziening(code: "brp") {
      indicator(key: "berichten-naar-afnemers") {
        key name sourceLabel nameEn unit section { code } table subjects
        v2019: value(year: 2019) v2016: value(year: 2016)
        observations { year subject value raw qualifier isTotal yearInferred fromNote { key } indicator { key } }
        voorziening { code }
      }
      indicators { key }
      missing: indicator(key: "nope") { key }
    } }`);
    const row = data.voorziening.indicator;
    expect(row).toMatchObject({
      name: 'Totale aantal berichten naar afnemers',
      unit: 'COUNT',
      section: { code: 'brp' },
      table: null,
      subjects: [],
      v2019: 381_526_659,
      v2016: null,
      voorziening: { code: 'brp' },
    });
    expect(row.observations).toEqual([
      {
        year: 2017,
        subject: null,
        value: 357_757_152,
        raw: '357.757.152',
        qualifier: 'EXACT',
        isTotal: false,
        yearInferred: false,
        fromNote: null,
        indicator: { key: 'berichten-naar-afnemers' },
      },
      {
        year: 2018,
        subject: null,
        value: 356_827_577,
        raw: '356.827.577',
        qualifier: 'EXACT',
        isTotal: false,
        yearInferred: false,
        fromNote: null,
        indicator: { key: 'berichten-naar-afnemers' },
      },
      {
        year: 2019,
        subject: null,
        value: 381_526_659,
        raw: '381.526.659',
        qualifier: 'EXACT',
        isTotal: false,
        yearInferred: false,
        fromNote: null,
        indicator: { key: 'berichten-naar-afnemers' },
      },
    ]);
    expect(data.voorziening.indicators).toHaveLength(4);
    expect(data.voorziening.missing).toBeNull();
  });

  it('keeps breakdown tables per subject, with the printed differences', async () => {
    const { data } = await api.run(`{ voorziening(code: "berichtenbox") {
      indicator(key: "geopend-na-3-weken") {
        table subjects
        belastingdienst: observations(subject: "Belastingdienst") { year value raw }
        row: observations(subject: null) { year }
        total: observations(subject: "Totaal", year: 2019) { value isTotal }
        udv: value(year: 2019, subject: "UWV")
        reportedChange { raw }
        reportedChanges { subject raw value kind from to }
        change(subject: "RDW") { from to fromValue toValue absolute relative agrees printed { raw value kind } }
      }
    } }`);
    const row = data.voorziening.indicator;
    expect(row.table).toBe('Percentages geopende berichten binnen 3 en 6 weken per overheidsorganisatie');
    expect(row.subjects).toEqual([
      'Gemeenten',
      'Landelijke organisaties',
      'RDW',
      'Samenwerkingsverbanden',
      'SVB',
      'UWV',
      'Waterschappen',
      'Belastingdienst',
      'Totaal',
    ]);
    expect(row.belastingdienst).toEqual([
      { year: 2017, value: 42, raw: '42%' },
      { year: 2018, value: 43, raw: '43%' },
      { year: 2019, value: 50, raw: '50%' },
    ]);
    expect(row.row).toEqual([]);
    expect(row.total).toEqual([{ value: 54, isTotal: true }]);
    expect(row.udv).toBe(56);
    expect(row.reportedChange).toBeNull();
    expect(row.reportedChanges).toHaveLength(9);
    expect(row.reportedChanges[2]).toEqual({
      subject: 'RDW',
      raw: '10%',
      value: 10,
      kind: 'DIFFERENCE',
      from: 2018,
      to: 2019,
    });
    expect(row.change).toEqual({
      from: 2018,
      to: 2019,
      fromValue: 52,
      toValue: 62,
      absolute: 10,
      relative: expect.closeTo(19.23, 2),
      agrees: true,
      printed: { raw: '10%', value: 10, kind: 'DIFFERENCE' },
    });
  });

  it('computes a change between any two years and says whether the printed one agrees', async () => {
    const { data } = await api.run(`{
      hr: voorziening(code: "hr") { indicator(key: "terugmeldingen-totaal") {
        last: change { from to absolute relative agrees printed { raw value qualifier } }
        span: change(from: 2017, to: 2019) { absolute relative agrees printed { raw } }
        gap: change(from: 2016, to: 2019) { absolute }
      } }
      digid: voorziening(code: "digid-machtigen") { indicator(key: "aangesloten-organisaties") { change { absolute agrees printed { raw qualifier value } } } }
      brk: voorziening(code: "digilevering") { indicator(key: "berichten-brk-geleverd") { change { absolute } reportedChange { raw qualifier value } } }
    }`);
    const hr = data.hr.indicator;
    expect(hr.last).toEqual({
      from: 2018,
      to: 2019,
      absolute: 7221,
      relative: expect.closeTo(52.67, 2),
      agrees: false,
      printed: { raw: '+64,6%', value: 64.6, qualifier: 'EXACT' },
    });
    expect(hr.span).toEqual({
      absolute: 9165,
      relative: expect.closeTo(77.9, 1),
      agrees: null,
      printed: null,
    });
    expect(hr.gap).toBeNull();
    expect(data.digid.indicator.change).toEqual({
      absolute: 0,
      agrees: true,
      printed: { raw: '-', qualifier: 'UNCHANGED', value: null },
    });
    expect(data.brk.indicator).toEqual({
      change: null,
      reportedChange: { raw: 'nieuw', qualifier: 'NEW', value: null },
    });
  });

  it('gives the notes of a row, and the rows of a note', async () => {
    const { data } = await api.run(`{ voorziening(code: "brp") {
      notes { key heading text textEn section { code } voorziening { code } indicators { key } }
      indicator(key: "terugmeldingen-digimelding") { notes { key } }
    } }`);
    const [note] = data.voorziening.notes;
    expect(note.heading).toMatch(/^Toelichting indicator Aantal terugmeldingen dat rechtstreeks/);
    expect(note.text).toMatch(/^Vanaf halverwege 2019 lopen de terugmeldingen alleen nog via Digimelding\./);
    expect(note.textEn).toBeTruthy();
    expect(note.section).toEqual({ code: 'brp' });
    expect(note.indicators.map((i: { key: string }) => i.key).sort()).toEqual([
      'terugmeldingen-digimelding',
      'terugmeldingen-rechtstreeks',
    ]);
    expect(data.voorziening.indicator.notes).toEqual([{ key: note.key }]);
  });

  it('gives the restated figures with the note that restates them', async () => {
    const { data } = await api.run(`{ voorziening(code: "digid-machtigen") { indicator(key: "bevragingen") {
      corrections { year previousRaw previousValue raw value indicator { key } note { key heading } }
      value(year: 2018)
    } } }`);
    expect(data.voorziening.indicator).toEqual({
      value: 16_595_710,
      corrections: [
        {
          year: 2018,
          previousRaw: '13.250.056',
          previousValue: 13_250_056,
          raw: '16.959.710',
          value: 16_959_710,
          indicator: { key: 'bevragingen' },
          note: { key: 'correcties-2018', heading: 'Toelichting' },
        },
      ],
    });
  });

  it('links rows that count the same thing, and the relations a row measures', async () => {
    const { data } =
      await api.run(`{ voorziening(code: "brp") { indicator(key: "terugmeldingen-digimelding") {
      sameAs { key voorziening { code } value(year: 2017) }
      relations { kind from { code } to { code } }
      discrepancies { kind year }
    } } }`);
    expect(data.voorziening.indicator).toEqual({
      sameAs: [{ key: 'terugmeldingen-brp', voorziening: { code: 'digimelding' }, value: 961 }],
      relations: [{ kind: 'TERUGMELDING', from: { code: 'digimelding' }, to: { code: 'brp' } }],
      // and the summary's "bijna 100.000" terugmeldingen (claim c-08), which the registries' rows contradict
      discrepancies: [
        { kind: 'SAME_AS_MISMATCH', year: 2017 },
        { kind: 'SUMMARY_MISMATCH', year: 2019 },
      ],
    });
  });

  it('marks figures printed in a note, and figures printed without their year', async () => {
    const { data } = await api.run(`{
      brt: voorziening(code: "brt") { indicator(key: "opvragingen-pdok") { observations(subject: "views") { raw value qualifier fromNote { key } } } }
      bro: voorziening(code: "bro") { indicator(key: "opvragingen-pdok") { observations(year: 2019) { subject yearInferred } } }
    }`);
    expect(data.brt.indicator.observations).toEqual([
      {
        raw: '5.3 miljard',
        value: 5_300_000_000,
        qualifier: 'APPROXIMATE',
        fromNote: { key: expect.any(String) },
      },
    ]);
    const bro = data.bro.indicator.observations;
    expect(bro[0]).toEqual({ subject: null, yearInferred: false });
    expect(bro.slice(1).every((o: { yearInferred: boolean }) => o.yearInferred)).toBe(true);
  });

  it('pages through indicators, filtered by voorziening, unit and text', async () => {
    const { data } = await api.run(`{
      all: indicators(first: 100) { totalCount pageInfo { hasNextPage endCursor } }
      percent: indicators(filter: { unit: PERCENT }) { totalCount }
      digid: indicators(filter: { voorziening: "digid" }, first: 2) { totalCount nodes { key } }
      text: indicators(filter: { search: "terugmeldingen", voorziening: "hr" }) { nodes { key } }
    }`);
    // 138 table rows and 5 quantities stated only in prose (seeds/prose.yaml)
    expect(data.all).toMatchObject({ totalCount: 143, pageInfo: { hasNextPage: true } });
    const rest = await api.run(
      `query($after: String) { indicators(first: 100, after: $after) { nodes { key } pageInfo { hasNextPage } } }`,
      { after: data.all.pageInfo.endCursor },
    );
    expect(rest.data.indicators.nodes).toHaveLength(43);
    expect(rest.data.indicators.pageInfo.hasNextPage).toBe(false);
    expect(data.percent.totalCount).toBe(7); // 3 × "100%" connected, 2 BSN shares, 2 %-opened tables
    expect(data.digid).toEqual({
      totalCount: 12,
      nodes: [{ key: 'aangesloten-organisaties' }, { key: 'aangesloten-webdiensten' }],
    });
    expect(data.text.nodes.map((n: { key: string }) => n.key)).toEqual([
      'terugmeldingen-totaal',
      'terugmeldingen-digimelding',
      'terugmeldingen-buiten-digimelding',
    ]);
  });

  it('looks up an indicator by global id', async () => {
    const { data } = await api.run(
      `{ voorziening(code: "woz") { indicator(key: "terugmeldingen") { id } } }`,
    );
    const id = data.voorziening.indicator.id;
    const found = await api.run(
      `query($id: ID!) { indicator(id: $id) { key value(year: 2019) observations { raw qualifier } } }`,
      { id },
    );
    expect(found.data.indicator).toEqual({
      key: 'terugmeldingen',
      value: 5000,
      observations: [
        { raw: '>5.000', qualifier: 'AT_LEAST' },
        { raw: '> 5.000', qualifier: 'AT_LEAST' },
        { raw: '> 5.000', qualifier: 'AT_LEAST' },
      ],
    });
    const wrong = await api.run(`{ indicator(id: "nonsense") { key } }`);
    expect(wrong.data.indicator).toBeNull();
  });

  it('pages through the tidy observations, filtered', async () => {
    const { data } = await api.run(`{
      all: observations(first: 500) { totalCount }
      y2017: observations(filter: { year: 2017 }) { totalCount }
      brp: observations(filter: { voorziening: "brp", year: 2019 }) { nodes { raw indicator { key } } }
      subject: observations(filter: { subject: "Gemeenten" }) { totalCount }
      percent: observations(filter: { unit: PERCENT, voorziening: "berichtenbox" }) { totalCount }
    }`);
    expect(data.all.totalCount).toBe(495 + 8); // the printed cells and 8 figures stated only in prose
    expect(data.y2017.totalCount).toBeGreaterThan(100);
    expect(data.brp.nodes.map((n: { raw: string }) => n.raw)).toEqual([
      '100%',
      '381.526.659',
      '10.371',
      '11.647',
    ]);
    expect(data.subject.totalCount).toBe(9); // the three Berichtenbox report tables × 3 years
    expect(data.percent.totalCount).toBe(54);
    const { data: byIndicator } = await api.run(
      `{ voorziening(code: "digid") { indicator(key: "actieve-digids") { id } } }`,
    );
    const one = await api.run(
      `query($id: ID!) { observations(filter: { indicator: $id }) { nodes { year value } } }`,
      { id: byIndicator.voorziening.indicator.id },
    );
    expect(one.data.observations.nodes).toEqual([
      { year: 2017, value: 13_529_391 },
      { year: 2018, value: 13_772_269 },
      { year: 2019, value: 15_023_119 },
    ]);
    const capped = await api.run(`{ observations(first: 501) { totalCount } }`);
    expect(capped.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
