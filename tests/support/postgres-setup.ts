import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the scratch database is made when `.ci/run` did not make one: this machine's PostgreSQL. */
export const ADMIN_URL = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Jest global set-up of the postgres project: makes sure the run has scratch databases of its own, one per jest
 * worker (workers running test files side by side would otherwise create and drop schemas in one database,
 * and Kysely's migrator reads the catalogue of the whole database: a schema dropped meanwhile fails it). Each
 * worker's URL is picked by `dialect-postgres.ts`; the teardown drops them. A `TEST_DATABASE_URL` given from
 * outside is used as it is, by every worker. Each test file builds its datasets into schemas of their own.
 */
export default async function setUpPostgres(globalConfig: { maxWorkers: number }): Promise<void> {
  if (process.env.TEST_DATABASE_URL || process.env.STELSELGRAPH_TEST_DATABASE_URLS) return;
  const run = `stelselgraph_test_${randomBytes(6).toString('hex')}`;
  const names = Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, (_, i) => `${run}_w${i + 1}`);
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `the postgres tests need PostgreSQL at ${ADMIN_URL} (set TEST_POSTGRES_ADMIN_URL, or TEST_DATABASE_URL ` +
        `for a database of their own; npm test starts one: scripts/test-services.sh): ${(error as Error).message}`,
    );
  }
  try {
    for (const name of names) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  process.env.STELSELGRAPH_TEST_DATABASE_URLS = names
    .map((name) => {
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      return url.toString();
    })
    .join(' ');
  process.env.STELSELGRAPH_TEST_DATABASE_CREATED = names.join(' ');
}
