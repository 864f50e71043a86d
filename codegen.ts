import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The one codegen config for both sides: the server's resolver types (parents mapped to the database rows
 * and models, so resolvers stay thin) and, for the SDK, typed documents from `sdk/operations`.
 * Everything generated goes to `generated/` folders; run `npm run codegen` after changing `schema/`.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  emitLegacyCommonJSImports: false,
  // Every generated file starts with a do-not-edit banner (sdk/codegen/banner.cjs).
  hooks: { afterOneFileWrite: ['node sdk/codegen/banner.cjs'] },
  generates: {
    'server/graphql/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useIndexSignature: true,
        // resolvers may answer with shared, frozen arrays (the reference rows): lists are read-only
        immutableTypes: true,
        contextType: '../context#GraphQLContext',
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { ID: 'string' },
        mappers: {
          Edition: '../models#EditionModel',
          Section: '../../db/database#SectionTable',
          SourceReference: '../models#SourceReferenceModel',
          Domain: '../../db/database#DomainTable',
          Voorziening: '../../db/database#VoorzieningTable',
          Indicator: '../../db/database#IndicatorTable',
          Observation: '../../db/database#ObservationTable',
          ReportedChange: '../../db/database#ReportedChangeTable',
          Change: '../models#ChangeModel',
          Correction: '../../db/database#CorrectionTable',
          Note: '../../db/database#NoteTable',
          Relation: '../../db/database#RelationTable',
          RelationMeasure: '../models#RelationMeasureModel',
          Neighbor: '../models#NeighborModel',
          Neighborhood: '../models#NeighborhoodModel',
          Path: '../models#PathModel',
          Stelsel: '../models#StelselModel',
          Impact: '../models#ImpactModel',
          ImpactReach: '../models#ImpactReachModel',
          ImpactFlow: '../models#ImpactFlowModel',
          Discrepancy: '../../db/database#DiscrepancyTable',
          DiscrepancyObservation: '../../db/database#DiscrepancyObservationTable',
          Claim: '../../db/database#ClaimTable',
          LineRange: '../models#LineRangeModel',
          ProseStatement: '../../db/database#ProseFigureTable',
          VoorzieningConnection: '../models#VoorzieningConnectionModel',
          VoorzieningEdge: '../models#VoorzieningEdgeModel',
          IndicatorConnection: '../models#IndicatorConnectionModel',
          IndicatorEdge: '../models#IndicatorEdgeModel',
          ObservationConnection: '../models#ObservationConnectionModel',
          ObservationEdge: '../models#ObservationEdgeModel',
          RelationConnection: '../models#RelationConnectionModel',
          RelationEdge: '../models#RelationEdgeModel',
          Measure: '../../db/database#MeasureTable',
          MeasureMember: '../../db/database#MeasureIndicatorTable',
          MeasureTotals: '../aggregate-models#MeasureTotalsModel',
          VoorzieningTotal: '../aggregate-models#VoorzieningTotalModel',
          MeasureRanking: '../aggregate-models#MeasureRankingModel',
          RankedVoorziening: '../aggregate-models#RankedVoorzieningModel',
        },
      },
    },
    'sdk/src/generated/': {
      documents: 'sdk/operations/*.graphql',
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { documentMode: 'string', enumsAsTypes: true, useTypeImports: true, skipTypename: false },
    },
    'sdk/src/generated/methods.ts': {
      documents: 'sdk/operations/*.graphql',
      plugins: ['./sdk/codegen/methods-plugin.cjs'],
    },
    'sdk/src/generated/schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: false, commentDescriptions: false },
    },
  },
};

export default config;
