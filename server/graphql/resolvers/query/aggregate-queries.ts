import type { MeasureTable } from '../../../db/database';
import { readEdition } from '../../../db/queries/edition-queries';
import { measureRanking, measureTotals, type MeasureScope } from '../../../db/queries/measure-queries';
import type { MeasureFilter, QueryResolvers } from '../../generated/resolvers-types';
import { voorzieningByCode } from '../../code-arguments';
import type { GraphQLContext } from '../../context';
import { checkRange, userInputError } from '../../user-input-error';

/** The most ranked voorzieningen `measureRanking(first:)` may ask for. */
export const MAX_RANKING_FIRST = 100;

/** Query fields over measures: `measures`, `measureTotals`, `measureRanking`. */
export const aggregateQueries: QueryResolvers = {
  measures: (_, __, { loaders }) => loaders.allMeasures.load('all'),
  measureTotals: async (_, { measure, year, filter }, context) => {
    const found = await measureByCode(context, measure);
    checkYear(await editionYears(context), 'year', year);
    const rows = await measureTotals(context.db, await scopeOf(context, found, filter), year);
    return { measure: found, year, rows };
  },
  measureRanking: async (_, { measure, by, from, to, first, filter }, context) => {
    const found = await measureByCode(context, measure);
    checkRange('first', first, 0, MAX_RANKING_FIRST);
    if (by === 'CHANGE' && (from === undefined || from === null))
      throw userInputError('`from` is required to rank by CHANGE: the first year of the change.', 'from');
    const fromYear = from ?? null;
    const years = await editionYears(context);
    if (fromYear !== null) {
      checkYear(years, 'from', fromYear);
      if (fromYear >= to)
        throw userInputError(`\`from\` (${fromYear}) must be before \`to\` (${to}).`, 'from');
    }
    checkYear(years, 'to', to);
    const scope = await scopeOf(context, found, filter);
    const rows = await measureRanking(context.db, scope, by, fromYear, to, first);
    return { measure: found, by, from: fromYear, to, rows };
  },
};

/** The measure a code names (exactly, any case), or BAD_USER_INPUT naming the known codes. */
async function measureByCode({ loaders }: GraphQLContext, code: string): Promise<MeasureTable> {
  const measures = await loaders.allMeasures.load('all');
  const found = measures.find((m) => m.code === code.trim().toLowerCase());
  if (found) return found;
  const shown = JSON.stringify(code.length > 60 ? `${code.slice(0, 60)}…` : code);
  throw userInputError(
    `Unknown measure ${shown} in \`measure\`. Known measures: ${measures.map((m) => m.code).join(', ')}.`,
    'measure',
  );
}

/** The years the edition's tables cover. */
async function editionYears({ db }: GraphQLContext): Promise<number[]> {
  return (await readEdition(db)).years.split(',').map(Number);
}

/** Checks that a year is one of the edition's years, or throws BAD_USER_INPUT naming them. */
function checkYear(years: number[], name: string, year: number): void {
  if (!years.includes(year))
    throw userInputError(
      `\`${name}\` must be one of the edition's years (${years.join(', ')}); got ${year}.`,
      name,
    );
}

/** The scope of a filter: its kinds, and its codes resolved (an unknown one throws, naming it). */
async function scopeOf(
  context: GraphQLContext,
  measure: MeasureTable,
  filter: MeasureFilter | null | undefined,
): Promise<MeasureScope> {
  const codes = filter?.codes ?? undefined;
  const voorzieningIds = codes
    ? await Promise.all(
        codes.map(
          async (code, at) =>
            (await voorzieningByCode(context, code, `filter.codes[${at}]`, 'BAD_USER_INPUT')).id,
        ),
      )
    : undefined;
  return { measureId: measure.id, kinds: filter?.kinds ?? undefined, voorzieningIds };
}
