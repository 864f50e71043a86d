// The layer rules of stelselgraph (issue 14), checked by `npm run lint` (and so by `npm test`) with
// dependency-cruiser: layers only point down.
//
//   server/domain   the vocabulary and pure domain functions (enums, text folding, change arithmetic, global
//                   ids, cursors): imports nothing of ours
//   server/lib      helpers that know nothing of the domain (project paths, URL redaction, time limits, the
//                   answer store's contract, hashing, escaping): imports nothing of ours
//   server/db       the database (tables, migrations, connections, inserting rows): domain, lib
//   server/ingest   building the dataset from the seeds: db, domain, lib
//   server/graphql  the schema's resolvers, loaders and limits: db, domain, lib
//   server/http     the HTTP server over the GraphQL layer: graphql, db, domain, lib
//   server/cache    the shared caches (Redis), beside http: domain, lib (neither imports the other)
//   server/cli      the command-line programs (db:build, db:report): ingest, db, domain, lib and the app files
//   server/*.ts     the app, which wires the layers together (config, start-server, ensure-database, main):
//                   anything in server/; only cli and the app itself import it
//   sdk/src         the publishable client: nothing of the server's
//   harness/        drives the server from outside, shared by tests and bench: server/
//   bench/, tests/  may import server/, harness/ (and tests the SDK); product code imports neither; tests do
//                   not import bench
//
// A layer's allowed targets are written once, in LAYERS; a rule per layer forbids everything else of ours.

/** The folders of server/ as layers, each with the layers it may import (besides itself). */
const LAYERS = {
  domain: [],
  lib: [],
  db: ['domain', 'lib'],
  ingest: ['db', 'domain', 'lib'],
  graphql: ['db', 'domain', 'lib'],
  http: ['graphql', 'db', 'domain', 'lib'],
  cache: ['domain', 'lib'],
  cli: ['ingest', 'db', 'domain', 'lib'],
};

/** A regular expression for the folders `names` of server/. */
const folders = (names) => `^server/(${names.join('|')})/`;

/** Everything that is ours: what a rule's `to` can name. */
const OURS = '^(server|sdk/src|harness|bench|tests)/';

module.exports = {
  forbidden: [
    ...Object.entries(LAYERS).map(([layer, allowed]) => ({
      name: `layer-${layer}`,
      comment:
        allowed.length === 0
          ? `server/${layer} imports nothing of ours.`
          : `server/${layer} imports only ${allowed.map((name) => `server/${name}`).join(', ')}` +
            (layer === 'cli' ? ' and the app files (server/*.ts).' : '.'),
      severity: 'error',
      from: { path: `^server/${layer}/` },
      to: {
        path: OURS,
        pathNot: [folders([layer, ...allowed]), ...(layer === 'cli' ? ['^server/[^/]+\\.ts$'] : [])],
      },
    })),
    {
      name: 'sql-in-db',
      comment:
        'One read path: SQL is written in server/db (db/queries), which resolvers, exports, pictures and pages ' +
        'call; graphql and http import kysely for its types only (the connection pager excepted: it windows a ' +
        'query that db/queries built).',
      severity: 'error',
      from: { path: '^server/(graphql|http)/', pathNot: '^server/graphql/connection\\.ts$' },
      to: { path: 'node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'app-files',
      comment:
        'The app files (server/*.ts) wire the layers; they may import any of server/, nothing else of ours.',
      severity: 'error',
      from: { path: '^server/[^/]+\\.ts$' },
      to: { path: OURS, pathNot: '^server/' },
    },
    {
      name: 'sdk-stands-alone',
      comment: 'The SDK is published on its own: it imports nothing outside sdk/.',
      severity: 'error',
      from: { path: '^sdk/src/' },
      to: { path: OURS, pathNot: '^sdk/src/' },
    },
    {
      name: 'harness-over-server',
      comment: 'harness/ drives the server: it imports server/ (and itself), not bench/ or tests/.',
      severity: 'error',
      from: { path: '^harness/' },
      to: { path: '^(bench|tests)/' },
    },
    {
      name: 'bench-not-tests',
      comment: 'The benchmarks import server/ and harness/, never the tests.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^tests/' },
    },
    {
      name: 'tests-not-bench',
      comment: 'Tests share code with the benchmarks through harness/, never by importing bench/.',
      severity: 'error',
      from: { path: '^tests/' },
      to: { path: '^bench/' },
    },
    {
      name: 'no-circular',
      comment: 'No module reaches itself through its imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every relative import resolves (a moved module leaves no import behind).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // our build and report folders (not a package's own dist/: kysely's imports must be seen by sql-in-db)
    exclude: { path: '^((sdk/)?dist|coverage|reports|tests/fixtures|\\.stryker-tmp[^/]*)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
