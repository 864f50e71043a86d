import type { DatabaseLocation } from '../server/db/location';
import { openDatabase } from '../server/db/open-database';
import { DEFAULT_QUERY_LIMITS } from '../server/graphql/limits/query-limits';
import { readDatasetFacts } from '../server/graphql/dataset-facts';
import { readDatasetHash } from '../server/ensure-database';
import { createContext } from '../server/graphql/context';
import { createApolloServer } from '../server/graphql/create-apollo-server';
import type { BenchOperation } from './operations';

/** Runs each operation once in process (no answer store in front) and counts its SQL statements. */
export async function countStatements(
  location: DatabaseLocation,
  operations: BenchOperation[],
): Promise<Record<string, number>> {
  let count = 0;
  const db = openDatabase(location, { onQuery: () => (count += 1) });
  // limits far above the operations' at any scale: what is counted here is statements
  const apollo = createApolloServer({ limits: { ...DEFAULT_QUERY_LIMITS, maxCost: 1e9, maxNodes: 1e9 } });
  await apollo.start();
  const contentHash = (await readDatasetHash(location)) ?? '';
  await readDatasetFacts(db, contentHash); // read at start-up by the server, not per request
  const counts: Record<string, number> = {};
  try {
    for (const operation of operations) {
      const { query, variables } = JSON.parse(operation.body) as {
        query: string;
        variables: Record<string, unknown>;
      };
      count = 0;
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: createContext(db, { contentHash }, 60_000, 1e9) },
      );
      if (response.body.kind === 'single' && response.body.singleResult.errors) {
        throw new Error(`${operation.id} failed: ${JSON.stringify(response.body.singleResult.errors)}`);
      }
      counts[operation.id] = count;
    }
  } finally {
    await apollo.stop();
    await db.destroy();
  }
  return counts;
}
