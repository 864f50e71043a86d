import type { ChildProcess } from 'node:child_process';

/** A child process that said it is ready: the line's match, and what it printed. */
export interface ReadyProcess {
  /** The first match of the ready pattern in its output (its groups: the URL, the port …). */
  match: RegExpExecArray;
  /** Everything it printed so far, on stdout and stderr, and goes on collecting. */
  output: () => string;
}

/**
 * Collects what `child` prints on stdout and stderr (both piped), for as long as it runs, and resolves once
 * the output matches `ready`; rejects, naming `what` and with the output, when it ends before (with the
 * spawn's error when it could not be run). How the
 * harness (servers, the bench's floor and peer, processes under callgrind) waits for a process it started.
 */
export function untilReady(child: ChildProcess, ready: RegExp, what: string): Promise<ReadyProcess> {
  let output = '';
  let isReady = false;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (isReady) return;
      const match = ready.exec(output);
      if (!match) return;
      isReady = true;
      resolve({ match, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // a command that cannot be run (not installed, say) is refused with the spawn's error
    child.on('error', (error) => {
      if (!isReady) reject(error);
    });
    child.once('exit', (code, signal) => {
      if (!isReady) reject(new Error(`${what} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}
