import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStartScript, START_COMMAND, startNodeOptions } from '../harness/start-command';
import { ROOT } from '../harness/spawn-server';
import { scratchDir } from './support/seeds-fixture';

describe("the node options of npm start, read from package.json's start script", () => {
  it('reads every option between node and scripts/start.cjs, in order, values kept', () => {
    expect(startNodeOptions('exec node scripts/start.cjs')).toEqual([]);
    expect(startNodeOptions('exec node --enable-source-maps scripts/start.cjs')).toEqual([
      '--enable-source-maps',
    ]);
    expect(
      startNodeOptions(
        'exec node --enable-source-maps --no-memory-reducer --max-semi-space-size=16 scripts/start.cjs',
      ),
    ).toEqual(['--enable-source-maps', '--no-memory-reducer', '--max-semi-space-size=16']);
  });

  it.each([
    [
      'without exec (npm would stand between a signal and the server)',
      'node --enable-source-maps scripts/start.cjs',
    ],
    ['another entry', 'exec node --enable-source-maps dist/server/main.js'],
    ['a TypeScript runner', 'exec tsx scripts/start.cjs'],
    ['something after the script', 'exec node scripts/start.cjs && echo done'],
    ['an argument that is not an option', 'exec node inspect scripts/start.cjs'],
    ['two spaces', 'exec node  --enable-source-maps scripts/start.cjs'],
    ['nothing at all', ''],
  ])('refuses a start script %s, quoting it', (_, script) => {
    expect(() => startNodeOptions(script)).toThrow(
      `package.json's start script must be "exec node [--OPTION…] scripts/start.cjs"; it is ${JSON.stringify(script)}`,
    );
  });

  it('reads the start script of a package.json, and names the file that has none', () => {
    const scratch = scratchDir();
    try {
      writeFileSync(
        join(scratch.dir, 'package.json'),
        JSON.stringify({ scripts: { start: 'exec node scripts/start.cjs' } }),
      );
      expect(readStartScript(scratch.dir)).toBe('exec node scripts/start.cjs');
      writeFileSync(join(scratch.dir, 'package.json'), JSON.stringify({ scripts: { test: 'jest' } }));
      expect(() => readStartScript(scratch.dir)).toThrow(
        `${join(scratch.dir, 'package.json')} has no start script`,
      );
      writeFileSync(join(scratch.dir, 'package.json'), JSON.stringify({ scripts: { start: ['node'] } }));
      expect(() => readStartScript(scratch.dir)).toThrow('has no start script');
    } finally {
      scratch.cleanup();
    }
  });

  it("is this project's: source maps on, and V8's memory reducer off (see the README, Performance)", () => {
    expect(START_COMMAND).toEqual([
      ...startNodeOptions(readStartScript(ROOT)),
      join(ROOT, 'scripts/start.cjs'),
    ]);
    expect(START_COMMAND).toContain('--enable-source-maps');
    expect(START_COMMAND).toContain('--no-memory-reducer');
  });
});
