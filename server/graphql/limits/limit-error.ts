import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { countTokens } from './count-tokens';

/** The codes of refused queries, one per limit. */
export const LIMIT_CODES = [
  'QUERY_DEPTH_LIMIT',
  'QUERY_COST_LIMIT',
  'QUERY_ALIAS_LIMIT',
  'QUERY_DIRECTIVE_LIMIT',
  'QUERY_TOKEN_LIMIT',
  'TIME_BUDGET_EXCEEDED',
  'NODE_BUDGET_EXCEEDED',
] as const;

/** How graphql-armor words each refusal, and what we make of it. */
const ARMOR_MESSAGES: { pattern: RegExp; code: (typeof LIMIT_CODES)[number]; what: string }[] = [
  {
    pattern: /Query depth limit of (\d+(?:\.\d+)?) exceeded, found (\d+(?:\.\d+)?)/,
    code: 'QUERY_DEPTH_LIMIT',
    what: 'depth',
  },
  {
    pattern: /Aliases limit of (\d+(?:\.\d+)?) exceeded, found (\d+(?:\.\d+)?)/,
    code: 'QUERY_ALIAS_LIMIT',
    what: 'number of aliases',
  },
  {
    pattern: /Directives limit of (\d+(?:\.\d+)?) exceeded, found (\d+(?:\.\d+)?)/,
    code: 'QUERY_DIRECTIVE_LIMIT',
    what: 'number of directives',
  },
];

const round = (value: number) => Math.round(value * 100) / 100;

/** The message of a refusal: the limit and how far the query went over it. */
export function limitMessage(what: string, limit: number, found: number): string {
  return `The query's ${what} is ${round(found)}, over the limit of ${limit} by ${round(found - limit)}.`;
}

/** graphql-js's refusal of a document over the parser's `maxTokens` ("more that", sic). */
const TOKEN_LIMIT = /Document contains more th(?:an|at) (\d+) tokens/;

/**
 * Rewrites the refusals of graphql-armor (depth, aliases, directives) and of the parser (tokens) into
 * errors with their own code, a message that says the limit and how far the query went over it, and
 * `extensions.limit` / `extensions.found`. Other errors pass unchanged. `error` is the original error: for a
 * token refusal its source is counted, since the parser stops counting at the limit.
 */
export function reshapeLimitError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const tokens = TOKEN_LIMIT.exec(formatted.message);
  if (tokens) {
    const limit = Number(tokens[1]);
    const source = error instanceof GraphQLError ? error.source?.body : undefined;
    const found = source === undefined ? limit + 1 : countTokens(source);
    return {
      message: limitMessage('number of tokens', limit, found),
      extensions: { code: 'QUERY_TOKEN_LIMIT', limit, found },
    };
  }
  for (const { pattern, code, what } of ARMOR_MESSAGES) {
    const match = pattern.exec(formatted.message);
    if (!match) continue;
    const [limit, found] = [Number(match[1]), Number(match[2])];
    return {
      message: limitMessage(what, limit, found),
      locations: formatted.locations,
      extensions: { code, limit, found: round(found) },
    };
  }
  return formatted;
}
