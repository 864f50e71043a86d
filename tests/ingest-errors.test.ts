import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSqliteDatabase } from '../server/ingest/build-database';
import { copySeeds, editSeed, scratchDir, SEEDS_DIR } from './support/seeds-fixture';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Each bad input: how to break a copy of the real seeds, and what the error must say. */
const BAD_INPUTS: { name: string; file: string; from: string | RegExp; to: string; error: RegExp }[] = [
  {
    name: 'a missing required field',
    file: 'voorzieningen/brp.yaml',
    from: /\n {4}nameEn: [^\n]*/,
    to: '',
    error: /seeds\/voorzieningen\/brp\.yaml: indicators\.0\.nameEn: is required but missing/,
  },
  {
    name: 'a year outside the edition',
    file: 'voorzieningen/digid.yaml',
    from: "values: { 2017: '623',",
    to: "values: { 2016: '623',",
    error:
      /seeds\/voorzieningen\/digid\.yaml: indicators\.0\.values\.2016: year 2016 is outside the edition's years \(2017, 2018, 2019\)/,
  },
  {
    name: 'an unknown domain',
    file: 'voorzieningen/hr.yaml',
    from: 'domain: gegevens-en-registreren',
    to: 'domain: gegevens-en-registeren',
    error:
      /seeds\/voorzieningen\/hr\.yaml: domain: unknown domain "gegevens-en-registeren"; known domains: identificeren-en-authenticeren,/,
  },
  {
    name: 'an unknown relation endpoint',
    file: 'relations.yaml',
    from: '    to: digilevering\n',
    to: '    to: digilevring\n',
    error:
      /seeds\/relations\.yaml: relations\.0\.to: unknown voorziening "digilevring"; known: .*digilevering/,
  },
  {
    name: 'a duplicate indicator key',
    file: 'voorzieningen/digid.yaml',
    from: 'key: aangesloten-webdiensten',
    to: 'key: aangesloten-organisaties',
    error:
      /seeds\/voorzieningen\/digid\.yaml: indicators\.1\.key: duplicate indicator key "aangesloten-organisaties" \(also indicators\.0\)/,
  },
  {
    name: 'a raw value that does not occur in the source section',
    file: 'voorzieningen/brp.yaml',
    from: "'381.526.659'",
    to: "'381.526.695'",
    error:
      /seeds\/voorzieningen\/brp\.yaml: indicators\.1: raw "381\.526\.695" does not occur in section brp/,
  },
  {
    name: 'a raw value printed in another section',
    file: 'voorzieningen/brp.yaml',
    from: "'381.526.659'",
    to: "'2.238.241'",
    error: /seeds\/voorzieningen\/brp\.yaml: indicators\.1: raw "2\.238\.241" does not occur in section brp/,
  },
  {
    name: 'cells in the wrong row',
    file: 'voorzieningen/digid.yaml',
    from: "values: { 2017: '623', 2018: '647', 2019: '663' }",
    to: "values: { 2017: '871', 2018: '945', 2019: '1.023' }",
    error:
      /seeds\/voorzieningen\/digid\.yaml: indicators\.0: section digid has no row "Totaal aantal aangesloten organisaties" followed by "871"/,
  },
  {
    name: 'malformed YAML',
    file: 'voorzieningen/bag.yaml',
    from: /\nindicators:/,
    to: '\nindicators: [',
    error: /seeds\/voorzieningen\/bag\.yaml: malformed YAML at line \d+, column \d+/,
  },
  {
    name: 'a number where a printed cell belongs',
    file: 'voorzieningen/digid.yaml',
    from: "2019: '1.023'",
    to: '2019: 1.023',
    error:
      /seeds\/voorzieningen\/digid\.yaml: indicators\.1\.values\.2019: Invalid input: expected string, received number/,
  },
  {
    name: 'a relation quote that is not in its lines',
    file: 'relations.yaml',
    from: "lines: '1665', quote: 'Aantal WOZ berichten aan Digilevering'",
    to: "lines: '1665', quote: 'Aantal WOZ berichten naar Digilevering'",
    error:
      /seeds\/relations\.yaml: relations\.2\.source: relation EVENT_DELIVERY woz digilevering: quote "Aantal WOZ berichten naar Digilevering" does not occur in lines 1665 of section "digilevering"/,
  },
  {
    name: 'a relation quote cited with lines that do not hold it',
    file: 'relations.yaml',
    from: "lines: '1641-1643', quote: 'Aantal berichten vanuit de BAG",
    to: "lines: '1645-1647', quote: 'Aantal berichten vanuit de BAG",
    error:
      /relations\.1\.source: relation EVENT_DELIVERY bag digilevering: quote "Aantal berichten vanuit de BAG geleverd aan Digilevering" does not occur in lines 1645-1647/,
  },
  {
    name: 'relation lines outside the cited section',
    file: 'relations.yaml',
    from: "lines: '1665', quote",
    to: "lines: '1022', quote",
    error:
      /relations\.2\.source: relation EVENT_DELIVERY woz digilevering: lines 1022 lie outside section "digilevering" \(lines \d+-\d+\)/,
  },
  {
    name: 'a monitor citation without its lines',
    file: 'relations.yaml',
    from: "{ section: digilevering, lines: '1665', quote",
    to: '{ section: digilevering, quote',
    error: /seeds\/relations\.yaml: relations\.2\.source/,
  },
  {
    name: 'a figure on two relations not marked shared',
    file: 'relations.yaml',
    from: '      - { indicator: nora/referenties-dochters, shared: true }\n',
    to: '      - nora/referenties-dochters\n',
    error: /indicator referenties-dochters is attached to 2 relations: mark it shared on each/,
  },
  {
    name: 'a qualifier for a year without a cell',
    file: 'voorzieningen/efactureren.yaml',
    from: 'qualifiers: { 2019:',
    to: 'qualifiers: { 2016:',
    error:
      /seeds\/voorzieningen\/efactureren\.yaml: indicators\.\d+\.qualifiers\.2016: the row has no cell for 2016 to qualify/,
  },
  {
    name: 'a certainty entry for a pair no sameAs link joins',
    file: 'certainty.yaml',
    from: 'indicators: [digid/authenticaties-mijnoverheid, mijnoverheid/ingelogd]',
    to: 'indicators: [mijnoverheid/ingelogd, digid/authenticaties-mijnoverheid]',
    error: /seeds\/certainty\.yaml: sameAs\.4: no sameAs link in relations\.yaml joins these rows/,
  },
  {
    name: 'an unknown confidence',
    file: 'certainty.yaml',
    from: 'confidence: PRESUMED',
    to: 'confidence: SURE',
    error:
      /seeds\/certainty\.yaml: sameAs\.4\.confidence: Invalid option: expected one of "ASSERTED"\|"BY_LABEL"\|"PRESUMED"/,
  },
  {
    name: 'a totals entry whose blankIsZero has no lines',
    file: 'totals.yaml',
    from: "    lines: '205, 1621'",
    to: "    lines: 'line 205'",
    error: /seeds\/totals\.yaml: 4\.blankIsZero\.lines: must be line numbers/,
  },
];

