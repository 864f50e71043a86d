import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './spawn-server';

/** A GraphQL request of the mix: a name and its POST body. */
export interface MixedRequest {
  name: string;
  body: string;
}

/** The playground's example queries, as POST bodies: the realistic mix the soak run drives. */
export function exampleMix(): MixedRequest[] {
  const dir = join(ROOT, 'server/http/examples');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => ({
      name: name.replace(/\.graphql$/, ''),
      body: JSON.stringify({ query: readFileSync(join(dir, name), 'utf8') }),
    }));
}
