import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * A validation rule: an operation whose root type the schema lacks (a mutation or a subscription: the API is
 * read-only and has neither) is refused as the client's error, with a message that says so. graphql-js 16
 * validates no such rule (17 does): it would fail only when executing, with an error that has no code, which
 * the server masks as an internal error.
 */
export const readOnlyOperations: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === 'query'
        ? schema.getQueryType()
        : node.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root)
      context.reportError(
        new GraphQLError(
          `This API is read-only: the schema has no ${node.operation} type, only queries (Query).`,
          { nodes: node },
        ),
      );
  },
});
