import DataLoader from 'dataloader';

/** Runs `job` after the promise jobs queued now, on the next tick: when DataLoader sends a batch by default. */
function afterPromiseJobs(job: () => void): void {
  void Promise.resolve().then(() => process.nextTick(job));
}

/**
 * When the DataLoaders of one request send their batches: once none of their statements is running. A
 * DataLoader sends its batch on the next tick by default; over a network (PostgreSQL) the answers of one level
 * arrive one by one, so the next level's keys would go out in several batches. Waiting until the running
 * statements are answered gathers them into one batch per loader and level, as SQLite (synchronous) does
 * anyway. A batch function must not wait on another loader (none does), or it would wait on itself.
 */
export class BatchScheduler {
  private running = 0;
  private waiting: (() => void)[] = [];

  /** DataLoader's `batchScheduleFn`: send now (next tick) when nothing runs, else when the last one is answered. */
  readonly schedule = (send: () => void): void => {
    if (this.running === 0) afterPromiseJobs(send);
    else this.waiting.push(send);
  };

  /** Runs one batch's statement, counted as running until it is answered. */
  async track<T>(statement: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await statement();
    } finally {
      this.running -= 1;
      if (this.running === 0 && this.waiting.length > 0) {
        const sends = this.waiting;
        this.waiting = [];
        afterPromiseJobs(() => sends.forEach((send) => send()));
      }
    }
  }
}

/**
 * A DataLoader that fetches rows by key with one statement per batch (`where key in (…)`, see `db/queries/any-of.ts`),
 * returning undefined for a key without a row.
 */
export function rowLoader<K, R>(
  scheduler: BatchScheduler,
  fetch: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R | undefined> {
  return new DataLoader(
    async (keys) => {
      const rows = await scheduler.track(() => fetch([...keys]));
      const byKey = new Map(rows.map((row) => [keyOf(row), row]));
      return keys.map((key) => byKey.get(key));
    },
    { batchScheduleFn: scheduler.schedule },
  );
}

/**
 * A DataLoader that fetches the rows belonging to each key with one statement per batch, keeping the
 * order the statement returns them in.
 */
export function groupLoader<K, R>(
  scheduler: BatchScheduler,
  fetch: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R[]> {
  return new DataLoader(
    async (keys) => {
      const rows = await scheduler.track(() => fetch([...keys]));
      const byKey = new Map<K, R[]>();
      for (const row of rows) {
        const key = keyOf(row);
        const list = byKey.get(key);
        if (list) list.push(row);
        else byKey.set(key, [row]);
      }
      return keys.map((key) => byKey.get(key) ?? []);
    },
    { batchScheduleFn: scheduler.schedule },
  );
}
