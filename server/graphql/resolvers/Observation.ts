import type { ObservationResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { required } from './required';
import { mapLoaded } from './map-loaded';

/** `Observation`: one printed cell. */
export const Observation: ObservationResolvers = {
  id: (o) => toGlobalId('Observation', o.id),
  indicator: (o, _, { loaders }) =>
    mapLoaded(loaders.indicator.load(o.indicator_id), (row) => required(row, 'indicator')),
  subjectEn: (o) => o.subject_en,
  isTotal: (o) => o.is_total === 1,
  qualifier: (o) => o.qualifier,
  fromNote: (o, _, { loaders }) =>
    o.note_id === null ? null : mapLoaded(loaders.note.load(o.note_id), (row) => row ?? null),
  yearInferred: (o) => o.year_inferred === 1,
  partsIncomplete: (o) => o.parts_incomplete === 1,
  statedInProse: async (o, _, { loaders }) => (await loaders.proseByObservation.load(o.id)) ?? null,
};
