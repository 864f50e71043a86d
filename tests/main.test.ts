import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { START_COMMAND } from '../bench/spawn-server';
import { copySeeds, editSeed, scratchDir } from './support/seeds-fixture';

const ROOT = resolve(__dirname, '..');

/** `npm start`'s program, started with its own environment; resolves once it logs that it is ready. */
function start(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [...START_COMMAND], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', ...env },
  });
  let output = '';
  return new Promise((resolveStart, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /GraphQL at (http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(output);
      if (ready) resolveStart({ child, url: ready[1]!, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code} before it was ready:\n${output}`)));
  });
}

/** Runs the program to its end (for start-up failures). */
function runToEnd(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [...START_COMMAND], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}

/** Sends SIGTERM and resolves with the exit code. */
function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    child.on('exit', (code) => done(code));
    child.kill('SIGTERM');
  });
}

describe('npm start', () => {
  const scratch = scratchDir();
  const seeds = copySeeds(scratch.dir);
  const env = { DATABASE_FILE: join(scratch.dir, 'data', 'db.sqlite'), SEEDS_DIR: seeds };
  afterAll(() => scratch.cleanup());

  it('builds the database when it is missing, serves, and stops cleanly on SIGTERM', async () => {
    const server = await start(env);
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
    expect(await stop(server.child)).toBe(0);
    expect(server.output()).toContain('SIGTERM received');
  });

  it('reuses a current database, and rebuilds it when the seeds changed', async () => {
    const same = await start(env);
    const before = ((await (await fetch(`${same.url}/healthz`)).json()) as { dataset: string }).dataset;
    expect(same.output()).not.toMatch(/built/);
    expect(await stop(same.child)).toBe(0);

    editSeed(seeds, 'voorzieningen/bri.yaml', /nameEn: [^\n]+/, 'nameEn: Income Register (edited)');
    const changed = await start(env);
    expect(changed.output()).toMatch(/^rebuilt .*db\.sqlite/);
    const after = ((await (await fetch(`${changed.url}/healthz`)).json()) as { dataset: string }).dataset;
    expect(after).not.toBe(before);
    expect(await stop(changed.child)).toBe(0);

    // a SEEDS_DIR that holds no seeds (mistyped): served as it is, and said so plainly
    const mistyped = await start({ ...env, SEEDS_DIR: `${seeds}-typo` });
    expect(mistyped.output()).toContain(
      `warning: no seeds at ${seeds}-typo (SEEDS_DIR; no editions.yaml there): serving dataset ${after.slice(0, 12)} ` +
        `of ${env.DATABASE_FILE} as it is, unchecked against any seeds\n`,
    );
    expect(await stop(mistyped.child)).toBe(0);
  });

  it('refuses a bad setting, naming the variable', async () => {
    const result = await runToEnd({ ...env, PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/^error: environment variable PORT: .* \(got "eighty"\)/);
  });

  it('refuses to start on bad seeds, leaving no database behind', async () => {
    const broken = scratchDir();
    try {
      const badSeeds = copySeeds(broken.dir);
      editSeed(badSeeds, 'voorzieningen/brp.yaml', "'381.526.659'", "'381.526.695'");
      const result = await runToEnd({
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
