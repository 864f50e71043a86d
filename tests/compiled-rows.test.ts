import Database from 'better-sqlite3';
import { withCompiledRows } from '../server/db/compiled-rows';

// Rows built by a function made for the statement's columns are the rows better-sqlite3 builds itself: the
// same values, keys in the same order, for all, get and iterate.

describe('withCompiledRows', () => {
  const db = new Database(':memory:');
  beforeAll(() => {
    db.exec(`create table t (id integer primary key, name text, amount real, note text, data blob);
      insert into t values (1, 'één', 1.5, null, x'00ff'), (2, 'two "quoted"', -0.0, 'n', null), (3, '', 3, 'x', x'');
      create table u (id integer primary key, t_id integer, name text);
      insert into u values (10, 1, 'u-one'), (11, 3, 'u-three');`);
  });
  afterAll(() => db.close());

  /** `sql`'s rows both ways, with the keys of each row in order. */
  const both = (sql: string, ...parameters: unknown[]) => {
    const withKeys = (rows: unknown[]) => rows.map((row) => ({ keys: Object.keys(row as object), row }));
    return {
      compiled: withKeys(withCompiledRows(db.prepare(sql)).all(...parameters)),
      own: withKeys(db.prepare(sql).all(...parameters)),
    };
  };

  it('reads the statement as arrays and builds the rows itself', () => {
    const statement = db.prepare('select id, name from t order by id');
    const compiled = withCompiledRows(statement);
    expect(compiled.all()[0]).toEqual({ id: 1, name: 'één' });
    // the statement underneath now answers arrays: the objects above were built by the compiled function
    expect(statement.all()[0]).toEqual([1, 'één']);
    // its other methods still work, bound to it
    expect(compiled.columns().map((column) => column.name)).toEqual(['id', 'name']);
  });

  it('builds the same rows as better-sqlite3: every type, nulls, empty, keys in order', () => {
    for (const [sql, parameters] of [
      ['select * from t order by id', []],
      ['select note, id, name from t where id > ? order by id desc', [1]],
      ['select * from t where id = ?', [99]],
      [`select 'a' as "we'ird ""name\\", 1 + 1 as "2", null as x`, []],
    ] as const) {
      const { compiled, own } = both(sql, ...parameters);
      expect({ sql, compiled }).toEqual({ sql, compiled: own });
    }
  });

  it('keeps the last of a duplicated column name, as better-sqlite3 does', () => {
    const { compiled, own } = both(
      'select t.name, u.name, t.id from t join u on u.t_id = t.id order by u.id',
    );
    expect(compiled).toEqual(own);
    expect(compiled[0]!.row).toEqual({ name: 'u-one', id: 1 });
  });

  it('answers get (a row, and none) and iterate the same', () => {
    const compiled = withCompiledRows(db.prepare('select * from t where id >= ? order by id'));
    const own = db.prepare('select * from t where id >= ? order by id');
    expect(compiled.get(2)).toEqual(own.get(2));
    expect(compiled.get(9)).toBeUndefined();
    expect([...compiled.iterate(1)]).toEqual([...own.iterate(1)]);
    expect(compiled.reader).toBe(true);
    expect(compiled.source).toBe(own.source);
  });

  it('leaves a writing statement, and a column named __proto__, to better-sqlite3', () => {
    const insert = db.prepare('insert into u values (?, ?, ?)');
    expect(withCompiledRows(insert)).toBe(insert);
    expect(withCompiledRows(insert).run(12, 2, 'u-two').changes).toBe(1);
    const proto = db.prepare('select 1 as "__proto__", 2 as b');
    expect(withCompiledRows(proto)).toBe(proto);
    expect(withCompiledRows(proto).all()).toEqual(db.prepare('select 1 as "__proto__", 2 as b').all());
  });
});
