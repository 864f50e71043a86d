/**
 * Instructions per request, counted by valgrind's callgrind: the floor, the service uncached and the service
 * cached, each under callgrind in its own process, on SQLite. Where the host takes CPU at its own pace (a VM
 * whose busy loop runs 670–1130 ms from one run to the next), requests a second and CPU milliseconds spread
 * ±20–80 % a round and an A/B of a 10 % change decides nothing; the instructions a request runs do not depend
 * on the host. A column at a time: after `--warmup` requests, windows of `--requests` requests (4
 * connections, each right after as many uncounted) are counted back to back until its last two agree within
 * 2 % (at most `--windows`): their mean is printed, and the floor's ÷ the column's (read as ÷floor in requests
 * a second). Under callgrind the service keeps getting cheaper for tens of thousands of requests
 * (its compiler threads run only when the event loop lets them), so a fixed number of windows would print
 * warm-up. The main thread is the event loop (what a request costs in line); all threads adds V8's marking
 * and compiler threads, which a window catches or not. Operations run one after another in the same
 * processes, as a server serves a mix.
 *
 *   npm run bench:instructions -- [--only V,R] [--warmup N] [--requests N] [--windows N]
 *
 * Needs Debian's `valgrind` (it has `callgrind_control`). Under callgrind a request runs 30–100× slower: two
 * operations take 15–30 minutes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { buildRows } from '../server/ingest/build-database';
import { environmentFor } from '../server/db/location';
import { ROOT, START_COMMAND } from '../harness/spawn-server';
import { settledCount } from '../harness/settled-windows';
import { callgrindAvailable, startUnderCallgrind, type CallgrindProcess } from './callgrind';
import { answerHeaders } from '../harness/answer-headers';
import type { FloorAnswers } from './floor-server';
import { benchOperations, peerBenchOperations } from './operations';
import { runLoad } from './run-load';
import { writeBenchDatabase } from './scratch-database';
import { textTable } from './text-table';

/** What the instruction count is asked for. */
export interface InstructionArguments {
  only: string[];
  warmup: number;
  requests: number;
  windows: number;
}

/** The usage line, printed with every refusal of the arguments. */
export const INSTRUCTIONS_USAGE =
  'usage: npm run bench:instructions -- [--only OP,OP] [--warmup N] [--requests N] [--windows N]';

