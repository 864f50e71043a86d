import type { ExportEdge, ExportNode } from './stelsel-export';
import { escapeMarkup } from '../../lib/escape-markup';
import { toCsv } from './csv';

const xml = (text: unknown) => escapeMarkup(text, 'xml');

/**
 * What every graph export says about its edges: the direction convention and which provenances it holds.
 */
export function edgeConvention(provenances: readonly string[]): string {
  return `Every edge points the way the data or the service flows: source feeds target. Edges stated by: ${provenances
    .map((p) => (p === 'MONITOR' ? 'the monitor (MONITOR)' : 'an outside source, the stelselplaat (OUTSIDE)'))
    .join(
      ' and ',
    )}; ?provenance=monitor,outside for both. volume_<year>: the edge's own volume (its first OWN figure that no other edge shares); indicators: every figure as code/key:ROLE[:shared].`;
}

/**
 * The stelsel as GraphML (Gephi, networkx, yEd): node and edge attributes declared as keys, the edge
 * convention ({@link edgeConvention}) in the file's `<desc>`.
 */
export function toGraphml({
  years,
  provenances = ['MONITOR'],
  nodes,
  edges,
}: {
  years: number[];
  provenances?: readonly string[];
  nodes: ExportNode[];
  edges: ExportEdge[];
}): string {
  const nodeKeys = ['kind', 'domain', 'abbreviation', 'name', 'name_en'];
  const edgeKeys = ['kind', 'provenance', 'description', 'source_reference', 'indicators'];
  const data = (key: string, value: unknown) =>
    value === null || value === undefined || value === '' ? '' : `<data key="${key}">${xml(value)}</data>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xml(edgeConvention(provenances))}</desc>`,
    ...nodeKeys.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...edgeKeys.map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="string"/>`),
    ...years.map((y) => `  <key id="e_volume_${y}" for="edge" attr.name="volume_${y}" attr.type="double"/>`),
    '  <graph id="stelsel" edgedefault="directed">',
    ...nodes.map(
      (n) =>
        `    <node id="${xml(n.id)}">${nodeKeys.map((k) => data(`n_${k}`, n[k as keyof ExportNode])).join('')}</node>`,
    ),
    ...edges.map(
      (e) =>
        `    <edge id="${e.id}" source="${xml(e.source)}" target="${xml(e.target)}">${edgeKeys.map((k) => data(`e_${k}`, e[k as keyof ExportEdge])).join('')}${years.map((y) => data(`e_volume_${y}`, e.volumes[String(y)])).join('')}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** Whether two edges join the same nodes in the same direction (a multigraph then, in GraphML and JSON alike). */
export function hasParallelEdges(edges: readonly ExportEdge[]): boolean {
  return new Set(edges.map((e) => JSON.stringify([e.source, e.target]))).size < edges.length;
}

/** An object without its null, undefined and empty-string entries (GraphML writes no `<data>` for those). */
function present(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  );
}

/**
 * The stelsel as node-link JSON, for networkx's `node_link_graph` (and d3): the edges under `edges` (what
 * networkx 3.6 reads by default) and, the same array again, under `links` (what networkx before 3.6 and d3
 * read). It says `multigraph` only when two edges join the same nodes in the same direction, as networkx's
 * `read_graphml` decides for the GraphML export, and it leaves out empty attributes as the GraphML does: both
 * files load into the same graph, the same nodes, edges and attributes (an edge's `id`, or its `key` in a
 * multigraph).
 */
export function toNodeLinkJson({
  years,
  provenances = ['MONITOR'],
  nodes,
  edges,
}: {
  years: number[];
  provenances?: readonly string[];
  nodes: ExportNode[];
  edges: ExportEdge[];
}): string {
  const multigraph = hasParallelEdges(edges);
  // measures are in `indicators` (code/key:ROLE[:shared]), as in the GraphML: both load into the same graph
  const links = edges.map(({ volumes, id, measures: _measures, ...edge }) => ({
    ...present({ ...edge, ...(multigraph ? { key: id } : { id }) }),
    ...present(Object.fromEntries(Object.entries(volumes).map(([y, v]) => [`volume_${y}`, v]))),
  }));
  return JSON.stringify({
    directed: true,
    multigraph,
    graph: {
      name: 'Stelsel van Basisregistraties en GDI (Monitor Digitale Overheid 2020)',
      years,
      provenance: provenances,
      description: edgeConvention(provenances),
    },
    nodes: nodes.map((node) => present({ ...node })),
    edges: links,
    links,
  });
}

/**
 * The relations as CSV, one row per figure attached to a relation (a relation without one: one row with the
 * indicator empty): `from` feeds `to` (the way the data or the service flows), the relation's provenance
 * (MONITOR or OUTSIDE) and source, the figure's indicator, its role on the edge (OWN, ONWARD, ALTERNATIVE,
 * COMBINED), whether other edges share it, and its figures per year. A sum of `value_<year>` over the rows with
 * role OWN, counting a shared indicator once, is the volume of those edges.
 */
export function toRelationsCsv({ years, edges }: { years: number[]; edges: ExportEdge[] }): string {
  const columns = [
    'kind',
    'from',
    'to',
    'provenance',
    'description',
    'source',
    'indicator',
    'role',
    'shared',
    ...years.map((y) => `value_${y}`),
  ];
  return toCsv(
    columns,
    edges.flatMap((e) => {
      const relation = {
        kind: e.kind,
        from: e.source,
        to: e.target,
        provenance: e.provenance,
        description: e.description,
        source: e.source_reference,
      };
      if (e.measures.length === 0) return [{ ...relation, indicator: '', role: '', shared: '' }];
      return e.measures.map((m) => ({
        ...relation,
        indicator: m.indicator,
        role: m.role,
        shared: m.shared ? 'true' : 'false',
        ...Object.fromEntries(years.map((y) => [`value_${y}`, m.values[String(y)]])),
      }));
    }),
  );
}
