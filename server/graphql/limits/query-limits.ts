import { ApolloArmor } from '@escape.tech/graphql-armor';

/** The limits every query must stay within; all configurable by environment (see the README). */
export interface QueryLimits {
  /** Deepest selection nesting. */
  maxDepth: number;
  /** Highest static cost (see `query-cost.ts`): fields, each list's content counted once per item it may hold. */
  maxCost: number;
  /** Most aliases in one query. */
  maxAliases: number;
  /** Most directives in one query. */
  maxDirectives: number;
  /** Most lexical tokens in one document. */
  maxTokens: number;
  /** Longest a request may run resolvers, in milliseconds. */
  timeBudgetMs: number;
  /** Most nodes a request may resolve (see `execution-budget.ts`). */
  maxNodes: number;
}

/**
 * The defaults, set from our own queries (`sdk/operations` and the playground's examples, measured by a
 * test): the deepest is 7 levels; the costliest example costs about 12.000 and GraphiQL's introspection query
 * about 45.000 (the static cost assumes every list as long as the longest of its kind), while they resolve a
 * few hundred nodes and a page of 500 observations with their indicator and voorziening about 1.500; the
 * longest is about 600 tokens. The limits leave room for a researcher's deeper traversal without letting a
 * query grow without bound: a fan-out that cycles back (domains → voorzieningen → domain → …) costs millions.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxCost: 100000,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 2000,
  timeBudgetMs: 5000,
  maxNodes: 5000,
};

/**
 * graphql-armor's validation rules for depth, aliases and directives (tokens are limited by the parser's
 * `maxTokens`; cost, which needs the variables and the data, by `limits-plugin.ts`; time and nodes by the
 * execution budget). Field suggestions stay: the schema is public.
 */
export function armorValidationRules(limits: QueryLimits) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, exposeLimits: true },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}
