import { buildSchema } from 'graphql';
import { openSqlite } from '../server/db/connect';
import { readTypeDefs } from '../server/graphql/type-defs';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';

describe('nothing reachable writes', () => {
  let built: BuiltDatabase;
  beforeAll(async () => {
    built = await buildRealDatabase();
  });
  afterAll(() => built.close());

  it('opens the database read-only, as the server does: a write through the handle fails', async () => {
    const db = openSqlite(built.file);
    try {
      await expect(db.insertInto('meta').values({ key: 'x', value: 'y' }).execute()).rejects.toMatchObject({
        message: 'attempt to write a readonly database',
      });
      await expect(db.deleteFrom('voorziening').execute()).rejects.toMatchObject({
        message: 'attempt to write a readonly database',
      });
    } finally {
      await db.destroy();
    }
  });

  it('has no mutation or subscription in the schema', () => {
    const schema = buildSchema(readTypeDefs());
    expect(schema.getMutationType()).toBeUndefined();
    expect(schema.getSubscriptionType()).toBeUndefined();
  });
});
