import { foldText } from '../server/domain/fold-text';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';
import { SEEDS_DIR } from './support/seeds-fixture';

/**
 * The table rows per voorziening, counted by hand from the monitor's appendices (Bijlage A–D), independently
 * of the seeds. Berichtenbox counts its two MijnOverheid rows and the report's three breakdown tables.
 */
const ROWS_PER_VOORZIENING: Record<string, number> = {
  digid: 12,
  'digid-machtigen': 5,
  eherkenning: 5,
  pkioverheid: 2,
  'bv-bsn': 4,
  mijnoverheid: 2,
  berichtenbox: 5,
  'lopende-zaken': 2,
  'inzage-persoonlijke-gegevens': 2,
  'berichtenbox-bedrijven': 3,
  'overheid-nl': 2,
  ondernemersplein: 3,
  'samenwerkende-catalogi': 10,
  brp: 4,
  hr: 8,
  bag: 6,
  brt: 2,
  bgt: 3,
  brk: 7,
  brv: 3,
  woz: 4,
  bri: 3,
  bro: 2,
  digilevering: 14,
  digimelding: 6,
  stelselcatalogus: 2,
  efactureren: 2,
  sbr: 4,
  digipoort: 3,
  digikoppeling: 2,
  diginetwerk: 3,
  nora: 3,
  pdok: 0,
  lrza: 0,
  ear: 0,
  rosa: 0,
  wilma: 0,
  gemma: 0,
};

const BASISREGISTRATIES = ['brp', 'hr', 'bag', 'brt', 'bgt', 'brk', 'brv', 'woz', 'bri', 'bro'];
const fold = (text: string) => foldText(text, 'source');

