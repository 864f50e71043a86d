// setupFiles of the jest project "postgres": the test files of this project run against PostgreSQL.
process.env.STELSELGRAPH_TEST_DIALECT = 'postgres';
// Each jest worker has a scratch database of its own (made by postgres-setup.ts), unless one was given.
const urls = (process.env.STELSELGRAPH_TEST_DATABASE_URLS ?? '').split(' ').filter(Boolean);
if (urls.length > 0 && !process.env.TEST_DATABASE_URL) {
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  process.env.TEST_DATABASE_URL = urls[(worker - 1) % urls.length];
}
