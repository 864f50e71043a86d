// StrykerJS: mutation testing of the pure modules, run by `npm run test:mutation` (not part of `npm test`).
// Each mutant (a small planted bug) is run against the tests that cover it; a mutant no test notices
// "survives". Reports: clear text on the console, HTML and JSON in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // Only the fast in-process tests of these modules, on SQLite (see the file).
    configFile: 'jest.mutation.config.js',
    enableFindRelatedTests: false,
  },
  // Mutants that do not type-check are dropped before any test runs.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  // The machine has two cores, shared.
  concurrency: 2,
  timeoutMS: 20_000,
  mutate: [
    'server/ingest/parse-cell.ts',
    'server/domain/compute-change.ts',
    'server/domain/cursor.ts',
    'server/domain/fold-text.ts',
    'server/domain/claim-precision.ts',
    'server/ingest/format-figure.ts',
    'server/ingest/discrepancies/*.ts',
    'server/graphql/connection.ts',
    'server/graphql/connection-page.ts',
    'server/graphql/bounded-compile.ts',
    'server/graphql/data-writer.ts',
    'server/lib/json-string.ts',
    'server/db/compiled-rows.ts',
    'server/domain/global-id.ts',
    'server/db/queries/graph/*.ts',
    'server/http/http-cache.ts',
    'server/http/raw-request-keys.ts',
    'server/http/exports/csv.ts',
    'sdk/src/errors.ts',
    'sdk/src/client.ts',
    'sdk/src/paginate.ts',
  ],
  ignorePatterns: ['test-artifacts', 'reports', 'bench/results', 'data', '*.sqlite'],
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
