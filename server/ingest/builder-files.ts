import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Where a build starts: `buildRows` and both writers are reached from here. */
export const BUILDER_ENTRY = 'server/ingest/build-database.ts';

/** The relative module specifiers a TypeScript source imports or re-exports (`from './x'`, `import('./x')`). */
const RELATIVE_IMPORT = /\bfrom\s+'(\.{1,2}\/[^']+)'|\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;

/** The source file a relative specifier names: `x.ts`, or `x/index.ts` for a folder. */
function resolveSource(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/**
 * The code that decides what a build writes: the TypeScript sources reached by following the relative imports
 * from {@link BUILDER_ENTRY}, as paths relative to `root`, sorted. Code no builder file imports (the read-side
 * report, the bench's synthetic dataset, the resolvers) is not in it, so editing it calls for no rebuild.
 */
export function builderFiles(root: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolveSource(file, (match[1] ?? match[2])!);
      if (target) visit(target);
    }
  };
  visit(join(root, BUILDER_ENTRY));
  return [...seen].map((file) => relative(root, file)).sort();
}