describe('the dataset built from the seeds', () => {
  let built: BuiltDatabase;
  beforeAll(async () => {
    built = await buildRealDatabase();
  });
  afterAll(() => built.close());

  // table rows: the indicators with a printed cell that is not a figure stated only in prose
  const rowsPerVoorziening = async () =>
    Object.fromEntries(
      (
        await built.db
          .selectFrom('voorziening')
          .leftJoin('indicator', (join) =>
            join
              .onRef('indicator.voorziening_id', '=', 'voorziening.id')
              .on((eb) =>
                eb.exists(
                  eb
                    .selectFrom('observation')
                    .leftJoin('prose_figure', 'prose_figure.observation_id', 'observation.id')
                    .select('observation.id')
                    .whereRef('observation.indicator_id', '=', 'indicator.id')
                    .where('prose_figure.observation_id', 'is', null),
                ),
              ),
          )
          .select(['voorziening.code', (eb) => eb.fn.count<number>('indicator.id').as('rows')])
          .groupBy('voorziening.code')
          .execute()
      ).map((r) => [r.code, Number(r.rows)]),
    );

  it('holds every voorziening the monitor names, with the number of rows its table has', async () => {
    expect(await rowsPerVoorziening()).toEqual(ROWS_PER_VOORZIENING);
  });

  it('holds the ten basisregistraties as BASISREGISTRATIE', async () => {
    const rows = await built.db
      .selectFrom('voorziening')
      .select('code')
      .where('kind', '=', 'BASISREGISTRATIE')
      .execute();
    expect(rows.map((r) => r.code).sort()).toEqual([...BASISREGISTRATIES].sort());
  });

  it('holds every printed cell: 3 years a row, less blank cells, plus breakdowns and parts', async () => {
    const observations = await built.db
      .selectFrom('observation')
      .select(['value', 'note_id'])
      .where('id', 'not in', (eb) => eb.selectFrom('prose_figure').select('observation_id'))
      .execute();
    // 135 plain rows × 3 years, less 8 blank cells (Digilevering BRP 1×2, BRK 2×2; BRO has no 2017: 2)
    // = 397; the compound Ondernemersplein row gives 2 parts a year (+3); the Berichtenbox report has 3
    // tables of 9 rows × 3 years (81); the BRO table lists 6 products (6); notes split BRT and BGT into
    // views and downloads (4) and Samenwerkende Catalogi's organisations into 4 kinds (4).
    expect(observations).toHaveLength(397 + 3 + 81 + 6 + 4 + 4);
    expect(observations.filter((o) => o.note_id !== null)).toHaveLength(8);
    expect(observations.filter((o) => o.value === null)).toHaveLength(1);
  });

  it('keeps every raw cell as printed inside its section of the source', async () => {
    const lines = readFileSync(join(SEEDS_DIR, 'source/monitor-digitale-overheid-2020.txt'), 'utf8').split(
      '\n',
    );
    const rows = await built.db
      .selectFrom('observation')
      .innerJoin('indicator', 'indicator.id', 'observation.indicator_id')
      .innerJoin('section', 'section.id', 'indicator.section_id')
      .leftJoin('note', 'note.id', 'observation.note_id')
      .select(['observation.raw', 'section.start_line', 'section.end_line', 'note.text as note_text'])
      .execute();
    const missing = rows.filter((row) => {
      const where = row.note_text ?? lines.slice(row.start_line - 1, row.end_line).join(' ');
      return !fold(where).includes(fold(row.raw));
    });
    expect(missing).toEqual([]);
  });

  it('holds the figures stated only in prose, each at the lines that state it, none of them a table row', async () => {
    const lines = readFileSync(join(SEEDS_DIR, 'source/monitor-digitale-overheid-2020.txt'), 'utf8').split(
      '\n',
    );
    const rows = await built.db
      .selectFrom('prose_figure')
      .innerJoin('observation', 'observation.id', 'prose_figure.observation_id')
      .innerJoin('indicator', 'indicator.id', 'observation.indicator_id')
      .innerJoin('voorziening', 'voorziening.id', 'indicator.voorziening_id')
      .innerJoin('section', 'section.id', 'prose_figure.section_id')
      .select([
        'voorziening.code',
        'indicator.key',
        'observation.year',
        'observation.raw',
        'observation.value',
      ])
      .select([
        'observation.qualifier',
        'prose_figure.from_line',
        'prose_figure.to_line',
        'prose_figure.text',
      ])
      .select(['section.start_line', 'section.end_line'])
      .orderBy('observation.id')
      .execute();
    // found by reading the monitor, not the seeds: the figures that the text states but no table prints
    expect(rows.map((r) => [`${r.code}/${r.key}`, r.year, r.raw, r.value, r.qualifier])).toEqual([
      ['berichtenbox/app-activaties', 2018, 'ruim 625.000', 625_000, 'APPROXIMATE'],
      ['berichtenbox/app-activaties', 2019, 'ruim 2,3 miljoen', 2_300_000, 'APPROXIMATE'],
      ['inzage-persoonlijke-gegevens/aangesloten-basisregistraties', 2019, '5', 5, 'EXACT'],
      ['samenwerkende-catalogi/gemeenten-totaal', 2019, '355', 355, 'EXACT'],
      ['woz/afnemers-lv-woz', 2019, 'Belastingdienst', 1, 'EXACT'],
      ['woz/afnemers-lv-woz', 2019, 'CBS', 1, 'EXACT'],
      ['woz/afnemers-lv-woz', 2019, '21 waterschappen', 21, 'EXACT'],
      ['nora/unieke-gebruikers-per-maand', 2019, 'ca. 10.000', 10_000, 'APPROXIMATE'],
    ]);
    for (const row of rows) {
      const stated = fold(lines.slice(row.from_line - 1, row.to_line).join(' '));
      expect([row.raw, stated.includes(fold(row.raw))]).toEqual([row.raw, true]);
      expect(stated).toBe(row.text);
      expect(row.from_line).toBeGreaterThanOrEqual(row.start_line);
      expect(row.to_line).toBeLessThanOrEqual(row.end_line);
    }
    // no prose figure sits in a table row: its indicator has no printed cell of a table
    const mixed = await built.db
      .selectFrom('observation')
      .leftJoin('prose_figure', 'prose_figure.observation_id', 'observation.id')
      .select('observation.indicator_id')
      .groupBy('observation.indicator_id')
      .having((eb) => eb.fn.count('prose_figure.observation_id'), '>', 0)
      .having((eb) => eb(eb.fn.count('prose_figure.observation_id'), '<', eb.fn.countAll()))
      .execute();
    expect(mixed).toEqual([]);
  });

  it('reads figures as the monitor prints them', async () => {
    const cell = (code: string, key: string, year: number, subject: string | null = null) =>
      built.db
        .selectFrom('observation')
        .innerJoin('indicator', 'indicator.id', 'observation.indicator_id')
        .innerJoin('voorziening', 'voorziening.id', 'indicator.voorziening_id')
        .select(['observation.value', 'observation.raw', 'observation.qualifier'])
        .where('voorziening.code', '=', code)
        .where('indicator.key', '=', key)
        .where('observation.year', '=', year)
        .where((eb) =>
          subject === null ? eb('observation.subject', 'is', null) : eb('observation.subject', '=', subject),
        )
        .executeTakeFirstOrThrow();
    expect(await cell('brp', 'berichten-naar-afnemers', 2019)).toEqual({
      value: 381_526_659,
      raw: '381.526.659',
      qualifier: 'EXACT',
    });
    expect(await cell('brv', 'raadplegingen', 2019)).toMatchObject({ value: 5_478_500_000 });
    expect(await cell('woz', 'terugmeldingen', 2018)).toEqual({
      value: 5000,
      raw: '> 5.000',
      qualifier: 'AT_LEAST',
    });
    expect(await cell('bv-bsn', 'verificatievragen', 2019)).toMatchObject({
      value: 99.5,
      qualifier: 'SHARE',
    });
    expect(await cell('digid', 'accounts-substantieel', 2017)).toEqual({
      value: null,
      raw: '-',
      qualifier: 'NOT_AVAILABLE',
    });
    expect(await cell('berichtenbox', 'geopend-na-3-weken', 2019, 'Belastingdienst')).toMatchObject({
      value: 50,
      raw: '50%',
    });
    expect(await cell('ondernemersplein', 'aangesloten-partners', 2019, 'aansluitingen')).toMatchObject({
      value: 390,
    });
    expect(await cell('brt', 'opvragingen-pdok', 2019, 'views')).toEqual({
      value: 5_300_000_000,
      raw: '5.3 miljard',
      qualifier: 'APPROXIMATE',
    });
  });

  it('keeps the printed change of every row', async () => {
    const changes = await built.db.selectFrom('reported_change').select(['raw', 'kind']).execute();
    // Every one of the 135 plain rows prints a change; the compound row prints one per part (+1); the two
    // %-opened tables print a difference per organisation (2 × 9); the messages table prints none.
    expect(changes).toHaveLength(135 + 1 + 18);
    expect(changes.filter((c) => c.kind === 'DIFFERENCE')).toHaveLength(18);
    expect(changes.filter((c) => c.raw === 'nieuw')).toHaveLength(2);
  });

  it('keeps the restated figures the notes name', async () => {
    const corrections = await built.db
      .selectFrom('correction')
      .innerJoin('indicator', 'indicator.id', 'correction.indicator_id')
      .innerJoin('voorziening', 'voorziening.id', 'indicator.voorziening_id')
      .select([
        'voorziening.code',
        'indicator.key',
        'correction.year',
        'correction.previous_raw',
        'correction.raw',
      ])
      .orderBy('voorziening.code')
      .orderBy('indicator.key')
      .execute();
    expect(corrections).toEqual([
      {
        code: 'digid-machtigen',
        key: 'bevragingen',
        year: 2018,
        previous_raw: '13.250.056',
        raw: '16.959.710',
      },
      {
        code: 'digid-machtigen',
        key: 'gebruikte-machtigingen-mijnoverheid',
        year: 2018,
        previous_raw: '1.868.808',
        raw: '617.451',
      },
      {
        code: 'inzage-persoonlijke-gegevens',
        key: 'raadplegingen',
        year: 2018,
        previous_raw: null,
        raw: null,
      },
      { code: 'mijnoverheid', key: 'ingelogd', year: 2018, previous_raw: '46.701.367', raw: '51.033.862' },
    ]);
  });
});
