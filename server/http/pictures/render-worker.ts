import { parentPort } from 'node:worker_threads';
import { indicatorChart } from './indicator-chart';
import type { RenderJob } from './renderer';
import { renderDot } from './stelsel-dot';

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
