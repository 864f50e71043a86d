/**
 * Whether node runs without V8's memory reducer, as `npm start` runs it (`--no-memory-reducer`; README, "What
 * makes it fast": after the reducer's collection a cached load ran 15–25 % slower for a minute and more). The
 * option is V8's: node takes it on its command line only (not in `NODE_OPTIONS`), and V8 reads it when the heap
 * is made, so a process started without it cannot turn the reducer off; it can only say so.
 */

/**
 * Whether V8's memory reducer is off by node's options `execArgv` (node's `process.execArgv`): the last of
 * them that names it decides, as V8 reads them, in each spelling V8 takes (`--no-memory-reducer`,
 * `--nomemory-reducer`, underscores for dashes; `--memory-reducer` turns it on again).
 */
export function memoryReducerOff(execArgv: readonly string[]): boolean {
  let off = false;
  for (const argument of execArgv) {
    const flag = argument.replace(/_/g, '-');
    if (flag === '--no-memory-reducer' || flag === '--nomemory-reducer') off = true;
    else if (flag === '--memory-reducer') off = false;
  }
  return off;
}

/**
 * The note a production server prints at start when node runs with V8's memory reducer (a process manager
 * that runs `node dist/server/main.js` without the option `npm start` passes), else undefined.
 */
export function memoryReducerNote(execArgv: readonly string[]): string | undefined {
  if (memoryReducerOff(execArgv)) return undefined;
  return (
    'note: node runs with V8’s memory reducer on (no --no-memory-reducer among its options): after its ' +
    'collection a cached load runs 15–25 % slower for a minute and more. npm start passes it; a process ' +
    'manager runs node --enable-source-maps --no-memory-reducer dist/server/main.js (README, "What makes it fast")'
  );
}
