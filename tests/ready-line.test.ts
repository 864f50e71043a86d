import { spawn } from 'node:child_process';
import { untilReady } from '../harness/ready-line';

// How the harness waits for a process it started: the ready line on either stream, what it printed, and a
// clear refusal when it ends (or cannot be run) before.

const node = (script: string) =>
  spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });

describe('untilReady', () => {
  it('resolves with the ready line matched on stderr, and goes on collecting both streams', async () => {
    const child = node(
      `console.log('starting'); console.error('ready at http://127.0.0.1:1234'); setTimeout(() => console.log('later'), 50);`,
    );
    const { match, output } = await untilReady(child, /ready at (http:\S+)/, 'the script');
    expect(match[1]).toBe('http://127.0.0.1:1234');
    await new Promise((done) => child.once('exit', done));
    expect(output()).toContain('starting\n');
    expect(output()).toContain('later\n');
  });

  it('matches a ready line that comes in two chunks', async () => {
    const child = node(
      `process.stdout.write('listening on http://127.'); setTimeout(() => process.stdout.write('0.0.1:99\\n'), 50);`,
    );
    const { match } = await untilReady(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 'the script');
    expect(match[1]).toBe('http://127.0.0.1:99');
  });

  it('refuses a process that ends before it is ready, naming it, its exit code and what it printed', async () => {
    const child = node(`console.error('no database here'); process.exit(3);`);
    await expect(untilReady(child, /ready/, 'the server')).rejects.toThrow(
      /^the server exited \(3\) before it was ready:\nno database here\n$/,
    );
  });

  it('refuses a command that cannot be run with the spawn error', async () => {
    const child = spawn('no-such-command-stelselgraph', [], { stdio: ['ignore', 'pipe', 'pipe'] });
    await expect(untilReady(child, /ready/, 'it')).rejects.toThrow(/ENOENT/);
  });
});
