import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { claimsSeed, proseSeed, type ClaimSeed, type ProseFactSeed } from './claim-seed-schema';
import { readSeedFile } from './read-seed-file';
import { SeedError } from './seed-error';
import {
  certaintySeed,
  domainsSeed,
  editionsSeed,
  measuresSeed,
  relationsSeed,
  sectionsSeed,
  totalsSeed,
  voorzieningSeed,
  type CertaintySeed,
  type DomainSeed,
  type EditionSeed,
  type MeasureSeed,
  type RelationsSeed,
  type SectionSeed,
  type TotalSeed,
  type VoorzieningSeed,
} from './seed-schema';

/** A voorziening seed with the file it was read from. */
export interface VoorzieningFile {
  file: string;
  seed: VoorzieningSeed;
}

/** Every seed file of a seeds folder, read and validated one by one (not yet against each other). */
export interface SeedSet {
  dir: string;
  edition: EditionSeed;
  sections: SectionSeed[];
  domains: DomainSeed[];
  voorzieningen: VoorzieningFile[];
  relations: RelationsSeed;
  totals: TotalSeed[];
  /** How sure the dataset is where the monitor does not say (`certainty.yaml`). */
  certainty: CertaintySeed;
  /** Indicators grouped by what they measure (`measures.yaml`). */
  measures: MeasureSeed[];
  /** The summarising text's numeric claims (`claims.yaml`). */
  claims: ClaimSeed[];
  /** The quantities stated only in prose (`prose.yaml`). */
  prose: ProseFactSeed[];
  /** The monitor's text (`source/` named by the edition). */
  sourceText: string;
  /** Path of each seed file read, for the build's content hash. */
  files: string[];
  /** How errors name a file of the folder (`seeds/relations.yaml`): relative to the working directory. */
  nameOf: (file: string) => string;
}

/** The files of a seeds folder that make up the dataset (for its content hash), source text included. */
export function listSeedFiles(dir: string, source: string): string[] {
  const voorzieningDir = join(dir, 'voorzieningen');
  const names = readdirSync(voorzieningDir).filter((name) => name.endsWith('.yaml'));
  const fixed = [
    'editions.yaml',
    'sections.yaml',
    'domains.yaml',
    'relations.yaml',
    'totals.yaml',
    'certainty.yaml',
    'measures.yaml',
    'claims.yaml',
    'prose.yaml',
  ];
  return [
    ...fixed.map((name) => join(dir, name)),
    ...names.map((name) => join(voorzieningDir, name)),
    join(dir, source),
  ];
}

/** Reads and validates every file of a seeds folder. Throws a {@link SeedError} on the first bad file. */
export function loadSeeds(dir: string): SeedSet {
  const at = (name: string) => join(dir, name);
  const [edition] = readSeedFile(at('editions.yaml'), editionsSeed);
  const voorzieningDir = at('voorzieningen');
  let names: string[];
  try {
    names = readdirSync(voorzieningDir)
      .filter((name) => name.endsWith('.yaml'))
      .sort();
  } catch {
    throw new SeedError(
      relative(process.cwd(), voorzieningDir),
      '',
      'the folder of voorziening files is missing',
    );
  }
  const voorzieningen = names.map((name) => {
    const file = join(voorzieningDir, name);
    const seed = readSeedFile(file, voorzieningSeed);
    if (`${seed.code}.yaml` !== name) {
      throw new SeedError(
        relative(process.cwd(), file),
        'code',
        `"${seed.code}" does not match the file name`,
      );
    }
    return { file: relative(process.cwd(), file), seed };
  });
  const sourceFile = join(dir, edition!.source);
  let sourceText: string;
  try {
    sourceText = readFileSync(sourceFile, 'utf8');
  } catch {
    throw new SeedError(
      relative(process.cwd(), at('editions.yaml')),
      '0.source',
      `cannot read ${edition!.source}`,
    );
  }
  return {
    dir,
    edition: edition!,
    sections: readSeedFile(at('sections.yaml'), sectionsSeed),
    domains: readSeedFile(at('domains.yaml'), domainsSeed),
    voorzieningen,
    relations: readSeedFile(at('relations.yaml'), relationsSeed),
    totals: readSeedFile(at('totals.yaml'), totalsSeed),
    certainty: readSeedFile(at('certainty.yaml'), certaintySeed),
    measures: readSeedFile(at('measures.yaml'), measuresSeed),
    claims: readSeedFile(at('claims.yaml'), claimsSeed).claims,
    prose: readSeedFile(at('prose.yaml'), proseSeed).facts,
    sourceText,
    files: listSeedFiles(dir, edition!.source),
    nameOf: (file) => relative(process.cwd(), at(file)),
  };
}
