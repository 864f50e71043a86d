import { join } from 'node:path';
import { scratchDir } from './support/seeds-fixture';
import { NODE_MAIN, startServerProcess, type ServerProcess } from './support/server-process';

/** `levels` nested steps of domain → voorzieningen → domain → …, as one alias. */
function cycle(levels: number): string {
  let inner = 'name';
  for (let level = 0; level < levels; level += 1) inner = `voorzieningen { code domain { code ${inner} } }`;
  return `domains { ${inner} }`;
}

/** The requests of issue 12's attack: the cyclic fan-out and its variants, and pages sized by variables. */
const ATTACKS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'fan-out, 20 aliases, four levels', query: `{ ${aliased(20, cycle(4))} }` },
  { name: 'fan-out, 20 aliases, two levels', query: `{ ${aliased(20, cycle(2))} }` },
  { name: 'fan-out, one alias, four levels', query: `{ ${aliased(1, cycle(4))} }` },
  {
    name: 'pages of 500 sized by a variable, fanning out',
    query: `query($n: Int) { ${aliased(
      20,
      'observations(first: $n) { nodes { indicator { voorziening { domain { voorzieningen { indicators { key } } } } } } }',
    )} }`,
    variables: { n: 500 },
  },
  {
    name: 'default pages fanning out',
    query: `{ ${aliased(20, 'observations { nodes { indicator { voorziening { outgoing { to { incoming { from { code } } } } } } } }')} }`,
  },
];

function aliased(count: number, field: string): string {
  return Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');
}

/** Posts a query; resolves with the status, the answer's size and the time it took. */
async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    bytes: text.length,
    ms: performance.now() - started,
    body: JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
  };
}

async function healthy(url: string): Promise<number> {
  return (await fetch(`${url}/healthz`)).status;
}

describe('bounded work: no request takes the server process down', () => {
  const scratch = scratchDir();
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    scratch.cleanup();
  });
  const start = async (env: Record<string, string>) => {
    const server = await startServerProcess(NODE_MAIN, {
      DATABASE_FILE: join(scratch.dir, 'stelselgraph.sqlite'),
      RESPONSE_CACHE: 'off',
      ...env,
    });
    servers.push(server);
    return server;
  };

  it.each([
    ['a budget of 100 ms', 100],
    ['the default budget', 5000],
  ])(
    'answers or refuses the fan-out and its variants within %s, each several times, and stays healthy',
    async (_, budgetMs) => {
      const server = await start({ TIME_BUDGET_MS: String(budgetMs) });
      for (let round = 0; round < 3; round += 1) {
        for (const attack of ATTACKS) {
          const result = await post(server.url, attack.query, attack.variables);
          // refused before executing (cost) or stopped by the budget (time or nodes): one error, no data
          expect({
            attack: attack.name,
            errors: result.body.errors?.length,
            data: result.body.data ?? null,
          }).toEqual({
            attack: attack.name,
            errors: 1,
            data: null,
          });
          expect(['QUERY_COST_LIMIT', 'TIME_BUDGET_EXCEEDED', 'NODE_BUDGET_EXCEEDED']).toContain(
            result.body.errors?.[0]?.extensions?.code,
          );
          expect(result.bytes).toBeLessThan(1024);
          // within the budget plus a margin for a loaded machine (the process is not ours alone in CI)
          expect({ attack: attack.name, within: result.ms < budgetMs + 2000 }).toEqual({
            attack: attack.name,
            within: true,
          });
        }
      }
      expect(await healthy(server.url)).toBe(200);
      const after = await post(server.url, '{ voorziening(code: "brp") { code } }');
      expect(after.body).toEqual({ data: { voorziening: { code: 'brp' } } });
      expect(server.child.exitCode).toBeNull();
    },
  );

  it('takes its node budget from MAX_NODES', async () => {
    const server = await start({ MAX_NODES: '10' });
    const result = await post(server.url, '{ domains { voorzieningen { code } } }');
    expect(result.body.data ?? null).toBeNull();
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'NODE_BUDGET_EXCEEDED', limit: 10 }),
      }),
    ]);
    expect((await post(server.url, '{ edition { year } }')).body).toEqual({
      data: { edition: { year: 2020 } },
    });
  });

  it('logs a promise that rejects with no handler and keeps serving', async () => {
    const server = await start({
      NODE_OPTIONS: `--require ${join(__dirname, 'fixtures/plant-rejection.js')}`,
      PLANT_REJECTION_AFTER_MS: '200',
    });
    const deadline = Date.now() + 15_000;
    while (!server.output().includes('planted rejection for the test') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(server.output()).toMatch(
      /unhandled rejection \(the server keeps serving\): Error: planted rejection for the test/,
    );
    expect(await healthy(server.url)).toBe(200);
    expect((await post(server.url, '{ edition { year } }')).body).toEqual({
      data: { edition: { year: 2020 } },
    });
    expect(server.child.exitCode).toBeNull();
  });
});
