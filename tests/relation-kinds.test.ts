import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RELATION_KINDS, type RelationKind } from '../server/domain/vocabulary';
import { RELATION_KIND_WORDS } from '../server/http/pictures/kind-words';
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
      const source = { section: 's', lines: '1', quote: 'x' };
      const seed = { relations: [{ kind, from: 'a', to: 'b', description: 'x', source }] };
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
      const dot = stelselDot(await readStelselDrawing(graph.db, [], undefined, ['MONITOR']));
      const colours = RELATION_KINDS.map((kind) => {
        const at = RELATION_KINDS.indexOf(kind);
        const edge = dot.split('\n').find((line) => line.startsWith(`  "a${at}" -> "b${at}"`)) ?? '';
        return [kind, /color="([^"]+)"/.exec(edge)?.[1] ?? 'none'];
      });
      expect(colours.filter(([, colour]) => colour === 'none')).toEqual([]);
      const styles = dot
        .split('\n')
        .filter((line) => line.includes(' -> ') && line.includes('tooltip='))
        .map((line) => line.replace(/^.*tooltip="[^"]*" /, ''));
      expect(new Set(styles).size).toBe(RELATION_KINDS.length);
      // the legend shows each kind's colour beside the kind in words, each kind's words its own
      for (const [kind, colour] of colours)
        expect(dot).toContain(
          `<font color="${colour}">━━▶</font></td><td align="left">${RELATION_KIND_WORDS[kind as RelationKind]}`,
        );
      expect(new Set(Object.values(RELATION_KIND_WORDS)).size).toBe(RELATION_KINDS.length);
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
