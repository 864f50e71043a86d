import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the scratch database is made when `.ci/run` did not make one: this machine's PostgreSQL. */
export const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Jest global set-up of the postgres project: makes sure the run has a scratch database of its own
 * (`TEST_DATABASE_URL`). `.ci/run` creates one per run and passes it on; otherwise one is created here and
 * dropped by the teardown. Each test file then builds its datasets into schemas of their own in it.
 */
export default async function setUpPostgres(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const name = `stelselgraph_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `the postgres tests need PostgreSQL at ${ADMIN_URL} (set TEST_POSTGRES_ADMIN_URL, or TEST_DATABASE_URL ` +
        `for a database of their own; .ci/run starts the server): ${(error as Error).message}`,
    );
  }
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.STELSELGRAPH_TEST_DATABASE_CREATED = name;
}
