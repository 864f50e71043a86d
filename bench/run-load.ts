import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  /** Requests completed in the run. */
  requests: number;
  p50: number;
  p99: number;
  bytesPerRequest: number;
  errors: number;
  non2xx: number;
}

/**
 * Drives one POST body at a URL with autocannon over `connections` connections: for `duration` seconds, or
 * until `amount` requests have been answered when it is given (a warm-up burst).
 */
export async function runLoad(
  url: string,
  body: string,
  duration: number,
  connections: number,
  amount?: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    ...(amount === undefined ? { duration } : { amount }),
  });
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerRequest:
      result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
