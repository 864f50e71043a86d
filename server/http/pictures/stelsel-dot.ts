import type { Kysely } from 'kysely';
import type { Database, RelationTable, VoorzieningTable } from '../../db/database';
import { relationsOfKinds } from '../../db/queries/relation-queries';
import { allVoorzieningen } from '../../db/queries/voorziening-queries';
import type { RelationKind } from '../../domain/vocabulary';

/** How each kind of relation is drawn. */
const EDGE_STYLES: Record<string, string> = {
  EVENT_DELIVERY: 'color="#1f77b4" penwidth=2',
  TERUGMELDING: 'color="#d62728" style=dashed penwidth=1.5',
  DISTRIBUTION: 'color="#2ca02c" penwidth=2',
  AUTHENTICATION: 'color="#9467bd"',
  AUTHORIZATION: 'color="#9467bd" style=dashed',
  INZAGE: 'color="#8c564b" style=dotted penwidth=1.5',
  TRANSPORT: 'color="#ff7f0e" penwidth=1.5',
  NETWORK: 'color="#7f7f7f"',
  PUBLICATION: 'color="#17becf"',
  DESCRIBES: 'color="#bcbd22" style=dotted',
  PART_OF: 'color="#444444" arrowhead=diamond',
  INHERITANCE: 'color="#e377c2"',
  DEEP_LINK: 'color="#e377c2" style=dashed',
  USES_DATA_FROM: 'color="#555555" style=bold',
};

/** How each kind of voorziening is drawn. */
const NODE_STYLES: Record<string, string> = {
  BASISREGISTRATIE: 'shape=box style="rounded,filled" fillcolor="#fde9a9"',
  STELSELVOORZIENING: 'shape=hexagon style=filled fillcolor="#cfe3f7"',
  PLATFORM: 'shape=cylinder style=filled fillcolor="#d8f0d2"',
  PORTAAL: 'shape=box style=filled fillcolor="#eadcf5"',
  AUTHENTICATIE: 'shape=ellipse style=filled fillcolor="#eadcf5"',
  ARCHITECTUUR: 'shape=note style=filled fillcolor="#f7d9ec"',
};

const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** What the stelsel is drawn from: the voorzieningen and the relations to draw, in the monitor's order. */
export interface StelselDrawing {
  voorzieningen: readonly Pick<VoorzieningTable, 'id' | 'code' | 'abbreviation' | 'name' | 'kind'>[];
  relations: readonly Pick<RelationTable, 'kind' | 'description' | 'from_id' | 'to_id'>[];
}

/** Reads what {@link stelselDot} draws: every voorziening, and the relations of `kinds` (all when empty). */
export async function readStelselDrawing(
  db: Kysely<Database>,
  kinds: readonly RelationKind[],
): Promise<StelselDrawing> {
  const voorzieningen = await allVoorzieningen(db);
  return { voorzieningen, relations: await relationsOfKinds(db, kinds) };
}

/**
 * The stelsel in Graphviz's DOT language: voorzieningen as nodes (shaped by kind, linked to their explorer
 * page), the relations as edges styled by kind, and a legend of the kinds drawn. Only voorzieningen that take
 * part in a drawn relation are drawn, unless `center` is given; with `codes`, only relations between them.
 */
export function stelselDot(
  drawing: StelselDrawing,
  options: { center?: string; codes?: Set<string> } = {},
): string {
  const codeOf = new Map(drawing.voorzieningen.map((v) => [v.id, v.code]));
  let relations = drawing.relations.map((r) => ({
    kind: r.kind,
    description: r.description,
    from: codeOf.get(r.from_id)!,
    to: codeOf.get(r.to_id)!,
  }));
  if (options.codes)
    relations = relations.filter((r) => options.codes!.has(r.from) && options.codes!.has(r.to));
  const used = new Set(relations.flatMap((r) => [r.from, r.to]));
  if (options.center) used.add(options.center);
  const nodes = drawing.voorzieningen.filter((n) => used.has(n.code));
  const drawnKinds = [...new Set(relations.map((r) => r.kind))];
  return [
    'digraph stelsel {',
    '  graph [rankdir=LR fontname="Helvetica" fontsize=11 bgcolor="white" nodesep=0.3 ranksep=0.7];',
    '  node [fontname="Helvetica" fontsize=11 shape=box style=filled fillcolor="#f0f0f0"];',
    '  edge [fontname="Helvetica" fontsize=9 arrowsize=0.7];',
    ...nodes.map(
      (n) =>
        `  ${quote(n.code)} [label=${quote(n.abbreviation ?? n.name)} tooltip=${quote(n.name)} URL=${quote(`/explore/${n.code}`)} ${NODE_STYLES[n.kind] ?? ''}${n.code === options.center ? ' penwidth=3' : ''}];`,
    ),
    ...relations.map(
      (r) =>
        `  ${quote(r.from)} -> ${quote(r.to)} [tooltip=${quote(`${r.kind}: ${r.description}`)} ${EDGE_STYLES[r.kind] ?? ''}];`,
    ),
    ...(drawnKinds.length > 0
      ? [
          `  legend [shape=plaintext fillcolor=white label=<<table border="0" cellborder="0" cellspacing="1"><tr><td align="left"><b>Relaties</b></td></tr>${drawnKinds
            .map(
              (kind) =>
                `<tr><td align="left"><font color="${/color="([^"]+)"/.exec(EDGE_STYLES[kind] ?? '')?.[1] ?? '#000000'}">━━▶ ${kind}</font></td></tr>`,
            )
            .join('')}</table>>];`,
        ]
      : []),
    '}',
  ].join('\n');
}

/** Renders DOT to SVG with Graphviz compiled to WebAssembly (loaded on first use). */
export async function renderDot(dot: string): Promise<string> {
  const { instance } = await import('@viz-js/viz');
  viz ??= await instance();
  return viz.renderString(dot, { format: 'svg', engine: 'dot' });
}

let viz: Awaited<ReturnType<typeof import('@viz-js/viz').instance>> | undefined;
