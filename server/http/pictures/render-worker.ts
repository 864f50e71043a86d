import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { indicatorChart } from './indicator-chart';
import type { RenderJob } from './renderer';
import { renderDot } from './stelsel-dot';

/**
 * Renders are background work: on Linux, where a thread has a priority of its own, this thread yields the
 * CPU to the server's thread (requests, /healthz) and to other processes. Elsewhere it renders as it is.
 */
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  // not Linux, or not allowed: no matter
}

/** The render worker (see `workerRenderer`): renders each batch it is sent, one after another. */
const port = parentPort!;
let queue: Promise<void> = Promise.resolve();
port.on('message', ({ id, jobs }: { id: number; jobs: RenderJob[] }) => {
  queue = queue.then(async () => {
    try {
      const svgs: string[] = [];
      for (const job of jobs) {
        svgs.push(
          job.kind === 'dot'
            ? await renderDot(job.dot)
            : await indicatorChart(job.title, job.unit, job.points),
        );
      }
      port.postMessage({ id, svgs });
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
