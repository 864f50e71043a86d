/**
 * Counts the requests being handled, until their handler is done (even when the client left before), so that
 * closing the server can wait for them before the database goes.
 */
export function requestTracker(): {
  /** Counts `handling` as in flight until it settles; returns it. */
  track: <T>(handling: Promise<T>) => Promise<T>;
  /** Resolves once no request is in flight, or after `timeoutMs`. */
  drain: (timeoutMs: number) => Promise<void>;
} {
  let inFlight = 0;
  let whenIdle: (() => void)[] = [];
  const settled = () => {
    inFlight -= 1;
    if (inFlight === 0) {
      const waiting = whenIdle;
      whenIdle = [];
      waiting.forEach((resolve) => resolve());
    }
  };
  return {
    track: (handling) => {
      inFlight += 1;
      handling.then(settled, settled);
      return handling;
    },
    drain: (timeoutMs) =>
      inFlight === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, timeoutMs);
            whenIdle.push(() => {
              clearTimeout(timer);
              resolve();
            });
          }),
  };
}
