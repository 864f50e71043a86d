/** Reports the failures of a dependency once per outage, not once per request. */
export interface FailureReporter {
  /** A call failed: logged if it is the first failure since the dependency last worked. */
  failed: (error: unknown) => void;
  /** A call worked: the next failure is logged again. */
  recovered: () => void;
}

/**
 * A {@link FailureReporter} that passes the first failure of an outage to `logError`, wrapped in an error
 * whose message says what failed (`describe(cause)`), and stays quiet until {@link FailureReporter.recovered}.
 */
export function reportOnce(
  logError: (error: unknown) => void,
  describe: (cause: unknown) => string,
): FailureReporter {
  let failing = false;
  return {
    failed: (error) => {
      if (failing) return;
      failing = true;
      logError(new Error(describe(error), { cause: error }));
    },
    recovered: () => {
      failing = false;
    },
  };
}
