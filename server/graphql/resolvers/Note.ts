import type { NoteResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { required } from './required';

/** `Note`: an explanation from the monitor. */
export const Note: NoteResolvers = {
  id: (n) => toGlobalId('Note', n.id),
  textEn: (n) => n.text_en,
  voorziening: async (n, _, { loaders }) =>
    required(await loaders.voorziening.load(n.voorziening_id), 'voorziening'),
  section: async (n, _, { loaders }) => required(await loaders.section.load(n.section_id), 'section'),
  indicators: (n, _, { loaders }) => loaders.indicatorsByNote.load(n.id),
};
