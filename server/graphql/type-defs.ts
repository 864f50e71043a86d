import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../lib/project-paths';

/** The folder of the SDL files, one per area. */
export const SCHEMA_DIR = join(PROJECT_ROOT, 'schema');

/** Reads the schema's SDL files (`schema/*.graphql`) in name order, as one string. */
export function readTypeDefs(dir = SCHEMA_DIR): string {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
}
