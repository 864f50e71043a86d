import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database, DatasetRows } from '../server/db/database';
import type { PostgresLocation } from '../server/db/location';
import { openPostgres } from '../server/db/postgres';
import { statementNamer } from '../server/db/statement-names';
import { buildRows } from '../server/ingest/build-database';
import { writePostgresDatabase } from '../server/ingest/write-postgres';
import { createApiContext, type ApiContext } from './support/api-context';
import { answerEveryOperation } from './support/sdk-examples';
import { SEEDS_DIR } from './support/seeds-fixture';
import { testPostgresUrl, writeScratchDatabase, type ScratchDatabase } from './support/test-database';

// PG_PREPARED_STATEMENTS (issue 17): the server's statements run as named prepared statements, parsed once per
// connection. The same answers as unnamed ones, the new data after a rebuild swapped the schema, at most the cap.

describe('the names of prepared statements', () => {
  it('are the same for the same text, differ between texts, and stop at the cap', () => {
    const nameOf = statementNamer(2);
    const first = nameOf('select 1');
    expect(first).toMatch(/^s_[0-9a-f]{16}$/);
    expect(statementNamer(2)('select 1')).toBe(first);
    expect(nameOf('select 2')).not.toBe(first);
    expect(nameOf('select 3')).toBeUndefined();
    expect(nameOf('select 1')).toBe(first);
  });
});

describe('PostgreSQL prepared statements', () => {
  const { rows } = buildRows(SEEDS_DIR);
  let scratch: ScratchDatabase;
  let location: PostgresLocation;
  const opened: Kysely<Database>[] = [];
  const open = (cap?: number) => {
    const db = openPostgres(location, {
      preparedStatements: true,
      preparedStatementCap: cap,
      maxConnections: 1,
    });
    opened.push(db);
    return db;
  };
  /** The prepared statements of the (only) connection of `db`. */
  const prepared = async (db: Kysely<Database>) =>
    (
      await sql<{
        name: string;
        statement: string;
      }>`select name, statement from pg_prepared_statements`.execute(db)
    ).rows;

  beforeAll(async () => {
    scratch = await writeScratchDatabase(rows, 'prepared');
    location = scratch.location as PostgresLocation;
  });
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.destroy()));
    await scratch.drop();
  });

  it('answer every SDK operation as unnamed statements do, and are prepared once per connection', async () => {
    const apis: ApiContext[] = [];
    try {
      for (const preparedStatements of [false, true]) {
        apis.push(await createApiContext(location, { preparedStatements }));
      }
      const [off, on] = apis as [ApiContext, ApiContext];
      const answersOff = await answerEveryOperation(off.run);
      on.resetStatements();
      const answersOn = await answerEveryOperation(on.run);
      expect(answersOn).toEqual(answersOff);
      // twice: the second time from the statements the connections hold
      expect(await answerEveryOperation(on.run)).toEqual(answersOff);
      const texts = new Set(on.statements);
      expect(texts.size).toBeGreaterThan(20);
      expect(texts.size).toBeLessThan(200);
    } finally {
      await Promise.all(apis.map((api) => api.close()));
    }
  });

  it('run a statement prepared once, by name, with the answers of its parameters', async () => {
    const db = open();
    const domain = (code: string) =>
      db.selectFrom('domain').select(['code', 'name_en']).where('code', '=', code).execute();
    const codes = rows.domain.map((d) => d.code);
    expect(await domain(codes[0]!)).toEqual([{ code: codes[0], name_en: rows.domain[0]!.name_en }]);
    expect(await domain(codes[1]!)).toEqual([{ code: codes[1], name_en: rows.domain[1]!.name_en }]);
    const held = await prepared(db);
    // the lookup (once, for both codes) and the look at pg_prepared_statements itself
    expect(held.filter((s) => s.statement.includes('"domain"'))).toHaveLength(1);
    expect(held.every((s) => /^s_[0-9a-f]{16}$/.test(s.name))).toBe(true);
  });

  it('read the new schema after a rebuild swapped it in, and survive a table whose columns changed', async () => {
    const db = open();
    const names = () => db.selectFrom('domain').select(['code', 'name_en']).orderBy('code').execute();
    const before = await names();
    expect(before.map((d) => d.name_en)).toContain(rows.domain[0]!.name_en);
    const pid = async () =>
      (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;
    const connection = await pid();

    const rebuilt: DatasetRows = {
      ...rows,
      domain: rows.domain.map((d) => ({ ...d, name_en: `${d.name_en} (rebuilt)` })),
      meta: rows.meta.map((m) => (m.key === 'content_hash' ? { ...m, value: 'rebuilt-seeds' } : m)),
    };
    expect(await writePostgresDatabase(rebuilt, location)).toBe('replaced');
    const after = await names();
    expect(after).toEqual(before.map((d) => ({ ...d, name_en: `${d.name_en} (rebuilt)` })));
    // by the same prepared statement, on the same connection: PostgreSQL parsed it again on the new tables
    expect(await pid()).toBe(connection);
    expect((await prepared(db)).filter((s) => s.statement.includes('"domain"'))).toHaveLength(1);

    // a column of another type: the prepared plan may not change its result type; the statement runs unnamed,
    // and the connection holding the stale statement is replaced
    const admin = new pg.Client({ connectionString: testPostgresUrl() });
    await admin.connect();
    try {
      await admin.query(`alter table "${location.schema}".domain alter column name_en type varchar(400)`);
    } finally {
      await admin.end();
    }
    expect(await names()).toEqual(after);
    expect(await pid()).not.toBe(connection);
    expect(await names()).toEqual(after);
  });

  it('hold at most the cap per connection; statements past it run unnamed', async () => {
    const db = open(3);
    const answers: number[] = [];
    for (let n = 1; n <= 6; n += 1) {
      answers.push((await sql<{ n: number }>`select ${sql.lit(n)}::int as n`.execute(db)).rows[0]!.n);
    }
    expect(answers).toEqual([1, 2, 3, 4, 5, 6]);
    const held = await prepared(db);
    expect(held.map((s) => s.statement).sort()).toEqual([
      'select 1::int as n',
      'select 2::int as n',
      'select 3::int as n',
    ]);
  });
});
