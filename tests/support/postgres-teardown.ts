import pg from 'pg';
import { ADMIN_URL } from './postgres-setup';

/** Jest global teardown of the postgres project: drops the scratch databases the set-up created, if it did. */
export default async function tearDownPostgres(): Promise<void> {
  const names = (process.env.STELSELGRAPH_TEST_DATABASE_CREATED ?? '').split(' ').filter(Boolean);
  if (names.length === 0) return;
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    for (const name of names) await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}
