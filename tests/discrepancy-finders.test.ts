import type { Unit } from '../server/domain/vocabulary';
import type { IndicatorTable } from '../server/db/database';
import { DiscrepancyRecorder } from '../server/ingest/discrepancies/discrepancy-recorder';
import { findChangeMismatches } from '../server/ingest/discrepancies/find-change-mismatches';
import { findDiscrepancies } from '../server/ingest/discrepancies/find-discrepancies';
import { findNoteMismatches } from '../server/ingest/discrepancies/find-note-mismatches';
import { findSameAsMismatches } from '../server/ingest/discrepancies/find-same-as-mismatches';
import { findSumMismatches } from '../server/ingest/discrepancies/find-sum-mismatches';
import type { NoteClaim } from '../server/ingest/build-voorzieningen';
import type { CertaintySeed, TotalSeed } from '../server/ingest/seed-schema';
import { DiscrepancyFixture } from './support/discrepancy-fixture';

// Each finder on a handful of made-up rows: what it records, the sentence it writes, the figures it links,
// and what it leaves alone, at the edges of its tolerances.

/** An indicator index (`voorziening/key`) over the fixture's rows, all of DigiD. */
const indexOf = (rows: IndicatorTable[]) => new Map(rows.map((row) => [`digid/${row.key}`, row]));

/** A curated total (totals.yaml) of DigiD's rows. */
const totalOf = (total: IndicatorTable, parts: IndicatorTable[]): TotalSeed => ({
  total: `digid/${total.key}`,
  parts: parts.map((part) => `digid/${part.key}`),
  note: 'the parts add up',
});

