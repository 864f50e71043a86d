import type {
  CorrectionResolvers,
  NoteResolvers,
  ObservationResolvers,
  ReportedChangeResolvers,
} from '../generated/resolvers-types';
import { toGlobalId } from '../global-id';
import { required } from './required';

/** `Observation`: one printed cell. */
export const Observation: ObservationResolvers = {
  id: (o) => toGlobalId('Observation', o.id),
  indicator: async (o, _, { loaders }) => required(await loaders.indicator.load(o.indicator_id), 'indicator'),
  subjectEn: (o) => o.subject_en,
  isTotal: (o) => o.is_total === 1,
  qualifier: (o) => o.qualifier as never,
  fromNote: async (o, _, { loaders }) =>
    o.note_id === null ? null : ((await loaders.note.load(o.note_id)) ?? null),
  yearInferred: (o) => o.year_inferred === 1,
};

/** `ReportedChange`: a change column as printed. */
export const ReportedChange: ReportedChangeResolvers = {
  qualifier: (c) => c.qualifier as never,
  kind: (c) => c.kind as never,
  from: (c) => c.from_year,
  to: (c) => c.to_year,
};

/** `Correction`: a restated figure. */
export const Correction: CorrectionResolvers = {
  indicator: async (c, _, { loaders }) => required(await loaders.indicator.load(c.indicator_id), 'indicator'),
  previousRaw: (c) => c.previous_raw,
  previousValue: (c) => c.previous_value,
  note: async (c, _, { loaders }) => required(await loaders.note.load(c.note_id), 'note'),
};

/** `Note`: an explanation from the monitor. */
export const Note: NoteResolvers = {
  id: (n) => toGlobalId('Note', n.id),
  textEn: (n) => n.text_en,
  voorziening: async (n, _, { loaders }) =>
    required(await loaders.voorziening.load(n.voorziening_id), 'voorziening'),
  section: async (n, _, { loaders }) => required(await loaders.section.load(n.section_id), 'section'),
  indicators: (n, _, { loaders }) => loaders.indicatorsByNote.load(n.id),
};
