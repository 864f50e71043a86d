import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  bytesPerRequest: number;
  errors: number;
  non2xx: number;
}

/** Drives one POST body at a URL with autocannon for `duration` seconds over `connections` connections. */
export async function runLoad(
  url: string,
  body: string,
  duration: number,
  connections: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duration,
    connections,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytesPerRequest:
      result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
