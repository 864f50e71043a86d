import { existsSync } from 'node:fs';
import { openSqlite } from '../db/connect';
import { DEFAULT_DATABASE_FILE } from '../ingest/build-database';
import { formatReport, readReport } from '../ingest/report';
import { parseCliArgs, runCli, UsageError } from './cli-args';

const USAGE = `usage: npm run db:report -- [--db FILE]

Prints what the database holds (voorzieningen by kind, indicators, observations, relations by kind,
corrections, discrepancies by kind) and lists every discrepancy found in the source.

  --db FILE   the database file (default: ${DEFAULT_DATABASE_FILE})
  --help      show this text`;

runCli(USAGE, async () => {
  const args = parseCliArgs(process.argv.slice(2), { db: { type: 'string' }, help: { type: 'boolean' } });
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  const file = args.db ?? DEFAULT_DATABASE_FILE;
  if (!existsSync(file)) throw new UsageError(`no database at ${file}; run npm run db:build first`);
  const db = openSqlite(file);
  try {
    process.stdout.write(formatReport(await readReport(db)));
  } finally {
    await db.destroy();
  }
});
