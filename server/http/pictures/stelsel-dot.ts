import type { Kysely } from 'kysely';
import type { Database, RelationTable, VoorzieningTable } from '../../db/database';
import { relationsOfKinds } from '../../db/queries/relation-queries';
import { allVoorzieningen } from '../../db/queries/voorziening-queries';
import { relationVolumes } from '../../db/queries/relation-volumes';
import {
  RELATION_KINDS,
  VOORZIENING_KINDS,
  type RelationKind,
  type RelationProvenance,
  type VoorzieningKind,
} from '../../domain/vocabulary';
import { escapeMarkup } from '../../lib/escape-markup';
import { RELATION_KIND_WORDS, VOORZIENING_KIND_WORDS } from './kind-words';

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
  DEFINED_IN: 'color="#bcbd22" style=dotted',
  PART_OF: 'color="#444444" arrowhead=diamond',
  INHERITANCE: 'color="#e377c2"',
  DEEP_LINK: 'color="#e377c2" style=dashed',
  SUPPLIES_DATA_TO: 'color="#555555" style=bold',
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
const html = (text: string) => escapeMarkup(text, 'xml');

/** A figure as the monitor prints it: `2.925.819`. */
export const dutchNumber = (value: number) =>
  Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** How an edge's line is drawn, in words (the legend says it beside the colour). */
function lineInWords(style: string): string {
  if (/style=dashed/.test(style)) return ' (gestreept)';
  if (/style=dotted/.test(style)) return ' (gestippeld)';
  if (/style=bold/.test(style)) return ' (dik)';
  return '';
}

/** What the stelsel is drawn from: the voorzieningen and the relations to draw, in the monitor's order. */
export interface StelselDrawing {
  voorzieningen: readonly Pick<VoorzieningTable, 'id' | 'code' | 'abbreviation' | 'name' | 'kind'>[];
  relations: readonly (Pick<RelationTable, 'kind' | 'description' | 'from_id' | 'to_id'> & { id?: number })[];
  /** The year of the volumes, and each relation's volume that year by relation id (see `relationVolumes`). */
  volumes?: { year: number; byRelation: ReadonlyMap<number, number> };
  /** The provenances of the relations drawn (the legend says them); every provenance when absent. */
  provenances?: readonly RelationProvenance[];
}

/**
 * Reads what {@link stelselDot} draws: every voorziening, the relations of `kinds` (all when empty) and
 * `provenances`, and with `year` their own volumes that year.
 */
export async function readStelselDrawing(
  db: Kysely<Database>,
  kinds: readonly RelationKind[],
  year: number | undefined,
  provenances: readonly RelationProvenance[],
): Promise<StelselDrawing> {
  const voorzieningen = await allVoorzieningen(db);
  const relations = await relationsOfKinds(db, kinds, provenances);
  if (year === undefined) return { voorzieningen, relations, provenances };
  return {
    voorzieningen,
    relations,
    provenances,
    volumes: { year, byRelation: await relationVolumes(db, year) },
  };
}

/** The legend of the node shapes: one sample node per kind drawn, named in words. */
function shapeLegend(kinds: readonly VoorzieningKind[]): string[] {
  if (kinds.length === 0) return [];
  return [
    '  subgraph cluster_shapes {',
    '    label="Soorten voorzieningen" labeljust=l fontsize=11 style=rounded color="#bbbbbb";',
    ...kinds.map(
      (kind) =>
        `    ${quote(`legend-${kind}`)} [label=${quote(VOORZIENING_KIND_WORDS[kind])} tooltip=${quote(`vorm van een ${VOORZIENING_KIND_WORDS[kind]}`)} ${NODE_STYLES[kind] ?? ''}];`,
    ),
    // in a row (rankdir=LR ranks run left to right), not a tall column
    ...kinds
      .slice(1)
      .map((kind, at) => `    ${quote(`legend-${kinds[at]}`)} -> ${quote(`legend-${kind}`)} [style=invis];`),
    '  }',
  ];
}

