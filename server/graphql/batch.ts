import DataLoader from 'dataloader';

/** Ids per SQL statement: far below SQLite's and PostgreSQL's limits on bound parameters. */
export const MAX_IDS_PER_STATEMENT = 10_000;

/** Splits a list of keys into chunks of at most {@link MAX_IDS_PER_STATEMENT}. */
function chunks<K>(keys: readonly K[]): K[][] {
  const out: K[][] = [];
  for (let at = 0; at < keys.length; at += MAX_IDS_PER_STATEMENT)
    out.push(keys.slice(at, at + MAX_IDS_PER_STATEMENT));
  return out;
}

/**
 * A DataLoader that fetches rows by key with one statement per batch (`where key in (…)`), returning
 * undefined for a key without a row.
 */
export function rowLoader<K, R>(
  fetch: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R | undefined> {
  return new DataLoader(async (keys) => {
    const rows = (await Promise.all(chunks(keys).map(fetch))).flat();
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key));
  });
}

/**
 * A DataLoader that fetches the rows belonging to each key with one statement per batch, keeping the
 * order the statement returns them in.
 */
export function groupLoader<K, R>(
  fetch: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R[]> {
  return new DataLoader(async (keys) => {
    const rows = (await Promise.all(chunks(keys).map(fetch))).flat();
    const byKey = new Map<K, R[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = byKey.get(key);
      if (list) list.push(row);
      else byKey.set(key, [row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}
