import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { postgresAt, type PostgresLocation } from '../server/db/location';
import type { DatasetRows } from '../server/db/database';
import { buildRows } from '../server/ingest/build-database';
import { dropPostgresSchema, writePostgresDatabase } from '../server/ingest/write-postgres';
import { SEEDS_DIR } from './support/seeds-fixture';
import { testPostgresUrl } from './support/test-database';

// Two builds that reach their swap at the same moment: the test holds them both at the swap (a lock on the
// schema's meta table, which the swap reads first), so that they are let go together, whatever their speed.

describe('PostgreSQL: two swaps of a build into place at the same moment', () => {
  const url = testPostgresUrl();
  const admin = new pg.Client({ connectionString: url });
  const made: PostgresLocation[] = [];
  const { rows } = buildRows(SEEDS_DIR);
  /** The same dataset, as if built from older seeds. */
  const older: DatasetRows = {
    ...rows,
    meta: rows.meta.map((m) => (m.key === 'content_hash' ? { ...m, value: 'older-seeds' } : m)),
  };
  const contentHash = rows.meta.find((m) => m.key === 'content_hash')!.value;

  beforeAll(() => admin.connect());
  afterAll(async () => {
    for (const location of made) await dropPostgresSchema(location);
    await admin.end();
  });

  const fresh = () => {
    const location = postgresAt(url, `t_swap_${randomBytes(5).toString('hex')}`);
    made.push(location);
    return location;
  };

  /** Sessions of this test's swaps that wait for a lock (on the meta table, or on the swap's own lock). */
  const waitingSwaps = async (schema: string) => {
    const { rows: found } = await admin.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity
        where pid <> pg_backend_pid() and datname = current_database() and wait_event_type = 'Lock'
          and (query like '%' || $1 || '%' or query like '%pg_advisory_xact_lock%')`,
      [schema],
    );
    return Number(found[0]!.n);
  };

  it('lets one replace the dataset and the other find it current, with no build schema left', async () => {
    const location = fresh();
    expect(await writePostgresDatabase(older, location)).toBe('replaced');

    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    let swaps: Promise<PromiseSettledResult<string>[]> | undefined;
    try {
      await holder.query('begin');
      await holder.query(`lock table "${location.schema}".meta in access exclusive mode`);
      swaps = Promise.allSettled([
        writePostgresDatabase(rows, location),
        writePostgresDatabase(rows, location),
      ]);
      let waiting = 0;
      for (let waited = 0; waited < 50_000 && waiting < 2; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        waiting = await waitingSwaps(location.schema);
      }
      expect(waiting).toBe(2);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    const results = await swaps!;
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason))).sort()).toEqual([
      'replaced',
      'unchanged',
    ]);

    const { rows: meta } = await admin.query<{ value: string }>(
      `select value from "${location.schema}".meta where key = 'content_hash'`,
    );
    expect(meta).toEqual([{ value: contentHash }]);
    const { rows: left } = await admin.query(`select nspname from pg_namespace where nspname like $1`, [
      `${location.schema}_build_%`,
    ]);
    expect(left).toEqual([]);
  });
});
