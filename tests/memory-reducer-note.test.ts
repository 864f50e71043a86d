import { join } from 'node:path';
import { spawnServer, START_COMMAND } from '../harness/spawn-server';
import { memoryReducerNote, memoryReducerOff } from '../server/memory-reducer-note';
import { copySeeds, scratchDir } from './support/seeds-fixture';

describe("V8's memory reducer, read from node's options", () => {
  it.each([
    [[], false],
    [['--enable-source-maps'], false],
    [['--no-memory-reducer'], true],
    [['--enable-source-maps', '--no-memory-reducer'], true],
    [['--no_memory_reducer'], true],
    [['--nomemory-reducer'], true],
    [['--nomemory_reducer'], true],
    // the last that names it decides, as V8 reads them
    [['--no-memory-reducer', '--memory-reducer'], false],
    [['--memory_reducer', '--no-memory-reducer'], true],
    // other options that only look alike
    [['--no-memory-reducer-for-small-heaps'], false],
    [['--memory-reducer-for-small-heaps'], false],
    [['-no-memory-reducer'], false],
  ])('%j: off is %s', (execArgv, off) => {
    expect(memoryReducerOff(execArgv)).toBe(off);
    expect(memoryReducerNote(execArgv) === undefined).toBe(off);
  });

  it('the note names the option and the command a process manager runs', () => {
    const note = memoryReducerNote(['--enable-source-maps'])!;
    expect(note).toMatch(/^note: node runs with V8’s memory reducer on/);
    expect(note).toContain('node --enable-source-maps --no-memory-reducer dist/server/main.js');
  });
});

describe('a production server started without npm start’s node options', () => {
  const scratch = scratchDir();
  const env = {
    DATABASE_FILE: join(scratch.dir, 'db.sqlite'),
    SEEDS_DIR: copySeeds(scratch.dir),
  };
  afterAll(() => scratch.cleanup());

  it('says once, before its ready line, that the memory reducer is on; with them it says nothing', async () => {
    const withOptions = await spawnServer(env);
    try {
      expect(withOptions.output()).not.toContain('memory reducer');
    } finally {
      expect(await withOptions.stop()).toBe(0);
    }
    const withoutReducerOption = START_COMMAND.filter((option) => option !== '--no-memory-reducer');
    expect(withoutReducerOption.length).toBe(START_COMMAND.length - 1);
    const bare = await spawnServer(env, withoutReducerOption);
    try {
      const output = bare.output();
      expect(output.split('note: node runs with V8’s memory reducer on').length).toBe(2);
      expect(output.indexOf('memory reducer')).toBeLessThan(output.indexOf('stelselgraph ready:'));
      // it serves all the same
      expect((await fetch(`${bare.url}/healthz`)).status).toBe(200);
    } finally {
      expect(await bare.stop()).toBe(0);
    }
  });
});
