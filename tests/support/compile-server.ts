import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Jest's global set-up: compiles the server once (as `npm start` does when `server/` changed), before any worker
 * starts one, so that the tests' servers all run the same compiled build and none is started while it is swapped.
 */
export default function compileServer(): void {
  execFileSync(process.execPath, [join(__dirname, '../../scripts/start.cjs'), '--build'], {
    stdio: 'inherit',
  });
}
