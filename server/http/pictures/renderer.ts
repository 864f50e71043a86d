import { access } from 'node:fs';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChartPoint } from './indicator-chart';

/** One picture to render to SVG: a Graphviz diagram (DOT), or an indicator's chart (Vega-Lite). */
export type RenderJob =
  { kind: 'dot'; dot: string } | { kind: 'chart'; title: string; unit: string; points: ChartPoint[] };

/** Renders jobs to SVG, in order. */
export type Render = (jobs: RenderJob[]) => Promise<string[]>;

/** How long an idle render worker stays (it starts again on demand). */
const IDLE_MS = 60_000;

/**
 * Renders on a worker thread of its own, one batch at a time. Rendering is the CPU-heavy part of the pages
 * and pictures: the first render loads Graphviz's WebAssembly and Vega (about a second), a chart takes tens
 * of milliseconds and the whole stelsel a tenth of a second, none of which yields. On the server's thread
 * that would hold up every other request, `/healthz` included; on the worker the server's thread only waits.
 * The worker starts on the first render, never keeps the process alive, ends after a minute without work
 * (pages are kept, so renders are rare), and a worker that dies fails its pending renders and is replaced
 * by the next render.
 */
export function workerRenderer(): { render: Render; close: () => Promise<void> } {
  let worker: Worker | undefined;
  let idle: NodeJS.Timeout | undefined;
  let closing: (() => void) | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (svgs: string[]) => void; reject: (error: Error) => void }>();

  const stop = (which: Worker) => {
    if (worker === which) worker = undefined;
    return which.terminate().then(() => undefined);
  };
  const failAll = (error: Error) => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const { reject } of waiting) reject(error);
  };
  const start = (): Worker => {
    // The worker lowers its own thread's priority, which threads it creates inherit: libuv's thread pool,
    // shared by the whole process, must exist before (it starts on the first piece of work queued on it).
    access(__filename, () => undefined);
    // Run as TypeScript (npm start, the tests): the worker loads its source through tsx, as the server does.
    const source = extname(__filename) === '.ts';
    const hasTsx = process.execArgv.some((arg) => arg.includes('tsx'));
    const started = new Worker(join(__dirname, `render-worker${extname(__filename)}`), {
      execArgv:
        source && !hasTsx ? [...process.execArgv, '--require', require.resolve('tsx/cjs')] : undefined,
    });
    started.unref();
    started.on('message', (message: { id: number; svgs?: string[]; error?: string }) => {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.svgs) waiting.resolve(message.svgs);
      else waiting.reject(new Error(`rendering failed: ${message.error}`));
      if (pending.size === 0) {
        clearTimeout(idle);
        if (closing) closing();
        else idle = setTimeout(() => void stop(started), IDLE_MS).unref();
      }
    });
    started.on('error', (error) => {
      if (worker === started) worker = undefined;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`the render worker stopped (exit code ${code})`));
    });
    return started;
  };

  return {
    render: (jobs) =>
      new Promise<string[]>((resolve, reject) => {
        clearTimeout(idle);
        worker ??= start();
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, jobs });
      }),
    /** Stops the worker once the renders it was given are done. */
    close: async () => {
      clearTimeout(idle);
      if (pending.size > 0) await new Promise<void>((resolve) => (closing = resolve));
      closing = undefined;
      if (worker) await stop(worker);
    },
  };
}
