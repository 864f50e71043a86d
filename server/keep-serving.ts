/**
 * Keeps the process serving when a promise rejects without a handler: Node would otherwise end the process
 * (`--unhandled-rejections=throw`, its default), taking every request in flight with it. The rejection is
 * logged with its stack, as an unexpected error is; requests are bounded by their own budgets, so a
 * rejection left over from one of them concerns that request only.
 */
export function keepServingOnUnhandledRejections(log: (message: string) => void = console.error): void {
  process.on('unhandledRejection', (reason: unknown) => {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log(`unhandled rejection (the server keeps serving): ${detail}`);
  });
}
