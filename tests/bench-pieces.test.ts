// The benchmark's pieces, run for real at tiny scale (no load, no timings): the answer comparison, the /proc
// readers, the floor as its own process, and the bench's argument errors. Tests do not import bench/: the floor
// and the bench run as the processes they are.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockTicksPerSecond, cpuMillisecondsOf, residentBytesOf } from '../harness/process-usage';
import { assertSameRows, rowSetDifferences } from '../harness/row-sets';
import { spawnListening } from '../harness/spawn-listening';
import { ROOT } from '../harness/spawn-server';
import { roundOrder } from '../harness/round-order';
import { runSchedule } from '../harness/run-schedule';
import { pairedRatio } from '../harness/paired-ratio';
import { answerHeaders } from '../harness/answer-headers';
import { dumpFiles, dumpTotal, vgdbEnvironment } from '../harness/callgrind-dumps';
import { settledCount } from '../harness/settled-windows';

describe('row sets', () => {
  const service = [
    ['brp', 2019, null, 1.5],
    ['brp', 2020, 'a', 2],
  ];

  it('takes the same rows in another order as the same', () => {
    expect(() =>
      assertSameRows('L', { name: 'service', rows: service }, { name: 'peer', rows: [...service].reverse() }),
    ).not.toThrow();
  });

  it('names a planted difference, on both sides', () => {
    const peer = [service[0]!, ['brp', 2020, 'a', 2.5]];
    expect(() =>
      assertSameRows('L', { name: 'service', rows: service }, { name: 'peer', rows: peer }),
    ).toThrow(
      /L: service and peer answer differently[\s\S]*1 rows only in service:\s+\["brp",2020,"a",2\][\s\S]*1 rows only in peer:\s+\["brp",2020,"a",2.5\]/,
    );
  });

  it('counts repeated rows (a row twice is not the row once)', () => {
    expect(rowSetDifferences([[1], [1]], [[1]])).toEqual({ onlyInFirst: ['[1]'], onlyInSecond: [] });
  });
});