describe('findChangeMismatches', () => {
  /** One row of HR with 2018 and 2019 figures and a printed change; returns what the finder records. */
  const check = (
    from: string | null,
    to: string | null,
    change: string,
    kind?: 'RELATIVE' | 'DIFFERENCE',
  ) => {
    const fixture = new DiscrepancyFixture();
    const row = fixture.indicator(fixture.voorziening('Handelsregister', 'HR'), 'Terugmeldingen');
    fixture.cells(row, [null, from, to]);
    fixture.change(row, change, { kind });
    findChangeMismatches(new DiscrepancyRecorder(fixture.context));
    return { found: fixture.found(), rows: fixture.context.rows.discrepancy };
  };

  it('accepts a printed change within half a unit of its last decimal, and records one just outside', () => {
    expect(check('200', '207', '+3%').found).toEqual([]); // +3,5%
    expect(check('200', '205', '+3%').found).toEqual([]); // +2,5%
    expect(check('200', '207,01', '+3%').found).toHaveLength(1); // +3,505%
    expect(check('200', '204,99', '+3%').found).toHaveLength(1); // +2,495%
    expect(check('100', '102,55', '+2,5%').found).toEqual([]);
    expect(check('100', '102,5501', '+2,5%').found).toHaveLength(1);
  });

  it('checks no change involving a bound, on either side, and checks the same figures without the bound', () => {
    expect(check('>5.000', '> 5.000', '-').found).toEqual([]);
    expect(check('>5.000', '> 5.000', '+10%').found).toEqual([]);
    expect(check('>5.000', '6.000', '+0%').found).toEqual([]);
    expect(check('5.000', '> 6.000', '+0%').found).toEqual([]);
    expect(check('5.000', '6.000', '+0%').found).toHaveLength(1);
    expect(check('5.000', '5.000', '+10%').found).toHaveLength(1);
  });

  it('records a mismatch with a sentence, both printed and computed change, and the two figures', () => {
    const { found, rows } = check('200', '208', '+3%');
    expect(found).toEqual([
      {
        kind: 'CHANGE_MISMATCH',
        year: 2019,
        indicator: 1,
        description:
          'HR “Terugmeldingen”: the printed change +3% does not follow from 200 (2018) to 208 (2019), which is +4,0%.',
        figures: ['FROM 200', 'TO 208'],
        confidence: 'ASSERTED',
      },
    ]);
    expect(rows[0]).toMatchObject({
      id: 1,
      position: 1,
      printed_change: 3,
      printed_change_raw: '+3%',
      computed_change: 4,
      note_id: null,
      same_as_id: null,
    });
  });

  it('shows the computed change with as many decimals as the printed one, at least one', () => {
    expect(check('100', '102,5', '+2,55%').found[0]!.description).toMatch(/, which is \+2,50%\.$/);
    expect(check('300', '200', '+10%').found[0]!.description).toMatch(/, which is -33,3%\.$/);
  });

  it('compares a change in points with the difference and says so', () => {
    expect(check('60', '62', '+2', 'DIFFERENCE').found).toEqual([]);
    const { found, rows } = check('60', '63,5', '+2', 'DIFFERENCE');
    expect(found[0]!.description).toMatch(/from 60 \(2018\) to 63,5 \(2019\), which is 3,5 points\.$/);
    expect(rows[0]!.computed_change).toBe(3.5);
    expect(check('60', '65', '+2', 'DIFFERENCE').found[0]!.description).toMatch(/which is 5 points\.$/);
  });

  it('records "-" (unchanged) for figures that changed, with no percentage from 0', () => {
    const { found, rows } = check('0', '5', '-');
    expect(found[0]!.description).toBe(
      'HR “Terugmeldingen”: the printed change - does not follow from 0 (2018) to 5 (2019), which is no percentage (the first figure is 0).',
    );
    expect(rows[0]).toMatchObject({ printed_change: 0, printed_change_raw: '-', computed_change: null });
    expect(check('5', '5', '-').found).toEqual([]);
  });

  it('records "nieuw" where the first year has a figure', () => {
    const { found, rows } = check('100', '150', 'nieuw');
    expect(found[0]!.description).toMatch(
      /the printed change nieuw does not follow from 100 \(2018\) to 150 \(2019\), which is \+50,0%\.$/,
    );
    expect(rows[0]).toMatchObject({ printed_change: null, computed_change: 50 });
  });

  it('skips a change whose figures are missing or printed as "-"', () => {
    expect(check(null, '208', '+3%').found).toEqual([]);
    expect(check('200', null, '+3%').found).toEqual([]);
    expect(check('-', '208', '+3%').found).toEqual([]);
    expect(check('200', '-', '+3%').found).toEqual([]);
    expect(check('0', '5', '+3%').found).toEqual([]); // no % change from 0 to compare with
  });

  it('tells a dropped minus sign from a sign the wrong way round, also for a Unicode minus', () => {
    expect(check('200', '194', '3%').found[0]!.description).toMatch(
      /which is -3,0%\. It lacks its minus sign\.$/,
    );
    expect(check('200', '206', '-3%').found[0]!.description).toMatch(/ Its sign is the wrong way round\.$/);
    expect(check('200', '194', '+3%').found[0]!.description).toMatch(/ Its sign is the wrong way round\.$/);
    expect(check('200', '206', '−3%').found[0]!.description).toMatch(
      /the printed change −3% does not follow .* Its sign is the wrong way round\.$/,
    );
    expect(check('200', '206', '- 3%').found[0]!.description).toMatch(/ Its sign is the wrong way round\.$/);
    expect(check('200', '206', 'ca. -3%').found[0]!.description).toMatch(
      / Its sign is the wrong way round\.$/,
    );
    expect(check('200', '194', 'ca. 3%').found[0]!.description).toMatch(/ It lacks its minus sign\.$/);
    expect(check('200', '210', '+3%').found[0]!.description).toMatch(/which is \+5,0%\.$/);
    expect(check('200', '210', '0%').found[0]!.description).toMatch(/which is \+5,0%\.$/);
  });

  /** HR's total and its other rows; `slip` is the 2018 figure of another row. */
  const slipped = (other: { slip: string | null; unit?: Unit; elsewhere?: boolean }) => {
    const fixture = new DiscrepancyFixture();
    const hr = fixture.voorziening('Handelsregister', 'HR');
    const total = fixture.indicator(hr, 'Totaal aantal terugmeldingen');
    fixture.cells(total, [null, '13.709', '20.930']);
    fixture.change(total, '+64,6%');
    const owner = other.elsewhere ? fixture.voorziening('Basisregistratie Personen', 'BRP') : hr;
    fixture.cells(fixture.indicator(owner, 'Leeg'), [null, null, '1']);
    const row = fixture.indicator(owner, 'Terugmeldingen buiten Digimelding om', other.unit ?? 'COUNT');
    fixture.cells(row, [null, other.slip, '3']);
    findChangeMismatches(new DiscrepancyRecorder(fixture.context));
    return fixture.found().map((d) => d.description);
  };

  it('names the row a printed change was computed from, when another row of the table gives it', () => {
    expect(slipped({ slip: '12.714' })).toEqual([
      'HR “Totaal aantal terugmeldingen”: the printed change +64,6% does not follow from 13.709 (2018) to 20.930 (2019), which is +52,7%. ' +
        'It is the change from 12.714, the 2018 figure of “Terugmeldingen buiten Digimelding om”, to 20.930: computed from the wrong row.',
    ]);
  });

  it('looks for that row only among other rows of the same voorziening and unit with a first-year figure', () => {
    const plain =
      'HR “Totaal aantal terugmeldingen”: the printed change +64,6% does not follow from 13.709 (2018) to 20.930 (2019), which is +52,7%.';
    expect(slipped({ slip: '12.714', elsewhere: true })).toEqual([plain]);
    expect(slipped({ slip: '12.714', unit: 'PERCENT' })).toEqual([plain]);
    expect(slipped({ slip: '-' })).toEqual([plain]);
    expect(slipped({ slip: null })).toEqual([plain]);
    expect(slipped({ slip: '12.000' })).toEqual([plain]);
  });

  it('checks a breakdown member’s change against that member’s figures', () => {
    const fixture = new DiscrepancyFixture();
    const row = fixture.indicator(fixture.voorziening('Berichtenbox'), 'Verstuurde berichten');
    fixture.cells(row, [null, '100', '150']);
    fixture.cells(row, [null, '10', '11'], 'Gemeenten');
    fixture.change(row, '+50%');
    fixture.change(row, '+50%', { subject: 'Gemeenten' });
    findChangeMismatches(new DiscrepancyRecorder(fixture.context));
    expect(fixture.found()).toEqual([
      {
        kind: 'CHANGE_MISMATCH',
        year: 2019,
        indicator: 1,
        description:
          'Berichtenbox “Verstuurde berichten” for Gemeenten: the printed change +50% does not follow from 10 (2018) to 11 (2019), which is +10,0%.',
        figures: ['FROM 10', 'TO 11'],
        confidence: 'ASSERTED',
      },
    ]);
  });

  it('compares the years the change names', () => {
    const fixture = new DiscrepancyFixture();
    const row = fixture.indicator(fixture.voorziening('DigiD'), 'Authenticaties');
    fixture.cells(row, ['100', '500', '200']);
    fixture.change(row, '+100%', { from: 2017, to: 2019 });
    findChangeMismatches(new DiscrepancyRecorder(fixture.context));
    expect(fixture.found()).toEqual([]);
  });
});

