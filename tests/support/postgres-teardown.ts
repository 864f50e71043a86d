import pg from 'pg';
import { ADMIN_URL } from './postgres-setup';

/** Jest global teardown of the postgres project: drops the scratch database the set-up created, if it did. */
export default async function tearDownPostgres(): Promise<void> {
  const name = process.env.STELSELGRAPH_TEST_DATABASE_CREATED;
  if (!name) return;
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
