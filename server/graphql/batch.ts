import DataLoader from 'dataloader';
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * `column in (…ids)` as one bound parameter: the ids go in as a JSON array read by SQLite's `json_each`, so
 * a batch is one statement whatever its size (no limit on bound parameters), and its SQL text is the same for
 * every batch (its prepared statement is reused).
 */
export function anyOf(column: string, ids: readonly (number | string)[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * A DataLoader that fetches rows by key with one statement per batch (`where key in (…)`, see {@link anyOf}), returning
 * undefined for a key without a row.
 */
export function rowLoader<K, R>(
  fetch: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R | undefined> {
  return new DataLoader(async (keys) => {
    const rows = await fetch([...keys]);
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
    const rows = await fetch([...keys]);
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
