import { useRealApi } from './support/api-context';

// How sure the API says it is (issue 15, "Certainty"; seeds/review/certainty.yaml): each point's answer after
// the change, with the answer before it in a comment.

describe('the API: how sure a discrepancy, a sum and a change are', () => {
  const api = useRealApi();

  it('gives every discrepancy a confidence, and filters by it', async () => {
    const { data } = await api.run(`{
      all: discrepancies { kind confidence }
      asserted: discrepancies(confidence: ASSERTED) { kind }
      byLabel: discrepancies(confidence: BY_LABEL) { kind }
      presumed: discrepancies(confidence: PRESUMED) { kind year indicator { key voorziening { code } } }
      none: discrepancies(kind: SAME_AS_MISMATCH, confidence: ASSERTED) { kind }
      hr: discrepancies(confidence: BY_LABEL, voorziening: "hr") { kind year }
    }`);
    // before: no confidence; 23 discrepancies (the 22 below, less the 8 summary claims, and DigiD's false
    // SUM_MISMATCH of 2017); 30 while the HR's "ruim 18.000" counted as a note's and a claim's
    expect(data.all).toHaveLength(29);
    const counts = (list: { kind: string }[]) =>
      list.reduce<Record<string, number>>((n, d) => ({ ...n, [d.kind]: (n[d.kind] ?? 0) + 1 }), {});
    // a summary claim the tables contradict: the monitor prints both the claim and the cells
    expect(counts(data.asserted)).toEqual({
      CHANGE_MISMATCH: 3,
      NOTE_VALUE_MISMATCH: 1,
      SUMMARY_MISMATCH: 8,
    });
    expect(counts(data.byLabel)).toEqual({ SAME_AS_MISMATCH: 8, SUM_MISMATCH: 3 });
    expect(
      data.presumed.map(
        (d: { year: number; indicator: { key: string; voorziening: { code: string } } }) =>
          `${d.indicator.voorziening.code}/${d.indicator.key} ${d.year}`,
      ),
    ).toEqual([
      'digid/authenticaties-mijnoverheid 2017',
      'digid/authenticaties-mijnoverheid 2018',
      'digid/authenticaties-mijnoverheid 2019',
      'berichtenbox/verstuurde-berichten 2017',
      'berichtenbox/verstuurde-berichten 2018',
      'berichtenbox/verstuurde-berichten 2019',
    ]);
    expect(data.none).toEqual([]);
    expect(data.hr).toEqual([
      { kind: 'SAME_AS_MISMATCH', year: 2018 },
      { kind: 'SAME_AS_MISMATCH', year: 2019 },
      { kind: 'SAME_AS_MISMATCH', year: 2017 },
      { kind: 'SAME_AS_MISMATCH', year: 2018 },
      { kind: 'SAME_AS_MISMATCH', year: 2019 },
    ]);
  });

  it('says "presumably the same measure" for a presumed sameAs, and gives the known explanation', async () => {
    const { data } = await api.run(`{
      discrepancies(kind: SAME_AS_MISMATCH, voorziening: "mijnoverheid") { year confidence description explanation }
    }`);
    expect(data.discrepancies).toHaveLength(3);
    expect(data.discrepancies[1]).toEqual({
      year: 2018,
      confidence: 'PRESUMED',
      // before: '…, but MijnOverheid “Aantal keren ingelogd MijnOverheid”, which counts the same, prints 51.033.862.'
      description:
        'DigiD “Aantal authenticaties via DigiD naar MijnOverheid” prints 49.678.829 for 2018, but MijnOverheid ' +
        '“Aantal keren ingelogd MijnOverheid”, presumably the same measure (our reading; the monitor does not say so), ' +
        'prints 51.033.862.',
      explanation:
        'The monitor restated the 2018 MijnOverheid figure upwards, from 46.701.367 to 51.033.862 (lines 547-549), ' +
        'which widens the gap in 2018.',
    });
    expect(data.discrepancies[0].explanation).toBeNull();
  });

  it('states a by-label sameAs as such (the HR’s Digilevering messages, about three times apart)', async () => {
    const { data } = await api.run(`{
      discrepancies(kind: SAME_AS_MISMATCH, voorziening: "digilevering") { year confidence description }
    }`);
    expect(data.discrepancies.map((d: { confidence: string }) => d.confidence)).toEqual([
      'BY_LABEL',
      'BY_LABEL',
      'BY_LABEL',
    ]);
    expect(data.discrepancies[0].description).toBe(
      'HR “Aantal berichten naar Digilevering” prints 2.635.539 for 2017, but Digilevering “Aantal berichten vanuit ' +
        'de HR geleverd aan Digilevering”, whose label names the same quantity (the monitor does not say the two ' +
        'rows count the same), prints 7.580.662.',
    );
  });

  it('reports no SUM_MISMATCH for DigiD 2017 and says the parts are incomplete instead', async () => {
    const { data } = await api.run(`{
      sums: discrepancies(kind: SUM_MISMATCH, voorziening: "digid") { year confidence explanation indicator { key } }
      voorziening(code: "digid") {
        total: indicator(key: "actieve-digids") { observations { year raw partsIncomplete caveat } }
        part: indicator(key: "accounts-substantieel") { observations(year: 2017) { raw value qualifier partsIncomplete } }
      }
    }`);
    // before: a SUM_MISMATCH 'DigiD “Aantal actieve DigiD’s” prints 13.529.391 for 2017, but its 3 parts add up
    // to 13.527.086 (counting “Aantal accounts op Substantieel” (-) as 0).' came first
    expect(
      data.sums.map((d: { year: number; indicator: { key: string } }) => `${d.indicator.key} ${d.year}`),
    ).toEqual(['authenticaties 2018', 'authenticaties 2019']);
    expect(data.voorziening.total.observations).toEqual([
      {
        year: 2017,
        raw: '13.529.391',
        partsIncomplete: true,
        caveat:
          'Parts incomplete: the reported parts add up to 13.527.086 of 13.529.391, 2.305 not accounted for; ' +
          'not reported: “Aantal accounts op Substantieel” (-). The sum is not checked.',
      },
      { year: 2018, raw: '13.772.269', partsIncomplete: false, caveat: null },
      { year: 2019, raw: '15.023.119', partsIncomplete: false, caveat: null },
    ]);
    expect(data.voorziening.part.observations).toEqual([
      { raw: '-', value: null, qualifier: 'NOT_AVAILABLE', partsIncomplete: false },
    ]);
  });

  it('exposes the explanation of a sum that closes with the App row', async () => {
    const { data } = await api.run(`{
      discrepancies(kind: SUM_MISMATCH, voorziening: "digid") { year confidence description explanation }
    }`);
    // before: no explanation field; the seeds' note said it, the API did not
    expect(data.discrepancies[0]).toEqual({
      year: 2018,
      confidence: 'BY_LABEL',
      description:
        'DigiD “Totaal aantal authenticaties” prints 307.956.118 for 2018, but its 3 parts add up to 297.089.515.',
      explanation:
        'The sum closes with the Midden App row added (remainder 1 in 2018, 36 in 2019): presumably the printed ' +
        'total counts the App authentications beside Midden Totaal, although the labels make App part of Midden ' +
        '(our reading; the monitor gives no reason).',
    });
  });

  it('explains the note mismatches the seeds can explain, as our reading where it is', async () => {
    const { data } = await api.run(`{
      notes: discrepancies(kind: NOTE_VALUE_MISMATCH) { year confidence explanation indicator { key } }
      hr: discrepancies(kind: SUMMARY_MISMATCH, voorziening: "hr") {
        year confidence explanation indicator { key } note { key } claim { code }
      }
    }`);
    expect(data.notes.map((d: { confidence: string }) => d.confidence)).toEqual(['ASSERTED']);
    expect(data.notes[0].explanation).toMatch(/which is right is unknown/);
    // the HR's "ruim 18.000": one discrepancy, the summary claim's, with the note and the note's explanation
    const hr = data.hr.find((d: { claim: { code: string } }) => d.claim.code === 'c-10');
    expect(hr).toMatchObject({
      year: 2019,
      confidence: 'ASSERTED',
      indicator: { key: 'terugmeldingen-totaal' },
      note: { key: 'hoofdlijnen-terugmeldingen' },
    });
    expect(hr.explanation).toMatch(/^Presumably \(our reading\) the summary adds .*18\.300/);
  });

  it('computes no change between lower bounds, and does not call the printed "-" agreeing', async () => {
    const { data } = await api.run(`{ voorziening(code: "woz") { indicator(key: "terugmeldingen") {
      observations { raw value qualifier }
      change { from to fromValue toValue absolute relative notComputedBecause approximate agrees printed { raw qualifier value } }
      span: change(from: 2017, to: 2019) { absolute notComputedBecause agrees printed { raw } }
    } } }`);
    const row = data.voorziening.indicator;
    expect(row.observations.map((o: { qualifier: string }) => o.qualifier)).toEqual([
      'AT_LEAST',
      'AT_LEAST',
      'AT_LEAST',
    ]);
    // before: absolute 0, relative 0, agrees true, printed { raw: '-', qualifier: UNCHANGED }
    expect(row.change).toEqual({
      from: 2018,
      to: 2019,
      fromValue: 5000,
      toValue: 5000,
      absolute: null,
      relative: null,
      notComputedBecause:
        'both figures are lower bounds (> 5.000 in 2018, > 5.000 in 2019): the change is unknown',
      approximate: false,
      agrees: null,
      printed: { raw: '-', qualifier: 'NOT_AVAILABLE', value: null },
    });
    expect(row.span).toEqual({
      absolute: null,
      notComputedBecause:
        'both figures are lower bounds (>5.000 in 2017, > 5.000 in 2019): the change is unknown',
      agrees: null,
      printed: null,
    });
  });

  it('still computes a change between values, and keeps a "-" between equal values unchanged', async () => {
    const { data } = await api.run(`{ voorziening(code: "woz") { indicator(key: "beschikkingen") {
      change { absolute relative notComputedBecause approximate agrees printed { raw qualifier } }
    } } }`);
    expect(data.voorziening.indicator.change).toEqual({
      absolute: 0,
      relative: 0,
      notComputedBecause: null,
      approximate: false,
      agrees: true,
      printed: { raw: '-', qualifier: 'UNCHANGED' },
    });
  });

  it('reads "ruim 900.000" eFacturen as approximate, and the change from it as approximate', async () => {
    const { data } =
      await api.run(`{ voorziening(code: "efactureren") { indicator(key: "ontvangen-efacturen") {
      observations { year raw value qualifier }
      change { absolute relative approximate notComputedBecause agrees }
      early: change(from: 2017, to: 2018) { approximate }
    } } }`);
    const row = data.voorziening.indicator;
    // before: the 2019 cell was EXACT
    expect(row.observations[2]).toEqual({
      year: 2019,
      raw: '900.000',
      value: 900000,
      qualifier: 'APPROXIMATE',
    });
    expect(row.observations[1].qualifier).toBe('EXACT');
    expect(row.change).toMatchObject({
      absolute: 327029,
      approximate: true,
      notComputedBecause: null,
      agrees: true,
    });
    expect(row.change.relative).toBeCloseTo(57.08, 2);
    expect(row.early).toEqual({ approximate: false });
  });

  it('says that Digilevering’s count of connected basisregistraties includes the LRZa', async () => {
    const { data } =
      await api.run(`{ voorziening(code: "digilevering") { indicator(key: "aangesloten-basisregistraties") {
      observations { year raw caveat }
    } } }`);
    const cells = data.voorziening.indicator.observations;
    // before: no caveat
    expect(cells.map((c: { raw: string }) => c.raw)).toEqual(['4', '5', '6']);
    for (const cell of cells) {
      expect(cell.caveat).toMatch(/^Includes the LRZa, a registration that is not a basisregistratie/);
      expect(cell.caveat).toMatch(
        /of the basisregistraties 3 \(2017\), 4 \(2018\) and 5 \(2019\) are connected \(our reading\)\.$/,
      );
    }
  });

  it('flags a restated figure the table does not print in its column', async () => {
    const { data } = await api.run(`{
      machtigen: voorziening(code: "digid-machtigen") { indicators { key corrections { year raw matchesTable } } }
      mijnoverheid: voorziening(code: "mijnoverheid") { indicator(key: "ingelogd") { corrections { raw matchesTable } } }
    }`);
    const corrections = data.machtigen.indicators.flatMap(
      (i: {
        key: string;
        corrections: { year: number; raw: string | null; matchesTable: boolean | null }[];
      }) => i.corrections.map((c) => [i.key, c.raw, c.matchesTable]),
    );
    // before: no such field; the note's 16.959.710 read as if it were the table's figure
    expect(corrections).toEqual([
      ['bevragingen', '16.959.710', false],
      ['gebruikte-machtigingen-mijnoverheid', '617.451', true],
    ]);
    expect(data.mijnoverheid.indicator.corrections).toEqual([{ raw: '51.033.862', matchesTable: true }]);
  });

  it('refuses an unknown confidence, naming the argument', async () => {
    const { errors } = await api.run(`{ discrepancies(confidence: SURE) { kind } }`);
    expect(errors?.[0]?.message).toMatch(/DiscrepancyConfidence/);
    expect(errors?.[0]?.message).toMatch(/SURE/);
  });
});
