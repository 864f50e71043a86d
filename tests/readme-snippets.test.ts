import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runPython } from './support/python';
import { startTestServer, type TestServer } from './support/running-server';

// The README's Python snippets for researchers (pandas on observations.csv, networkx on the graph exports), run
// as a reader would (Debian's python3), against a real server: they print what the README says they print, and
// each figure they print is one the monitor prints.

const README = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
const MONITOR = readFileSync(
  resolve(__dirname, '../seeds/source/monitor-digitale-overheid-2020.txt'),
  'utf8',
);

/** The README's section on exports: each ```python block with the ```text block after it (what it prints). */
function snippets(): { code: string; prints: string }[] {
  const section = README.slice(README.indexOf('## Exports for researchers'));
  const until = section.indexOf('\n## ', 3);
  const pairs = [
    ...section
      .slice(0, until)
      .matchAll(/```python\n([\s\S]*?)```\s*\n\s*prints\s*\n\s*```text\n([\s\S]*?)```/g),
  ];
  return pairs.map((match) => ({ code: match[1]!, prints: match[2]! }));
}

/** A figure as the README's snippets print it (`78,551,168`) as the monitor prints it (`78.551.168`). */
const dutch = (figure: string) => figure.replace(/,/g, '.');

describe("the README's snippets for researchers", () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'stelselgraph-readme-'));
    // as the networkx snippet's comment says: curl -O both graph files first
    for (const file of ['stelsel.graphml', 'stelsel.json'])
      writeFileSync(join(dir, file), await (await fetch(`${server.url}/export/${file}`)).text());
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a pandas snippet and a networkx snippet, each with what it prints', () => {
    const found = snippets();
    expect(found.map((s) => /import pandas/.test(s.code) || /networkx/.test(s.code))).toEqual([true, true]);
  });

  it.each([0, 1])('runs snippet %i and prints what the README shows', async (at) => {
    const { code, prints } = snippets()[at]!;
    const output = await runPython(code.replaceAll('http://localhost:4000', server.url), dir);
    expect(output).toBe(prints);
  });

  it('prints only figures the monitor prints: the Berichtenbox total, not its average with its members', () => {
    const figures = snippets().flatMap((s) => s.prints.match(/\d{1,3}(?:,\d{3})+/g) ?? []);
    expect(figures).toContain('78,551,168');
    expect(figures).not.toContain('17,455,815');
    for (const figure of figures) expect(MONITOR).toContain(dutch(figure));
    expect(MONITOR).toContain('+6,9%');
  });
});
