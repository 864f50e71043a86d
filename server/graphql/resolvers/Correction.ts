import type { CorrectionResolvers } from '../generated/resolvers-types';
import { required } from './required';

/** `Correction`: a restated figure. */
export const Correction: CorrectionResolvers = {
  indicator: async (c, _, { loaders }) => required(await loaders.indicator.load(c.indicator_id), 'indicator'),
  previousRaw: (c) => c.previous_raw,
  previousValue: (c) => c.previous_value,
  matchesTable: async (c, _, { loaders }) => {
    const cell = (await loaders.observationsByIndicator.load(c.indicator_id)).find(
      (o) => o.year === c.year && o.subject === null,
    );
    return c.value === null || cell?.value == null ? null : cell.value === c.value;
  },
  note: async (c, _, { loaders }) => required(await loaders.note.load(c.note_id), 'note'),
};
