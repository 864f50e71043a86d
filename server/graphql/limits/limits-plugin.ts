import type { ApolloServerPlugin } from '@apollo/server';
import {
  getVariableValues,
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import type { GraphQLContext } from '../context';
import type { ArgumentCaps } from './argument-caps';
import { stoppedResult } from './execution-budget';
import { limitMessage } from './limit-error';
import { introspectionListSizes, listSizesOf, type ListSizes } from './list-sizes';
import { queryCost } from './query-cost';

/**
 * The limits that need the request's variables and the data, as an Apollo plugin: before execution every
 * argument value is checked against its caps and the operation's cost (`query-cost.ts`) against `maxCost`,
 * with list sizes measured from the dataset being served (once per dataset version); after execution a
 * request that its budget stopped answers one error and no data (`execution-budget.ts`).
 */
export function limitsPlugin(maxCost: number, caps: ArgumentCaps): ApolloServerPlugin<GraphQLContext> {
  let introspection: { schema: GraphQLSchema; sizes: ListSizes } | undefined;
  const merged = new WeakMap<ListSizes, ListSizes>();
  const sizesFor = async (context: GraphQLContext, schema: GraphQLSchema): Promise<ListSizes> => {
    if (introspection?.schema !== schema) introspection = { schema, sizes: introspectionListSizes(schema) };
    const data = await listSizesOf(context.db, context.dataset.contentHash);
    let sizes = merged.get(data);
    if (!sizes) merged.set(data, (sizes = new Map([...data, ...introspection.sizes])));
    return sizes;
  };

  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return; // Apollo has refused the request already
          const coerced = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
            {
              maxErrors: 1,
            },
          );
          // variables that do not coerce are refused by execution before any resolver runs
          if (coerced.errors) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const cost = queryCost({
            schema,
            operation,
            fragments,
            variables: coerced.coerced,
            sizes: await sizesFor(contextValue, schema),
            caps,
          });
          if (cost > maxCost) {
            const found = Number.isFinite(cost) ? cost : Number.MAX_SAFE_INTEGER;
            throw new GraphQLError(limitMessage('cost', maxCost, found), {
              extensions: { code: 'QUERY_COST_LIMIT', limit: maxCost, found, http: { status: 400 } },
            });
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (contextValue.budget.stopped && response.body.kind === 'single') {
            response.body.singleResult = stoppedResult(contextValue.budget);
          }
        },
      };
    },
  };
}
