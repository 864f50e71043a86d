import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../context';

type AnyResolver = (parent: unknown, args: unknown, context: GraphQLContext, info: unknown) => unknown;

/**
 * Wraps every field resolver so that, once a request has run longer than its budget (`context.deadline`),
 * the fields still to resolve fail with TIME_BUDGET_EXCEEDED instead of running: the request ends with what
 * it has and an error that says the budget and how far over it went.
 */
export function withTimeBudget<R extends Record<string, Record<string, unknown>>>(resolvers: R): R {
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const [type, fields] of Object.entries(resolvers)) {
    wrapped[type] = {};
    for (const [field, resolver] of Object.entries(fields)) {
      wrapped[type]![field] =
        typeof resolver === 'function' && !field.startsWith('__')
          ? (parent: unknown, args: unknown, context: GraphQLContext, info: unknown) => {
              checkBudget(context);
              return (resolver as AnyResolver)(parent, args, context, info);
            }
          : resolver;
    }
  }
  return wrapped as R;
}

/** Throws TIME_BUDGET_EXCEEDED when the request is past its deadline. */
export function checkBudget(context: GraphQLContext): void {
  const now = Date.now();
  if (now <= context.deadline) return;
  const ran = now - context.startedAt;
  const budget = context.deadline - context.startedAt;
  throw new GraphQLError(
    `The request ran ${ran} ms, over its time budget of ${budget} ms by ${ran - budget} ms; ask for less at once (smaller pages, lower depth).`,
    {
      extensions: { code: 'TIME_BUDGET_EXCEEDED', limit: budget, found: ran },
    },
  );
}
