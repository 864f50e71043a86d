import type { Resolvers } from '../generated/resolvers-types';
import { Discrepancy, DiscrepancyObservation } from './Discrepancy';
import { Domain } from './Domain';
import { Indicator } from './Indicator';
import { Claim, ProseStatement } from './Claim';
import { Correction } from './Correction';
import { Note } from './Note';
import { Observation } from './Observation';
import { ReportedChange } from './ReportedChange';
import { claimQueries } from './query/claim-queries';
import { discrepancyQueries } from './query/discrepancy-queries';
import { graphQueries } from './query/graph-queries';
import { lookupQueries } from './query/lookup-queries';
import { metricQueries } from './query/metric-queries';
import { Relation } from './Relation';
import { Section, SourceReference } from './Section';
import { resolveTaggedType } from './typed-node';
import { Voorziening } from './Voorziening';

/** Every resolver of the schema, by type. */
export const resolvers: Resolvers = {
  Query: { ...lookupQueries, ...metricQueries, ...graphQueries, ...discrepancyQueries, ...claimQueries },
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
  Discrepancy,
  DiscrepancyObservation,
  Claim,
  ProseStatement,
};
