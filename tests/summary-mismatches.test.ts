import type { ClaimTable, IndicatorTable, ObservationTable } from '../server/db/database';
import type { BuiltClaim } from '../server/ingest/claims/build-claims';
import { DiscrepancyRecorder } from '../server/ingest/discrepancies/discrepancy-recorder';
import { findSummaryMismatches } from '../server/ingest/discrepancies/find-summary-mismatches';
import { DiscrepancyFixture } from './support/discrepancy-fixture';

// findSummaryMismatches on a handful of made-up claims of the summarising text: which it records (DISAGREES
// about an indicator only), the sentence it writes, the figures it links, and the changes it keeps.

/** HR's row with cells for 2017–2019, in a section titled “Gegevens en registreren”, and a way to add claims. */
function setUp() {
  const fixture = new DiscrepancyFixture();
  fixture.context.rows.section.push(
    {
      id: 1,
      code: 'other',
      heading: 'Other',
      title: 'Another section',
      number: null,
      appendix: null,
      parent_id: null,
      position: 1,
      start_line: 1,
      end_line: 10,
    },
    {
      id: 2,
      code: 'gegevens',
      heading: 'Gegevens',
      title: 'Gegevens en registreren',
      number: '3',
      appendix: null,
      parent_id: null,
      position: 2,
      start_line: 11,
      end_line: 400,
    },
  );
  const row = fixture.indicator(fixture.voorziening('Handelsregister', 'HR'), 'Terugmeldingen');
  const [c2017, c2018, c2019] = ['10.000', '18.000', '20.930'].map((raw, at) =>
    fixture.cell(row, 2017 + at, raw),
  ) as [ObservationTable, ObservationTable, ObservationTable];

  /** Adds a claim row (DISAGREES about `row` unless told) linked to `cells`, in order. */
  const claim = (
    fields: Partial<ClaimTable>,
    cells: ObservationTable[] = [],
    indicator: IndicatorTable | null = row,
  ): BuiltClaim => {
    const id = fixture.context.nextId('claim');
    const claimRow: ClaimTable = {
      id,
      code: `c-${id}`,
      section_id: 2,
      from_line: 174,
      to_line: 176,
      quote: 'HR kreeg ruim 18.000 terugmeldingen',
      printed: 'ruim 18.000',
      printed_value: 18_000,
      printed_upper: null,
      precision: 'RUIM',
      measure: 'VALUE',
      direction: null,
      years: '2019',
      computed_value: 20_930,
      computed_is_lower_bound: 0,
      verdict: 'DISAGREES',
      reason: 'The table gives 20.930.',
      note: null,
      position: id,
      ...fields,
    };
    fixture.context.rows.claim.push(claimRow);
    cells.forEach((cell, position) =>
      fixture.context.rows.claim_observation.push({ claim_id: id, observation_id: cell.id, position }),
    );
    return { row: claimRow, indicatorId: indicator?.id ?? null };
  };

  const run = (...claims: BuiltClaim[]) => {
    findSummaryMismatches(new DiscrepancyRecorder(fixture.context), claims);
    return fixture.found();
  };
  return { fixture, row, cells: { c2017, c2018, c2019 }, claim, run };
}

