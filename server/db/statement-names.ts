import { createHash } from 'node:crypto';

/** How many distinct SQL texts get a prepared statement by default (per pool, so per connection too). */
export const DEFAULT_PREPARED_STATEMENT_CAP = 200;

/**
 * Gives SQL texts the names under which PostgreSQL keeps them as prepared statements: `s_` and 16 hex digits of
 * the text's SHA-1, the same name for the same text on every connection. With a name the `pg` driver parses the
 * statement once per connection and then only binds and executes it, so PostgreSQL skips parsing and (once its
 * plan is generic) planning. The first `cap` distinct texts get a name; any text after them runs unnamed, as
 * before, so a connection never holds more than `cap` prepared statements whatever statements run (the
 * server's are a finite set, well under the cap; the guard is for what nobody foresaw). Two texts whose names
 * would collide: the second runs unnamed.
 */
export function statementNamer(cap = DEFAULT_PREPARED_STATEMENT_CAP): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  return (sql) => {
    const known = names.get(sql);
    if (known !== undefined) return known;
    if (names.size >= cap) return undefined;
    const name = `s_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    if (taken.has(name)) return undefined;
    taken.add(name);
    names.set(sql, name);
    return name;
  };
}