describe('findSameAsMismatches', () => {
  const setUp = () => {
    const fixture = new DiscrepancyFixture();
    const brp = fixture.indicator(fixture.voorziening('Basisregistratie Personen', 'BRP'), 'Terugmeldingen');
    const digimelding = fixture.indicator(fixture.voorziening('Digimelding'), 'Terugmeldingen BRP');
    return { fixture, brp, digimelding };
  };

  it('records each year in which two rows that count the same print different figures', () => {
    const { fixture, brp, digimelding } = setUp();
    fixture.cells(brp, ['5', '6', '7']);
    fixture.cells(digimelding, ['5', '8', null]);
    const link = fixture.sameAs(brp, digimelding);
    findSameAsMismatches(new DiscrepancyRecorder(fixture.context, [], new Map([[link, 'BY_LABEL']])));
    expect(fixture.found()).toEqual([
      {
        kind: 'SAME_AS_MISMATCH',
        year: 2018,
        indicator: brp.id,
        description:
          'BRP “Terugmeldingen” prints 6 for 2018, but Digimelding “Terugmeldingen BRP”, whose label names the same quantity (the monitor does not say the two rows count the same), prints 8.',
        figures: ['SAME_AS 6', 'SAME_AS 8'],
        confidence: 'BY_LABEL',
      },
    ]);
    expect(fixture.context.rows.discrepancy[0]!.same_as_id).toBe(link);
  });

  it('compares the subjects the link names, and names them', () => {
    const { fixture, brp, digimelding } = setUp();
    fixture.cells(brp, ['1', '2', '3']);
    fixture.cells(brp, ['9', '9', '9'], 'Gemeenten');
    fixture.cells(digimelding, ['9', '9', '10'], 'BRP');
    fixture.sameAs(brp, digimelding, { a: 'Gemeenten', b: 'BRP' });
    findSameAsMismatches(new DiscrepancyRecorder(fixture.context));
    expect(fixture.found().map((d) => d.description)).toEqual([
      'BRP “Terugmeldingen” (Gemeenten) prints 9 for 2019, but Digimelding “Terugmeldingen BRP” (BRP), presumably the same measure (our reading; the monitor does not say so), prints 10.',
    ]);
  });

  it('states a link as sure as its confidence: PRESUMED when not listed, else as listed', () => {
    const sentences = (confidence?: 'ASSERTED' | 'BY_LABEL' | 'PRESUMED') => {
      const { fixture, brp, digimelding } = setUp();
      fixture.cells(brp, [null, null, '3']);
      fixture.cells(digimelding, [null, null, '4']);
      const link = fixture.sameAs(brp, digimelding);
      const confidences = new Map(confidence ? [[link, confidence] as const] : []);
      findSameAsMismatches(new DiscrepancyRecorder(fixture.context, [], confidences));
      return fixture
        .found()
        .map((d) => [d.confidence, d.description.replace(/^.*Terugmeldingen BRP”, /, '')]);
    };
    expect(sentences()).toEqual([
      ['PRESUMED', 'presumably the same measure (our reading; the monitor does not say so), prints 4.'],
    ]);
    expect(sentences('ASSERTED')).toEqual([
      ['ASSERTED', 'which the monitor says counts the same, prints 4.'],
    ]);
    expect(sentences('BY_LABEL')[0]![1]).toMatch(/^whose label names the same quantity/);
  });

  it('skips a year in which either prints no figure', () => {
    const { fixture, brp, digimelding } = setUp();
    fixture.cells(brp, ['-', '6', null]);
    fixture.cells(digimelding, ['5', '-', '7']);
    fixture.sameAs(brp, digimelding);
    findSameAsMismatches(new DiscrepancyRecorder(fixture.context));
    expect(fixture.found()).toEqual([]);
  });
});

describe('findNoteMismatches', () => {
  const setUp = (table: (string | null)[], change?: string) => {
    const fixture = new DiscrepancyFixture();
    const row = fixture.indicator(fixture.voorziening('Handelsregister', 'HR'), 'Terugmeldingen');
    fixture.cells(row, table);
    if (change) fixture.change(row, change);
    const run = (...claims: NoteClaim[]) => {
      findNoteMismatches(new DiscrepancyRecorder(fixture.context), claims);
      return fixture.found();
    };
    return { fixture, row, run };
  };

  it('accepts a named figure equal to the table’s, and records one that differs by a unit', () => {
    const { row, fixture, run } = setUp([null, null, '20.930']);
    expect(run(fixture.claim(row, 2019, '20.930'))).toEqual([]);
    expect(run(fixture.claim(row, 2019, '20.931', { noteId: 7 }))).toEqual([
      {
        kind: 'NOTE_VALUE_MISMATCH',
        year: 2019,
        indicator: row.id,
        description: 'The text names 20.931 for 2019 for HR “Terugmeldingen”, but the table prints 20.930.',
        figures: ['TABLE 20.930'],
        confidence: 'ASSERTED',
      },
    ]);
    expect(fixture.context.rows.discrepancy[0]!.note_id).toBe(7);
  });

  it('accepts an approximate figure within 5% of it, and not beyond', () => {
    const at = (table: string, claim: string, rounded = false) => {
      const { row, fixture, run } = setUp([null, null, table]);
      return run(fixture.claim(row, 2019, claim, { rounded })).length;
    };
    expect(at('18.900', 'ruim 18.000')).toBe(0); // 5% of 18.000 is 900
    expect(at('17.100', 'bijna 18.000')).toBe(0);
    expect(at('18.901', 'ruim 18.000')).toBe(1);
    expect(at('17.099', 'bijna 18.000')).toBe(1);
    expect(at('18.900', '18.000')).toBe(1);
    expect(at('18.900', '18.000', true)).toBe(0); // the text rounds it
    expect(at('18.901', '18.000', true)).toBe(1);
    expect(at('-18.900', '−18.000', true)).toBe(0);
  });

  it('says what the text restates, and records a figure the table does not show', () => {
    const { row, fixture, run } = setUp([null, '-', null]);
    expect(
      run(fixture.claim(row, 2018, '16.959.710', { kind: 'CORRECTION' }), fixture.claim(row, 2019, '12')),
    ).toEqual([
      {
        kind: 'NOTE_VALUE_MISMATCH',
        year: 2018,
        indicator: row.id,
        description:
          'The text says the 2018 figure was restated to 16.959.710 for HR “Terugmeldingen”, but the table prints -.',
        figures: ['TABLE -'],
        confidence: 'ASSERTED',
      },
      {
        kind: 'NOTE_VALUE_MISMATCH',
        year: 2019,
        indicator: row.id,
        description: 'The text names 12 for 2019 for HR “Terugmeldingen”, but the table prints no figure.',
        figures: [],
        confidence: 'ASSERTED',
      },
    ]);
  });

  it('records a named figure it cannot read, without a hint', () => {
    const { row, fixture, run } = setUp([null, '100', '110'], '+10%');
    expect(run(fixture.claim(row, 2019, 'enkele honderden')).map((d) => d.description)).toEqual([
      'The text names enkele honderden for 2019 for HR “Terugmeldingen”, but the table prints 110.',
    ]);
  });

  it('tells which of the two figures the printed change fits', () => {
    // 2018 → 2019 is printed as +10%: 100 → 110.
    const hint = (table: (string | null)[], year: number, claim: string, change = '+10%') => {
      const { row, fixture, run } = setUp(table, change);
      const [found] = run(fixture.claim(row, year, claim, { kind: 'CORRECTION' }));
      return found!.description.replace(/^.*, but the table prints [^ ]+\.( )?/, '');
    };
    expect(hint([null, '100', '110'], 2018, '90')).toBe(
      "The printed change +10% fits the table's figure, not the text's.",
    );
    expect(hint([null, '90', '110'], 2018, '100')).toBe(
      "The printed change +10% fits the text's figure, not the table's.",
    );
    expect(hint([null, '100', '120'], 2019, '110')).toBe(
      "The printed change +10% fits the text's figure, not the table's.",
    );
    expect(hint([null, '100', '110'], 2019, '120')).toBe(
      "The printed change +10% fits the table's figure, not the text's.",
    );
    expect(hint([null, '100', '110'], 2019, '110,01')).toBe(''); // both fit
    expect(hint([null, '100', '130'], 2019, '120')).toBe(''); // neither fits
    expect(hint(['110', '100', '110'], 2017, '60')).toBe(''); // the change is not about 2017
    expect(hint([null, '-', '110'], 2019, '120')).toBe(''); // no other figure
    expect(hint([null, null, '110'], 2019, '120')).toBe('');
  });

  it('reads only the row’s own printed change for the hint, not another row’s', () => {
    const fixture = new DiscrepancyFixture();
    const hr = fixture.voorziening('Handelsregister', 'HR');
    const other = fixture.indicator(hr, 'Andere rij');
    fixture.cells(other, [null, '100', '110']);
    fixture.change(other, '+10%');
    const row = fixture.indicator(hr, 'Terugmeldingen');
    fixture.cells(row, [null, '100', '110']);
    findNoteMismatches(new DiscrepancyRecorder(fixture.context), [fixture.claim(row, 2018, '90')]);
    expect(fixture.found().map((d) => d.description)).toEqual([
      'The text names 90 for 2018 for HR “Terugmeldingen”, but the table prints 100.',
    ]);
  });

  it('reads only the row’s own printed change for the hint, not a breakdown member’s', () => {
    const { row, fixture, run } = setUp([null, '100', '110']);
    fixture.change(row, '+10%', { subject: 'Gemeenten' });
    const [found] = run(fixture.claim(row, 2018, '90'));
    expect(found!.description).toBe(
      'The text names 90 for 2018 for HR “Terugmeldingen”, but the table prints 100.',
    );
  });

  it('compares a claim about a breakdown member with that member’s cell', () => {
    const { row, fixture, run } = setUp([null, null, '110']);
    fixture.cell(row, 2019, '40', { subject: 'Gemeenten' });
    expect(run(fixture.claim(row, 2019, '40', { subject: 'Gemeenten' }))).toEqual([]);
    expect(run(fixture.claim(row, 2019, '110', { subject: 'Gemeenten' }))).toHaveLength(1);
  });
});

