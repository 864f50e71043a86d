// Jest runs the TypeScript tests in tests/ through ts-jest, in two projects: every test against SQLite
// (the default dialect), and the API's tests again against PostgreSQL.
/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  // The SDK's sources import each other with the .js extensions Node's ESM needs.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 180_000,
};

/**
 * The tests of the API, run on both dialects: resolvers, HTTP, limits, exports, pictures and the playground in a
 * browser, the SDK client and every SDK operation, statement counts. Not the packed SDK's test: its npm pack
 * builds sdk/dist, which two projects at once would race on (sdk-operations runs every SDK method on both).
 */
const API_TESTS = [
  'api-certainty',
  'aggregates',
  'api-claims',
  'api-graph',
  'api-metrics',
  'api-pagination',
  'api-codes',
  'api-stelsel',
  'bad-values',
  'derived-files',
  'execution-limits',
  'exports',
  'fuzz',
  'get-safety',
  'graphql-executor',
  'graphql-clients',
  'graphql-http-audit',
  'health-under-load',
  'http',
  'http-cache',
  'http-routes',
  'impact',
  'limits',
  'networkx-exports',
  'pictures.browser',
  'relations-from-memory',
  'observations-from-memory',
  'playground.browser',
  'read-only',
  'readme-snippets',
  'relation-flows',
  'sdk-client',
  'seen-operations',
  'sdk-operations',
  'statement-count',
];

/**
 * The suites that measure latency under a load of their own (/healthz within 1 s while autocannon runs): beside
 * other suites on two cores they measure the other suites (in one CI run a CPU-bound suite on the other worker
 * took the load from 2,500 to 30 requests a second). `npm test` runs them after the rest, one at a time
 * (`STELSELGRAPH_TEST_PHASE`: `shared` leaves them out, `quiet` runs only them; unset, every suite).
 */
const QUIET_TESTS = ['health-under-load'];
const phase = process.env.STELSELGRAPH_TEST_PHASE ?? 'all';
if (!['all', 'shared', 'quiet'].includes(phase)) {
  throw new Error(`STELSELGRAPH_TEST_PHASE must be shared, quiet or unset, not ${JSON.stringify(phase)}`);
}
const quietPaths = QUIET_TESTS.map((name) => `/tests/${name}\\.test\\.ts$`);
/** A project as this phase runs it: without the quiet suites (shared), with only those of them it has (quiet). */
const inPhase = (project) => {
  if (phase === 'shared')
    return { ...project, testPathIgnorePatterns: [...project.testPathIgnorePatterns, ...quietPaths] };
  if (phase === 'all') return project;
  const quietMatch = QUIET_TESTS.map((name) => `<rootDir>/tests/${name}.test.ts`);
  return {
    ...project,
    testMatch: (project.testMatch ?? quietMatch).filter((path) => quietMatch.includes(path)),
  };
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 180_000,
  // the tests start the compiled server as npm start does: compiled once here, before the workers
  globalSetup: '<rootDir>/tests/support/compile-server.ts',
  // two workers on this two-core machine: most suites wait on servers, processes and databases
  maxWorkers: 2,
  projects: [
    inPhase({
      ...common,
      displayName: 'sqlite',
      setupFiles: ['<rootDir>/tests/support/dialect-sqlite.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/tests/postgres-'],
    }),
    inPhase({
      ...common,
      testPathIgnorePatterns: ['/node_modules/'],
      displayName: 'postgres',
      testMatch: [...API_TESTS, 'postgres-build', 'postgres-prepared', 'postgres-swap'].map(
        (name) => `<rootDir>/tests/${name}.test.ts`,
      ),
      setupFiles: ['<rootDir>/tests/support/dialect-postgres.ts'],
      globalSetup: '<rootDir>/tests/support/postgres-setup.ts',
      globalTeardown: '<rootDir>/tests/support/postgres-teardown.ts',
    }),
  ],
};
