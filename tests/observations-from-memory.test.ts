import { toGlobalId } from '../server/domain/global-id';
import { observationsByIndicators } from '../server/db/queries/observation-queries';
import { notesByVoorzieningen } from '../server/db/queries/note-queries';
import { reportedChangesByIndicators } from '../server/db/queries/change-queries';
import { indicatorsByNotes, indicatorsByRelations } from '../server/db/queries/indicator-queries';
import { observationsWhere } from '../server/db/queries/filtered-rows';
import { rowsById } from '../server/db/queries/rows-by-id';
import { referenceRowsOf } from '../server/graphql/reference-rows';
import type { Unit } from '../server/domain/vocabulary';
import { useRealApi } from './support/api-context';
import { expectKeysetWindows } from './support/keyset-windows';

type Page = {
  totalCount: number;
  nodes: { id: string; year: number; subject: string | null; indicator: { key: string; unit: string } }[];
  edges: { cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
};

const PAGE = `query($filter: ObservationFilter, $first: Int, $after: String, $last: Int, $before: String) {
  observations(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    nodes { id year subject indicator { key unit } }
    edges { cursor }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

/**
 * The observations, the notes, the printed changes and the indicators of notes and relations are kept in memory
 * per dataset version (the reference rows) and paged and grouped there (no statement); what they answer must be
 * what the tables hold, selected and ordered as the SQL queries they replace select and order them.
 */
describe('observations, notes and their links, from the reference rows', () => {
  const api = useRealApi();
  const rows = () => referenceRowsOf(api.db, 'observations-from-memory');

  it("groups each indicator's observations and printed changes as the per-indicator queries do", async () => {
    const reference = await rows();
    const indicators = await api.db.selectFrom('indicator').select('id').orderBy('id').execute();
    let observations = 0;
    let changes = 0;
    for (const { id } of indicators) {
      const expected = await observationsByIndicators(api.db, [id]);
      expect({ id, rows: reference.observationsByIndicator.get(id) ?? [] }).toEqual({ id, rows: expected });
      observations += expected.length;
      const printed = await reportedChangesByIndicators(api.db, [id]);
      expect({ id, rows: reference.reportedChangesByIndicator.get(id) ?? [] }).toEqual({ id, rows: printed });
      changes += printed.length;
    }
    // every row counted once, some of each
    expect(observations).toBe(reference.observations.length);
    expect(observations).toBeGreaterThan(400);
    expect(changes).toBeGreaterThan(0);
  });

  it('keeps every observation and note by id, and the observations in id order', async () => {
    const reference = await rows();
    const all = await api.db.selectFrom('observation').selectAll().orderBy('id').execute();
    expect(reference.observations).toEqual(all);
    expect([...reference.observationById.keys()].sort((a, b) => a - b)).toEqual(all.map((row) => row.id));
    expect(reference.observationById.get(all[7]!.id)).toEqual(all[7]);
    const notes = await rowsById(
      api.db,
      'note',
      (await api.db.selectFrom('note').select('id').execute()).map((row) => row.id),
    );
    expect(notes.length).toBeGreaterThan(10);
    for (const note of notes) expect(reference.noteById.get(note.id)).toEqual(note);
    expect(reference.noteById.size).toBe(notes.length);
  });

  it("groups each voorziening's notes, each note's indicators and each relation's indicators as SQL does", async () => {
    const reference = await rows();
    let some = 0;
    for (const { id } of await api.db.selectFrom('voorziening').select('id').execute()) {
      const expected = await notesByVoorzieningen(api.db, [id]);
      expect({ id, rows: reference.notesByVoorziening.get(id) ?? [] }).toEqual({ id, rows: expected });
      some += expected.length;
    }
    for (const { id } of await api.db.selectFrom('note').select('id').execute()) {
      const expected = await indicatorsByNotes(api.db, [id]);
      expect({ id, rows: reference.indicatorsByNote.get(id) ?? [] }).toEqual({ id, rows: expected });
      some += expected.length;
    }
    for (const { id } of await api.db.selectFrom('relation').select('id').execute()) {
      const expected = await indicatorsByRelations(api.db, [id]);
      expect({ id, rows: reference.indicatorsByRelation.get(id) ?? [] }).toEqual({ id, rows: expected });
      some += expected.length;
    }
    expect(some).toBeGreaterThan(50);
  });

  /** The ids SQL's `observationsWhere` selects for a filter, in id order. */
  async function selected(filter: {
    voorziening?: string;
    indicator?: number;
    year?: number | null;
    subject?: string | null;
    unit?: Unit | null;
  }): Promise<number[]> {
    const voorziening = filter.voorziening
      ? (
          await api.db
            .selectFrom('voorziening')
            .select('id')
            .where('code', '=', filter.voorziening)
            .executeTakeFirstOrThrow()
        ).id
      : undefined;
    const query = observationsWhere(api.db, {
      indicatorId: filter.indicator,
      voorzieningId: voorziening,
      unit: filter.unit,
      year: filter.year,
      subject: filter.subject,
    });
    return (await query.select('id').orderBy('id').execute()).map((row) => row.id);
  }

  const idOfNode = (node: { id: string }) =>
    Number(/(\d+)$/.exec(Buffer.from(node.id, 'base64').toString('utf8'))![1]);

  /** A page as the window checks read it. */
  const windowOf = (p: Page) => ({
    ids: p.nodes.map(idOfNode),
    cursors: p.edges.map((edge) => edge.cursor),
    ...p.pageInfo,
  });

  async function page(variables: Record<string, unknown>): Promise<Page> {
    const { data, errors } = await api.run<{ observations: Page }>(PAGE, variables);
    expect(errors).toBeUndefined();
    return data.observations;
  }

  /** Every page of a filter (500 at most a page: the monitor has a few more), its nodes and cursors joined. */
  async function whole(filter: Record<string, unknown>): Promise<Page> {
    let after: string | undefined;
    const pages: Page[] = [];
    do {
      pages.push(await page({ filter, first: 500, after }));
      after = pages.at(-1)!.pageInfo.endCursor ?? undefined;
    } while (pages.at(-1)!.pageInfo.hasNextPage);
    return {
      ...pages.at(-1)!,
      nodes: pages.flatMap((p) => p.nodes),
      edges: pages.flatMap((p) => p.edges),
    };
  }

  /** Filters as the test names them (indicator: a row id) and as the API takes them (a global id). */
  const filters: {
    voorziening?: string;
    indicator?: number;
    year?: number | null;
    subject?: string | null;
    unit?: Unit | null;
  }[] = [
    {},
    // null: no filter, as leaving it out
    { year: null, subject: null, unit: null },
    { year: 2019 },
    { year: 2016 },
    { subject: 'Totaal' },
    { subject: '' },
    { subject: 'totaal' },
    { unit: 'PERCENT' },
    { unit: 'COUNT', year: 2018 },
    { voorziening: 'brp' },
    { voorziening: 'brp', unit: 'PERCENT' },
    { voorziening: 'digilevering', year: 2017 },
    { indicator: 1 },
    { indicator: 1, voorziening: 'brp' },
    { indicator: 5, year: 2019, subject: 'Totaal' },
    { subject: 'Belastingdienst', year: 2019, unit: 'COUNT' },
  ];

  it.each(filters)('selects what SQL selects for %j, in id order, with its total', async (filter) => {
    const expected = await selected(filter);
    const { indicator, ...rest } = filter;
    const asked = indicator === undefined ? rest : { ...rest, indicator: toGlobalId('Indicator', indicator) };
    const all = await whole(asked);
    expect(all.nodes.map(idOfNode)).toEqual(expected);
    expect(all.totalCount).toBe(expected.length);
    for (const node of all.nodes) {
      if (filter.year != null) expect(node.year).toBe(filter.year);
      if (filter.subject != null) expect(node.subject).toBe(filter.subject);
      if (filter.unit != null) expect(node.indicator.unit).toBe(filter.unit);
    }
  });

  it('has filters that select something and filters that select nothing', async () => {
    expect((await selected({})).length).toBeGreaterThan(400);
    expect(await selected({ year: 2016 })).toEqual([]);
    expect(await selected({ subject: 'totaal' })).toEqual([]);
    expect((await selected({ voorziening: 'brp', unit: 'PERCENT' })).length).toBeGreaterThan(0);
    expect((await selected({ voorziening: 'brp', unit: 'PERCENT' })).length).toBeLessThan(
      (await selected({ voorziening: 'brp' })).length,
    );
    expect((await selected({ indicator: 5, year: 2019, subject: 'Totaal' })).length).toBeLessThan(2);
  });

  it('cuts every window where a keyset page does: forward, backward, at the ends and past them', async () => {
    const filter = { year: 2019 };
    await expectKeysetWindows(
      await selected(filter),
      async (window) => windowOf(await page({ filter, ...window })),
      50,
    );
  });
});
