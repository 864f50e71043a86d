import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toGraphml, toNodeLinkJson } from '../server/http/exports/graph-formats';
import type { ExportEdge } from '../server/http/exports/stelsel-export';
import { runPython } from './support/python';
import { startTestServer, type TestServer } from './support/running-server';

// networkx (Debian's) loads the GraphML and the node-link JSON into the same graph: same kind of graph, same
// nodes and edges, same attributes. The JSON is read with the edges under `edges` (networkx ≥ 3.6's default)
// and under `links` (older versions' default), whichever this networkx's default is.

const COMPARE = `
import json, networkx as nx
g = nx.read_graphml("stelsel.graphml")
data = json.load(open("stelsel.json"))
def edges(graph):
    if graph.is_multigraph():
        return sorted((u, v, k, sorted(d.items())) for u, v, k, d in graph.edges(keys=True, data=True))
    return sorted((u, v, sorted(d.items())) for u, v, d in graph.edges(data=True))
def nodes(graph):
    return sorted((n, sorted(d.items())) for n, d in graph.nodes(data=True))
for name in ["edges", "links"]:
    other = {k: v for k, v in data.items() if k != ("links" if name == "edges" else "edges")}
    try:
        j = nx.node_link_graph(other, edges=name)
    except TypeError:  # networkx before 3.4 names the key in attrs
        j = nx.node_link_graph(other, attrs={"link": name, "name": "id", "source": "source", "target": "target", "key": "key"})
    print(json.dumps({
        "read": name,
        "graphml": [type(g).__name__, g.number_of_nodes(), g.number_of_edges()],
        "json": [type(j).__name__, j.number_of_nodes(), j.number_of_edges()],
        "same_nodes": nodes(g) == nodes(j),
        "same_edges": edges(g) == edges(j),
        "woz_to_digilevering": None if j.is_multigraph() or not j.has_edge("woz", "digilevering")
            else j.edges["woz", "digilevering"]["volume_2019"],
    }))
# what a reader types: the default key of this networkx
print(json.dumps({"default": nx.node_link_graph(data).number_of_edges()}))
`;

describe('the graph exports in networkx', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'stelselgraph-networkx-'));
    for (const file of ['stelsel.graphml', 'stelsel.json'])
      writeFileSync(join(dir, file), await (await fetch(`${server.url}/export/${file}`)).text());
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads GraphML and JSON (under edges or links) into the same simple directed graph', async () => {
    const lines = (await runPython(COMPARE, dir))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const read of ['edges', 'links'])
      expect(lines.find((l) => l.read === read)).toEqual({
        read,
        // no two relations join the same voorzieningen in the same direction: a DiGraph from both files
        graphml: ['DiGraph', 38, 42],
        json: ['DiGraph', 38, 42],
        same_nodes: true,
        same_edges: true,
        woz_to_digilevering: 32_274_069,
      });
    expect(lines.at(-1)).toEqual({ default: 42 });
  });

  it('says multigraph in both files when two edges join the same nodes the same way', async () => {
    const node = (id: string) => ({
      id,
      kind: 'PLATFORM',
      domain: 'd',
      abbreviation: null,
      name: id,
      name_en: id,
    });
    const edge = (id: string, kind: string): ExportEdge => ({
      id,
      source: 'a',
      target: 'b',
      kind,
      provenance: 'MONITOR',
      description: kind,
      source_reference: '',
      indicators: '',
      measures: [],
      volumes: { '2019': id === 'e1' ? 5 : null },
    });
    const graph = { years: [2019], nodes: [node('a'), node('b')], edges: [edge('e1', 'X'), edge('e2', 'Y')] };
    const parallel = mkdtempSync(join(tmpdir(), 'stelselgraph-multigraph-'));
    try {
      writeFileSync(join(parallel, 'stelsel.graphml'), toGraphml(graph));
      writeFileSync(join(parallel, 'stelsel.json'), toNodeLinkJson(graph));
      const lines = (await runPython(COMPARE, parallel))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines[0]).toMatchObject({
        graphml: ['MultiDiGraph', 2, 2],
        json: ['MultiDiGraph', 2, 2],
        same_nodes: true,
        same_edges: true,
      });
    } finally {
      rmSync(parallel, { recursive: true, force: true });
    }
  });
});
