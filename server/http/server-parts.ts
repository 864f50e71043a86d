import type { ApolloServer } from '@apollo/server';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { DatabaseProbe } from '../db/probe';
import { voorzieningCodes } from '../db/queries/voorziening-queries';
import { createContext, type DatasetInfo, type GraphQLContext } from '../graphql/context';
import { DEFAULT_QUERY_LIMITS } from '../graphql/limits/query-limits';
import { answerKeys, type AnswerKeyOf } from './answer-key';
import type { CorsOrigins } from './cors';
import type { HttpServerOptions } from './http-server-options';
import { DerivedCache, perVersion } from './pictures/page-cache';
import { workerRenderer } from './pictures/renderer';
import { createPlayground, type Playground } from './playground';
import { GRAPHQL_PATH } from './routes/graphql-path';
import { memoryAnswerStore, type AnswerStore } from '../lib/answer-store';
import { seenOperations, type SeenOperations } from '../graphql/seen-operations';

/**
 * What the route handlers of one server share: its options with their defaults filled in, and the state it
 * keeps (derived files, the render worker, answer keys, the voorziening codes per dataset version).
 */
export interface ServerParts {
  apollo: ApolloServer<GraphQLContext>;
  db: Kysely<Database>;
  /** The dataset being served (its version changes under a running server on a PostgreSQL rebuild). */
  dataset: DatasetInfo;
  bodyLimit: number;
  cacheMaxAge: number;
  corsOrigins: CorsOrigins;
  answers: AnswerStore | null;
  answerKeyOf: AnswerKeyOf;
  /** Operations Apollo answered before, run again without its pipeline; null: none. */
  seen: SeenOperations | null;
  /** The context of one GraphQL request: fresh loaders and an execution budget. */
  context: () => Promise<GraphQLContext>;
  /** Pages, pictures and exports, each built once per dataset version and kept. */
  derivedFiles: DerivedCache;
  /** Renders pictures on a worker thread; `close` it with the server. */
  renderer: ReturnType<typeof workerRenderer>;
  /** The voorziening codes of the dataset being served (read once per dataset version). */
  codes: () => Promise<ReadonlySet<string>>;
  /** The playground, loaded on first use (its GraphiQL bundle is large). */
  playground: () => Playground;
  probeDatabase?: DatabaseProbe;
  logError?: (error: unknown) => void;
}

/** Fills in the defaults of `options` and creates the state the routes share. */
export function createServerParts(options: HttpServerOptions): ServerParts {
  const { apollo, db, dataset } = options;
  const timeBudgetMs = options.timeBudgetMs ?? 5000;
  const maxNodes = options.maxNodes ?? DEFAULT_QUERY_LIMITS.maxNodes;
  let playground: Playground | undefined;
  const codesOf = perVersion(async () => new Set(await voorzieningCodes(db)));
  return {
    apollo,
    db,
    dataset,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    cacheMaxAge: options.cacheMaxAge ?? 300,
    corsOrigins: options.corsOrigins ?? '*',
    answers: options.answers === undefined ? memoryAnswerStore() : options.answers,
    answerKeyOf: answerKeys({ maxTokens: options.maxTokens }),
    seen: options.seen === undefined ? seenOperations() : options.seen,
    context: async () => createContext(db, dataset, timeBudgetMs, maxNodes),
    derivedFiles: new DerivedCache(),
    renderer: workerRenderer(),
    codes: () => codesOf(dataset.contentHash),
    playground: () => (playground ??= createPlayground({ graphqlPath: GRAPHQL_PATH, title: 'stelselgraph' })),
    probeDatabase: options.probeDatabase,
    logError: options.logError,
  };
}