describe('the order of a round', () => {
  const columns = ['floor', 'uncached', 'cached', 'postgraphile'];
  /** Each ordered pair (a just before b) in the rounds, counted. */
  const followings = (rounds: string[][]) => {
    const counts = new Map<string, number>();
    for (const order of rounds)
      for (let i = 1; i < order.length; i += 1) {
        const pair = `${order[i - 1]}>${order[i]}`;
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
    return counts;
  };
  const names = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
  const cycleOf = (n: number) => (n % 2 === 0 ? n : 2 * n);

  it('runs the rows of a Williams design, the first column first, and comes round again after its cycle', () => {
    expect(roundOrder(columns, 0)).toEqual(['floor', 'uncached', 'postgraphile', 'cached']);
    expect(roundOrder(columns, 1)).toEqual(['uncached', 'cached', 'floor', 'postgraphile']);
    expect(roundOrder(columns, 3)).toEqual(['postgraphile', 'floor', 'cached', 'uncached']);
    expect(roundOrder(columns, 4)).toEqual(roundOrder(columns, 0));
    expect(roundOrder(columns, 9)).toEqual(roundOrder(columns, 1));
    // an odd number of columns: the second half of the cycle runs the first half's rows reversed
    expect(roundOrder(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(roundOrder(['a', 'b', 'c'], 3)).toEqual(['c', 'b', 'a']);
    expect(roundOrder(['a', 'b', 'c'], 6)).toEqual(['a', 'b', 'c']);
  });

  it.each([2, 3, 4, 5, 6, 7])(
    'with %i columns, over a cycle puts each column as often in each position and after each other one',
    (n) => {
      const given = names(n);
      const cycle = cycleOf(n);
      const rounds = Array.from({ length: cycle }, (_, round) => roundOrder(given, round));
      for (const order of rounds) expect([...order].sort()).toEqual([...given].sort());
      for (let position = 0; position < n; position += 1) {
        const counts = new Map<string, number>();
        for (const order of rounds) counts.set(order[position]!, (counts.get(order[position]!) ?? 0) + 1);
        expect([...counts.values()]).toEqual(given.map(() => cycle / n));
      }
      const pairs = followings(rounds);
      // every ordered pair of two columns, each as often: 1 for an even number, 2 for an odd one
      expect(pairs.size).toBe(n * (n - 1));
      expect(new Set(pairs.values())).toEqual(new Set([cycle / n]));
    },
  );

  it('never keeps a column right after the same one in every round (as a rotation does)', () => {
    const rounds = columns.map((_, round) => roundOrder(columns, round));
    const before = (column: string) =>
      new Set(rounds.map((order) => order[order.indexOf(column) - 1]).filter((c) => c !== undefined));
    for (const column of columns) expect(before(column).size).toBe(columns.length - 1);
  });

  it('leaves the columns given as they were; none, or one, in any round', () => {
    const given = [...columns];
    roundOrder(given, 2);
    expect(given).toEqual(columns);
    expect(roundOrder([], 5)).toEqual([]);
    expect(roundOrder(['floor'], 7)).toEqual(['floor']);
  });
  it('refuses a round that is not a whole number from 0', () => {
    expect(() => roundOrder(columns, -1)).toThrow('not a round: -1');
    expect(() => roundOrder(columns, 1.5)).toThrow('not a round: 1.5');
  });
});

describe('the schedule of a run: rounds in order, a warm-up before each column’s first run only', () => {
  const columns = ['floor', 'floor2', 'uncached', 'cached', 'postgraphile'];

  it('runs the rounds one after another, each in the order of its row of the design', () => {
    const schedule = runSchedule(columns, 12);
    expect(schedule).toHaveLength(12 * columns.length);
    for (let round = 0; round < 12; round += 1) {
      const these = schedule.slice(round * columns.length, (round + 1) * columns.length);
      expect(these.map((run) => run.round)).toEqual(columns.map(() => round));
      expect(these.map((run) => run.column)).toEqual(roundOrder(columns, round));
    }
  });

  it('marks each column’s first run, in the first round, and no other', () => {
    const schedule = runSchedule(columns, 3);
    const first = schedule.filter((run) => run.first);
    expect(first.map((run) => run.column)).toEqual(roundOrder(columns, 0));
    expect(first.every((run) => run.round === 0)).toBe(true);
    expect(schedule.slice(columns.length).some((run) => run.first)).toBe(false);
    // one round: every run is a first run
    expect(runSchedule(columns, 1).every((run) => run.first)).toBe(true);
  });

  it('has no runs for no rounds or no columns, and refuses a number of rounds that is not one', () => {
    expect(runSchedule(columns, 0)).toEqual([]);
    expect(runSchedule([], 4)).toEqual([]);
    expect(() => runSchedule(columns, -1)).toThrow('not a number of rounds: -1');
    expect(() => runSchedule(columns, 2.5)).toThrow('not a number of rounds: 2.5');
  });
});

describe('ratios round by round', () => {
  it('divides each round by the same round, not one median by another', () => {
    // the host twice as fast in rounds 2 and 3: each median comes from other rounds, each round's ratio is 0.5
    const ratio = pairedRatio([10, 20, 20, 10], [20, 40, 40, 20])!;
    expect(ratio).toEqual({ median: 0.5, min: 0.5, max: 0.5, rounds: 4 });
    // the medians (15 and 20) would say 0.75
    expect(pairedRatio([10, 30, 15], [20, 20, 40])).toEqual({ median: 0.5, min: 0.375, max: 1.5, rounds: 3 });
  });
  it('takes the mean of the middle two for an even count, and the order of the rounds does not matter', () => {
    expect(pairedRatio([1, 2, 3, 4], [10, 10, 10, 10])!.median).toBeCloseTo(0.25);
    expect(pairedRatio([4, 1, 3, 2], [10, 10, 10, 10])!.median).toBeCloseTo(0.25);
    expect(pairedRatio([7], [2])).toEqual({ median: 3.5, min: 3.5, max: 3.5, rounds: 1 });
  });
  it('pairs only the rounds both ran, skips a round whose base served nothing, and has none without a pair', () => {
    expect(pairedRatio([1, 2, 3], [2, 4])).toEqual({ median: 0.5, min: 0.5, max: 0.5, rounds: 2 });
    expect(pairedRatio([1, 5, 2], [2, 0, 4])).toEqual({ median: 0.5, min: 0.5, max: 0.5, rounds: 2 });
    expect(pairedRatio([], [1])).toBeUndefined();
    expect(pairedRatio([1, 2], [0, 0])).toBeUndefined();
  });
});

describe('process usage from /proc', () => {
  it('reads growing CPU time of a busy child, and nothing once it has ended', async () => {
    const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
    try {
      const first = cpuMillisecondsOf(child.pid!);
      expect(first).toBeGreaterThanOrEqual(0);
      let later = first!;
      // one clock tick is 1000 / clockTicksPerSecond() ms; wait (at most 10 s) for the counter to move
      for (let n = 0; n < 100 && later <= first!; n += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        later = cpuMillisecondsOf(child.pid!)!;
      }
      expect(later).toBeGreaterThan(first!);
      expect(later - first!).toBeGreaterThanOrEqual(1000 / clockTicksPerSecond());
    } finally {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGKILL');
      });
    }
    expect(cpuMillisecondsOf(child.pid!)).toBeUndefined();
  });

  it('reads resident memory', () => {
    expect(residentBytesOf(process.pid)).toBeGreaterThan(1024 * 1024);
    expect(residentBytesOf(2 ** 22 + 1)).toBeUndefined();
  });
});

describe('the headers the floor repeats', () => {
  it("keeps the service's own, in order, and leaves out those Node's server writes itself", () => {
    const headers = new Headers([
      ['Vary', 'origin'],
      ['x-cache', 'HIT'],
      ['Content-Type', 'application/json; charset=utf-8'],
      ['cache-control', 'no-store'],
      ['Content-Length', '5331'],
      ['Date', 'Wed, 02 Dec 2026 03:32:46 GMT'],
      ['Connection', 'keep-alive'],
      ['Keep-Alive', 'timeout=5'],
      ['Transfer-Encoding', 'chunked'],
    ]);
    expect(answerHeaders(headers)).toEqual([
      ['cache-control', 'no-store'],
      ['content-type', 'application/json; charset=utf-8'],
      ['vary', 'origin'],
      ['x-cache', 'HIT'],
    ]);
    expect(answerHeaders(new Headers())).toEqual([]);
  });
});

describe('the floor, as its own process', () => {
  it('answers the bytes it was given, with their headers and length, and 404 for any other body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'floor-test-'));
    const file = join(dir, 'answers.json');
    const bytes = Buffer.from('{"data":{"x":"é"}}');
    writeFileSync(
      file,
      JSON.stringify({
        '{"query":"{x}"}': {
          bytes: bytes.toString('base64'),
          headers: [
            ['vary', 'origin'],
            ['content-type', 'application/test'],
            ['cache-control', 'no-store'],
          ],
        },
      }),
    );
    const floor = await spawnListening('bench/floor-server.ts', [file]);
    try {
      const known = await fetch(`${floor.url}/graphql`, { method: 'POST', body: '{"query":"{x}"}' });
      expect(known.status).toBe(200);
      expect(
        [...known.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)),
      ).toEqual([
        ['cache-control', 'no-store'],
        ['content-length', String(bytes.length)],
        ['content-type', 'application/test'],
        ['vary', 'origin'],
      ]);
      expect(Buffer.from(await known.arrayBuffer()).equals(bytes)).toBe(true);
      const unknown = await fetch(`${floor.url}/graphql`, { method: 'POST', body: '{"query":"{y}"}' });
      expect(unknown.status).toBe(404);
      expect(cpuMillisecondsOf(floor.pid)).toBeGreaterThan(0);
    } finally {
      await floor.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Runs a bench script with `args` and expects it to end with 1 and `message` on stderr, printing nothing else.
 * A refusal comes within seconds; a script that wrongly takes the arguments would run a whole bench, so it is
 * killed after 30 s (its status then null: the test fails, though the bench may leave a scratch schema behind).
 */
function expectRefused(script: string, args: string[], message: RegExp): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stdout).toBe('');
}

describe('npm run bench, on wrong arguments', () => {
  it.each([
    [['--rounds', '0'], /--rounds must be a whole number of at least 1; got "0"/],
    [['--duration', 'soon'], /--duration must be a whole number/],
    [['--db', 'mysql'], /--db must be sqlite, postgres or both; got "mysql"/],
    [['--only', 'L,Q9'], /--only names unknown operations: Q9; known: Q1, .*L, V, R, O/],
    [['--variant', 'jit'], /--variant must be NAME:ENV=VALUE/],
    [['--variant', 'jit:GRAPHQL_EXECUTOR'], /--variant jit: "GRAPHQL_EXECUTOR" is not ENV=VALUE/],
    [
      ['--variant', 'floor2:RESPONSE_CACHE=off'],
      /--variant floor2: floor, floor2, uncached, cached, postgraphile are the bench’s own columns/,
    ],
    [
      ['--variant', 'cached:RESPONSE_CACHE=on'],
      /--variant cached: floor, floor2, .* are the bench’s own columns/,
    ],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('%j: an error that names the flag, before anything is built', (args, message) => {
    expectRefused('bench/bench.ts', args, message);
  });
});

describe("callgrind's dumps, as the instruction count reads them", () => {
  it('takes the totals line at the end, not the summary of 0 that a dump on request has in its header', () => {
    const dump = 'version: 1\ncmd: node\nthread: 1\nsummary: 0\n\nfn=(1) main\n16 3\n\ntotals: 178398735\n';
    expect(dumpTotal(dump)).toBe(178398735);
  });

  it('takes the summary line when there is no totals line, and 0 when there is neither', () => {
    expect(dumpTotal('events: Ir\nsummary: 4200\n')).toBe(4200);
    expect(dumpTotal('events: Ir\n')).toBe(0);
    // a line that only ends with the word does not count
    expect(dumpTotal('fn=grand totals: 7\n')).toBe(0);
  });

  it("finds one dump's files of one process, by thread", () => {
    const dir = mkdtempSync(join(tmpdir(), 'stelselgraph-dumps-'));
    try {
      for (const name of [
        'cg.123',
        'cg.123.2-01',
        'cg.123.2-03',
        'cg.123.12-01',
        'cg.1234.2-01',
        'cg.123.2-01.bak',
        'cg.12.2-01',
      ]) {
        writeFileSync(join(dir, name), '');
      }
      expect([...dumpFiles(dir, 123, 2)].sort()).toEqual([
        [1, join(dir, 'cg.123.2-01')],
        [3, join(dir, 'cg.123.2-03')],
      ]);
      expect(dumpFiles(dir, 123, 12)).toEqual(new Map([[1, join(dir, 'cg.123.12-01')]]));
      expect(dumpFiles(dir, 123, 3).size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the pipes of valgrind and callgrind_control alike: the same user, and the loopback host', () => {
    expect(vgdbEnvironment({ USER: 'ada', LOGNAME: 'bob', HOST: 'vm' })).toEqual({
      USER: 'ada',
      LOGNAME: 'ada',
      HOST: '127.0.0.1',
    });
    expect(vgdbEnvironment({ LOGNAME: 'bob' })).toEqual({ USER: 'bob', LOGNAME: 'bob', HOST: '127.0.0.1' });
    expect(vgdbEnvironment({ USER: '' })).toEqual({
      USER: 'stelselgraph',
      LOGNAME: 'stelselgraph',
      HOST: '127.0.0.1',
    });
  });
});

describe('when the counted windows of a column have settled', () => {
  it('settles on the mean of the last two once they agree within the tolerance, the larger as the unit', () => {
    expect(settledCount([199, 137, 100, 102], 0.02)).toBe(101);
    // exactly 2 % of the larger apart still agrees; just over does not
    expect(settledCount([100, 98], 0.02)).toBe(99);
    expect(settledCount([98, 100], 0.02)).toBe(99);
    expect(settledCount([100, 97.9], 0.02)).toBeUndefined();
  });

  it('is not settled while the count goes on falling, however many windows, nor with fewer than two', () => {
    expect(settledCount([400, 300, 200, 150, 120, 100], 0.02)).toBeUndefined();
    expect(settledCount([100], 0.02)).toBeUndefined();
    expect(settledCount([], 0.02)).toBeUndefined();
    // an earlier pair that agreed does not count: only the last two
    expect(settledCount([100, 100, 130], 0.02)).toBeUndefined();
  });

  it('takes nothing counted as not settled, and refuses a tolerance that is not one', () => {
    expect(settledCount([0, 0], 0.02)).toBeUndefined();
    expect(settledCount([5, 5], 0)).toBe(5);
    expect(() => settledCount([1, 1], -0.1)).toThrow('not a tolerance: -0.1');
    expect(() => settledCount([1, 1], Number.NaN)).toThrow('not a tolerance: NaN');
  });
});

describe('npm run bench:instructions, on wrong arguments', () => {
  it.each([
    [['--windows', '0'], /--windows must be a whole number ≥ 1, not 0/],
    [['--requests', '1.5'], /--requests must be a whole number ≥ 1, not 1.5/],
    [['--warmup', '-1'], /--warmup must be a whole number ≥ 0, not -1/],
    [['--only', 'V,Q9'], /--only: unknown operation Q9; known: .*V/],
    [['--only', ','], /--only: unknown operation \(none\)/],
    [['--windows'], /--windows needs a value/],
    [['--frobnicate', '1'], /unknown argument --frobnicate/],
  ])(
    '%j: an error that names the flag, before valgrind is looked for or anything is built',
    (args, message) => expectRefused('bench/instructions.ts', args, message),
  );
});
