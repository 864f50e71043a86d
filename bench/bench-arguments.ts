import { parseArgs } from 'node:util';
import { DEFAULT_BENCH_URL } from './scratch-database';

/** A variant of the service: another column of the table, the service started with extra settings. */
export interface ServiceVariant {
  name: string;
  env: Record<string, string>;
}

/** What `npm run bench` was asked to do. */
export interface BenchArguments {
  duration: number;
  /**
   * Seconds of load before a column's first timed run of an operation, not counted (0: a burst of requests
   * only); its later runs follow a burst.
   */
  warmup: number;
  connections: number;
  rounds: number;
  /** The dialects asked for; `both` is both, SQLite first. */
  dialects: ('sqlite' | 'postgres')[];
  /** Whether the dialects were asked for explicitly (`--db`): then an unreachable PostgreSQL is an error. */
  dbExplicit: boolean;
  url: string;
  /** Operation ids to run (all when undefined). */
  only: string[] | undefined;
  variants: ServiceVariant[];
  help: boolean;
}

/** The usage text of `npm run bench`. */
export const BENCH_USAGE = `usage: npm run bench -- [--db sqlite|postgres|both] [--rounds N] [--duration SECONDS] [--warmup SECONDS] [--connections N]
                      [--only ID,ID...] [--variant NAME:ENV=VALUE,ENV=VALUE]... [--url URL]

Builds the database and starts, each as its own process: the floor (a bare node:http server answering the
service's bytes) and a second one like it (A/A: the run's own spread), the service without and with the
response cache, and PostGraphile 5 over the same PostgreSQL schema (the peer, for L, V, R and O). For every
dialect and operation it runs rounds of alternating load runs (floors, service uncached, service cached,
variants, peer; in the orders of a Williams design) with autocannon and reports
median req/s with their spread, p50/p99, CPU ms per request of each server (and, on PostgreSQL, of its
backends), resident memory, SQL statements per request, and the ratios service ÷ floor and
service ÷ PostGraphile. Writes bench/results/latest.json.

  --db sqlite|postgres|both  the dialects (default both; SQLite alone, said in one line, when PostgreSQL
                             cannot be reached and --db was not given)
  --rounds N                 alternating rounds per operation (default 10: short runs, many rounds)
  --duration SECONDS         length of one load run (default 1)
  --warmup SECONDS           load before a column's first run of an operation, not counted, so that every
                             server runs compiled code (default 1; 0: a burst only); a burst of
                             max(100, 5 × connections) requests before each later run
  --connections N            autocannon connections (default 20)
  --only ID,ID,...           only these operations (Q1–Q6, P, L, V, R, O)
  --variant NAME:ENV=VAL,... one more service column, started with these settings (repeatable)
  --url URL                  the PostgreSQL database for the scratch schemas (default: ${DEFAULT_BENCH_URL})`;

/** The columns the bench has whatever it is asked: no variant may take their names. */
const RESERVED_COLUMNS = ['floor', 'floor2', 'uncached', 'cached', 'postgraphile'];

const wholeNumber = (flag: string, value: string, min: number): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min)
    throw new Error(`${flag} must be a whole number of at least ${min}; got ${JSON.stringify(value)}`);
  return n;
};

/** Reads `--variant NAME:ENV=VAL,ENV2=VAL`; throws naming the flag when it is malformed. */
export function parseVariant(text: string): ServiceVariant {
  const match = /^([A-Za-z0-9_.-]+):(.+)$/.exec(text);
  if (!match) throw new Error(`--variant must be NAME:ENV=VALUE[,ENV=VALUE...]; got ${JSON.stringify(text)}`);
  const env: Record<string, string> = {};
  for (const pair of match[2]!.split(',')) {
    const setting = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(pair);
    if (!setting)
      throw new Error(
        `--variant ${match[1]}: ${JSON.stringify(pair)} is not ENV=VALUE (in ${JSON.stringify(text)})`,
      );
    env[setting[1]!] = setting[2]!;
  }
  return { name: match[1]!, env };
}

/**
 * Reads the command line of `npm run bench`; throws an error that names the flag when a value is wrong.
 * `knownOperations` are the ids `--only` may name.
 */
export function parseBenchArguments(argv: string[], knownOperations: readonly string[]): BenchArguments {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        duration: { type: 'string', default: '1' },
        warmup: { type: 'string', default: '1' },
        connections: { type: 'string', default: '20' },
        rounds: { type: 'string', default: '10' },
        db: { type: 'string' },
        url: { type: 'string', default: DEFAULT_BENCH_URL },
        only: { type: 'string' },
        variant: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\n${BENCH_USAGE}`);
  }
  const dialects = ({ sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] } as const)[
    (values.db ?? 'both') as 'both'
  ];
  if (!dialects) throw new Error(`--db must be sqlite, postgres or both; got ${JSON.stringify(values.db)}`);
  let only: string[] | undefined;
  if (values.only !== undefined) {
    only = values.only.split(',').map((id) => id.trim());
    const unknown = only.filter((id) => !knownOperations.includes(id));
    if (unknown.length > 0 || only.length === 0)
      throw new Error(
        `--only names unknown operations: ${unknown.join(', ') || '(none given)'}; known: ${knownOperations.join(', ')}`,
      );
  }
  const variants = values.variant.map(parseVariant);
  const names = variants.map((v) => v.name);
  const twice = names.find((name, n) => names.indexOf(name) !== n);
  if (twice) throw new Error(`--variant ${twice} is given twice`);
  const taken = names.find((name) => RESERVED_COLUMNS.includes(name));
  if (taken)
    throw new Error(
      `--variant ${taken}: ${RESERVED_COLUMNS.join(', ')} are the bench’s own columns; choose another name`,
    );
  return {
    duration: wholeNumber('--duration', values.duration, 1),
    warmup: wholeNumber('--warmup', values.warmup, 0),
    connections: wholeNumber('--connections', values.connections, 1),
    rounds: wholeNumber('--rounds', values.rounds, 1),
    dialects: [...dialects],
    dbExplicit: values.db !== undefined,
    url: values.url,
    only,
    variants,
    help: values.help,
  };
}
