import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what its last full collection left, in percent (`HEAP_GROWING_PERCENT`).
 * V8's own factor goes up to 300 % for a process that allocates fast: the service keeps about 40 MB, and an
 * uncached load of lists and pages (each answer built and dropped) grew it to 230–270 MB resident. At 20 %
 * the same load stays at 140–155 MB, for more frequent full collections: in the benchmark's side-by-side run
 * (column `heap-v8`, V8's own factor) uncached requests cost up to a quarter more CPU on PostgreSQL (V 0.47
 * against 0.38 ms, O 2.38 against 1.80) and about the same on SQLite (README, "Performance"). Set 0 where
 * memory is cheaper than CPU.
 * It bounds nothing: unlike `--max-old-space-size`, the heap still grows as far as the live data needs, so
 * no request can run the process out of a fixed heap.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 20;

/** Sets V8's heap growing factor to `1 + percent / 100` from its next collection on; 0 leaves V8's own. */
export function limitHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new RangeError(`not a percentage: ${percent}`);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
