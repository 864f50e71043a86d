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
  it('starts one column later each round, and comes round again after as many rounds as columns', () => {
    expect(roundOrder(columns, 0)).toEqual(columns);
    expect(roundOrder(columns, 1)).toEqual(['uncached', 'cached', 'postgraphile', 'floor']);
    expect(roundOrder(columns, 3)).toEqual(['postgraphile', 'floor', 'uncached', 'cached']);
    expect(roundOrder(columns, 4)).toEqual(columns);
    expect(roundOrder(columns, 9)).toEqual(roundOrder(columns, 1));
  });
  it('over as many rounds as columns, puts each column once in each position', () => {
    const rounds = columns.map((_, round) => roundOrder(columns, round));
    for (let position = 0; position < columns.length; position += 1)
      expect(rounds.map((order) => order[position]).sort()).toEqual([...columns].sort());
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

describe('the floor, as its own process', () => {
  it('answers the bytes it was given, with their content type, and 404 for any other body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'floor-test-'));
    const file = join(dir, 'answers.json');
    const bytes = Buffer.from('{"data":{"x":"é"}}');
    writeFileSync(
      file,
      JSON.stringify({
        '{"query":"{x}"}': { bytes: bytes.toString('base64'), contentType: 'application/test' },
      }),
    );
    const floor = await spawnListening('bench/floor-server.ts', [file]);
    try {
      const known = await fetch(`${floor.url}/graphql`, { method: 'POST', body: '{"query":"{x}"}' });
      expect(known.status).toBe(200);
      expect(known.headers.get('content-type')).toBe('application/test');
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

describe('npm run bench, on wrong arguments', () => {
  it.each([
    [['--rounds', '0'], /--rounds must be a whole number of at least 1; got "0"/],
    [['--duration', 'soon'], /--duration must be a whole number/],
    [['--db', 'mysql'], /--db must be sqlite, postgres or both; got "mysql"/],
    [['--only', 'L,Q9'], /--only names unknown operations: Q9; known: Q1, .*L, V, R, O/],
    [['--variant', 'jit'], /--variant must be NAME:ENV=VALUE/],
    [['--variant', 'jit:GRAPHQL_EXECUTOR'], /--variant jit: "GRAPHQL_EXECUTOR" is not ENV=VALUE/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('%j: an error that names the flag, before anything is built', (args, message) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/bench.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
