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
