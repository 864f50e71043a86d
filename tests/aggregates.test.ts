import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildRows } from '../server/ingest/build-database';
import { useRealApi } from './support/api-context';
import { copySeeds, editSeed, scratchDir, SEEDS_DIR } from './support/seeds-fixture';

interface Cell {
  year: number;
  subject: string | null;
  value: number | null;
  qualifier: string;
}
interface Member {
  counted: boolean;
  excludedBecause: string | null;
  repeats: { ref: string } | null;
  indicator: {
    ref: string;
    unit: string;
    voorziening: { code: string; kind: string };
    sameAs: { ref: string }[];
    observations: Cell[];
  };
}
interface MeasureAnswer {
  code: string;
  members: Member[];
}

/** An indicator as the queries select it: its key and its voorziening's code. */
const REF = 'key voorziening { code }';
const MEASURES = `{
  edition { years }
  voorzieningen(first: 100) { nodes { code } }
  measures {
    code
    members {
      counted excludedBecause repeats { ${REF} }
      indicator { ${REF} unit voorziening { code kind } sameAs { ${REF} } observations { year subject value qualifier } }
    }
  }
}`;

type Raw = { key: string; voorziening: { code: string } };
/** `<voorziening>/<key>`, as the seeds name an indicator. */
const refOf = (indicator: Raw) => `${indicator.voorziening.code}/${indicator.key}`;

/** Adds `ref` to the indicators of the measures' answer. */
function withRefs(answer: any[]): MeasureAnswer[] {
  return answer.map((m) => ({
    code: m.code,
    members: m.members.map((x: any) => ({
      ...x,
      repeats: x.repeats ? { ref: refOf(x.repeats) } : null,
      indicator: {
        ...x.indicator,
        ref: refOf(x.indicator),
        sameAs: x.indicator.sameAs.map((s: Raw) => ({ ref: refOf(s) })),
      },
    })),
  }));
}

/** The row's own figure for a year (not a breakdown subject), or null. */
const figure = (member: Member, year: number) =>
  member.indicator.observations.find((o) => o.year === year && o.subject === null)?.value ?? null;

/** `seeds/totals.yaml`: each total with its parts (the rules' input, read independently of the build). */
const TOTALS: { total: string; parts: string[] }[] = parse(
  readFileSync(join(SEEDS_DIR, 'totals.yaml'), 'utf8'),
);
const partsOf = (ref: string) => TOTALS.find((t) => t.total === ref)?.parts ?? [];

