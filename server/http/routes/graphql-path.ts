/** The path the GraphQL API answers at. */
export const GRAPHQL_PATH = '/graphql';
