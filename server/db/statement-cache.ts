import type SQLite from 'better-sqlite3';
import { withCompiledRows } from './compiled-rows';

/**
 * Wraps a better-sqlite3 database so that `prepare` returns a cached statement for SQL it has prepared
 * before (at most `size` statements, least recently used dropped). Kysely's SQLite driver prepares every
 * query anew; the server runs the same few statement shapes over and over. Statements are only ever run
 * to completion (`all`, `run`), never left iterating, so sharing them is safe. A reading statement builds its
 * rows with a function made for its columns (`withCompiledRows`).
 */
export function withStatementCache(database: SQLite.Database, size = 500): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>();
  const prepare = (sql: string): SQLite.Statement => {
    const cached = statements.get(sql);
    if (cached) {
      statements.delete(sql);
      statements.set(sql, cached);
      return cached;
    }
    const statement = withCompiledRows(database.prepare(sql));
    statements.set(sql, statement);
    if (statements.size > size) statements.delete(statements.keys().next().value!);
    return statement;
  };
  return new Proxy(database, {
    get: (target, property) => {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
