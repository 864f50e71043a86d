// The jest config `npm run test:mutation` (StrykerJS, see stryker.config.mjs) runs the tests with: only the
// fast, in-process tests of the pure modules it mutates, on SQLite. No browser, no child process, no server,
// no PostgreSQL, no build of the real seeds: each mutant reruns the tests that cover it, so these must be quick.
const base = require('./jest.config.js');
const sqlite = base.projects.find((project) => project.displayName === 'sqlite');

/** The test files, by name (tests/<name>.test.ts); MUTATION_TESTS=a,b runs others instead. */
const TESTS = process.env.MUTATION_TESTS?.split(',') ?? [
  'parse-cell',
  'parse-cell-boundaries',
  'change-arithmetic',
  'discrepancy-finders',
  'connection-cursors',
  'bounded-compile',
  'data-writer',
  'json-string',
  'compiled-rows',
  'graph-traversal',
  'csv',
  'http-cache-helpers',
  'raw-request-keys',
  'sdk-errors',
  'sdk-paginate',
  'impact-query',
  'summary-mismatches',
  'fold-text',
  'claim-precision',
];

/** @type {import('jest').Config} */
module.exports = {
  ...sqlite,
  displayName: undefined,
  testMatch: TESTS.map((name) => `<rootDir>/tests/${name}.test.ts`),
  testPathIgnorePatterns: ['/node_modules/'],
  // Type checking is the checker's job (and tsc's): transpile only, for speed.
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
};
