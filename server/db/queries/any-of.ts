import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../database';
import { isPostgres } from '../postgres';

/** `column in (…ids)`, written for one database's dialect (see {@link anyOfFor}). */
export type AnyOf = (column: string, ids: readonly (number | string)[]) => RawBuilder<SqlBool>;

/**
 * `column in (…ids)` as one bound parameter, so that a batch is one statement whatever its size (no limit on
 * bound parameters) and its SQL text is the same for every batch (its prepared statement is reused): on SQLite
 * the ids go in as a JSON array read by `json_each`, on PostgreSQL as an array (`column = any($1)`).
 */
export function anyOfFor(db: Kysely<Database>): AnyOf {
  if (isPostgres(db)) return (column, ids) => sql<SqlBool>`${sql.ref(column)} = any(${[...ids]})`;
  return (column, ids) =>
    sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}