describe('findSumMismatches', () => {
  /** A total and parts (cells for 2019 only unless given), checked by the curated rule. */
  const curated = (total: string | null, parts: (string | null | { raw: string; inferred: true })[]) => {
    const fixture = new DiscrepancyFixture();
    const digid = fixture.voorziening('DigiD');
    const totalRow = fixture.indicator(digid, 'Authenticaties');
    if (total !== null) fixture.cell(totalRow, 2019, total);
    const partRows = parts.map((raw, at) => {
      const row = fixture.indicator(digid, `Deel ${at + 1}`);
      if (typeof raw === 'string') fixture.cell(row, 2019, raw);
      else if (raw) fixture.cell(row, 2019, raw.raw, { yearInferred: true });
      return row;
    });
    findSumMismatches(
      new DiscrepancyRecorder(fixture.context),
      [totalOf(totalRow, partRows)],
      indexOf([totalRow, ...partRows]),
      'seeds/totals.yaml',
    );
    return fixture.found();
  };

  it('accepts a total that is the sum of its parts, and records one that is off by one', () => {
    expect(curated('10', ['4', '6'])).toEqual([]);
    expect(curated('0,3', ['0,1', '0,2'])).toEqual([]); // 0.30000000000000004
    expect(curated('11', ['4', '6'])).toEqual([
      {
        kind: 'SUM_MISMATCH',
        year: 2019,
        indicator: 1,
        description: 'DigiD “Authenticaties” prints 11 for 2019, but its 2 parts add up to 10.',
        figures: ['TOTAL 11', 'PART 4', 'PART 6'],
        confidence: 'BY_LABEL',
      },
    ]);
  });

  it('does not check a sum with a part printed "-" or left blank, but one printed 0 it does', () => {
    // a part not reported is not 0: no discrepancy, whatever the other parts give
    expect(curated('10', ['4', '-', '6'])).toEqual([]);
    expect(curated('12', ['4', '-', '6'])).toEqual([]);
    expect(curated('12', ['4', '6', null])).toEqual([]);
    // a part printed 0 is reported: the sum is checked
    expect(curated('10', ['4', '0', '6'])).toEqual([]);
    expect(curated('12', ['4', '0', '6']).map((d) => d.description)).toEqual([
      'DigiD “Authenticaties” prints 12 for 2019, but its 3 parts add up to 10.',
    ]);
  });

  it('marks a total whose parts are incomplete, saying what the reported parts account for', () => {
    const marked = (total: string, parts: (string | null)[]) => {
      const fixture = new DiscrepancyFixture();
      const digid = fixture.voorziening('DigiD');
      const totalRow = fixture.indicator(digid, 'Accounts');
      const cell = fixture.cell(totalRow, 2019, total);
      const partRows = parts.map((raw, at) => {
        const row = fixture.indicator(digid, `Niveau ${at + 1}`);
        if (raw !== null) fixture.cell(row, 2019, raw);
        return row;
      });
      findSumMismatches(
        new DiscrepancyRecorder(fixture.context),
        [totalOf(totalRow, partRows)],
        indexOf([totalRow, ...partRows]),
        'seeds/totals.yaml',
      );
      return { incomplete: cell.parts_incomplete, caveat: cell.caveat, found: fixture.found() };
    };
    expect(marked('13.529.391', ['4.979.118', '8.547.968', '-'])).toEqual({
      incomplete: 1,
      caveat:
        'Parts incomplete: the reported parts add up to 13.527.086 of 13.529.391, 2.305 not accounted for; ' +
        'not reported: “Niveau 3” (-). The sum is not checked.',
      found: [],
    });
    expect(marked('10', ['10', null]).caveat).toBe(
      'Parts incomplete: the reported parts add up to 10 of 10; not reported: “Niveau 2” (blank). The sum is not checked.',
    );
    expect(marked('10', ['4', '6'])).toEqual({ incomplete: 0, caveat: null, found: [] });
    // every part not reported is named, in the parts' order
    expect(marked('10', ['-', '4', null]).caveat).toBe(
      'Parts incomplete: the reported parts add up to 4 of 10, 6 not accounted for; ' +
        'not reported: “Niveau 1” (-), “Niveau 3” (blank). The sum is not checked.',
    );
    // a year in which no part has a cell is neither checked nor marked
    expect(marked('10', [null, null])).toEqual({ incomplete: 0, caveat: null, found: [] });
  });

  it('counts a blank as 0 only for the parts the totals file names under blankIsZero, and says so', () => {
    const withBlanks = (total: string, parts: (string | null)[], zero: number[]) => {
      const fixture = new DiscrepancyFixture();
      const digid = fixture.voorziening('DigiD');
      const totalRow = fixture.indicator(digid, 'Berichten');
      fixture.cell(totalRow, 2019, total);
      const partRows = parts.map((raw, at) => {
        const row = fixture.indicator(digid, `Bron ${at + 1}`);
        if (raw !== null) fixture.cell(row, 2019, raw);
        return row;
      });
      const entry = totalOf(totalRow, partRows);
      entry.blankIsZero = { parts: zero.map((at) => entry.parts[at]!), lines: '205' };
      findSumMismatches(
        new DiscrepancyRecorder(fixture.context),
        [entry],
        indexOf([totalRow, ...partRows]),
        'seeds/totals.yaml',
      );
      return fixture.found().map((d) => d.description);
    };
    expect(withBlanks('10', ['10', null], [1])).toEqual([]);
    expect(withBlanks('11', ['10', null], [1])).toEqual([
      'DigiD “Berichten” prints 11 for 2019, but its 2 parts add up to 10 (counting “Bron 2” (blank: not connected yet, lines 205) as 0).',
    ]);
    // a '-' is not a blank: not reported, even for a part named under blankIsZero
    expect(withBlanks('11', ['10', '-'], [1])).toEqual([]);
    // a blank of a part not named: not reported
    expect(withBlanks('11', ['10', null], [0])).toEqual([]);
    // every part counted as 0 is named, in the parts' order
    expect(withBlanks('11', [null, '10', null], [0, 2])).toEqual([
      'DigiD “Berichten” prints 11 for 2019, but its 3 parts add up to 10 (counting “Bron 1” (blank: not connected yet, lines 205), “Bron 3” (blank: not connected yet, lines 205) as 0).',
    ]);
  });

  it('gives a curated total its confidence (BY_LABEL unless the file says) and its explanation', () => {
    const fixture = new DiscrepancyFixture();
    const digid = fixture.voorziening('DigiD');
    const [total, a, b] = ['Totaal', 'A', 'B'].map((name) => fixture.indicator(digid, name));
    fixture.cells(total!, [null, '11', '12']);
    fixture.cells(a!, [null, '5', '5']);
    fixture.cells(b!, [null, '5', '5']);
    const entry = { ...totalOf(total!, [a!, b!]), explanation: 'Closes with the App row.' };
    findSumMismatches(new DiscrepancyRecorder(fixture.context), [entry], indexOf([total!, a!, b!]), 'x');
    findSumMismatches(
      new DiscrepancyRecorder(fixture.context),
      [{ ...entry, confidence: 'PRESUMED', explanation: undefined }],
      indexOf([total!, a!, b!]),
      'x',
    );
    expect(fixture.context.rows.discrepancy.map((d) => [d.year, d.confidence, d.explanation])).toEqual([
      [2018, 'BY_LABEL', 'Closes with the App row.'],
      [2019, 'BY_LABEL', 'Closes with the App row.'],
      [2018, 'PRESUMED', null],
      [2019, 'PRESUMED', null],
    ]);
  });

  it('allows 1% for an approximate or lower-bound figure, and no more', () => {
    expect(curated('ruim 100', ['50', '51'])).toEqual([]);
    expect(curated('ruim 100', ['50', '51,01'])).toHaveLength(1);
    expect(curated('100', ['ca. 50', '49'])).toEqual([]);
    expect(curated('100', ['>50', '49'])).toEqual([]);
    expect(curated('100', ['>50', '48,99'])).toHaveLength(1);
    expect(curated('100', ['50', '49'])).toHaveLength(1);
  });

  it('says when the parts are printed without a year', () => {
    expect(curated('12', ['4', { raw: '6', inferred: true }])[0]!.description).toBe(
      'DigiD “Authenticaties” prints 12 for 2019, but its 2 parts (the source prints the parts without a year; they are read as 2019) add up to 10.',
    );
  });

  it('skips a year without a total figure or without any part', () => {
    expect(curated(null, ['4', '6'])).toEqual([]);
    expect(curated('-', ['4', '6'])).toEqual([]);
    expect(curated('10', [null, null])).toEqual([]);
  });

  it('names an unknown indicator in the totals file by its place', () => {
    const fixture = new DiscrepancyFixture();
    const row = fixture.indicator(fixture.voorziening('DigiD'), 'Authenticaties');
    fixture.cell(row, 2019, '1');
    const index = indexOf([row]);
    findSumMismatches(
      new DiscrepancyRecorder(fixture.context),
      [
        { total: 'digid/nope', parts: ['digid/indicator-1', 'digid/indicator-1'], note: 'x' },
        { total: 'digid/indicator-1', parts: ['digid/indicator-1', 'digid/niet'], note: 'y' },
      ],
      index,
      'seeds/totals.yaml',
    );
    expect(fixture.context.problems.map((p) => p.message)).toEqual([
      'seeds/totals.yaml: 0.total: unknown indicator "digid/nope"',
      'seeds/totals.yaml: 1.parts.1: unknown indicator "digid/niet"',
    ]);
    expect(fixture.found()).toEqual([]);
  });

  /** A breakdown table of one indicator (subjects per year), checked against its total. */
  const breakdown = (
    unit: Unit,
    cells: { year?: number; subject: string | null; raw: string; total?: boolean; noteId?: number }[],
    compound = false,
  ) => {
    const fixture = new DiscrepancyFixture();
    const row = fixture.indicator(fixture.voorziening('Berichtenbox'), 'Verstuurde berichten', unit);
    for (const cell of cells) {
      fixture.cell(row, cell.year ?? 2019, cell.raw, {
        subject: cell.subject ?? undefined,
        total: cell.total,
        noteId: cell.noteId,
      });
    }
    if (compound) fixture.context.compoundIndicators.add(row.id);
    findSumMismatches(new DiscrepancyRecorder(fixture.context), [], new Map(), 'seeds/totals.yaml');
    return fixture.found();
  };

  it('checks a breakdown’s “Totaal” row against its members', () => {
    const cells = (total: string) => [
      { subject: 'Gemeenten', raw: '4' },
      { subject: 'Provincies', raw: '6' },
      { subject: 'Totaal', raw: total, total: true },
    ];
    expect(breakdown('COUNT', cells('10'))).toEqual([]);
    expect(breakdown('COUNT', cells('9'))).toEqual([
      {
        kind: 'SUM_MISMATCH',
        year: 2019,
        indicator: 1,
        description: 'Berichtenbox “Verstuurde berichten” prints 9 for 2019, but its 2 rows add up to 10.',
        figures: ['TOTAL 9', 'PART 4', 'PART 6'],
        confidence: 'ASSERTED',
      },
    ]);
  });

  it('does not check a breakdown with a member printed "-", but one printed 0 it does; its own figure is BY_LABEL', () => {
    const cells = (member: string, total = '9') => [
      { subject: 'Gemeenten', raw: '4' },
      { subject: 'Provincies', raw: '5' },
      { subject: 'Waterschappen', raw: member },
      { subject: 'Totaal', raw: total, total: true },
    ];
    expect(breakdown('COUNT', cells('-'))).toEqual([]);
    expect(breakdown('COUNT', cells('-', '12'))).toEqual([]);
    expect(breakdown('COUNT', cells('0'))).toEqual([]);
    expect(breakdown('COUNT', cells('0', '12')).map((d) => d.confidence)).toEqual(['ASSERTED']);
    const own = breakdown('COUNT', [
      { subject: null, raw: '12' },
      { subject: 'Gemeenten', raw: '4' },
      { subject: 'Provincies', raw: '5' },
    ]);
    expect(own.map((d) => d.confidence)).toEqual(['BY_LABEL']);
  });

  it('marks a breakdown’s total whose members are incomplete', () => {
    const fixture = new DiscrepancyFixture();
    const row = fixture.indicator(fixture.voorziening('Berichtenbox'), 'Verstuurde berichten');
    fixture.cell(row, 2019, '4', { subject: 'Gemeenten' });
    fixture.cell(row, 2019, '-', { subject: 'Provincies' });
    const total = fixture.cell(row, 2019, '12', { subject: 'Totaal', total: true });
    findSumMismatches(new DiscrepancyRecorder(fixture.context), [], new Map(), 'seeds/totals.yaml');
    expect([total.parts_incomplete, total.caveat]).toEqual([
      1,
      'Parts incomplete: the reported parts add up to 4 of 12, 8 not accounted for; not reported: Provincies (-). The sum is not checked.',
    ]);
  });

  it('checks the row’s own figure when the breakdown has no “Totaal”, year by year', () => {
    expect(
      breakdown('COUNT', [
        { subject: null, raw: '10' },
        { subject: 'Gemeenten', raw: '4' },
        { subject: 'Provincies', raw: '6' },
        { year: 2018, subject: null, raw: '10' },
        { year: 2018, subject: 'Gemeenten', raw: '4', noteId: 3 },
        { year: 2018, subject: 'Provincies', raw: '5', noteId: 3 },
      ]).map((d) => d.description),
    ).toEqual([
      'Berichtenbox “Verstuurde berichten” prints 10 for 2018, but its 2 parts named in the note add up to 9.',
    ]);
  });

  it('leaves alone breakdowns of one member, of percentages, and cells of several quantities', () => {
    expect(
      breakdown('COUNT', [
        { subject: null, raw: '10' },
        { subject: 'Gemeenten', raw: '4' },
      ]),
    ).toEqual([]);
    const wrong = [
      { subject: null, raw: '10' },
      { subject: 'Gemeenten', raw: '4' },
      { subject: 'Provincies', raw: '5' },
    ];
    expect(breakdown('PERCENT', wrong)).toEqual([]);
    expect(breakdown('COUNT', wrong, true)).toEqual([]);
    expect(breakdown('COUNT', wrong)).toHaveLength(1);
    expect(breakdown('COUNT', wrong.slice(1))).toEqual([]); // no total to check
  });
});

