/** The error of a call to a shared cache that took longer than its limit. */
export class TimeLimitError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} took longer than ${ms} ms`);
    this.name = 'TimeLimitError';
  }
}

/**
 * `promise`, or a {@link TimeLimitError} after `ms`: a request does not wait on a cache that hangs (e.g. a
 * Redis that accepts connections but no longer answers). The timer is cleared as soon as `promise` settles.
 */
export async function withinTimeLimit<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitError(what, ms)), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
