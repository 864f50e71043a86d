import type { RunMeasurement } from './measure-run';

/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What the rounds of one target on one operation come to: medians, and the spread of req/s. */
export interface RoundsSummary {
  rounds: number;
  requestsPerSecond: number;
  /** The lowest and highest req/s of the rounds. */
  min: number;
  max: number;
  /** The farther of min and max from the median, in % of the median. */
  spreadPercent: number;
  p50: number;
  p99: number;
  bytesPerRequest: number;
  cpuMsPerRequest: number;
  backendCpuMsPerRequest?: number;
  peakRssBytes: number;
  /** Failed and non-2xx requests over all rounds. */
  failures: number;
}

/** Sums up the rounds of one target on one operation. */
export function summarizeRounds(runs: readonly RunMeasurement[]): RoundsSummary {
  const rps = runs.map((r) => r.requestsPerSecond);
  const middle = median(rps);
  const min = Math.min(...rps);
  const max = Math.max(...rps);
  const backend = runs.flatMap((r) =>
    r.backendCpuMsPerRequest === undefined ? [] : [r.backendCpuMsPerRequest],
  );
  return {
    rounds: runs.length,
    requestsPerSecond: middle,
    min,
    max,
    spreadPercent: middle > 0 ? (Math.max(max - middle, middle - min) / middle) * 100 : 0,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    bytesPerRequest: median(runs.map((r) => r.bytesPerRequest)),
    cpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
    ...(backend.length > 0 ? { backendCpuMsPerRequest: median(backend) } : {}),
    peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)),
    failures: runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
}
