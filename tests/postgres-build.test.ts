import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { spawnServer } from '../harness/spawn-server';
import type { Database } from '../server/db/database';
import {
  describeLocation,
  environmentFor,
  postgresAt,
  sqliteAt,
  type PostgresLocation,
} from '../server/db/location';
import { openDatabase } from '../server/db/open-database';
import { openPostgres, QUERY_TIMEOUT_MARGIN_MS } from '../server/db/postgres';
import { HEALTH_DATABASE_TIMEOUT_MS } from '../server/http/health';
import { currentSeedsHash, ensureDatabase, readDatasetHash } from '../server/ensure-database';
import { buildRows } from '../server/ingest/build-database';
import { startServer } from '../server/start-server';
import { writePostgresDatabase } from '../server/ingest/write-postgres';
import { cli } from './support/run-cli';
import { startTcpProxy } from './support/tcp-proxy';
import { copySeeds, editSeed, scratchDir, SEEDS_DIR } from './support/seeds-fixture';
import { testPostgresUrl } from './support/test-database';

/** The tables of a dataset, each with the columns that order its rows. */
const TABLES: [keyof Database, string][] = [
  ['edition', 'id'],
  ['section', 'id'],
  ['domain', 'id'],
  ['voorziening', 'id'],
  ['note', 'id'],
  ['indicator', 'id'],
  ['observation', 'id'],
  ['reported_change', 'id'],
  ['note_indicator', 'note_id, indicator_id'],
  ['correction', 'id'],
  ['relation', 'id'],
  ['relation_indicator', 'relation_id, indicator_id'],
  ['same_as', 'id'],
  ['discrepancy', 'id'],
  ['discrepancy_observation', 'discrepancy_id, position, observation_id'],
  ['meta', 'key'],
];

