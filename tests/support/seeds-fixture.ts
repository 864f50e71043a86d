import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The project's real seeds folder. */
export const SEEDS_DIR = resolve(__dirname, '../../seeds');

/** A scratch folder under the OS temp dir, removed by `cleanup()`. */
export function scratchDir(prefix = 'stelselgraph-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies the real seeds into `dir/seeds` and returns that path, to be edited by a test. */
export function copySeeds(dir: string): string {
  const target = join(dir, 'seeds');
  cpSync(SEEDS_DIR, target, { recursive: true });
  return target;
}

/** Replaces `from` by `to` in a seed file, failing when `from` does not occur (so a test cannot go stale). */
export function editSeed(seedsDir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(seedsDir, file);
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`editSeed: ${String(from)} does not occur in ${file}`);
  writeFileSync(path, edited);
}