/** Reads the arguments; throws an error that names a wrong or unknown one. */
export function parseInstructionArguments(
  argv: readonly string[],
  known: readonly string[],
): InstructionArguments {
  const args: InstructionArguments = { only: ['V', 'R'], warmup: 20000, requests: 1500, windows: 10 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i]!, argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value\n${INSTRUCTIONS_USAGE}`);
    if (flag === '--only') {
      const ops = value.split(',').filter((op) => op !== '');
      const unknown = ops.filter((op) => !known.includes(op));
      if (ops.length === 0 || unknown.length > 0) {
        throw new Error(
          `--only: unknown operation ${unknown.join(', ') || '(none)'}; known: ${known.join(', ')}`,
        );
      }
      args.only = ops;
      continue;
    }
    const name = ({ '--warmup': 'warmup', '--requests': 'requests', '--windows': 'windows' } as const)[
      flag as '--warmup'
    ];
    if (!name) throw new Error(`unknown argument ${flag}\n${INSTRUCTIONS_USAGE}`);
    const number = Number(value);
    if (!Number.isInteger(number) || number < (name === 'warmup' ? 0 : 1)) {
      throw new Error(`${flag} must be a whole number ${name === 'warmup' ? '≥ 0' : '≥ 1'}, not ${value}`);
    }
    args[name] = number;
  }
  return args;
}

const COLUMNS = ['floor', 'uncached', 'cached'] as const;

/** How far apart a column's last two windows may be to have settled (see `settledCount`). */
const TOLERANCE = 0.02;

/** How long each column is left idle after its warm-up (see the warm-up in {@link main}). */
const SETTLE_MS = 5000;

async function main(): Promise<void> {
  const operations = [...peerBenchOperations(), ...benchOperations()];
  const args = parseInstructionArguments(
    process.argv.slice(2),
    operations.map((op) => op.id),
  );
  if (!callgrindAvailable()) {
    throw new Error("valgrind's callgrind is not installed here: apt-get install valgrind");
  }
  const chosen = args.only.map((id) => operations.find((op) => op.id === id)!);
  const dir = mkdtempSync(join(tmpdir(), 'stelselgraph-callgrind-'));
  const database = await writeBenchDatabase(
    'sqlite',
    '',
    buildRows(join(ROOT, 'seeds')).rows,
    'instructions',
  );
  const processes: CallgrindProcess[] = [];
  try {
    const service = (cache: 'on' | 'off') =>
      startUnderCallgrind(
        START_COMMAND,
        {
          ...environmentFor(database.location),
          NODE_ENV: 'production',
          PORT: '0',
          SEEDS_DIR: join(tmpdir(), 'no-seeds'),
          RESPONSE_CACHE: cache,
        },
        /GraphQL at (http:\/\/127\.0\.0\.1:\d+)\/graphql/,
        dir,
      );
    // each one that started is stopped at the end, even when the other did not start
    const started = await Promise.allSettled([service('off'), service('on')]);
    for (const result of started) if (result.status === 'fulfilled') processes.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const [uncached, cached] = processes as [CallgrindProcess, CallgrindProcess];
    // the floor answers each body with the bytes and headers the service answered
    const answers: FloorAnswers = {};
    for (const op of chosen) {
      const response = await fetch(`${uncached.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: op.body,
      });
      if (response.status !== 200) throw new Error(`${op.id}: the service answered ${response.status}`);
      answers[op.body] = {
        bytes: Buffer.from(await response.arrayBuffer()).toString('base64'),
        headers: answerHeaders(response.headers),
      };
    }
    const answersFile = join(dir, 'answers.json');
    writeFileSync(answersFile, JSON.stringify(answers));
    const floor = await startUnderCallgrind(
      ['--import', 'tsx', 'bench/floor-server.ts', answersFile],
      {},
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
      dir,
    );
    processes.push(floor);
    const byColumn = { floor, uncached, cached };
    const rows: string[][] = [];
    for (const op of chosen) {
      const drive = async (target: CallgrindProcess, amount: number) => {
        const result = await runLoad(`${target.url}/graphql`, op.body, 3600, 4, amount);
        if (result.non2xx > 0 || result.errors > 0) {
          throw new Error(`${op.id}: ${result.non2xx} answers not 2xx, ${result.errors} errors`);
        }
      };
      const counts = Object.fromEntries(
        COLUMNS.map((column) => [column, { main: [] as number[], all: [] as number[] }]),
      );
      // One column at a time: its warm-up, a while idle (under valgrind a process runs one thread at a time, and
      // V8's compiler threads, starved while the event loop is busy, finish their work when it idles), then its
      // windows back to back until they settle. Not in turns: a process left idle while the others ran came
      // back costlier for thousands of requests (the service cached on R: 86k a request in windows back to
      // back, 100–150k in windows each after a minute idle, a burst of 1500 before each), which counted the
      // return from idle, not the request; counts do not depend on the host, so turns gain nothing.
      for (const column of COLUMNS) {
        const target = byColumn[column];
        await drive(target, args.warmup);
        await setTimeout(SETTLE_MS);
        const { main, all } = counts[column]!;
        for (let window = 0; window < args.windows; window++) {
          if (settledCount(main, TOLERANCE) !== undefined) break;
          // the same load just before, not counted: the window starts in the middle of a steady load
          await drive(target, args.requests);
          const count = await target.count(() => drive(target, args.requests));
          main.push(count.main / args.requests);
          all.push(count.all / args.requests);
          process.stderr.write(
            `${op.id} window ${window + 1} ${column}: ${Math.round(count.main / args.requests)} instructions/request on the main thread\n`,
          );
        }
      }
      const settled = (column: (typeof COLUMNS)[number]) => settledCount(counts[column]!.main, TOLERANCE);
      const floorMain = settled('floor');
      for (const column of COLUMNS) {
        const windows = counts[column]!.main;
        const main = settled(column);
        rows.push([
          op.id,
          column,
          main === undefined ? 'not settled' : String(Math.round(main)),
          main === undefined || floorMain === undefined ? '–' : (floorMain / main).toFixed(2),
          String(Math.round(counts[column]!.all.at(-1)!)),
          windows.map((value) => Math.round(value / 1000)).join(' '),
        ]);
      }
    }
    const header = ['op', 'column', 'main thread', 'floor÷', 'all threads (last)', 'windows (k, main)'];
    process.stdout.write(
      `instructions per request (callgrind; windows of ${args.requests} requests after ${args.warmup}, until a column's\n` +
        `last two agree within ${TOLERANCE * 100} % (their mean), at most ${args.windows}); floor÷: the floor's instructions ÷ the\n` +
        "column's (read as ÷floor in req/s); all threads adds V8's marking and compiler threads (last window)\n" +
        textTable(header, rows).join('\n') +
        '\n',
    );
  } finally {
    await Promise.all(processes.map((process) => process.stop()));
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
