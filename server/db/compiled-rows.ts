import type SQLite from 'better-sqlite3';

/** Builds one row object from a row as an array of its columns' values. */
type RowBuilder = (values: unknown[]) => Record<string, unknown>;

/**
 * A function that builds a row object with the given column names from the array of its values, as one
 * object literal (every row of a statement gets the same shape at once). A duplicated name keeps its last
 * value, as better-sqlite3's own row objects do. The names are the statement's columns (our schema's, never a
 * client's), written as JSON string literals.
 */
function rowBuilder(names: readonly string[]): RowBuilder {
  const fields = names.map((name, at) => `${JSON.stringify(name)}: values[${at}]`).join(', ');
  return new Function('values', `return { ${fields} };`) as RowBuilder;
}

/**
 * A reading statement whose rows are fetched as arrays (better-sqlite3's raw mode) and built into objects by
 * a function made for its columns: the same rows, keys in the same order, in about half the time (a page of
 * 101 observations of 14 columns: 366 µs against 699 µs; better-sqlite3 builds each row's object property by
 * property). `all`, `get` and `iterate` answer objects as before; a statement that does not read, or with a
 * column named `__proto__` (an object literal would set the prototype), is returned as it is.
 */
export function withCompiledRows(statement: SQLite.Statement): SQLite.Statement {
  if (!statement.reader) return statement;
  const names = statement.columns().map((column) => column.name);
  if (names.includes('__proto__')) return statement;
  const build = rowBuilder(names);
  const raw = statement.raw(true);
  const all = (...parameters: unknown[]) => (raw.all(...parameters) as unknown[][]).map(build);
  const get = (...parameters: unknown[]) => {
    const values = raw.get(...parameters) as unknown[] | undefined;
    return values === undefined ? undefined : build(values);
  };
  function* iterate(...parameters: unknown[]) {
    for (const values of raw.iterate(...parameters) as IterableIterator<unknown[]>) yield build(values);
  }
  const own: Record<PropertyKey, unknown> = { all, get, iterate };
  return new Proxy(raw, {
    get: (target, property) => {
      if (Object.hasOwn(own, property)) return own[property];
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