describe('aggregates: measures, their totals per year and their rankings', () => {
  const api = useRealApi();
  let years: number[];
  let monitorOrder: string[];
  let measures: MeasureAnswer[];
  beforeAll(async () => {
    const { data, errors } = await api.run(MEASURES);
    expect(errors).toBeUndefined();
    years = data.edition.years;
    monitorOrder = data.voorzieningen.nodes.map((v: { code: string }) => v.code);
    measures = withRefs(data.measures);
  });
  const measure = (code: string) => measures.find((m) => m.code === code)!;

  it('lists the curated groups, each member a COUNT row in one group only, with Dutch and English names', async () => {
    const { data } = await api.run('{ measures { code name nameEn description descriptionEn } }');
    expect(data.measures.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining([
        'terugmeldingen',
        'aangesloten-organisaties',
        'berichten',
        'bevragingen',
        'authenticaties',
        'accounts',
      ]),
    );
    for (const m of data.measures)
      for (const field of Object.values(m)) expect(field).toEqual(expect.any(String));
    const all = measures.flatMap((m) => m.members.map((member) => member.indicator.ref));
    expect(new Set(all).size).toBe(all.length);
    for (const m of measures)
      for (const member of m.members) {
        expect(member.indicator.unit).toBe('COUNT');
        expect(member.indicator.observations.some((o) => o.subject === null)).toBe(true);
      }
  });

  it('counts a quantity once: no counted row is a part, a sameAs twin or a twin of a part of another counted row', () => {
    const twins = (a: Member['indicator'], b: string) => a.sameAs.some((s) => s.ref === b);
    const sameAs = new Map(
      measures.flatMap((m) => m.members.map((x) => [x.indicator.ref, x.indicator.sameAs.map((t) => t.ref)])),
    );
    const twinRefs = (ref: string) => sameAs.get(ref) ?? [];
    for (const m of measures) {
      const counted = m.members.filter((x) => x.counted).map((x) => x.indicator);
      for (const a of counted)
        for (const b of counted) {
          if (a === b) continue;
          expect({ m: m.code, a: a.ref, partOf: b.ref, is: partsOf(b.ref).includes(a.ref) }).toMatchObject({
            is: false,
          });
          expect({ m: m.code, a: a.ref, twin: b.ref, is: twins(a, b.ref) }).toMatchObject({ is: false });
          const twinPart = partsOf(b.ref).some((part) => twins(a, part));
          expect({ m: m.code, a: a.ref, twinOfPartOf: b.ref, is: twinPart }).toMatchObject({ is: false });
        }
      // every row left out names the counted row it repeats, and really repeats it
      for (const x of m.members.filter((member) => !member.counted)) {
        const repeats = m.members.find((other) => other.indicator.ref === x.repeats?.ref);
        expect({ row: x.indicator.ref, repeatsCounted: repeats?.counted }).toEqual({
          row: x.indicator.ref,
          repeatsCounted: true,
        });
        const r = repeats!.indicator;
        const related =
          partsOf(r.ref).includes(x.indicator.ref) ||
          twins(x.indicator, r.ref) ||
          partsOf(r.ref).some((part) => twins(x.indicator, part)) ||
          partsOf(x.indicator.ref).some((part) => part === r.ref || twins(r, part)) ||
          partsOf(x.indicator.ref).some((part) =>
            partsOf(r.ref).some((p) => p === part || twinRefs(part).includes(p)),
          );
        expect({ row: x.indicator.ref, repeats: r.ref, related }).toMatchObject({ related: true });
        expect(x.excludedBecause).toContain(r.ref);
      }
      for (const x of m.members.filter((member) => member.counted)) {
        expect(x.excludedBecause).toBeNull();
        expect(x.repeats).toBeNull();
      }
    }
  });

  it('takes a total before its parts, and a registry’s own rows before the relaying facility’s twins', () => {
    const decision = (ref: string) => {
      const member = measure('terugmeldingen').members.find((x) => x.indicator.ref === ref)!;
      return { counted: member.counted, repeats: member.repeats?.ref ?? null };
    };
    expect(decision('hr/terugmeldingen-totaal')).toEqual({ counted: true, repeats: null });
    expect(decision('hr/terugmeldingen-digimelding')).toEqual({
      counted: false,
      repeats: 'hr/terugmeldingen-totaal',
    });
    expect(decision('brp/terugmeldingen-digimelding')).toEqual({ counted: true, repeats: null });
    expect(decision('digimelding/terugmeldingen-brp')).toEqual({
      counted: false,
      repeats: 'brp/terugmeldingen-digimelding',
    });
    expect(decision('digimelding/terugmeldingen-totaal').counted).toBe(false);
    // the parts count when the total is not a member: Digilevering's total repeats the HR's own row
    const berichten = measure('berichten').members;
    expect(berichten.find((x) => x.indicator.ref === 'digilevering/berichten-totaal')?.counted).toBe(false);
    expect(berichten.find((x) => x.indicator.ref === 'digilevering/berichten-bag-geleverd')?.counted).toBe(
      true,
    );
  });

  it('gives totals equal to an independent sum of the counted rows’ figures, for every measure and year', async () => {
    for (const m of measures)
      for (const year of years)
        for (const filter of [null, { kinds: ['BASISREGISTRATIE'] }]) {
          const { data, errors } = await api.run(
            `query($m: String!, $y: Int!, $f: MeasureFilter) { measureTotals(measure: $m, year: $y, filter: $f) {
              year total complete lowerBound measure { code }
              voorzieningen { year value rank complete voorziening { code } members { counted indicator { key } } } } }`,
            { m: m.code, y: year, f: filter },
          );
          expect(errors).toBeUndefined();
          const inScope = m.members.filter(
            (x) => x.counted && (filter === null || x.indicator.voorziening.kind === 'BASISREGISTRATIE'),
          );
          const expected = new Map<string, number | null>();
          for (const x of inScope) {
            const code = x.indicator.voorziening.code;
            const value = figure(x, year);
            const sum = expected.get(code) ?? null;
            expected.set(code, value === null ? sum : (sum ?? 0) + value);
          }
          const got = data.measureTotals;
          expect(got.measure.code).toBe(m.code);
          expect(
            new Map(
              got.voorzieningen.map((v: { voorziening: { code: string }; value: number | null }) => [
                v.voorziening.code,
                v.value,
              ]),
            ),
          ).toEqual(expected);
          const values = [...expected.values()].filter((v): v is number => v !== null);
          expect(got.total).toBe(values.length === 0 ? null : values.reduce((a, b) => a + b, 0));
          expect(got.complete).toBe(inScope.every((x) => figure(x, year) !== null));
          // highest value first, ranks shared by equal values, nulls last
          const listed = got.voorzieningen.map((v: { value: number | null }) => v.value ?? -1);
          expect(listed).toEqual([...listed].sort((a: number, b: number) => b - a));
          for (const v of got.voorzieningen) {
            expect(v.year).toBe(year);
            if (v.value === null) expect(v.rank).toBeNull();
            else
              expect(v.rank).toBe(
                1 +
                  got.voorzieningen.filter((o: { value: number | null }) => (o.value ?? -1) > v.value).length,
              );
          }
        }
  });

  it('would double count without the rules: terugmeldingen 2019 over all rows is more by exactly the left-out rows', async () => {
    const m = measure('terugmeldingen');
    const naive = m.members.reduce((sum, x) => sum + (figure(x, 2019) ?? 0), 0);
    const excluded = m.members.filter((x) => !x.counted).reduce((sum, x) => sum + (figure(x, 2019) ?? 0), 0);
    const { data } = await api.run('{ measureTotals(measure: "terugmeldingen", year: 2019) { total } }');
    expect(excluded).toBeGreaterThan(0);
    expect(naive - data.measureTotals.total).toBe(excluded);
    // "terugmeldingen in 2019 over all basisregistraties, per registry with the total"
    const basis =
      await api.run(`{ measureTotals(measure: "terugmeldingen", year: 2019, filter: { kinds: [BASISREGISTRATIE] }) {
      total complete lowerBound voorzieningen { voorziening { code } value rank lowerBound } } }`);
    const hr = basis.data.measureTotals.voorzieningen.find(
      (v: { voorziening: { code: string } }) => v.voorziening.code === 'hr',
    );
    // the HR counts its own printed total (not that total plus its two parts)
    expect(hr.value).toBe(
      figure(
        m.members.find((x) => x.indicator.ref === 'hr/terugmeldingen-totaal')!,
        2019,
      ),
    );
    // the WOZ prints "> 5.000": the total is a lower bound
    expect(basis.data.measureTotals.lowerBound).toBe(true);
    expect(
      basis.data.measureTotals.voorzieningen.find(
        (v: { voorziening: { code: string } }) => v.voorziening.code === 'woz',
      ).lowerBound,
    ).toBe(true);
  });

  it('agrees with the monitor’s own totals where they are the same quantity, and shows where it does not', async () => {
    const m = measure('terugmeldingen');
    const row = (ref: string) => m.members.find((x) => x.indicator.ref === ref)!;
    // Digimelding's printed total (14.609 in 2019) against the registries' own Digimelding rows: they differ by
    // exactly the sameAs mismatches of the HR and the BAG (6.858 vs 4.228; 8 vs 10), which the API reports
    for (const year of years) {
      const registries = ['hr', 'bag', 'brp'].map((code) =>
        figure(row(`${code}/terugmeldingen-digimelding`), year)!,
      );
      const relayed = ['hr', 'bag', 'brp'].map((code) =>
        figure(row(`digimelding/terugmeldingen-${code}`), year)!,
      );
      const printedTotal = figure(row('digimelding/terugmeldingen-totaal'), year)!;
      expect(relayed.reduce((a, b) => a + b, 0)).toBe(printedTotal);
      const sum = registries.reduce((a, b) => a + b, 0);
      const mismatch = registries.reduce((acc, value, i) => acc + value - relayed[i]!, 0);
      expect(sum - mismatch).toBe(printedTotal);
    }
    // Digilevering's printed total is the sum of its parts every year; the HR's own row counts instead of its
    // twin "berichten vanuit de HR geleverd", so Digilevering's value plus that twin is the printed total
    const berichten = measure('berichten').members;
    const twin = berichten.find((x) => x.indicator.ref === 'digilevering/berichten-hr-geleverd')!;
    const printed = berichten.find((x) => x.indicator.ref === 'digilevering/berichten-totaal')!;
    // DigiD's printed total of authentications counts, not its three parts (which add up to less from 2018)
    const digid = measure('authenticaties').members.find((x) => x.indicator.ref === 'digid/authenticaties')!;
    for (const year of years) {
      const { data } = await api.run(
        `query($y: Int!) {
          d: measureTotals(measure: "berichten", year: $y, filter: { codes: ["digilevering"] }) { total }
          a: measureTotals(measure: "authenticaties", year: $y, filter: { codes: ["DigiD"] }) { total }
        }`,
        { y: year },
      );
      expect(data.d.total + figure(twin, year)!).toBe(figure(printed, year));
      expect(data.a.total).toBe(figure(digid, year));
    }
    // The summary (Hoofdlijnen, source lines 172 and 180–182): "bijna 100.000" terugmeldingen in 2019, "ongeveer
    // 110.000" in 2018, "met 10% gedaald". The sums over the basisregistraties are within 5% of the first two (as
    // the ingest compares "ruim"/"bijna"), but fall by about 5%, not 10%.
    const totals = await api.run(`{
      y2019: measureTotals(measure: "terugmeldingen", year: 2019, filter: { kinds: [BASISREGISTRATIE] }) { total }
      y2018: measureTotals(measure: "terugmeldingen", year: 2018, filter: { kinds: [BASISREGISTRATIE] }) { total }
    }`);
    const [t2019, t2018] = [totals.data.y2019.total, totals.data.y2018.total];
    expect(Math.abs(t2019 - 100_000) / 100_000).toBeLessThan(0.05);
    expect(Math.abs(t2018 - 110_000) / 110_000).toBeLessThan(0.05);
    const fall = ((t2019 - t2018) / t2018) * 100;
    expect(fall).toBeLessThan(-4);
    expect(fall).toBeGreaterThan(-7);
  });

  it('ranks the fastest-growing basisregistratie 2018 → 2019 by the arithmetic of Indicator.change', async () => {
    const { data, errors } =
      await api.run(`{ measureRanking(measure: "bevragingen", by: CHANGE, from: 2018, to: 2019, first: 3,
        filter: { kinds: [BASISREGISTRATIE] }) {
      by from to measure { code }
      ranked { rank voorziening { code } fromValue toValue absolute relative lowerBound notRankedBecause
        members { counted indicator { key change(from: 2018, to: 2019) { absolute relative } } } }
      unranked { voorziening { code } notRankedBecause } } }`);
    expect(errors).toBeUndefined();
    const ranking = data.measureRanking;
    expect(ranking).toMatchObject({ by: 'CHANGE', from: 2018, to: 2019, measure: { code: 'bevragingen' } });
    expect(ranking.ranked).toHaveLength(3);
    const relatives = ranking.ranked.map((r: { relative: number }) => r.relative);
    expect(relatives).toEqual([...relatives].sort((a, b) => b - a));
    for (const entry of ranking.ranked) {
      expect(entry.notRankedBecause).toBeNull();
      expect(entry.absolute).toBeCloseTo(entry.toValue - entry.fromValue, 6);
      expect(entry.relative).toBeCloseTo(((entry.toValue - entry.fromValue) / entry.fromValue) * 100, 9);
      // with one counted row, the voorziening's change is the row's own Indicator.change
      const counted = entry.members.filter((x: { counted: boolean }) => x.counted);
      if (counted.length === 1) expect(entry.relative).toBeCloseTo(counted[0].indicator.change.relative, 9);
    }
    // every basisregistratie with counted rows is either ranked (all, with first: 100) or listed as unranked
    const all = await api.run(`{ measureRanking(measure: "bevragingen", from: 2018, to: 2019, first: 100,
        filter: { kinds: [BASISREGISTRATIE] }) { ranked { voorziening { code } } unranked { voorziening { code } } } }`);
    const seen = [...all.data.measureRanking.ranked, ...all.data.measureRanking.unranked].map(
      (r: { voorziening: { code: string } }) => r.voorziening.code,
    );
    const expected = new Set(
      measure('bevragingen')
        .members.filter((x) => x.counted && x.indicator.voorziening.kind === 'BASISREGISTRATIE')
        .map((x) => x.indicator.voorziening.code),
    );
    expect(new Set(seen)).toEqual(expected);
    expect(all.data.measureRanking.ranked.slice(0, 3)).toEqual(
      ranking.ranked.map((r: { voorziening: unknown }) => ({ voorziening: r.voorziening })),
    );
  });

  it('does not rank a change with a lower bound or a missing year, and says why', async () => {
    const { data } = await api.run(`{
      t: measureRanking(measure: "terugmeldingen", from: 2018, to: 2019, filter: { kinds: [BASISREGISTRATIE] }) {
        ranked { voorziening { code } } unranked { rank relative absolute voorziening { code } notRankedBecause } }
      o: measureRanking(measure: "aangesloten-organisaties", from: 2017, to: 2019, first: 100) {
        unranked { rank voorziening { code } notRankedBecause } }
    }`);
    expect(data.t.unranked).toEqual([
      {
        rank: null,
        relative: null,
        absolute: null,
        voorziening: { code: 'woz' },
        notRankedBecause: 'woz/terugmeldingen is a lower bound in 2018, so its change is unknown',
      },
    ]);
    expect(data.t.ranked.map((r: { voorziening: { code: string } }) => r.voorziening.code)).not.toContain(
      'woz',
    );
    expect(data.o.unranked).toContainEqual({
      rank: null,
      voorziening: { code: 'bro' },
      notRankedBecause: 'bro/aangesloten-organisaties has no figure for 2017',
    });
  });

  it('shares a rank between ties, lists them in the monitor’s order, and cuts them deterministically with first', async () => {
    const query = `query($first: Int!) { measureRanking(measure: "aangesloten-organisaties", from: 2018, to: 2019, first: $first) {
      ranked { rank relative voorziening { code } } } }`;
    const all = (await api.run(query, { first: 100 })).data.measureRanking.ranked;
    const unchanged = all.filter((r: { relative: number }) => r.relative === 0);
    expect(unchanged.length).toBeGreaterThan(1); // e.g. BRI 4 → 4, BV BSN 500 → 500
    const rank = unchanged[0].rank;
    expect(unchanged.every((r: { rank: number }) => r.rank === rank)).toBe(true);
    expect(rank).toBe(1 + all.filter((r: { relative: number }) => r.relative > 0).length);
    const codes = unchanged.map((r: { voorziening: { code: string } }) => r.voorziening.code);
    expect(codes).toEqual([...codes].sort((a, b) => monitorOrder.indexOf(a) - monitorOrder.indexOf(b)));
    const after = all.findIndex((r: { rank: number }) => r.rank > rank);
    expect(all[after]?.rank ?? rank + unchanged.length).toBe(rank + unchanged.length);
    const cut = all.indexOf(unchanged[0]) + 1; // inside the tie
    expect((await api.run(query, { first: cut })).data.measureRanking.ranked).toEqual(all.slice(0, cut));
    expect((await api.run(query, { first: 0 })).data.measureRanking.ranked).toEqual([]);
    // by VALUE: the highest value first, ranked on the `to` year
    const byValue = await api.run(`{ measureRanking(measure: "terugmeldingen", by: VALUE, to: 2019, first: 2,
        filter: { kinds: [BASISREGISTRATIE] }) { from ranked { rank toValue fromValue relative voorziening { code } } } }`);
    expect(byValue.data.measureRanking.from).toBeNull();
    expect(byValue.data.measureRanking.ranked.map((r: { rank: number }) => r.rank)).toEqual([1, 2]);
    expect(byValue.data.measureRanking.ranked[0].toValue).toBeGreaterThanOrEqual(
      byValue.data.measureRanking.ranked[1].toValue,
    );
    expect(byValue.data.measureRanking.ranked[0]).toMatchObject({ fromValue: null, relative: null });
  });

  it('answers an empty scope and a year without figures plainly', async () => {
    const { data, errors } = await api.run(`{
      none: measureTotals(measure: "terugmeldingen", year: 2019, filter: { codes: ["nora"] }) { total complete lowerBound voorzieningen { value } }
      bro: measureTotals(measure: "aangesloten-organisaties", year: 2017, filter: { codes: ["BRO"] }) {
        total complete voorzieningen { value rank complete voorziening { code } members { counted indicator { key } } } }
      rank: measureRanking(measure: "terugmeldingen", from: 2018, to: 2019, filter: { codes: ["nora"] }) { ranked { rank } unranked { rank } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.none).toEqual({ total: null, complete: true, lowerBound: false, voorzieningen: [] });
    expect(data.bro).toEqual({
      total: null,
      complete: false,
      voorzieningen: [
        {
          value: null,
          rank: null,
          complete: false,
          voorziening: { code: 'bro' },
          members: [{ counted: true, indicator: { key: 'aangesloten-organisaties' } }],
        },
      ],
    });
    expect(data.rank).toEqual({ ranked: [], unranked: [] });
  });

  it.each([
    [
      'an unknown measure',
      '{ measureTotals(measure: "terugmelding", year: 2019) { total } }',
      'measure',
      /Unknown measure "terugmelding" in `measure`\. Known measures: terugmeldingen,/,
    ],
    [
      'a year without data',
      '{ measureTotals(measure: "terugmeldingen", year: 2016) { total } }',
      'year',
      /`year` must be one of the edition's years \(2017, 2018, 2019\); got 2016/,
    ],
    [
      'first < 0',
      '{ measureRanking(measure: "berichten", from: 2018, to: 2019, first: -1) { by } }',
      'first',
      /`first` must be between 0 and 100; got -1/,
    ],
    [
      'first too large',
      '{ measureRanking(measure: "berichten", from: 2018, to: 2019, first: 101) { by } }',
      'first',
      /`first` must be between 0 and 100; got 101/,
    ],
    [
      'from = to',
      '{ measureRanking(measure: "berichten", from: 2019, to: 2019) { by } }',
      'from',
      /`from` \(2019\) must be before `to` \(2019\)/,
    ],
    [
      'from after to',
      '{ measureRanking(measure: "berichten", from: 2019, to: 2018) { by } }',
      'from',
      /`from` \(2019\) must be before `to` \(2018\)/,
    ],
    [
      'a change without from',
      '{ measureRanking(measure: "berichten", to: 2019) { by } }',
      'from',
      /`from` is required to rank by CHANGE/,
    ],
    [
      'an unknown code',
      '{ measureTotals(measure: "berichten", year: 2019, filter: { codes: ["brp", "bpr2x"] }) { total } }',
      'filter.codes[1]',
      /Unknown voorziening code "bpr2x" in `filter\.codes\[1\]`/,
    ],
  ])('refuses %s with a clear error', async (_, query, argumentName, message) => {
    const { data, errors } = await api.run(query);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.message).toMatch(message);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });
});

describe('building from a bad measures seed', () => {
  const scratch = scratchDir();
  afterAll(() => scratch.cleanup());
  let at = 0;
  it.each([
    [
      'an unknown key',
      'hr/terugmeldingen-totaal',
      'hr/terugmeldingen-totaaal',
      /seeds\/measures\.yaml: 0\.indicators\.0: unknown indicator "hr\/terugmeldingen-totaaal"/,
    ],
    [
      'a key in two groups',
      'bag/aangesloten-organisaties',
      'hr/terugmeldingen-totaal',
      /seeds\/measures\.yaml: 1\.indicators\.0: indicator "hr\/terugmeldingen-totaal" is already in measure "terugmeldingen"/,
    ],
    [
      'a key twice in one group',
      'hr/terugmeldingen-digimelding',
      'hr/terugmeldingen-totaal',
      /seeds\/measures\.yaml: 0\.indicators\.1: indicator "hr\/terugmeldingen-totaal" is already in measure "terugmeldingen"/,
    ],
    [
      'a PERCENT row',
      'bag/aangesloten-organisaties',
      'brp/aangesloten-organisaties',
      /seeds\/measures\.yaml: 1\.indicators\.0: indicator "brp\/aangesloten-organisaties" is a PERCENT row; only COUNT rows can be summed/,
    ],
    [
      'a breakdown without figures of its own',
      'berichtenbox/verstuurde-berichten',
      'berichtenbox/berichten-per-organisatie',
      /indicator "berichtenbox\/berichten-per-organisatie" is a breakdown without figures of its own/,
    ],
    [
      'a total that would leave a part uncounted',
      '    - digilevering/berichten-bag-geleverd\n',
      '',
      /seeds\/measures\.yaml: 3\.indicators: digilevering\/berichten-totaal partly repeats a counted row, and part of what it counts \(digilevering\/berichten-bag-geleverd\) would count nowhere/,
    ],
  ])('fails on %s, naming the key', (_, from, to, error) => {
    const dir = join(scratch.dir, `seeds-${(at += 1)}`);
    const seeds = copySeeds(dir);
    editSeed(
      seeds,
      'measures.yaml',
      from.startsWith(' ') ? from : `- ${from}\n`,
      from.startsWith(' ') ? to : `- ${to}\n`,
    );
    expect(() => buildRows(seeds)).toThrow(error);
  });
});