describe('PostgreSQL: db:build --url, the swap of a build into place, and the server on it', () => {
  const url = testPostgresUrl();
  const scratch = scratchDir();
  const sqliteFile = join(scratch.dir, 'reference.sqlite');
  const fresh = (): PostgresLocation => postgresAt(url, `t_pgbuild_${randomBytes(5).toString('hex')}`);
  const location = fresh();
  const made: PostgresLocation[] = [location];
  const admin = openPostgres(postgresAt(url, 'public'), { readonly: false, maxConnections: 1 });

  const buildSchemasLeft = async (of: PostgresLocation) =>
    (
      await sql<{
        nspname: string;
      }>`select nspname from pg_namespace where nspname like ${`${of.schema}_build_%`}`.execute(admin)
    ).rows;

  afterAll(async () => {
    for (const each of made) await sql`drop schema if exists ${sql.id(each.schema)} cascade`.execute(admin);
    await admin.destroy();
    scratch.cleanup();
  });

  it('builds with db:build --url into the named schema, and db:report --url prints what the SQLite build prints', async () => {
    const built = await cli('db-build.ts', ['--seeds', SEEDS_DIR, '--url', url, '--schema', location.schema]);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(
      new RegExp(
        `^built postgres://.*\\(schema ${location.schema}\\): 38 voorzieningen, 143 indicators, 503 observations, 57 relations`,
      ),
    );
    expect(await buildSchemasLeft(location)).toEqual([]);

    expect((await cli('db-build.ts', ['--seeds', SEEDS_DIR, '--out', sqliteFile])).code).toBe(0);
    const fromSqlite = await cli('db-report.ts', ['--db', sqliteFile]);
    const fromPostgres = await cli('db-report.ts', ['--url', url, '--schema', location.schema]);
    expect(fromPostgres.stderr).toBe('');
    expect(fromPostgres.stdout).toContain('discrepancies: 29');
    expect(fromPostgres.stdout).toBe(fromSqlite.stdout);
  });

  it('holds every row of every table exactly as the SQLite build holds it', async () => {
    const postgres = openDatabase(location);
    const sqlite = openDatabase(sqliteAt(sqliteFile));
    try {
      for (const [table, order] of TABLES) {
        const read = (db: typeof postgres) =>
          sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.raw(order)}`.execute(
            db,
          );
        const [a, b] = await Promise.all([read(postgres), read(sqlite)]);
        expect({ table, rows: a.rows }).toEqual({ table, rows: b.rows });
        expect(a.rows.length).toBeGreaterThan(0);
      }
    } finally {
      await Promise.all([postgres.destroy(), sqlite.destroy()]);
    }
  });

  it('keeps the schema when it already holds the same dataset built by the same code', async () => {
    const again = await cli('db-build.ts', ['--seeds', SEEDS_DIR, '--url', url, '--schema', location.schema]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^already current postgres:/);
    expect(await ensureDatabase(location, SEEDS_DIR)).toBe('current');
    expect(await buildSchemasLeft(location)).toEqual([]);
  });

  it('leaves the schema as it was, and no build schema behind, when a build fails half-way', async () => {
    const before = await readDatasetHash(location);
    const { rows } = buildRows(SEEDS_DIR);
    // An observation of an indicator that does not exist: the insert fails inside the build's transaction.
    const broken = {
      ...rows,
      observation: [...rows.observation, { ...rows.observation[0]!, id: 999_999, indicator_id: 424_242 }],
    };
    broken.meta = rows.meta.map((m) => (m.key === 'content_hash' ? { ...m, value: 'broken' } : m));
    await expect(writePostgresDatabase(broken, location)).rejects.toThrow(/foreign key/);
    expect(await readDatasetHash(location)).toBe(before);
    expect(await buildSchemasLeft(location)).toEqual([]);
    const db = openDatabase(location);
    expect(
      (
        await db
          .selectFrom('observation')
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ).toBe(495 + 8); // the printed cells and the figures stated only in prose
    await db.destroy();
  });

  it('builds a schema that is missing (ensureDatabase), and serves one that holds another dataset instead of rebuilding it', async () => {
    const missing = fresh();
    made.push(missing);
    expect(await readDatasetHash(missing)).toBeNull();
    expect(await ensureDatabase(missing, SEEDS_DIR)).toBe('built');
    const seedsHash = currentSeedsHash(SEEDS_DIR);
    expect(await readDatasetHash(missing)).toBe(seedsHash);

    // Two seeds folders: the real one, and a newer one with an edit, built into the shared schema explicitly.
    const edited = scratchDir();
    const shared = fresh();
    made.push(shared);
    try {
      const newer = copySeeds(edited.dir);
      editSeed(newer, 'domains.yaml', /nameEn: .*/, 'nameEn: Edited in the newer seeds');
      const built = await cli('db-build.ts', ['--seeds', newer, '--url', url, '--schema', shared.schema]);
      expect(built.code).toBe(0);
      const newerHash = await readDatasetHash(shared);
      expect(newerHash).not.toBe(seedsHash);

      // A replica started with the older seeds keeps it, and says which dataset it serves.
      const logged: string[] = [];
      expect(await ensureDatabase(shared, SEEDS_DIR, (message) => logged.push(message))).toBe('kept');
      expect(await readDatasetHash(shared)).toBe(newerHash);
      expect(logged).toEqual([
        `serving dataset ${newerHash!.slice(0, 12)} as ${describeLocation(shared)} holds it, not dataset ${seedsHash.slice(0, 12)} of the seeds at ${SEEDS_DIR}; a shared schema is rebuilt only by npm run db:build -- --url …`,
      ]);
      const server = await spawnServer({ ...environmentFor(shared), SEEDS_DIR });
      try {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ domains { nameEn } }' }),
        });
        expect(JSON.stringify(await response.json())).toContain('Edited in the newer seeds');
        const health = (await (await fetch(`${server.url}/healthz`)).json()) as { dataset: string };
        expect(health.dataset).toBe(newerHash);
      } finally {
        await server.stop();
      }
      expect(await readDatasetHash(shared)).toBe(newerHash);

      // Rebuilding it is explicit.
      const rebuilt = await cli('db-build.ts', [
        '--seeds',
        SEEDS_DIR,
        '--url',
        url,
        '--schema',
        shared.schema,
      ]);
      expect(rebuilt.stdout).toMatch(/^built postgres:/);
      expect(await readDatasetHash(shared)).toBe(seedsHash);
      expect(await ensureDatabase(shared, SEEDS_DIR)).toBe('current');
    } finally {
      edited.cleanup();
    }
  });

  it('refuses a schema built without a migration this code needs, rather than serve it', async () => {
    const older = fresh();
    made.push(older);
    await writePostgresDatabase(buildRows(SEEDS_DIR).rows, older);
    const writable = openPostgres(older, { readonly: false, maxConnections: 1 });
    await sql`delete from kysely_migration`.execute(writable);
    await sql`update meta set value = 'older' where key = 'builder_hash'`.execute(writable);
    await writable.destroy();
    await expect(ensureDatabase(older, SEEDS_DIR)).rejects.toThrow(
      `${describeLocation(older)} holds a dataset built by an older stelselgraph (without migration 0001-initial); rebuild it with npm run db:build -- --url … --schema ${older.schema}`,
    );
  });

  it('lets replicas that build the same dataset at once swap it in once: the others keep it', async () => {
    const together = fresh();
    made.push(together);
    const { rows } = buildRows(SEEDS_DIR);
    const results = await Promise.all([1, 2, 3].map(() => writePostgresDatabase(rows, together)));
    expect([...results].sort()).toEqual(['replaced', 'unchanged', 'unchanged']);
    expect(await buildSchemasLeft(together)).toEqual([]);
    expect(await readDatasetHash(together)).toBe(await readDatasetHash(location));
    // Servers starting together on a missing schema: each finds it built when it is done.
    const starting = fresh();
    made.push(starting);
    const ensured = await Promise.all([1, 2].map(() => ensureDatabase(starting, SEEDS_DIR)));
    expect(ensured).toEqual(['built', 'built']);
    expect(await buildSchemasLeft(starting)).toEqual([]);
    expect(await ensureDatabase(starting, SEEDS_DIR)).toBe('current');
  });

  it('has a running server follow a rebuild of its schema: new data, new ETag, new dataset version', async () => {
    const live = fresh();
    made.push(live);
    await writePostgresDatabase(buildRows(SEEDS_DIR).rows, live);
    const server = await startServer({ port: 0, host: '127.0.0.1', database: live }, () => undefined);
    const edited = scratchDir();
    try {
      const ask = (etag?: string) =>
        fetch(`${server.url}/graphql?query=${encodeURIComponent('{ domains { code nameEn } }')}`, {
          headers: { 'content-type': 'application/json', ...(etag ? { 'if-none-match': etag } : {}) },
        });
      const before = await ask();
      const etag = before.headers.get('etag')!;
      expect(await before.text()).toContain('Identification and authentication');
      expect((await ask(etag)).status).toBe(304);
      expect((await ask()).headers.get('x-cache')).toBe('HIT');

      const seeds = copySeeds(edited.dir);
      editSeed(
        seeds,
        'domains.yaml',
        'nameEn: Identification and authentication',
        'nameEn: Rebuilt under a running server',
      );
      expect(await writePostgresDatabase(buildRows(seeds).rows, live)).toBe('replaced');
      const version = await readDatasetHash(live);
      // The build's notification reaches the server as it commits; give it a moment, not the 30 s poll.
      for (let waited = 0; waited < 5000; waited += 50) {
        const health = (await (await fetch(`${server.url}/healthz`)).json()) as { dataset: string };
        if (health.dataset === version) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const after = await ask(etag);
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(after.headers.get('x-cache')).toBe('MISS');
      expect(await after.text()).toContain('Rebuilt under a running server');
      const edition = await fetch(
        `${server.url}/graphql?query=${encodeURIComponent('{ edition { datasetVersion } }')}`,
        {
          headers: { 'content-type': 'application/json' },
        },
      );
      expect(((await edition.json()) as any).data.edition.datasetVersion).toBe(version);
    } finally {
      await server.close();
      edited.cleanup();
    }
  });

  it('survives losing its PostgreSQL: requests fail cleanly, /healthz says 503, and it recovers', async () => {
    const lossy = fresh();
    made.push(lossy);
    await writePostgresDatabase(buildRows(SEEDS_DIR).rows, lossy);
    const target = new URL(url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const through = new URL(url);
    through.port = String(proxy.port);
    const errors: unknown[] = [];
    const server = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        database: postgresAt(through.toString(), lossy.schema),
        responseCache: false,
      },
      (error) => errors.push(error),
    ).catch(async (error: unknown) => {
      await proxy.close();
      throw error;
    });
    const ask = async () => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // its corrections: names, indicators and observations come from the reference rows in memory
        body: JSON.stringify({
          query: '{ voorziening(code: "bag") { name indicators { corrections { year } } } }',
        }),
      });
      return (await response.json()) as any;
    };
    const health = async () => {
      const response = await fetch(`${server.url}/healthz`);
      return { status: response.status, database: ((await response.json()) as any).database };
    };
    try {
      expect((await ask()).data.voorziening.name).toBe('Basisregistratie Adressen en Gebouwen');
      expect(await health()).toEqual({ status: 200, database: 'ok' });

      proxy.cut();
      const failed = await ask();
      expect(failed.errors[0].message).toBe('Internal server error');
      expect(JSON.stringify(failed)).not.toMatch(/ECONN|terminated|127\.0\.0\.1/);
      expect(await health()).toEqual({ status: 503, database: 'unreachable' });
      // what the reference rows of the version hold is still answered, from memory
      const names = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ voorziening(code: "bag") { name indicators { key observations { raw } } } }',
        }),
      });
      expect(((await names.json()) as any).data.voorziening.name).toBe(
        'Basisregistratie Adressen en Gebouwen',
      );
      expect(errors.map(String).join('\n')).toMatch(
        /(lost the connection to|cannot connect to) PostgreSQL at postgres:/,
      );
      expect(errors.map(String).join('\n')).not.toMatch(/inconsistent/);

      proxy.restore();
      let recovered: any;
      for (let tries = 0; tries < 50 && !recovered?.data?.voorziening; tries += 1) {
        recovered = await ask();
        if (!recovered.data?.voorziening) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(recovered.data.voorziening.name).toBe('Basisregistratie Adressen en Gebouwen');
      expect(await health()).toEqual({ status: 200, database: 'ok' });
    } finally {
      await server.close();
      await proxy.close();
    }
  });

  it('bounds every request when PostgreSQL stops answering (a black-holed link): masked errors, /healthz 503 in time, then recovers', async () => {
    const held = fresh();
    made.push(held);
    await writePostgresDatabase(buildRows(SEEDS_DIR).rows, held);
    const target = new URL(url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const through = new URL(url);
    through.port = String(proxy.port);
    const errors: unknown[] = [];
    const statementTimeoutMs = 1000;
    const server = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        database: postgresAt(through.toString(), held.schema),
        responseCache: false,
        statementTimeoutMs,
        connectTimeoutMs: 1000,
      },
      (error) => errors.push(error),
    ).catch(async (error: unknown) => {
      await proxy.close();
      throw error;
    });
    const ask = async () => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // its corrections: names, indicators and observations come from the reference rows in memory
        body: JSON.stringify({
          query: '{ voorziening(code: "bag") { name indicators { corrections { year } } } }',
        }),
      });
      return (await response.json()) as any;
    };
    const health = async () => {
      const response = await fetch(`${server.url}/healthz`);
      return { status: response.status, database: ((await response.json()) as any).database };
    };
    const timed = async <T>(work: Promise<T>) => {
      const started = performance.now();
      return { result: await work, ms: performance.now() - started };
    };
    try {
      expect((await ask()).data.voorziening.name).toBe('Basisregistratie Adressen en Gebouwen');
      expect(await health()).toEqual({ status: 200, database: 'ok' });

      proxy.pause();
      // On a connection of the pool (its statement goes out and nothing comes back), and then on new
      // connections (accepted by the link, never answered): each request ends within its timeout.
      for (let round = 0; round < 3; round += 1) {
        const [failed, probed] = await Promise.all([timed(ask()), timed(health())]);
        expect(failed.result.errors[0].message).toBe('Internal server error');
        expect(JSON.stringify(failed.result)).not.toMatch(/timeout|ECONN|terminated|127\.0\.0\.1/);
        expect(failed.ms).toBeLessThan(statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS + 1500);
        expect(probed.result).toEqual({ status: 503, database: 'unreachable' });
        expect(probed.ms).toBeLessThan(HEALTH_DATABASE_TIMEOUT_MS + 1000);
      }
      // The log says what happened, where: not "dataset is inconsistent".
      const logged = errors.map(String).join('\n');
      expect(logged).toContain(
        `PostgreSQL at ${describeLocation(postgresAt(through.toString(), held.schema))} did not answer a statement within 2000 ms`,
      );
      expect(logged).toMatch(/no connection to PostgreSQL at .* within 1000 ms/);
      expect(logged).not.toMatch(/inconsistent/);

      proxy.resume();
      let recovered: any;
      for (let tries = 0; tries < 50 && !recovered?.data?.voorziening; tries += 1) {
        recovered = await ask();
        if (!recovered.data?.voorziening) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(recovered.data.voorziening.name).toBe('Basisregistratie Adressen en Gebouwen');
      expect(await health()).toEqual({ status: 200, database: 'ok' });
    } finally {
      proxy.resume();
      await server.close();
      await proxy.close();
    }
  });

  it('closes only after the requests being handled are done, even those whose client left', async () => {
    const busy = fresh();
    made.push(busy);
    await writePostgresDatabase(buildRows(SEEDS_DIR).rows, busy);
    const errors: unknown[] = [];
    const server = await startServer(
      { port: 0, host: '127.0.0.1', database: busy, responseCache: false },
      (error) => errors.push(error),
    );
    const query =
      '{ stelsel { nodes { code indicators { key observations { raw } notes { key } } outgoing { to { code } } } } }';
    const abort = new AbortController();
    const asked = Array.from({ length: 20 }, () =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        signal: abort.signal,
      }).catch(() => undefined),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    abort.abort();
    await Promise.all(asked);
    await server.close();
    expect(errors).toEqual([]);
  });

  it('refuses bad database flags with a message naming what is wrong', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--url', 'http://127.0.0.1/test'], 2, /"http:\/\/127\.0\.0\.1\/test" is not a postgres:\/\/ URL/],
      [['--url', 'not a url'], 2, /"not a url" is not a URL/],
      [['--url', url, '--out', 'x.sqlite'], 2, /give --url or --out, not both/],
      [['--url', url, '--schema', 'Bad-Name'], 2, /schema "Bad-Name" must be a lower-case identifier/],
      [['--schema', 'stelselgraph'], 2, /--schema needs --url/],
      [
        ['--url', 'postgres://postgres:secret@127.0.0.1:1/test'],
        1,
        /cannot write to postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test .*ECONNREFUSED/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const result = await cli('db-build.ts', ['--seeds', SEEDS_DIR, ...args]);
      expect({ args, code: result.code }).toEqual({ args, code });
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('secret');
    }
    const report = await cli('db-report.ts', ['--url', url, '--schema', 'no_such_schema']);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/no stelselgraph dataset at postgres:\/\/.*\(schema no_such_schema\)/);
  });

  it('npm start with DATABASE_URL builds the schema from the seeds and serves what a SQLite server serves', async () => {
    const served = fresh();
    made.push(served);
    const server = await spawnServer({ ...environmentFor(served), SEEDS_DIR });
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ voorziening(code: "brp") { name indicators { key } } }' }),
      });
      const body = (await response.json()) as {
        data: { voorziening: { name: string; indicators: unknown[] } };
      };
      expect(body.data.voorziening.name).toBe('Basisregistratie Personen');
      expect(body.data.voorziening.indicators.length).toBeGreaterThan(0);
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { dataset: string };
      expect(health.dataset).toBe(await readDatasetHash(served));

      // The same bytes as a server on the SQLite build: pages, pictures, exports and a deep query.
      const reference = await spawnServer({
        ...environmentFor(sqliteAt(sqliteFile)),
        SEEDS_DIR: join(tmpdir(), 'no-seeds'),
      });
      try {
        const deep = encodeURIComponent(
          '{ stelsel { nodes { code indicators { key observations { year value raw } } } } }',
        );
        for (const path of [
          '/explore/digid',
          '/stelsel.svg',
          '/export/observations.csv',
          '/export/stelsel.graphml',
          `/graphql?query=${deep}`,
        ]) {
          const read = async (base: string) => {
            const response = await fetch(`${base}${path}`, {
              headers: { 'content-type': 'application/json' },
            });
            return { path, status: response.status, body: await response.text() };
          };
          const [fromPostgres, fromSqlite] = await Promise.all([read(server.url), read(reference.url)]);
          expect(fromPostgres.status).toBe(200);
          expect(fromPostgres).toEqual(fromSqlite);
        }
      } finally {
        await reference.stop();
      }
    } finally {
      await server.stop();
    }
  });
});

describe('a server pointed at a PostgreSQL it cannot reach', () => {
  it('stops at start-up with a message naming the location', async () => {
    await expect(
      spawnServer({
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test',
        SEEDS_DIR: join(tmpdir(), 'no-seeds'),
      }),
    ).rejects.toThrow(
      /cannot read the dataset at postgres:\/\/postgres@127\.0\.0\.1:1\/test \(schema stelselgraph\)/,
    );
  });
});