describe('building from bad seeds', () => {
  const scratch = scratchDir();
  const out = join(scratch.dir, 'stelselgraph.sqlite');
  let before: string;

  beforeAll(async () => {
    await buildSqliteDatabase(SEEDS_DIR, out);
    before = sha256(out);
  });
  afterAll(() => scratch.cleanup());

  it.each(BAD_INPUTS)('refuses $name, naming it, and leaves the previous database intact', async (bad) => {
    const { dir, cleanup } = scratchDir();
    try {
      const seeds = copySeeds(dir);
      editSeed(seeds, bad.file, bad.from, bad.to);
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        await expect(buildSqliteDatabase('seeds', out)).rejects.toThrow(bad.error);
      } finally {
        process.chdir(cwd);
      }
      expect(sha256(out)).toBe(before);
      expect(readdirSync(scratch.dir)).toEqual(['stelselgraph.sqlite']);
    } finally {
      cleanup();
    }
  });

  it('reports every problem of a pass together', async () => {
    const { dir, cleanup } = scratchDir();
    try {
      const seeds = copySeeds(dir);
      editSeed(seeds, 'voorzieningen/brp.yaml', "'381.526.659'", "'381.526.695'");
      editSeed(seeds, 'voorzieningen/hr.yaml', 'domain: gegevens-en-registreren', 'domain: nergens');
      await expect(buildSqliteDatabase(seeds, out)).rejects.toThrow(
        /^2 problems in the seeds:\n {2}- .*brp\.yaml: indicators\.1: raw .*\n {2}- .*hr\.yaml: domain: unknown domain "nergens"/,
      );
      expect(sha256(out)).toBe(before);
    } finally {
      cleanup();
    }
  });

  it('leaves the previous database intact when writing fails', async () => {
    const blocked = join(scratch.dir, 'stelselgraph.sqlite', 'nested.sqlite');
    await expect(buildSqliteDatabase(SEEDS_DIR, blocked)).rejects.toThrow();
    expect(sha256(out)).toBe(before);
    expect(readdirSync(scratch.dir)).toEqual(['stelselgraph.sqlite']);
  });
});