describe('DiscrepancyRecorder and findDiscrepancies', () => {
  it('names an indicator by its voorziening’s abbreviation, or its name when it has none', () => {
    const fixture = new DiscrepancyFixture();
    const recorder = new DiscrepancyRecorder(fixture.context);
    const withAbbreviation = fixture.indicator(fixture.voorziening('Handelsregister', 'HR'), 'Rij');
    const without = fixture.indicator(fixture.voorziening('Digimelding'), 'Rij');
    const later = new DiscrepancyRecorder(fixture.context);
    expect(later.name(withAbbreviation)).toBe('HR “Rij”');
    expect(later.name(without)).toBe('Digimelding “Rij”');
    expect(recorder.indicators.size).toBe(0); // it reads the rows once, when made
  });

  it('looks cells up by indicator, subject and year', () => {
    const fixture = new DiscrepancyFixture();
    const row = fixture.indicator(fixture.voorziening('DigiD'), 'Rij');
    const own = fixture.cell(row, 2019, '1');
    const member = fixture.cell(row, 2019, '2', { subject: 'Gemeenten' });
    const recorder = new DiscrepancyRecorder(fixture.context);
    expect(recorder.cell(row.id, null, 2019)).toBe(own);
    expect(recorder.cell(row.id, 'Gemeenten', 2019)).toBe(member);
    expect(recorder.cell(row.id, 'Provincies', 2019)).toBeUndefined();
    expect(recorder.cell(row.id, null, 2018)).toBeUndefined();
    expect(recorder.cell(row.id + 1, null, 2019)).toBeUndefined();
  });

  it('numbers discrepancies in order and links their figures in order', () => {
    const fixture = new DiscrepancyFixture();
    const row = fixture.indicator(fixture.voorziening('DigiD'), 'Rij');
    const a = fixture.cell(row, 2018, '1');
    const b = fixture.cell(row, 2019, '2');
    const recorder = new DiscrepancyRecorder(fixture.context);
    recorder.record(
      { kind: 'SUM_MISMATCH', year: 2019, indicator_id: row.id, description: 'one', confidence: 'BY_LABEL' },
      [],
    );
    recorder.record(
      {
        kind: 'SAME_AS_MISMATCH',
        year: null,
        indicator_id: row.id,
        description: 'two',
        same_as_id: 4,
        confidence: 'PRESUMED',
      },
      [
        [b, 'X'],
        [a, 'Y'],
      ],
    );
    expect(fixture.context.rows.discrepancy).toEqual([
      {
        id: 1,
        position: 1,
        kind: 'SUM_MISMATCH',
        year: 2019,
        indicator_id: row.id,
        description: 'one',
        printed_change: null,
        printed_change_raw: null,
        computed_change: null,
        note_id: null,
        same_as_id: null,
        confidence: 'BY_LABEL',
        explanation: null,
        claim_id: null,
      },
      {
        id: 2,
        position: 2,
        kind: 'SAME_AS_MISMATCH',
        year: null,
        indicator_id: row.id,
        description: 'two',
        printed_change: null,
        printed_change_raw: null,
        computed_change: null,
        note_id: null,
        same_as_id: 4,
        confidence: 'PRESUMED',
        explanation: null,
        claim_id: null,
      },
    ]);
    expect(fixture.context.rows.discrepancy_observation).toEqual([
      { discrepancy_id: 2, observation_id: b.id, role: 'X', position: 0 },
      { discrepancy_id: 2, observation_id: a.id, role: 'Y', position: 1 },
    ]);
  });

  it('runs every finder: changes, same-as links, notes and sums, in that order', () => {
    const fixture = new DiscrepancyFixture();
    const digid = fixture.voorziening('DigiD');
    const total = fixture.indicator(digid, 'Totaal');
    const part = fixture.indicator(digid, 'Deel');
    const other = fixture.indicator(digid, 'Ander deel');
    fixture.cells(total, [null, '10', '20']);
    fixture.change(total, '+50%');
    fixture.cells(part, [null, '5', '5']);
    fixture.cells(other, [null, '5', '6']);
    fixture.sameAs(part, other);
    findDiscrepancies(fixture.context, {
      claims: [fixture.claim(part, 2018, '4')],
      totals: [totalOf(total, [part, other])],
      index: indexOf([total, part, other]),
      totalsFile: 'seeds/totals.yaml',
    });
    expect(fixture.found().map((d) => `${d.kind} ${d.year}`)).toEqual([
      'CHANGE_MISMATCH 2019',
      'SAME_AS_MISMATCH 2019',
      'NOTE_VALUE_MISMATCH 2018',
      'SUM_MISMATCH 2019',
    ]);
  });

  describe('with seeds/certainty.yaml', () => {
    /** Two rows of DigiD linked as sameAs, differing in 2019, and a third row with three cells. */
    const setUp = () => {
      const fixture = new DiscrepancyFixture();
      const digid = fixture.voorziening('DigiD');
      const [a, b, count] = ['A', 'B', 'Aangesloten'].map((name) => fixture.indicator(digid, name));
      fixture.cells(a!, ['1', '2', '3']);
      fixture.cells(b!, ['1', '2', '4']);
      fixture.cells(count!, ['4', '5', '6']);
      fixture.sameAs(a!, b!);
      const run = (certainty: Partial<CertaintySeed>) => {
        findDiscrepancies(fixture.context, {
          claims: [],
          totals: [],
          index: indexOf([a!, b!, count!]),
          totalsFile: 'seeds/totals.yaml',
          certainty: { sameAs: [], explanations: [], caveats: [], ...certainty },
          certaintyFile: 'seeds/certainty.yaml',
        });
        return fixture;
      };
      return { run, a: a!, count: count! };
    };

    it('gives a listed sameAs its confidence and a discrepancy its explanation, in its years only', () => {
      const { run } = setUp();
      const fixture = run({
        sameAs: [
          { indicators: ['digid/indicator-1', 'digid/indicator-2'], confidence: 'BY_LABEL', lines: '1' },
        ],
        explanations: [
          {
            kind: 'SAME_AS_MISMATCH',
            indicator: 'digid/indicator-1',
            years: [2019],
            text: 'Known.',
            lines: '2',
          },
          { kind: 'SAME_AS_MISMATCH', indicator: 'digid/indicator-1', text: 'Always.', lines: '3' },
        ],
      });
      expect(fixture.context.problems).toEqual([]);
      expect(fixture.context.rows.discrepancy.map((d) => [d.year, d.confidence, d.explanation])).toEqual([
        [2019, 'BY_LABEL', 'Known. Always.'],
      ]);
    });

    it('puts a caveat on the row’s cells of its years, and joins two', () => {
      const { run, count } = setUp();
      const fixture = run({
        caveats: [
          { indicator: 'digid/indicator-3', text: 'Includes one more.', lines: '1' },
          { indicator: 'digid/indicator-3', years: [2019], text: 'Named nowhere.', lines: '2' },
        ],
      });
      const caveats = fixture.context.rows.observation
        .filter((o) => o.indicator_id === count.id)
        .map((o) => [o.year, o.caveat]);
      expect(caveats).toEqual([
        [2017, 'Includes one more.'],
        [2018, 'Includes one more.'],
        [2019, 'Includes one more. Named nowhere.'],
      ]);
    });

    it('names what is wrong: an unknown row, a pair no sameAs joins, an explanation of nothing, a caveat without cells', () => {
      const { run } = setUp();
      const fixture = run({
        sameAs: [
          { indicators: ['digid/nope', 'digid/indicator-2'], confidence: 'BY_LABEL', lines: '1' },
          { indicators: ['digid/indicator-2', 'digid/indicator-1'], confidence: 'BY_LABEL', lines: '1' },
        ],
        explanations: [
          { kind: 'SUM_MISMATCH', indicator: 'digid/indicator-1', text: 'Nothing to explain.', lines: '1' },
          {
            kind: 'SAME_AS_MISMATCH',
            indicator: 'digid/indicator-1',
            years: [2017],
            text: 'Equal then.',
            lines: '1',
          },
        ],
        caveats: [{ indicator: 'digid/indicator-3', years: [2016], text: 'Too early.', lines: '1' }],
      });
      expect(fixture.context.problems.map((p) => p.message)).toEqual([
        'seeds/certainty.yaml: sameAs.0.indicators.0: unknown indicator "digid/nope"',
        'seeds/certainty.yaml: sameAs.1: no sameAs link in relations.yaml joins these rows',
        'seeds/certainty.yaml: caveats.0: no cell of the row in its years',
        'seeds/certainty.yaml: explanations.0: it explains no discrepancy',
        'seeds/certainty.yaml: explanations.1: it explains no discrepancy',
      ]);
    });
  });
});