describe('findSummaryMismatches', () => {
  it('records a claim the tables contradict: its section, lines, words, the reason and the cells', () => {
    const { fixture, row, cells, claim, run } = setUp();
    const built = claim({}, [cells.c2019]);
    expect(run(built)).toEqual([
      {
        kind: 'SUMMARY_MISMATCH',
        year: 2019,
        indicator: row.id,
        description:
          'Gegevens en registreren (lines 174-176) says “HR kreeg ruim 18.000 terugmeldingen”, which the tables contradict: The table gives 20.930.',
        figures: ['TABLE 20.930'],
        confidence: 'ASSERTED',
      },
    ]);
    // a claim about a value keeps no change
    expect(fixture.context.rows.discrepancy[0]).toMatchObject({
      claim_id: built.row.id,
      printed_change: null,
      printed_change_raw: null,
      computed_change: null,
      note_id: null,
      same_as_id: null,
      explanation: null,
    });
  });

  it('records only claims that DISAGREE and are about an indicator', () => {
    const { claim, run } = setUp();
    expect(
      run(
        claim({ verdict: 'AGREES' }),
        claim({ verdict: 'NOT_CHECKABLE' }),
        claim({ verdict: 'DISAGREES' }, [], null),
      ),
    ).toEqual([]);
    expect(run(claim({ verdict: 'DISAGREES', code: 'x' }))).toHaveLength(1);
  });

  it('names one line as “line n” and a range as “lines n-m”', () => {
    const { claim, run } = setUp();
    const found = run(claim({ from_line: 12, to_line: 12 }), claim({ from_line: 12, to_line: 13 }));
    expect(found.map((d) => d.description.replace(/ says .*/, ''))).toEqual([
      'Gegevens en registreren (line 12)',
      'Gegevens en registreren (lines 12-13)',
    ]);
  });

  it('takes the year of the last year the claim concerns, none when it names none', () => {
    const { claim, run } = setUp();
    const found = run(claim({ years: '2017,2018,2019' }), claim({ years: '2018' }), claim({ years: '' }));
    expect(found.map((d) => d.year)).toEqual([2019, 2018, null]);
  });

  it('links to each claim its own figures, in the claim’s order', () => {
    const { claim, cells, run } = setUp();
    const found = run(claim({}, [cells.c2019, cells.c2017]), claim({}, [cells.c2018]), claim({}, []));
    expect(found.map((d) => d.figures)).toEqual([['TABLE 20.930', 'TABLE 10.000'], ['TABLE 18.000'], []]);
  });

  it('joins the parts of a reason into one sentence, and ends it with one full stop', () => {
    const { claim, run } = setUp();
    const reasons = [
      // parts that start with a capital or an opening quote are joined by semicolons
      'The table gives 20.930. Its change is +16,3%. “Totaal” prints 20.930.',
      // a full stop inside a part (an abbreviation, a figure) stays
      'Ca. 20.930 in the table (ca. 16% more). It rounds to 21.000',
      'One part only',
    ];
    const found = run(...reasons.map((reason) => claim({ reason })));
    expect(found.map((d) => d.description.replace(/^.*contradict: /, ''))).toEqual([
      'The table gives 20.930; Its change is +16,3%; “Totaal” prints 20.930.',
      'Ca. 20.930 in the table (ca. 16% more); It rounds to 21.000.',
      'One part only.',
    ]);
  });

  it('keeps a claimed change: printed with its direction’s sign, the printed words, and the computed change', () => {
    const { fixture, claim, cells, run } = setUp();
    const change = {
      measure: 'CHANGE',
      precision: 'ROUNDED',
      printed: '7%',
      printed_value: 7,
      computed_value: 6.4663,
      years: '2018,2019',
    } as const;
    run(
      claim({ ...change, direction: 'UP' }, [cells.c2018, cells.c2019]),
      claim({ ...change, direction: 'DOWN' }),
      claim({ ...change, direction: null }),
      claim({ ...change, direction: 'UP', printed: 'verdubbeld', printed_value: null }),
    );
    expect(
      fixture.context.rows.discrepancy.map((d) => [
        d.printed_change,
        d.printed_change_raw,
        d.computed_change,
        d.year,
      ]),
    ).toEqual([
      [7, '7%', 6.4663, 2019],
      [-7, '7%', 6.4663, 2019],
      [7, '7%', 6.4663, 2019],
      [null, 'verdubbeld', 6.4663, 2019],
    ]);
  });

  it('records in the order of the claims, each with its own id and the claim it is about', () => {
    const { fixture, claim, run } = setUp();
    const [first, second] = [claim({ quote: 'een' }), claim({ quote: 'twee' })];
    run(first!, second!);
    expect(fixture.context.rows.discrepancy.map((d) => [d.id, d.claim_id, d.kind])).toEqual([
      [1, first!.row.id, 'SUMMARY_MISMATCH'],
      [2, second!.row.id, 'SUMMARY_MISMATCH'],
    ]);
    expect(fixture.found().map((d) => d.description.match(/“(.*)”/)![1])).toEqual(['een', 'twee']);
  });
});
