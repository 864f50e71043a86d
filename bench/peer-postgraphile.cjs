#!/usr/bin/env node
// The benchmark's peer: PostGraphile 5 over the same PostgreSQL schema as the service, as its own process, set
// up as for production (no GraphiQL, no watch mode, no explain, GET off). Started by `npm run bench` (see
// bench/peer-process.ts):
//
//   node bench/peer-postgraphile.cjs URL SCHEMA
//
// It prints `listening on http://127.0.0.1:PORT/graphql` once it serves, and ends on SIGTERM.
'use strict';

// PostGraphile 5 wants Node 22's Promise.withResolvers; Node 20 lacks it. Set before PostGraphile loads.
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new this((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
};

const { createServer } = require('node:http');
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

const [url, schema] = process.argv.slice(2);
if (!url || !schema) {
  console.error('usage: node bench/peer-postgraphile.cjs POSTGRES_URL SCHEMA');
  process.exit(2);
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: url, schemas: [schema] })],
  grafserv: { graphiql: false, graphqlOverGET: false, watch: false },
  grafast: { explain: false },
};

async function main() {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server);
  // the schema is built before the first request, not during the first timed one
  await pgl.getSchema();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log(`listening on http://127.0.0.1:${server.address().port}/graphql`);
  process.once('SIGTERM', () => {
    server.close();
    Promise.resolve(pgl.release()).finally(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(`error: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
