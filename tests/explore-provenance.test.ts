import { startTestServer, type TestServer } from './support/running-server';

// An explorer page's neighbourhood holds the relations the API gives by default (the monitor's), says so and
// links to the page with the stelselplaat's too; there, each relation from outside the monitor is marked.

interface Edge {
  provenance: string;
  from: { code: string };
  to: { code: string };
}

describe('/explore/{code} and the provenance of its relations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  /** BRP's relations as the API gives them, of the provenances asked. */
  const apiEdges = async (provenance: string) => {
    const query = `{ voorziening(code: "brp") {
      outgoing(provenance: ${provenance}) { provenance from { code } to { code } }
      incoming(provenance: ${provenance}) { provenance from { code } to { code } } } }`;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const { data } = (await response.json()) as { data: { voorziening: Record<string, Edge[]> } };
    return [...data.voorziening.outgoing!, ...data.voorziening.incoming!];
  };
  /** The relations a page lists: each item's two links and whether it is marked as from outside. */
  const listed = (html: string) =>
    [
      ...html.matchAll(
        /<li><a href="\/explore\/([^"]+)">[^<]*<\/a> [^<]*<a href="\/explore\/([^"]+)">[^<]*<\/a>(.*?)<\/li>/g,
      ),
    ].map(([, from, to, rest]) => ({
      from,
      to,
      marked: rest!.includes('stelselplaat, niet uit de monitor'),
    }));
  const page = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('lists by default only the relations the monitor names, as the API does, and links to the others', async () => {
    const monitor = await apiEdges('[MONITOR]');
    const all = await apiEdges('[MONITOR, OUTSIDE]');
    // BRP has relations of both provenances, so the two views differ
    expect(monitor.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(monitor.length);
    const html = await page('/explore/brp');
    const items = listed(html);
    expect(items.map(({ from, to }) => `${from}→${to}`).sort()).toEqual(
      monitor.map((e) => `${e.from.code}→${e.to.code}`).sort(),
    );
    expect(items.some((item) => item.marked)).toBe(false);
    expect(html).toContain(
      'Alleen relaties die de monitor noemt; <a href="/explore/brp?provenance=monitor,outside">',
    );
    // the diagram's legend says it too
    expect(html).toContain('alleen relaties die de monitor noemt');
    expect(html).not.toContain('levert gegevens aan');
  });

  it('lists with ?provenance=monitor,outside every relation, those from outside the monitor marked', async () => {
    const all = await apiEdges('[MONITOR, OUTSIDE]');
    const html = await page('/explore/brp?provenance=outside,MONITOR');
    const items = listed(html);
    expect(items.map(({ from, to, marked }) => `${from}→${to} ${marked}`).sort()).toEqual(
      all.map((e) => `${e.from.code}→${e.to.code} ${e.provenance === 'OUTSIDE'}`).sort(),
    );
    expect(html).toContain('<a href="/explore/brp">alleen die uit de monitor</a>');
    expect(html).toContain('relaties uit: de monitor en andere bronnen (stelselplaat)');
    expect(html).toContain('levert gegevens aan');
  });

  it('lists with ?provenance=outside only the relations from outside the monitor, each marked, and says so', async () => {
    const all = await apiEdges('[MONITOR, OUTSIDE]');
    const html = await page('/explore/brp?provenance=outside');
    const items = listed(html);
    expect(items.map(({ from, to, marked }) => `${from}→${to} ${marked}`).sort()).toEqual(
      all
        .filter((e) => e.provenance === 'OUTSIDE')
        .map((e) => `${e.from.code}→${e.to.code} true`)
        .sort(),
    );
    expect(html).toContain(
      'Alleen relaties uit andere bronnen (de stelselplaat, gemarkeerd); <a href="/explore/brp?provenance=monitor,outside">ook die uit de monitor</a>',
    );
    expect(html).toContain('relaties uit: andere bronnen (stelselplaat)');
  });

  it('refuses an unknown provenance, naming it', async () => {
    const response = await fetch(`${server.url}/explore/brp?provenance=rumour`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'Unknown provenance "rumour"; the provenances are monitor, outside.',
    });
  });
});
