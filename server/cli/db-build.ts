import { describeLocation } from '../db/location';
import { buildDatabase } from '../ingest/build-database';
import { DEFAULT_DATABASE_FILE, DEFAULT_SEEDS_DIR } from '../lib/project-paths';
import { parseCliArgs, runCli } from './cli-args';
import { DATABASE_FLAGS, DATABASE_FLAGS_USAGE, locationFromArgs } from './database-args';

const USAGE = `usage: npm run db:build -- [--seeds DIR] [--out FILE | --url URL [--schema NAME]]

Builds the database from the curated seeds: validates every file, checks every printed cell against the
monitor's text, computes the discrepancies, and writes the database in one transaction: to a temporary
file that replaces FILE only when complete, or to a build schema that replaces the PostgreSQL schema only
when complete.

  --seeds DIR   the seeds folder (default: ${DEFAULT_SEEDS_DIR})
  --out FILE    the SQLite database file to write (default: ${DEFAULT_DATABASE_FILE})
${DATABASE_FLAGS_USAGE}
  --help        show this text`;

runCli(USAGE, async () => {
  const args = parseCliArgs(process.argv.slice(2), {
    seeds: { type: 'string' },
    out: { type: 'string' },
    ...DATABASE_FLAGS,
    help: { type: 'boolean' },
  });
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  const location = locationFromArgs(args, args.out, DEFAULT_DATABASE_FILE, '--out');
  const { rows, contentHash, unchanged } = await buildDatabase(args.seeds ?? DEFAULT_SEEDS_DIR, location);
  process.stdout.write(
    `${unchanged ? 'already current' : 'built'} ${describeLocation(location)}: ` +
      `${rows.voorziening.length} voorzieningen, ${rows.indicator.length} indicators, ` +
      `${rows.observation.length} observations, ${rows.relation.length} relations, ` +
      `${rows.discrepancy.length} discrepancies (dataset ${contentHash.slice(0, 12)})\n`,
  );
});
