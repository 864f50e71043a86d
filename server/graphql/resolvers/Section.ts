import type { SectionResolvers, SourceReferenceResolvers } from '../generated/resolvers-types';

/** `Section`: the row's columns, its parent and a readable reference. */
export const Section: SectionResolvers = {
  parent: (section, _, { loaders }) =>
    section.parent_id === null ? null : loaders.section.load(section.parent_id).then((s) => s ?? null),
  startLine: (section) => section.start_line,
  endLine: (section) => section.end_line,
  reference: (section) =>
    section.appendix && !section.heading.startsWith('Bijlage')
      ? `Bijlage ${section.appendix}, ${section.title}`
      : section.title,
};

/** `SourceReference`: a section of the monitor or an outside source. */
export const SourceReference: SourceReferenceResolvers = {
  label: (source) => {
    if (source.section) {
      const { appendix, title, heading } = source.section;
      const where = appendix && !heading.startsWith('Bijlage') ? `Bijlage ${appendix}, ${title}` : title;
      return `Monitor Digitale Overheid 2020, ${where} (lines ${source.section.start_line}–${source.section.end_line})`;
    }
    return source.title ? `${source.title} (${source.url})` : (source.url ?? 'unknown');
  },
};
