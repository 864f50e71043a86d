import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RELATION_KINDS } from '../server/domain/vocabulary';
import { readStelselDrawing, stelselDot } from '../server/http/pictures/stelsel-dot';
import { relationsSeed } from '../server/ingest/seed-schema';
import { SEEDS_DIR } from './support/seeds-fixture';
import { tinyGraph } from './support/tiny-graph';

// What CONTRIBUTING.md's "Adding a relation kind" asks besides the SDL and the vocabulary (checked by
// vocabulary.test.ts): the seeds may use it, the stelsel picture draws it in a style of its own, and the
// dataset has a relation of it.

describe('every relation kind', () => {
  it('is accepted by the seed schema', () => {
    for (const kind of RELATION_KINDS) {
      const seed = { relations: [{ kind, from: 'a', to: 'b', description: 'x', source: { section: 's' } }] };
      expect([kind, relationsSeed.safeParse(seed).success]).toEqual([kind, true]);
    }
  });

  it('has a colour and a style of its own in the stelsel picture, and its line in the legend', async () => {
    const codes = RELATION_KINDS.flatMap((_, at) => [`a${at}`, `b${at}`]);
    const graph = await tinyGraph(
      codes,
      RELATION_KINDS.map((kind, at) => [`a${at}`, `b${at}`, kind]),
    );
    try {
      const dot = stelselDot(await readStelselDrawing(graph.db, []));
      const colours = RELATION_KINDS.map((kind) => {
        const edge = dot.split('\n').find((line) => line.includes(`tooltip="${kind}:`)) ?? '';
        return [kind, /color="([^"]+)"/.exec(edge)?.[1] ?? 'none'];
      });
      expect(colours.filter(([, colour]) => colour === 'none')).toEqual([]);
      const styles = dot
        .split('\n')
        .filter((line) => line.includes(' -> '))
        .map((line) => line.replace(/^.*tooltip="[^"]*" /, ''));
      expect(new Set(styles).size).toBe(RELATION_KINDS.length);
      for (const [kind, colour] of colours)
        expect(dot).toContain(`<font color="${colour}">━━▶ ${kind}</font>`);
    } finally {
      await graph.close();
    }
  });

  it('is the kind of at least one relation in the seeds', () => {
    const seeds = parse(readFileSync(join(SEEDS_DIR, 'relations.yaml'), 'utf8')) as {
      relations: { kind: string }[];
    };
    const used = new Set(seeds.relations.map((relation) => relation.kind));
    expect(RELATION_KINDS.filter((kind) => !used.has(kind))).toEqual([]);
  });
});
