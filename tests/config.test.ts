import { readConfig } from '../server/config';

describe('the database settings', () => {
  it('use the SQLite file by default, and PostgreSQL when DATABASE_URL is set', () => {
    expect(readConfig({}).database).toEqual({ dialect: 'sqlite', file: 'data/stelselgraph.sqlite' });
    expect(readConfig({ DATABASE_FILE: '/srv/a.sqlite' }).database).toEqual({
      dialect: 'sqlite',
      file: '/srv/a.sqlite',
    });
    expect(readConfig({ DATABASE_URL: 'postgres://app@db:5432/gdi' }).database).toEqual({
      dialect: 'postgres',
      url: 'postgres://app@db:5432/gdi',
      schema: 'stelselgraph',
    });
    expect(
      readConfig({ DATABASE_URL: 'postgresql://app@db/gdi', DATABASE_SCHEMA: 'monitor_2020' }).database,
    ).toMatchObject({ dialect: 'postgres', schema: 'monitor_2020' });
  });

  it('refuse a bad or ambiguous database setting with a message naming the variable', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://app@db/gdi' })).toThrow(
      'environment variable DATABASE_URL: "mysql://app@db/gdi" is not a postgres:// URL',
    );
    expect(() =>
      readConfig({ DATABASE_URL: 'postgres://app:hunter2@db:5432/gdi', DATABASE_SCHEMA: 'x;drop' }),
    ).toThrow('environment variable DATABASE_SCHEMA: schema "x;drop" must be a lower-case identifier');
    expect(() => readConfig({ DATABASE_URL: 'postgres://app@db/gdi', DATABASE_FILE: 'a.sqlite' })).toThrow(
      'set either DATABASE_URL (PostgreSQL) or DATABASE_FILE (SQLite), not both',
    );
    expect(() => readConfig({ DATABASE_URL: 'ftp://app:hunter2@db/gdi' })).toThrow(/app:\*\*\*@db/);
  });
});

describe('the limits and timeouts', () => {
  it('take their defaults, and whole positive numbers from the environment', () => {
    const defaults = readConfig({});
    expect(defaults.limits).toMatchObject({ maxCost: 100_000, maxNodes: 5000, timeBudgetMs: 5000 });
    const set = readConfig({ MAX_NODES: '1', MAX_COST: '250', TIME_BUDGET_MS: '100' });
    expect(set.limits).toMatchObject({ maxNodes: 1, maxCost: 250, timeBudgetMs: 100 });
  });

  it.each(['MAX_NODES', 'MAX_COST', 'TIME_BUDGET_MS'])(
    'refuse %s that is not a whole positive number, naming it',
    (name) => {
      for (const value of ['0', '-5', '1.5', 'many']) {
        expect(() => readConfig({ [name]: value })).toThrow(
          new RegExp(`^environment variable ${name}: .*\\(got "${value}"\\)$`),
        );
      }
    },
  );
});

describe('the PostgreSQL timeouts, the shutdown deadline and the answer store caps', () => {
  it('take their settings from the environment', () => {
    const config = readConfig({
      PG_STATEMENT_TIMEOUT_MS: '1500',
      PG_CONNECT_TIMEOUT_MS: '700',
      SHUTDOWN_DEADLINE_MS: '0',
      ANSWER_MAX_BYTES: '1024',
      ANSWER_STORE_BYTES: '4096',
    });
    expect(config).toMatchObject({ statementTimeoutMs: 1500, connectTimeoutMs: 700, shutdownDeadlineMs: 0 });
    expect(config.answerLimits).toEqual({ maxAnswerBytes: 1024, maxTotalBytes: 4096 });
  });

  it('prepare PostgreSQL statements unless PG_PREPARED_STATEMENTS is off', () => {
    expect(readConfig({}).preparedStatements).toBe(true);
    expect(readConfig({ PG_PREPARED_STATEMENTS: 'off' }).preparedStatements).toBe(false);
    expect(() => readConfig({ PG_PREPARED_STATEMENTS: 'yes' })).toThrow(
      /^environment variable PG_PREPARED_STATEMENTS: .*\(got "yes"\)$/,
    );
  });

  it('execute with graphql-jit unless GRAPHQL_EXECUTOR is graphql-js', () => {
    expect(readConfig({}).executor).toBe('jit');
    expect(readConfig({ GRAPHQL_EXECUTOR: 'jit' }).executor).toBe('jit');
    expect(readConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }).executor).toBe('graphql-js');
    expect(() => readConfig({ GRAPHQL_EXECUTOR: 'fast' })).toThrow(
      /^environment variable GRAPHQL_EXECUTOR: /,
    );
  });

  it('run operations seen before without Apollo unless SEEN_OPERATIONS is off', () => {
    expect(readConfig({}).seenOperations).toBe(true);
    expect(readConfig({ SEEN_OPERATIONS: 'off' }).seenOperations).toBe(false);
    expect(() => readConfig({ SEEN_OPERATIONS: 'no' })).toThrow(
      /^environment variable SEEN_OPERATIONS: .*\(got "no"\)$/,
    );
  });

  it('hold the heap to 20 % growth past its last full collection unless HEAP_GROWING_PERCENT says otherwise', () => {
    expect(readConfig({}).heapGrowingPercent).toBe(20);
    expect(readConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(readConfig({ HEAP_GROWING_PERCENT: '1000' }).heapGrowingPercent).toBe(1000);
    for (const bad of ['-1', '1001', '12.5', 'some'])
      expect(() => readConfig({ HEAP_GROWING_PERCENT: bad })).toThrow(
        new RegExp(`^environment variable HEAP_GROWING_PERCENT: .*\\(got "${bad}"\\)$`),
      );
  });

  it.each(['PG_STATEMENT_TIMEOUT_MS', 'PG_CONNECT_TIMEOUT_MS', 'ANSWER_MAX_BYTES', 'ANSWER_STORE_BYTES'])(
    'refuse %s of 0 or less, naming it',
    (name) =>
      expect(() => readConfig({ [name]: '0' })).toThrow(new RegExp(`^environment variable ${name}: `)),
  );
});
