import { buildSchema } from 'graphql';
import { readTypeDefs } from '../server/graphql/type-defs';
import { buildRealDatabase, type BuiltDatabase } from './support/built-database';
import { TEST_DIALECT } from './support/test-database';

describe('nothing reachable writes', () => {
  let built: BuiltDatabase;
  beforeAll(async () => {
    built = await buildRealDatabase();
  });
  afterAll(() => built.close());

  it('opens the database read-only, as the server does: a write through the handle fails', async () => {
    // SQLite opens the file read-only; PostgreSQL sessions are read-only (default_transaction_read_only).
    const refusal =
      TEST_DIALECT === 'sqlite'
        ? 'attempt to write a readonly database'
        : 'cannot execute INSERT in a read-only transaction';
    await expect(
      built.db.insertInto('meta').values({ key: 'x', value: 'y' }).execute(),
    ).rejects.toMatchObject({
      message: refusal,
    });
    await expect(built.db.deleteFrom('voorziening').execute()).rejects.toMatchObject({
      message: refusal.replace('INSERT', 'DELETE'),
    });
    expect(await built.db.selectFrom('meta').select('key').where('key', '=', 'x').execute()).toEqual([]);
  });

  it('has no mutation or subscription in the schema', () => {
    const schema = buildSchema(readTypeDefs());
    expect(schema.getMutationType()).toBeUndefined();
    expect(schema.getSubscriptionType()).toBeUndefined();
  });
});
