import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildRows } from '../server/ingest/build-database';
import { copySeeds, editSeed, scratchDir } from './support/seeds-fixture';

/** Each bad claim or prose figure: how to break a copy of the real seeds, and what the error must say. */
const BAD_SEEDS: { name: string; file: string; from: string | RegExp; to: string; error: RegExp }[] = [
  {
    name: 'a claim at the wrong lines',
    file: 'claims.yaml',
    from: "  - id: a-01\n    section: hoofdlijnen-a\n    lines: '11'",
    to: "  - id: a-01\n    section: hoofdlijnen-a\n    lines: '13'",
    error:
      /seeds\/claims\.yaml: claims\.0\.quote: claim a-01: "Voor DigiD is het aantal actieve DigiD’s gestegen met ruim 9% naar 15 miljoen" does not occur at lines 13-13/,
  },
  {
    name: 'a quote the text does not hold',
    file: 'claims.yaml',
    from: "quote: 'Overall een verbetering van met 8% naar 54% na 3 weken'",
    to: "quote: 'Overall een verbetering met 8% naar 54% na 3 weken'",
    error:
      /seeds\/claims\.yaml: claims\.\d+\.quote: claim b-08: "Overall een verbetering met 8% .*" does not occur at lines 96-98/,
  },
  {
    name: 'lines outside the claim’s section',
    file: 'claims.yaml',
    from: "  - id: c-01\n    section: hoofdlijnen-c\n    lines: '146'",
    to: "  - id: c-01\n    section: hoofdlijnen-d\n    lines: '146'",
    error:
      /claims\.\d+\.quote: claim c-01: lines 146-146 are outside section hoofdlijnen-d \(lines \d+-\d+\)/,
  },
  {
    name: 'an unknown indicator',
    file: 'claims.yaml',
    from: "printed: 'ruim 9%'\n    precision: RUIM\n    measure: CHANGE\n    indicators: [digid/actieve-digids]",
    to: "printed: 'ruim 9%'\n    precision: RUIM\n    measure: CHANGE\n    indicators: [digid/actieve-digid]",
    error:
      /seeds\/claims\.yaml: claims\.0\.indicators\.0: claim a-01: unknown indicator "digid\/actieve-digid"/,
  },
  {
    name: 'an unknown breakdown subject',
    file: 'claims.yaml',
    from: "indicators: ['berichtenbox/geopend-na-3-weken@Totaal']\n    years: [2018, 2019]\n  - id: b-08.2",
    to: "indicators: ['berichtenbox/geopend-na-3-weken@Total']\n    years: [2018, 2019]\n  - id: b-08.2",
    error: /claim b-08: "berichtenbox\/geopend-na-3-weken" has no subject "Total"; its subjects: .*Totaal/,
  },
  {
    name: 'a printed figure not in the quote',
    file: 'claims.yaml',
    from: "printed: 'ruim 9%'\n    precision: RUIM",
    to: "printed: 'ruim 8%'\n    precision: RUIM",
    error: /claims\.0\.printed: claim a-01: "ruim 8%" does not occur in the quote/,
  },
  {
    name: 'a precision that is not one of the documented kinds',
    file: 'claims.yaml',
    from: "printed: 'ruim 9%'\n    precision: RUIM",
    to: "printed: 'ruim 9%'\n    precision: ABOUT",
    error:
      /seeds\/claims\.yaml: claims\.0\.precision: Invalid option: expected one of "EXACT"\|"ROUNDED"\|"RUIM"/,
  },
  {
    name: 'words without a figure and without their value',
    file: 'claims.yaml',
    from: "printed: 'verdrievoudigd'\n    value: 3",
    to: "printed: 'verdrievoudigd'",
    error: /claim a-15: "verdrievoudigd" holds no figure: give its `value`/,
  },
  {
    name: 'a claim without indicators that does not say why',
    file: 'claims.yaml',
    from: /\n {4}reason: 'Not a table figure[^\n]*/,
    to: '',
    error: /claims\.\d+\.reason: claim c-01: a claim without indicators says why it cannot be checked/,
  },
  {
    name: 'a change claim with one year',
    file: 'claims.yaml',
    from: 'indicators: [digid/actieve-digids]\n    years: [2018, 2019]',
    to: 'indicators: [digid/actieve-digids]\n    years: [2019]',
    error: /claims\.0\.years: claim a-01: a CHANGE claim compares 2 years/,
  },
  {
    name: 'a prose figure not at its lines',
    file: 'prose.yaml',
    from: "raw: 'ca. 10.000', lines: '2066-2068'",
    to: "raw: 'ca. 10.000', lines: '2068'",
    error: /seeds\/prose\.yaml: facts\.4\.figures\.0\.raw: "ca\. 10\.000" does not occur at lines 2068-2068/,
  },
  {
    name: 'a prose fact of an unknown voorziening',
    file: 'prose.yaml',
    from: 'voorziening: nora',
    to: 'voorziening: noraa',
    error: /seeds\/prose\.yaml: facts\.4\.voorziening: unknown voorziening "noraa"/,
  },
  {
    name: 'a prose fact that takes a table row’s key',
    file: 'prose.yaml',
    from: 'key: unieke-gebruikers-per-maand',
    to: 'key: raadplegingen',
    error: /seeds\/prose\.yaml: facts\.4\.key: nora already has an indicator "raadplegingen"/,
  },
];

describe('building from bad claims and prose figures', () => {
  it.each(BAD_SEEDS)('refuses $name, naming it', (bad) => {
    const { dir, cleanup } = scratchDir();
    try {
      const seeds = copySeeds(dir);
      editSeed(seeds, bad.file, bad.from, bad.to);
      expect(() => buildRows(seeds)).toThrow(bad.error);
    } finally {
      cleanup();
    }
  });

  it('refuses a seeds folder without claims.yaml', () => {
    const { dir, cleanup } = scratchDir();
    try {
      const seeds = copySeeds(dir);
      rmSync(join(seeds, 'claims.yaml'));
      expect(() => buildRows(seeds)).toThrow(/claims\.yaml: cannot read the file \(ENOENT\)/);
    } finally {
      cleanup();
    }
  });
});
