import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqliteAt } from '../server/db/location';
import { buildSqliteDatabase } from '../server/ingest/build-database';
import { startServer } from '../server/start-server';
import { scratchDir, SEEDS_DIR } from './support/seeds-fixture';
import { NODE_MAIN, ROOT } from './support/server-process';

/**
 * Overwrites a tenth of a file, its pages from halfway on, with garbage, in place (same size): pages damaged
 * on disk. Not the pages of `meta`: before start-up checked the file, a server started on it and said
 * `database: ok`, while most queries failed.
 */
function damage(file: string): void {
  const bytes = readFileSync(file);
  const page = 4096;
  const from = Math.floor((bytes.length * 0.5) / page) * page;
  bytes.fill(0xa5, from, from + Math.floor(bytes.length / 10 / page) * page);
  writeFileSync(file, bytes);
}

describe('/healthz and a damaged SQLite file', () => {
  const scratch = scratchDir();
  const built = join(scratch.dir, 'built.sqlite');
  beforeAll(async () => {
    await buildSqliteDatabase(SEEDS_DIR, built);
  });
  afterAll(() => scratch.cleanup());

  /** A copy of the built database, for a test to damage. */
  const copy = (name: string) => {
    const file = join(scratch.dir, name);
    copyFileSync(built, file);
    return file;
  };

  it('is checked page by page at start-up: a damaged file is refused, naming it', async () => {
    const file = copy('damaged.sqlite');
    damage(file);
    expect(statSync(file).size).toBe(statSync(built).size);
    await expect(
      startServer({ port: 0, host: '127.0.0.1', database: sqliteAt(file) }, () => undefined),
    ).rejects.toThrow(
      new RegExp(
        `^${file.replace(/[.]/g, '\\.')} is damaged \\(PRAGMA quick_check: .+\\); restore it, or delete it and build it again with npm run db:build$`,
      ),
    );
  });

  it('npm start refuses it too, with exit code 1, and does not build over it', async () => {
    const file = copy('damaged-main.sqlite');
    damage(file);
    const damaged = readFileSync(file);
    const [program, ...args] = NODE_MAIN;
    const child = spawn(program!, args, {
      cwd: ROOT,
      env: { ...process.env, DATABASE_FILE: file, SEEDS_DIR, HOST: '127.0.0.1', PORT: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect({ code, output }).toEqual({
      code: 1,
      output: expect.stringMatching(/^error: .*damaged-main\.sqlite is damaged \(PRAGMA quick_check: /),
    });
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });

  it('reads the data on each probe: 503 "unreadable" once the file is damaged under the server, 200 once repaired', async () => {
    const file = copy('live.sqlite');
    const original = readFileSync(file);
    const errors: unknown[] = [];
    const server = await startServer({ port: 0, host: '127.0.0.1', database: sqliteAt(file) }, (error) =>
      errors.push(error),
    );
    const health = async () => {
      const response = await fetch(`${server.url}/healthz`);
      const body = (await response.json()) as { status: string; database: string };
      return { statusCode: response.status, status: body.status, database: body.database };
    };
    try {
      expect(await health()).toEqual({ statusCode: 200, status: 'ok', database: 'ok' });
      damage(file);
      for (let probe = 0; probe < 3; probe += 1) {
        expect(await health()).toEqual({ statusCode: 503, status: 'unavailable', database: 'unreadable' });
      }
      // Logged once, saying what is wrong, not once per probe.
      expect(errors.map(String)).toEqual([
        expect.stringMatching(/^Error: \/healthz: the database is unreadable: .*malformed/),
      ]);
      writeFileSync(file, original);
      expect(await health()).toEqual({ statusCode: 200, status: 'ok', database: 'ok' });
    } finally {
      await server.close();
    }
  });
});