describe('findDiscrepancies reading seeds/certainty.yaml: which link, which cells, which explanation', () => {
  /** Three rows of DigiD (a, b, c) differing in 2019, linked a–b, b–c, a–c and c–b; `run` reads `certainty`. */
  const setUp = () => {
    const fixture = new DiscrepancyFixture();
    const digid = fixture.voorziening('DigiD');
    const [a, b, c] = ['A', 'B', 'C'].map((name) => fixture.indicator(digid, name)) as [
      IndicatorTable,
      IndicatorTable,
      IndicatorTable,
    ];
    fixture.cells(a, ['1', '2', '3']);
    fixture.cells(b, ['1', '2', '4']);
    fixture.cells(c, ['1', '2', '5']);
    fixture.cells(a, ['7', '8', '9'], 'Gemeenten');
    // b–c before a–c: a link is found by both its rows, not by the second alone
    const links = {
      ab: fixture.sameAs(a, b),
      bc: fixture.sameAs(b, c),
      ac: fixture.sameAs(a, c),
      cb: fixture.sameAs(c, b),
    };
    const run = (certainty: Partial<CertaintySeed>, certaintyFile?: string) => {
      findDiscrepancies(fixture.context, {
        claims: [],
        totals: [],
        index: indexOf([a, b, c]),
        totalsFile: 'seeds/totals.yaml',
        certainty: { sameAs: [], explanations: [], caveats: [], ...certainty },
        certaintyFile,
      });
      return fixture;
    };
    return { run, a, links };
  };

  it('gives its confidence to the link that joins exactly the two rows named, in that order', () => {
    const { run, links } = setUp();
    const fixture = run({
      sameAs: [
        { indicators: ['digid/indicator-1', 'digid/indicator-3'], confidence: 'ASSERTED', lines: '1' },
      ],
    });
    expect(fixture.context.problems).toEqual([]);
    expect(fixture.context.rows.discrepancy.map((d) => [d.same_as_id, d.confidence])).toEqual([
      [links.ab, 'PRESUMED'],
      [links.bc, 'PRESUMED'],
      [links.ac, 'ASSERTED'],
      [links.cb, 'PRESUMED'],
    ]);
  });

  it('puts a caveat on the row’s own cells only: not on its breakdown members, nor on other rows', () => {
    const { run, a } = setUp();
    const fixture = run({
      caveats: [{ indicator: 'digid/indicator-1', years: [2018, 2019], text: 'Partly.', lines: '1' }],
    });
    expect(fixture.context.problems).toEqual([]);
    expect(
      fixture.context.rows.observation
        .filter((o) => o.caveat !== null)
        .map((o) => [o.indicator_id, o.subject, o.year, o.caveat]),
    ).toEqual([
      [a.id, null, 2018, 'Partly.'],
      [a.id, null, 2019, 'Partly.'],
    ]);
  });

  it('reports only the explanation that explains nothing, not the one that explains a discrepancy', () => {
    const { run } = setUp();
    const fixture = run({
      explanations: [
        {
          kind: 'SAME_AS_MISMATCH',
          indicator: 'digid/indicator-1',
          years: [2019],
          text: 'Used.',
          lines: '1',
        },
        { kind: 'SUM_MISMATCH', indicator: 'digid/indicator-1', text: 'Unused.', lines: '2' },
      ],
    });
    expect(fixture.context.problems.map((p) => p.message)).toEqual([
      'seeds/certainty.yaml: explanations.1: it explains no discrepancy',
    ]);
    expect(fixture.context.rows.discrepancy.map((d) => d.explanation)).toEqual([
      'Used.',
      null,
      'Used.',
      null,
    ]);
  });

  it('names the certainty file seeds/certainty.yaml when not told, and each unknown row by its place', () => {
    const { run } = setUp();
    const fixture = run({
      sameAs: [{ indicators: ['digid/indicator-1', 'digid/nope'], confidence: 'ASSERTED', lines: '1' }],
      explanations: [
        { kind: 'SAME_AS_MISMATCH', indicator: 'digid/niet', text: 'Of nothing.', lines: '1' },
        { kind: 'SUM_MISMATCH', indicator: 'digid/indicator-2', text: 'Of no sum.', lines: '1' },
      ],
      caveats: [{ indicator: 'digid/geen', text: 'Nowhere.', lines: '1' }],
    });
    expect(fixture.context.problems.map((p) => p.message)).toEqual([
      'seeds/certainty.yaml: sameAs.0.indicators.1: unknown indicator "digid/nope"',
      'seeds/certainty.yaml: explanations.0.indicator: unknown indicator "digid/niet"',
      'seeds/certainty.yaml: caveats.0.indicator: unknown indicator "digid/geen"',
      'seeds/certainty.yaml: explanations.1: it explains no discrepancy',
    ]);
    expect(fixture.context.rows.observation.every((o) => o.caveat === null)).toBe(true);
  });
});