/** The legend of the edge colours: each kind drawn, its colour and line, in words; and what the numbers are. */
function edgeLegend(
  kinds: readonly RelationKind[],
  volumeYear: number | undefined,
  provenances: readonly RelationProvenance[] | undefined,
): string[] {
  if (kinds.length === 0) return [];
  const cells = kinds.map((kind) => {
    const style = EDGE_STYLES[kind] ?? '';
    const colour = /color="([^"]+)"/.exec(style)?.[1] ?? '#000000';
    return `<td align="left"><font color="${colour}">━━▶</font></td><td align="left">${html(`${RELATION_KIND_WORDS[kind]}${lineInWords(style)}`)}</td>`;
  });
  // two kinds a row: a wide legend, not a tall one beside a wide drawing
  const rows = cells.flatMap((cell, at) => (at % 2 === 0 ? [`<tr>${cell}${cells[at + 1] ?? ''}</tr>`] : []));
  const volumes =
    volumeYear === undefined
      ? ''
      : `<tr><td align="left">1.234</td><td align="left" colspan="3">${html(`volume in ${volumeYear}: het eigen cijfer van de monitor voor die relatie (andere jaren: ?year=)`)}</td></tr>`;
  const onlyMonitor = provenances?.length === 1 && provenances[0] === 'MONITOR';
  const provenance = provenances
    ? `<tr><td align="left" colspan="4">${html(
        onlyMonitor
          ? 'alleen relaties die de monitor noemt (ook de stelselplaat uit andere bronnen: ?provenance=monitor,outside)'
          : `relaties uit: ${provenances.map((p) => (p === 'MONITOR' ? 'de monitor' : 'andere bronnen (stelselplaat)')).join(' en ')}`,
      )}</td></tr>`
    : '';
  return [
    `  legend [shape=plaintext fillcolor=white label=<<table border="0" cellborder="0" cellspacing="1"><tr><td align="left" colspan="4"><b>Relaties (pijl: de richting van de stroom; van levert aan naar)</b></td></tr>${rows.join('')}${volumes}${provenance}</table>>];`,
  ];
}

/**
 * The stelsel in Graphviz's DOT language: voorzieningen as nodes (shaped by kind, linked to their explorer
 * page), the relations as edges styled by kind (with their volume when the drawing has volumes), and legends in
 * words: the node shapes of the kinds drawn, the edge colours and lines of the relations drawn. Only
 * voorzieningen that take part in a drawn relation are drawn, unless `center` is given; with `codes`, only
 * relations between them.
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
    volume: r.id === undefined ? undefined : drawing.volumes?.byRelation.get(r.id),
  }));
  if (options.codes)
    relations = relations.filter((r) => options.codes!.has(r.from) && options.codes!.has(r.to));
  const used = new Set(relations.flatMap((r) => [r.from, r.to]));
  if (options.center) used.add(options.center);
  const nodes = drawing.voorzieningen.filter((n) => used.has(n.code));
  const drawnKinds = RELATION_KINDS.filter((kind) => relations.some((r) => r.kind === kind));
  const shapeKinds = VOORZIENING_KINDS.filter(
    (kind) => NODE_STYLES[kind] && nodes.some((n) => n.kind === kind),
  );
  return [
    'digraph stelsel {',
    '  graph [rankdir=LR fontname="Helvetica" fontsize=11 bgcolor="white" nodesep=0.3 ranksep=0.7];',
    '  node [fontname="Helvetica" fontsize=11 shape=box style=filled fillcolor="#f0f0f0"];',
    '  edge [fontname="Helvetica" fontsize=9 arrowsize=0.7];',
    ...nodes.map(
      (n) =>
        `  ${quote(n.code)} [label=${quote(n.abbreviation ?? n.name)} tooltip=${quote(`${n.name} (${VOORZIENING_KIND_WORDS[n.kind]})`)} URL=${quote(`/explore/${n.code}`)} ${NODE_STYLES[n.kind] ?? ''}${n.code === options.center ? ' penwidth=3' : ''}];`,
    ),
    ...relations.map((r) => {
      const volume =
        r.volume === undefined ? '' : ` label=${quote(dutchNumber(r.volume))} fontcolor="#333333"`;
      return `  ${quote(r.from)} -> ${quote(r.to)} [tooltip=${quote(`${r.from} ${RELATION_KIND_WORDS[r.kind]} ${r.to}: ${r.description}`)}${volume} ${EDGE_STYLES[r.kind] ?? ''}];`;
    }),
    ...edgeLegend(drawnKinds, drawing.volumes?.year, drawing.provenances),
    ...shapeLegend(shapeKinds),
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
