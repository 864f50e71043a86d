import { spawn } from 'node:child_process';

/** Debian's python3 with pandas and networkx (`scripts/test-services.sh` provides them); PYTHON3_PATH overrides. */
export const PYTHON = process.env.PYTHON3_PATH ?? '/usr/bin/python3';

/**
 * Runs a Python script (given on stdin) in `cwd` and resolves to its standard output; rejects with its standard
 * error when it fails. Asynchronous, so a server in this process keeps answering the script's requests.
 */
export function runPython(script: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${PYTHON} exited with ${code}:\n${err}`)),
    );
    child.stdin.end(script);
  });
}
