import { existsSync } from 'node:fs';
import { describeLocation } from '../db/location';
import { openDatabase } from '../db/open-database';
import { readDatasetHash } from '../ensure-database';
import { DEFAULT_DATABASE_FILE } from '../lib/project-paths';
import { formatReport, readReport } from './dataset-report';
import { parseCliArgs, runCli, UsageError } from './cli-args';
import { DATABASE_FLAGS, DATABASE_FLAGS_USAGE, locationFromArgs } from './database-args';

const USAGE = `usage: npm run db:report -- [--db FILE | --url URL [--schema NAME]]

Prints what the database holds (voorzieningen by kind, indicators, observations, relations by kind,
corrections, discrepancies by kind) and lists every discrepancy found in the source.

  --db FILE     the SQLite database file (default: ${DEFAULT_DATABASE_FILE})
${DATABASE_FLAGS_USAGE}
  --help        show this text`;

runCli(USAGE, async () => {
  const args = parseCliArgs(process.argv.slice(2), {
    db: { type: 'string' },
    ...DATABASE_FLAGS,
    help: { type: 'boolean' },
  });
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  const location = locationFromArgs(args, args.db, DEFAULT_DATABASE_FILE, '--db');
  if (location.dialect === 'sqlite' && !existsSync(location.file)) {
    throw new UsageError(`no database at ${location.file}; run npm run db:build first`);
  }
  if ((await readDatasetHash(location)) === null) {
    throw new UsageError(
      `no stelselgraph dataset at ${describeLocation(location)}; run npm run db:build first`,
    );
  }
  const db = openDatabase(location);
  try {
    process.stdout.write(formatReport(await readReport(db)));
  } finally {
    await db.destroy();
  }
});
