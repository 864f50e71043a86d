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

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 180_000,
  // the tests start the compiled server as npm start does: compiled once here, before the workers
  globalSetup: '<rootDir>/tests/support/compile-server.ts',
  // two workers on this two-core machine: most suites wait on servers, processes and databases
  maxWorkers: 2,
  projects: [
    {
      ...common,
      displayName: 'sqlite',
      setupFiles: ['<rootDir>/tests/support/dialect-sqlite.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/tests/postgres-'],
    },
    {
      ...common,
      displayName: 'postgres',
      testMatch: [...API_TESTS, 'postgres-build', 'postgres-prepared', 'postgres-swap'].map(
        (name) => `<rootDir>/tests/${name}.test.ts`,
      ),
      setupFiles: ['<rootDir>/tests/support/dialect-postgres.ts'],
      globalSetup: '<rootDir>/tests/support/postgres-setup.ts',
      globalTeardown: '<rootDir>/tests/support/postgres-teardown.ts',
    },
  ],
};
