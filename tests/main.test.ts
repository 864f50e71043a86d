import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runServerToEnd, spawnServer } from '../harness/spawn-server';
import { ROUTES } from '../server/http/routes/route-table';
import { copySeeds, editSeed, scratchDir } from './support/seeds-fixture';

describe('npm start', () => {
  const scratch = scratchDir();
  const seeds = copySeeds(scratch.dir);
  const env = { DATABASE_FILE: join(scratch.dir, 'data', 'db.sqlite'), SEEDS_DIR: seeds };
  afterAll(() => scratch.cleanup());

  it('builds the database when it is missing, serves, and stops cleanly on SIGTERM', async () => {
    const server = await spawnServer(env);
    expect(server.output()).toMatch(/^built .*db\.sqlite from .*seeds in \d+ ms\n/);
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    const answer = (await (
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ voorziening(code: \\"bri\\") { name } }"}',
      })
    ).json()) as unknown;
    expect(answer).toEqual({ data: { voorziening: { name: 'Basisregistratie Inkomen' } } });
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('SIGTERM received');
  });

  it('prints every route after its ready line, one line each with its URL', async () => {
    const server = await spawnServer(env);
    try {
      const output = server.output();
      const after = output.slice(output.indexOf('stelselgraph ready:')).split('\n').slice(1);
      expect(after[0]).toBe('routes:');
      const listed = after.slice(1).filter((line) => line.startsWith('  '));
      const paths = ROUTES.map((route) => route.path);
      // every route is there: by its own URL, or its folder's (the playground's files, on one line by name)
      for (const path of paths)
        expect(
          listed.some(
            (line) =>
              line.startsWith(`  ${server.url}${path} `) ||
              (line.startsWith(`  ${server.url}${path.slice(0, path.lastIndexOf('/') + 1)}* `) &&
                line.includes(path.slice(path.lastIndexOf('/') + 1))),
          ),
        ).toBe(true);
      expect(listed.length).toBeLessThan(paths.length); // compact: the playground's files share a line
      expect(listed).toContainEqual(
        expect.stringMatching(new RegExp(`^  ${server.url}/export/observations\\.csv +every observation`)),
      );
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('reuses a current database, and rebuilds it when the seeds changed', async () => {
    const same = await spawnServer(env);
    const before = ((await (await fetch(`${same.url}/healthz`)).json()) as { dataset: string }).dataset;
    expect(same.output()).not.toMatch(/built/);
    expect(await same.stop()).toBe(0);

    editSeed(seeds, 'voorzieningen/bri.yaml', /nameEn: [^\n]+/, 'nameEn: Income Register (edited)');
    const changed = await spawnServer(env);
    expect(changed.output()).toMatch(/^rebuilt .*db\.sqlite/);
    const after = ((await (await fetch(`${changed.url}/healthz`)).json()) as { dataset: string }).dataset;
    expect(after).not.toBe(before);
    expect(await changed.stop()).toBe(0);

    // a SEEDS_DIR that holds no seeds (mistyped): served as it is, and said so plainly
    const mistyped = await spawnServer({ ...env, SEEDS_DIR: `${seeds}-typo` });
    expect(mistyped.output()).toContain(
      `warning: no seeds at ${seeds}-typo (SEEDS_DIR; no editions.yaml there): serving dataset ${after.slice(0, 12)} ` +
        `of ${env.DATABASE_FILE} as it is, unchecked against any seeds\n`,
    );
    expect(await mistyped.stop()).toBe(0);
  });

  it('refuses a bad setting, naming the variable', async () => {
    const result = await runServerToEnd({ ...env, PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/^error: environment variable PORT: .* \(got "eighty"\)/);
  });

  it('refuses to start on bad seeds, leaving no database behind', async () => {
    const broken = scratchDir();
    try {
      const badSeeds = copySeeds(broken.dir);
      editSeed(badSeeds, 'voorzieningen/brp.yaml', "'381.526.659'", "'381.526.695'");
      const result = await runServerToEnd({
        DATABASE_FILE: join(broken.dir, 'db.sqlite'),
        SEEDS_DIR: badSeeds,
        PORT: '0',
        HOST: '127.0.0.1',
      });
      expect(result.code).toBe(1);
      expect(result.output).toMatch(
        /^error: .*brp\.yaml: indicators\.1: raw "381\.526\.695" does not occur in section brp/,
      );
      expect(readdirSync(broken.dir)).toEqual(['seeds']);
    } finally {
      broken.cleanup();
    }
  });
});
