import { createHash } from 'node:crypto';
import fs, { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openSqlite } from '../server/db/connect';
import { sqliteAt } from '../server/db/location';
import { ensureDatabase, readDatasetHash } from '../server/ensure-database';
import { buildRows, buildSqliteDatabase, hashBuilder } from '../server/ingest/build-database';
import { writeSqliteDatabase } from '../server/ingest/write-database';
import { scratchDir, SEEDS_DIR } from './support/seeds-fixture';

// A build that fails late (after its temporary file exists) leaves nothing behind and the old database as
// it was; a database built by other ingest code (a stale builder hash) is rebuilt.

/**
 * The message a promise rejects with ('resolved' when it does not). Not `rejects.toThrow`: better-sqlite3 gives its
 * errors the class of the first test file in a jest worker to load it, whose `Error` is another realm's, so
 * jest would not see them as errors in any later file of that worker.
 */
const failureOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => String((error as { message?: unknown })?.message ?? error),
  );

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('a SQLite build that fails after its temporary file exists', () => {
  const { rows } = buildRows(SEEDS_DIR);
  const scratch = scratchDir();
  afterAll(() => scratch.cleanup());

  /** The rows with one more domain that repeats the first one's id: the insert fails midway. */
  const clashing = () => ({ ...rows, domain: [...rows.domain, { ...rows.domain[0]! }] });

  it('leaves the previous database as it was, and no temporary file beside it', async () => {
    const dir = join(scratch.dir, 'insert');
    const out = join(dir, 'stelselgraph.sqlite');
    await writeSqliteDatabase(rows, out);
    const before = sha256(out);
    const seen: string[] = [];
    const watch = fs.watch(dir, (_event, name) => name && seen.push(String(name)));
    try {
      expect(await failureOf(writeSqliteDatabase(clashing(), out))).toMatch(
        /UNIQUE constraint failed: domain\.id/,
      );
      // the watcher's events arrive once the event loop turns
      for (let waited = 0; waited < 2000 && seen.length === 0; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      watch.close();
    }
    // the failing build did write its temporary file beside the database before it failed …
    expect(seen.some((name) => name.startsWith('stelselgraph.sqlite.') && name.endsWith('.tmp'))).toBe(true);
    // … and removed it
    expect(readdirSync(dir)).toEqual(['stelselgraph.sqlite']);
    expect(sha256(out)).toBe(before);
  });

  it('leaves nothing where there was no database', async () => {
    const dir = join(scratch.dir, 'fresh');
    expect(await failureOf(writeSqliteDatabase(clashing(), join(dir, 'new.sqlite')))).toMatch(/UNIQUE/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes the complete temporary file when the rename into place fails', async () => {
    // A folder where the file should go: everything is written, and only the last step fails.
    const dir = join(scratch.dir, 'rename');
    const out = join(dir, 'stelselgraph.sqlite');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'keep.txt'), 'not a database');
    await expect(writeSqliteDatabase(rows, out)).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST|directory/);
    expect(readdirSync(dir)).toEqual(['stelselgraph.sqlite']);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('names the seeds problem and leaves the database as it was when the seeds are bad', async () => {
    const out = join(scratch.dir, 'seeds', 'stelselgraph.sqlite');
    await writeSqliteDatabase(rows, out);
    const before = sha256(out);
    await expect(buildSqliteDatabase(join(scratch.dir, 'no-such-seeds'), out)).rejects.toThrow(
      /no-such-seeds/,
    );
    expect(sha256(out)).toBe(before);
    expect(readdirSync(join(scratch.dir, 'seeds'))).toEqual(['stelselgraph.sqlite']);
  });
});

describe('ensureDatabase on a SQLite file', () => {
  const scratch = scratchDir();
  const location = sqliteAt(join(scratch.dir, 'stelselgraph.sqlite'));
  afterAll(() => scratch.cleanup());

  const setMeta = async (key: string, value: string | null) => {
    const db = openSqlite(location.file, { readonly: false });
    try {
      if (value === null) await sql`delete from meta where key = ${key}`.execute(db);
      else await sql`update meta set value = ${value} where key = ${key}`.execute(db);
    } finally {
      await db.destroy();
    }
  };

  it('builds a missing database, then finds it current', async () => {
    expect(await ensureDatabase(location, SEEDS_DIR)).toBe('built');
    expect(await ensureDatabase(location, SEEDS_DIR)).toBe('current');
  });

  it('rebuilds a database whose builder hash is stale, or missing, and records the current one', async () => {
    await setMeta('builder_hash', 'built-by-older-code');
    expect(await ensureDatabase(location, SEEDS_DIR)).toBe('rebuilt');
    expect(await readDatasetHash(location, 'builder_hash')).toBe(hashBuilder());
    expect(await ensureDatabase(location, SEEDS_DIR)).toBe('current');

    await setMeta('builder_hash', null);
    expect(await ensureDatabase(location, SEEDS_DIR)).toBe('rebuilt');
    expect(await readDatasetHash(location, 'builder_hash')).toBe(hashBuilder());
  });

  it('rebuilds a database whose content hash is stale', async () => {
    const current = await readDatasetHash(location);
    await setMeta('content_hash', 'older-seeds');
    expect(await ensureDatabase(location, SEEDS_DIR)).toBe('rebuilt');
    expect(await readDatasetHash(location)).toBe(current);
  });

  it('uses the database as it is when there are no seeds', async () => {
    await setMeta('builder_hash', 'built-by-older-code');
    expect(await ensureDatabase(location, join(scratch.dir, 'no-seeds'))).toBe('no-seeds');
    expect(await readDatasetHash(location, 'builder_hash')).toBe('built-by-older-code');
  });
});
