export { createClient } from './client.js';
export type { ClientOptions, StelselgraphClient } from './client.js';
export {
  StelselgraphError,
  StelselgraphGraphQLError,
  StelselgraphHttpError,
  StelselgraphNetworkError,
} from './errors.js';
export type { GraphQLErrorDetail } from './errors.js';
export type { Request, RequestOptions, TypedDocument } from './request.js';
export { paginate, StelselgraphPagingError } from './paginate.js';
export type { Page } from './paginate.js';
export type { Methods } from './generated/methods.js';
export { graphql } from './generated/gql.js';
export * from './generated/graphql.js';
