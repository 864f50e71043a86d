import type { ClaimTable, DiscrepancyTable, NoteTable } from '../server/db/database';
import { BuildContext } from '../server/ingest/build-context';
import { mergeSameContradictions } from '../server/ingest/discrepancies/merge-same-contradictions';

// mergeSameContradictions on made-up rows: a summary claim and a note of the same sentence about the same cell
// are one contradiction; anything less alike stays two.

const SENTENCE = 'Voor het HR steeg het aantal terugmeldingen naar ruim 18.000, terwijl het elders daalde.';

function setUp() {
  const rows = new BuildContext([2017, 2018, 2019]).rows;
  const note = (fields: Partial<NoteTable> = {}): NoteTable => {
    const row: NoteTable = {
      id: rows.note.length + 1,
      voorziening_id: 1,
      key: `note-${rows.note.length + 1}`,
      heading: null,
      // as a seed's folded text: the sentence over two lines
      text: SENTENCE.replace(' aantal ', '\n  aantal '),
      text_en: null,
      section_id: 2,
      position: rows.note.length + 1,
      ...fields,
    };
    rows.note.push(row);
    return row;
  };
  const claim = (fields: Partial<ClaimTable> = {}): ClaimTable => {
    const row = {
      id: rows.claim.length + 1,
      code: `c-${rows.claim.length + 1}`,
      section_id: 2,
      quote: 'steeg het aantal terugmeldingen naar ruim 18.000',
      ...fields,
    } as ClaimTable;
    rows.claim.push(row);
    return row;
  };
  /** Adds a discrepancy with one figure (its id times 100). */
  const discrepancy = (
    fields: Partial<DiscrepancyTable> & Pick<DiscrepancyTable, 'kind'>,
  ): DiscrepancyTable => {
    const id = rows.discrepancy.length + 1;
    const row: DiscrepancyTable = {
      id,
      year: 2019,
      indicator_id: 7,
      description: `d${id}`,
      printed_change: null,
      printed_change_raw: null,
      computed_change: null,
      note_id: null,
      same_as_id: null,
      claim_id: null,
      position: id,
      confidence: 'ASSERTED',
      explanation: null,
      ...fields,
    };
    rows.discrepancy.push(row);
    rows.discrepancy_observation.push({
      discrepancy_id: id,
      observation_id: id * 100,
      role: 'TABLE',
      position: 0,
    });
    return row;
  };
  return { rows, note, claim, discrepancy };
}

describe('mergeSameContradictions', () => {
  it('keeps the summary claim’s discrepancy, with the note and both explanations, and drops the note’s', () => {
    const { rows, note, claim, discrepancy } = setUp();
    const other = discrepancy({ kind: 'CHANGE_MISMATCH' });
    const fromNote = discrepancy({
      kind: 'NOTE_VALUE_MISMATCH',
      note_id: note().id,
      explanation: 'The note’s.',
    });
    const summary = discrepancy({
      kind: 'SUMMARY_MISMATCH',
      claim_id: claim().id,
      explanation: 'The claim’s.',
    });
    expect(mergeSameContradictions(rows)).toBe(1);
    expect(rows.discrepancy.map((d) => d.id)).toEqual([other.id, summary.id]);
    expect(rows.discrepancy[1]).toMatchObject({
      kind: 'SUMMARY_MISMATCH',
      claim_id: 1,
      note_id: fromNote.note_id,
      explanation: 'The claim’s. The note’s.',
      description: summary.description,
      position: summary.position,
    });
    expect(rows.discrepancy_observation.map((link) => link.discrepancy_id)).toEqual([other.id, summary.id]);
  });

  it('takes the note’s explanation alone, or none when neither has one', () => {
    for (const [own, twin, merged] of [
      [null, 'The note’s.', 'The note’s.'],
      ['The claim’s.', null, 'The claim’s.'],
      [null, null, null],
    ] as const) {
      const { rows, note, claim, discrepancy } = setUp();
      discrepancy({ kind: 'NOTE_VALUE_MISMATCH', note_id: note().id, explanation: twin });
      discrepancy({ kind: 'SUMMARY_MISMATCH', claim_id: claim().id, explanation: own });
      mergeSameContradictions(rows);
      expect(rows.discrepancy.map((d) => d.explanation)).toEqual([merged]);
    }
  });

  it.each([
    ['another year', { year: 2018 }, {}, {}],
    ['another row', { indicator_id: 8 }, {}, {}],
    ['a note of another section', {}, { section_id: 3 }, {}],
    ['a note without the claim’s words', {}, { text: 'Het HR kreeg ruim 18.000 meldingen.' }, {}],
    ['a claim of more words than the note has', {}, {}, { quote: `${SENTENCE} En meer.` }],
  ])('leaves both when the note mismatch is about %s', (_, noteMismatch, noteFields, claimFields) => {
    const { rows, note, claim, discrepancy } = setUp();
    discrepancy({ kind: 'NOTE_VALUE_MISMATCH', note_id: note(noteFields).id, ...noteMismatch });
    discrepancy({ kind: 'SUMMARY_MISMATCH', claim_id: claim(claimFields).id });
    expect(mergeSameContradictions(rows)).toBe(0);
    expect(rows.discrepancy.map((d) => d.kind)).toEqual(['NOTE_VALUE_MISMATCH', 'SUMMARY_MISMATCH']);
    expect(rows.discrepancy[1]!.note_id).toBeNull();
    expect(rows.discrepancy_observation).toHaveLength(2);
  });

  it('merges only a note’s mismatch with a claim’s: not another kind, not a claim without a discrepancy of its own', () => {
    const { rows, note, claim, discrepancy } = setUp();
    const noteId = note().id;
    // a change mismatch that happens to name the note, and a summary mismatch without a claim
    discrepancy({ kind: 'CHANGE_MISMATCH', note_id: noteId });
    discrepancy({ kind: 'SUMMARY_MISMATCH' });
    claim();
    expect(mergeSameContradictions(rows)).toBe(0);
    expect(rows.discrepancy).toHaveLength(2);
  });

  it('gives a note’s mismatch to one claim only, the first, when two claims are of the same sentence', () => {
    const { rows, note, claim, discrepancy } = setUp();
    discrepancy({ kind: 'NOTE_VALUE_MISMATCH', note_id: note().id });
    const first = discrepancy({ kind: 'SUMMARY_MISMATCH', claim_id: claim().id });
    const second = discrepancy({ kind: 'SUMMARY_MISMATCH', claim_id: claim({ quote: 'ruim 18.000' }).id });
    expect(mergeSameContradictions(rows)).toBe(1);
    expect(rows.discrepancy.map((d) => [d.id, d.note_id])).toEqual([
      [first.id, 1],
      [second.id, null],
    ]);
  });

  it('merges every pair in one pass, and changes nothing when there is none', () => {
    const { rows, note, claim, discrepancy } = setUp();
    expect(mergeSameContradictions(rows)).toBe(0);
    discrepancy({ kind: 'NOTE_VALUE_MISMATCH', note_id: note().id });
    discrepancy({ kind: 'NOTE_VALUE_MISMATCH', note_id: note().id, year: 2018 });
    discrepancy({ kind: 'SUMMARY_MISMATCH', claim_id: claim().id });
    discrepancy({ kind: 'SUMMARY_MISMATCH', claim_id: claim().id, year: 2018 });
    expect(mergeSameContradictions(rows)).toBe(2);
    expect(rows.discrepancy.map((d) => [d.id, d.note_id])).toEqual([
      [3, 1],
      [4, 2],
    ]);
  });
});
