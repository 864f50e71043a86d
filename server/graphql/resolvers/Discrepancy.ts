import type { DiscrepancyObservationResolvers, DiscrepancyResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { required } from './required';

/** `Discrepancy`: a contradiction in the source, with the figures involved. */
export const Discrepancy: DiscrepancyResolvers = {
  id: (d) => toGlobalId('Discrepancy', d.id),
  kind: (d) => d.kind,
  confidence: (d) => d.confidence,
  indicator: async (d, _, { loaders }) => required(await loaders.indicator.load(d.indicator_id), 'indicator'),
  observations: (d, _, { loaders }) => loaders.observationsByDiscrepancy.load(d.id),
  claim: async (d, _, { loaders }) =>
    d.claim_id === null ? null : ((await loaders.claim.load(d.claim_id)) ?? null),
  printedChange: (d) => d.printed_change,
  printedChangeRaw: (d) => d.printed_change_raw,
  computedChange: (d) => d.computed_change,
  note: async (d, _, { loaders }) =>
    d.note_id === null ? null : ((await loaders.note.load(d.note_id)) ?? null),
  otherIndicator: async (d, _, { loaders }) => {
    if (d.same_as_id === null) return null;
    const involved = await loaders.observationsByDiscrepancy.load(d.id);
    const observations = await loaders.observation.loadMany(involved.map((i) => i.observation_id));
    const other = observations.find((o) => o && !(o instanceof Error) && o.indicator_id !== d.indicator_id);
    return other && !(other instanceof Error)
      ? ((await loaders.indicator.load(other.indicator_id)) ?? null)
      : null;
  },
};

/** `DiscrepancyObservation`: a figure and its part in a discrepancy. */
export const DiscrepancyObservation: DiscrepancyObservationResolvers = {
  observation: async (link, _, { loaders }) =>
    required(await loaders.observation.load(link.observation_id), 'observation'),
};
