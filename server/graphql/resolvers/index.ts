import type { Resolvers } from '../generated/resolvers-types';
import { Discrepancy, DiscrepancyObservation } from './Discrepancy';
import { Domain } from './Domain';
import { Indicator } from './Indicator';
import { Claim, ProseStatement } from './Claim';
import { Correction } from './Correction';
import { Note } from './Note';
import { Observation } from './Observation';
import { ReportedChange } from './ReportedChange';
import {
  Measure,
  MeasureMember,
  MeasureRanking,
  MeasureTotals,
  RankedVoorziening,
  VoorzieningTotal,
} from './Measure';
import { aggregateQueries } from './query/aggregate-queries';
import { claimQueries } from './query/claim-queries';
import { discrepancyQueries } from './query/discrepancy-queries';
import { graphQueries } from './query/graph-queries';
import { impactQueries } from './query/impact-queries';
import { lookupQueries } from './query/lookup-queries';
import { metricQueries } from './query/metric-queries';
import { Relation, RelationMeasure } from './Relation';
import { Section, SourceReference } from './Section';
import { resolveTaggedType } from './typed-node';
import { Voorziening } from './Voorziening';

/** Every resolver of the schema, by type. */
export const resolvers: Resolvers = {
  Query: {
    ...lookupQueries,
    ...metricQueries,
    ...graphQueries,
    ...impactQueries,
    ...discrepancyQueries,
    ...aggregateQueries,
    ...claimQueries,
  },
  Node: { __resolveType: resolveTaggedType },
  SearchResult: { __resolveType: resolveTaggedType<'Indicator' | 'Voorziening'> },
  Section,
  SourceReference,
  Domain,
  Voorziening,
  Indicator,
  Observation,
  ReportedChange,
  Correction,
  Note,
  Relation,
  RelationMeasure,
  Discrepancy,
  DiscrepancyObservation,
  Measure,
  MeasureMember,
  MeasureTotals,
  VoorzieningTotal,
  MeasureRanking,
  RankedVoorziening,
  Claim,
  ProseStatement,
  // a page's total count is counted only when asked for (see `pageOf`)
  VoorzieningConnection: { totalCount: (connection) => connection.totalCount() },
  IndicatorConnection: { totalCount: (connection) => connection.totalCount() },
  ObservationConnection: { totalCount: (connection) => connection.totalCount() },
  RelationConnection: { totalCount: (connection) => connection.totalCount() },
};
