import type { NoteResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { required } from './required';
import { mapLoaded } from './map-loaded';

/** `Note`: an explanation from the monitor. */
export const Note: NoteResolvers = {
  id: (n) => toGlobalId('Note', n.id),
  textEn: (n) => n.text_en,
  voorziening: (n, _, { loaders }) =>
    mapLoaded(loaders.voorziening.load(n.voorziening_id), (row) => required(row, 'voorziening')),
  section: (n, _, { loaders }) =>
    mapLoaded(loaders.section.load(n.section_id), (row) => required(row, 'section')),
  indicators: (n, _, { loaders }) => loaders.indicatorsByNote.load(n.id),
};
