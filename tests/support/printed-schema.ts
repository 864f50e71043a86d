import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { migrateToLatest, openSqlite } from '../../server/db/connect';
import { createContext } from '../../server/graphql/context';
import { createApolloServer } from '../../server/graphql/create-apollo-server';

/**
 * The schema as a client sees it: the running Apollo Server's answer to the introspection query, printed
 * (`printSchema(buildClientSchema(introspection))`). Introspection reads no data, so the context's database is
 * an empty, migrated in-memory one.
 */
export async function printIntrospectedSchema(): Promise<string> {
  const db = openSqlite(':memory:', { readonly: false });
  await migrateToLatest(db);
  const apollo = createApolloServer({ logError: () => undefined });
  await apollo.start();
  try {
    const response = await apollo.executeOperation(
      { query: getIntrospectionQuery({ descriptions: true }) },
      { contextValue: createContext(db, { contentHash: 'introspection' }, 60_000) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw new Error(errors.map((error) => error.message).join('\n'));
    return `${printSchema(buildClientSchema(data as unknown as IntrospectionQuery))}\n`;
  } finally {
    await apollo.stop();
    await db.destroy();
  }
}
