import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of this project's package.json, found upward from this file: the same whether the server runs
 * from its TypeScript sources (`server/`) or compiled (`dist/server/`). Files the server reads at run time
 * (the schema, the playground's examples, the builder's sources) are located from it.
 */
export const PROJECT_ROOT = findProjectRoot(__dirname);

/** Where `npm run db:build` and the server look for the seeds by default (relative to the working directory). */
export const DEFAULT_SEEDS_DIR = 'seeds';

/** Where `npm run db:build` and the server keep the SQLite database by default. */
export const DEFAULT_DATABASE_FILE = 'data/stelselgraph.sqlite';

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'stelselgraph'
    )
      return dir;
    if (dirname(dir) === dir) throw new Error(`no stelselgraph package.json above ${start}`);
  }
}
