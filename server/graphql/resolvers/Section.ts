import type { SectionTable } from '../../db/database';
import type { SectionResolvers, SourceReferenceResolvers } from '../generated/resolvers-types';
import { mapLoaded } from './map-loaded';

/** A section as a reader finds it: `Bijlage C, 2.1.1. Basisregistratie Personen (BRP)`. */
function reference({ appendix, heading, title }: SectionTable): string {
  return appendix && !heading.startsWith('Bijlage') ? `Bijlage ${appendix}, ${title}` : title;
}

/** `Section`: the row's columns, its parent and a readable reference. */
export const Section: SectionResolvers = {
  parent: (section, _, { loaders }) =>
    section.parent_id === null ? null : mapLoaded(loaders.section.load(section.parent_id), (s) => s ?? null),
  startLine: (section) => section.start_line,
  endLine: (section) => section.end_line,
  reference: (section) => reference(section),
};

/** `SourceReference`: a section of the monitor or an outside source. */
export const SourceReference: SourceReferenceResolvers = {
  label: (source) => {
    if (source.section) {
      const lines = source.lines
        ? source.lines.replace('-', '–')
        : `${source.section.start_line}–${source.section.end_line}`;
      return `Monitor Digitale Overheid 2020, ${reference(source.section)} (lines ${lines})`;
    }
    return source.title ? `${source.title} (${source.url})` : (source.url ?? 'unknown');
  },
};
