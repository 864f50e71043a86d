import { GraphQLError } from 'graphql';
import type { DomainTable, VoorzieningTable } from '../db/database';
import { didYouMean, resolveCode } from '../domain/resolve-code';
import type { GraphQLContext } from './context';

/** What is looked up by code: a voorziening or a domain. */
type CodeKind = 'voorziening' | 'domain';

/**
 * How an unknown code is answered: `NOT_FOUND` for a single lookup (`voorziening(code:)`, `domain(code:)`:
 * the field is null, as GitHub's API answers a missing lookup), `BAD_USER_INPUT` for an argument the answer
 * is computed from (`neighbors(code:)`, `path`, filters).
 */
type UnknownCodeAnswer = 'NOT_FOUND' | 'BAD_USER_INPUT';

/** Finds the row of a code or abbreviation among `rows` (case-insensitively), or throws the error that names it. */
function lookUp<T extends { code: string; name: string; abbreviation?: string | null }>(
  rows: readonly T[],
  kind: CodeKind,
  input: string,
  argumentName: string,
  answer: UnknownCodeAnswer,
): T {
  const known = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const resolution = resolveCode(known, input);
  if ('code' in resolution) return rows.find((row) => row.code === resolution.code)!;
  const { suggestions } = resolution;
  const shown = JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input);
  const sentences = [
    `Unknown ${kind} code ${shown} in \`${argumentName}\`.`,
    didYouMean(suggestions),
    `Known codes: ${known.map((row) => row.code).join(', ')}.`,
  ];
  throw new GraphQLError(sentences.filter(Boolean).join(' '), {
    extensions: { code: answer, argumentName, suggestions },
  });
}

/**
 * The voorziening a code or abbreviation names, case-insensitively (`BRP`, `brp`); an unknown one throws the
 * error `answer` says, naming the argument and suggesting the nearest codes (`extensions.suggestions`). One
 * statement per request, however many codes are looked up.
 */
export async function voorzieningByCode(
  { loaders }: GraphQLContext,
  input: string,
  argumentName: string,
  answer: UnknownCodeAnswer,
): Promise<VoorzieningTable> {
  return lookUp(await loaders.allVoorzieningen.load('all'), 'voorziening', input, argumentName, answer);
}

/** The domain a code names, case-insensitively; an unknown one throws as {@link voorzieningByCode} does. */
export async function domainByCode(
  { loaders }: GraphQLContext,
  input: string,
  argumentName: string,
  answer: UnknownCodeAnswer,
): Promise<DomainTable> {
  return lookUp(await loaders.allDomains.load('all'), 'domain', input, argumentName, answer);
}
