import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project root. */
export const ROOT = resolve(__dirname, '..');

/** The shape of package.json's `start` script: node, its options, and the start script. */
const START_SCRIPT = /^exec node((?: --[a-z][a-z0-9-]*(?:=[^\s]+)?)*) scripts\/start\.cjs$/;

/**
 * The options `npm start` gives node, read from package.json's `start` script (`exec node OPTIONS…
 * scripts/start.cjs`), so that the tests, benchmarks and soak run start the server exactly as `npm start`
 * does. Throws, quoting the script, when it has another shape.
 */
export function startNodeOptions(startScript: string): string[] {
  const match = START_SCRIPT.exec(startScript);
  if (!match) {
    throw new Error(
      `package.json's start script must be "exec node [--OPTION…] scripts/start.cjs"; it is ${JSON.stringify(startScript)}`,
    );
  }
  return match[1]!.split(' ').filter((option) => option !== '');
}

/** package.json's `start` script. */
export function readStartScript(root: string = ROOT): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: { start?: unknown };
  };
  const start = manifest.scripts?.start;
  if (typeof start !== 'string') throw new Error(`${join(root, 'package.json')} has no start script`);
  return start;
}

/**
 * What `npm start` runs node with, after node itself: its options (package.json's `start`) and the start
 * script (`scripts/start.cjs`, by its absolute path).
 */
export const START_COMMAND: readonly string[] = [
  ...startNodeOptions(readStartScript()),
  join(ROOT, 'scripts/start.cjs'),
];
