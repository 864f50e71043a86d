import { ApolloArmor } from '@escape.tech/graphql-armor';

/** The limits every query must stay within; all configurable by environment (see the README). */
export interface QueryLimits {
  /** Deepest selection nesting. */
  maxDepth: number;
  /** Highest cost, as graphql-armor computes it (objects, scalars, weighted by depth). */
  maxCost: number;
  /** Most aliases in one query. */
  maxAliases: number;
  /** Most directives in one query. */
  maxDirectives: number;
  /** Most lexical tokens in one document. */
  maxTokens: number;
  /** Longest a request may run resolvers, in milliseconds. */
  timeBudgetMs: number;
}

/**
 * The defaults, set from our own queries (`sdk/operations` and the playground's examples, measured by a
 * test): the deepest is 7 levels; the costliest of them costs about 3.200, and a page of 500 observations with
 * their indicator and voorziening about 13.500 (armor multiplies by `first`); the longest is about 600 tokens.
 * The limits leave room for a researcher's deeper traversal without letting a query grow without bound.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxCost: 20000,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 2000,
  timeBudgetMs: 5000,
};

/**
 * graphql-armor's validation rules for depth, cost, aliases and directives (tokens are limited by the
 * parser's `maxTokens`, time by our budget). Field suggestions stay: the schema is public.
 */
export function armorValidationRules(limits: QueryLimits) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}
