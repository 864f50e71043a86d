import { GraphQLError } from 'graphql';
import type { DomainTable, VoorzieningTable } from '../db/database';
import { foldCode } from '../domain/known-code';
import { didYouMean, resolveCode } from '../domain/resolve-code';
import { oncePerList } from '../lib/once-per-list';
import type { GraphQLContext } from './context';

/** What is looked up by code: a voorziening or a domain. */
type CodeKind = 'voorziening' | 'domain';

/**
 * How an unknown code is answered: `NOT_FOUND` for a single lookup (`voorziening(code:)`, `domain(code:)`:
 * the field is null, as GitHub's API answers a missing lookup), `BAD_USER_INPUT` for an argument the answer
 * is computed from (`neighbors(code:)`, `path`, filters).
 */
type UnknownCodeAnswer = 'NOT_FOUND' | 'BAD_USER_INPUT';

/** What a lookup reads of a list of rows, made once per list: the rows by code, and the rows sorted by code. */
interface CodeIndex<T> {
  /** The first row of each code that is its own folded form (a slug: `brp`), for an input that is one. */
  byCode: ReadonlyMap<string, T>;
  /** The rows sorted by code: what `resolveCode` searches and the error lists. */
  sorted: readonly T[];
}

/**
 * The index of each list of rows looked up in: the lists are the reference rows of a dataset version, shared
 * by every request of that version, so a lookup does not copy and sort them again.
 */
const indexOfRows = oncePerList((rows: readonly { code: string }[]): CodeIndex<{ code: string }> => {
  const byCode = new Map<string, { code: string }>();
  for (const row of rows) {
    if (foldCode(row.code) === row.code && !byCode.has(row.code)) byCode.set(row.code, row);
  }
  const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { byCode, sorted };
});

const indexOf = <T extends { code: string }>(rows: readonly T[]) => indexOfRows(rows) as CodeIndex<T>;

/**
 * Finds the row of a code or abbreviation among `rows` (case-insensitively), or throws the error that names it.
 * An input that is a known code as it is (`brp`) is found in the index; any other is resolved by `resolveCode`
 * (a code folds to itself, and a code is matched before an abbreviation, so both find the same row).
 */
function lookUp<T extends { code: string; name: string; abbreviation?: string | null }>(
  rows: readonly T[],
  kind: CodeKind,
  input: string,
  argumentName: string,
  answer: UnknownCodeAnswer,
): T {
  const index = indexOf(rows);
  const exact = index.byCode.get(input);
  if (exact !== undefined) return exact;
  const known = index.sorted;
  const resolution = resolveCode(known, input);
  if ('code' in resolution)
    return index.byCode.get(resolution.code) ?? rows.find((row) => row.code === resolution.code)!;
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
