import type {
  MeasureMemberResolvers,
  MeasureRankingResolvers,
  MeasureResolvers,
  MeasureTotalsResolvers,
  RankedVoorzieningResolvers,
  VoorzieningTotalResolvers,
} from '../generated/resolvers-types';
import type { MeasureRankingModel, RankedVoorzieningModel } from '../aggregate-models';
import type { GraphQLContext } from '../context';
import { required } from './required';

/** `Measure`: a group of indicators that count the same kind of thing, with its members. */
export const Measure: MeasureResolvers = {
  nameEn: (measure) => measure.name_en,
  descriptionEn: (measure) => measure.description_en,
  members: (measure, _, { loaders }) => loaders.membersByMeasure.load(measure.id),
};

/** `MeasureMember`: a row of a measure, whether it counts, and which counted row it repeats. */
export const MeasureMember: MeasureMemberResolvers = {
  indicator: async (member, _, { loaders }) =>
    required(await loaders.indicator.load(member.indicator_id), 'indicator'),
  counted: (member) => member.counted === 1,
  excludedBecause: (member) => member.excluded_because,
  repeats: async (member, _, { loaders }) =>
    member.repeats_indicator_id === null
      ? null
      : required(await loaders.indicator.load(member.repeats_indicator_id), 'repeated indicator'),
};

/** `MeasureTotals`: the totals of a measure for a year, from the one statement of `measureTotals`. */
export const MeasureTotals: MeasureTotalsResolvers = {
  total: ({ rows }) => rows[0]?.total ?? null,
  complete: ({ rows }) => rows.every((row) => row.figures === row.row_count),
  lowerBound: ({ rows }) => rows.some((row) => row.bounds > 0),
  voorzieningen: ({ measure, year, rows }) => rows.map((row) => ({ measureId: measure.id, year, row })),
};

/** `VoorzieningTotal`: one voorziening's sum of a measure's counted rows for a year. */
export const VoorzieningTotal: VoorzieningTotalResolvers = {
  voorziening: async ({ row }, _, { loaders }) =>
    required(await loaders.voorziening.load(row.voorziening_id), 'voorziening'),
  value: ({ row }) => row.value,
  rank: ({ row }) => row.rank,
  complete: ({ row }) => row.figures === row.row_count,
  lowerBound: ({ row }) => row.bounds > 0,
  members: ({ measureId, row }, _, context) => membersOf(context, measureId, row.voorziening_id),
};

/** `MeasureRanking`: the ranked rows first (at most `first`), then the unranked ones. */
export const MeasureRanking: MeasureRankingResolvers = {
  ranked: (ranking) => entries(ranking, true),
  unranked: (ranking) => entries(ranking, false),
};

/** `RankedVoorziening`: a voorziening's sums, change and rank, or why it is not ranked. */
export const RankedVoorziening: RankedVoorzieningResolvers = {
  rank: ({ row }) => row.rank,
  voorziening: async ({ row }, _, { loaders }) =>
    required(await loaders.voorziening.load(row.voorziening_id), 'voorziening'),
  fromValue: ({ row }) => row.from_value,
  toValue: ({ row }) => row.to_value,
  absolute: ({ row }) => row.absolute,
  relative: ({ row }) => row.relative,
  lowerBound: ({ row }) => row.to_bound !== null,
  notRankedBecause: (entry) => (entry.row.rank === null ? notRankedBecause(entry) : null),
  members: ({ measureId, row }, _, context) => membersOf(context, measureId, row.voorziening_id),
};

/** The ranked (or the unranked) rows of a ranking, as `RankedVoorziening` parents. */
function entries(ranking: MeasureRankingModel, ranked: boolean): RankedVoorzieningModel[] {
  return ranking.rows
    .filter((row) => (row.rank !== null) === ranked)
    .map((row) => ({
      measureId: ranking.measure.id,
      by: ranking.by,
      from: ranking.from,
      to: ranking.to,
      row,
    }));
}

/** Why a voorziening is not ranked, in one sentence naming the row and the year. */
function notRankedBecause({ by, from, to, row }: RankedVoorzieningModel): string {
  if (row.to_missing !== null) return `${row.to_missing} has no figure for ${to}`;
  if (by === 'VALUE') return `no figure for ${to}`;
  if (from === null) return 'no first year given';
  if (row.from_missing !== null) return `${row.from_missing} has no figure for ${from}`;
  if (row.from_bound !== null)
    return `${row.from_bound} is a lower bound in ${from}, so its change is unknown`;
  if (row.to_bound !== null) return `${row.to_bound} is a lower bound in ${to}, so its change is unknown`;
  if (row.from_value === 0) return `its ${from} value is 0, so its relative change is undefined`;
  return 'its change cannot be computed';
}

/** A voorziening's member rows of a measure (one statement per request for every measure asked). */
async function membersOf({ loaders }: GraphQLContext, measureId: number, voorzieningId: number) {
  const [members, indicators] = await Promise.all([
    loaders.membersByMeasure.load(measureId),
    loaders.indicatorsByVoorziening.load(voorzieningId),
  ]);
  const own = new Set(indicators.map((indicator) => indicator.id));
  return members.filter((member) => own.has(member.indicator_id));
}
