import { buildSqliteDatabase, DEFAULT_DATABASE_FILE, DEFAULT_SEEDS_DIR } from '../ingest/build-database';
import { parseCliArgs, runCli } from './cli-args';

const USAGE = `usage: npm run db:build -- [--seeds DIR] [--out FILE]

Builds the SQLite database from the curated seeds: validates every file, checks every printed cell
against the monitor's text, computes the discrepancies, and writes the database in one transaction to a
temporary file that replaces FILE only when complete.

  --seeds DIR   the seeds folder (default: ${DEFAULT_SEEDS_DIR})
  --out FILE    the database file to write (default: ${DEFAULT_DATABASE_FILE})
  --help        show this text`;

runCli(USAGE, async () => {
  const args = parseCliArgs(process.argv.slice(2), {
    seeds: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  const out = args.out ?? DEFAULT_DATABASE_FILE;
  const { rows, contentHash } = await buildSqliteDatabase(args.seeds ?? DEFAULT_SEEDS_DIR, out);
  process.stdout.write(
    `built ${out}: ${rows.voorziening.length} voorzieningen, ${rows.indicator.length} indicators, ` +
      `${rows.observation.length} observations, ${rows.relation.length} relations, ` +
      `${rows.discrepancy.length} discrepancies (dataset ${contentHash.slice(0, 12)})\n`,
  );
});
