import pg from 'pg';

/** Jest global teardown of the postgres project: drops the scratch database the set-up created, if it did. */
export default async function tearDownPostgres(): Promise<void> {
  const name = process.env.STELSELGRAPH_TEST_DATABASE_CREATED;
  if (!name) return;
  const client = new pg.Client({
    connectionString: process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
