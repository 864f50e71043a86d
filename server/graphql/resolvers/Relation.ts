import type { RelationMeasureResolvers, RelationResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { required } from './required';
import { mapLoaded } from './map-loaded';

/**
 * `Relation`: a typed edge (`from` feeds `to`) with the figures that measure it, each with its role, and its
 * provenance.
 */
export const Relation: RelationResolvers = {
  id: (r) => toGlobalId('Relation', r.id),
  kind: (r) => r.kind,
  from: (r, _, { loaders }) =>
    mapLoaded(loaders.voorziening.load(r.from_id), (row) => required(row, 'voorziening')),
  to: (r, _, { loaders }) =>
    mapLoaded(loaders.voorziening.load(r.to_id), (row) => required(row, 'voorziening')),
  descriptionEn: (r) => r.description_en,
  indicators: (r, _, { loaders }) => loaders.indicatorsByRelation.load(r.id),
  volumes: async (r, _, { loaders }) => {
    const links = await loaders.indicatorsByRelation.load(r.id);
    const own = links.find((link) => link.role === 'OWN' && link.shared === 0);
    if (!own) return [];
    return (await loaders.observationsByIndicator.load(own.id)).filter((o) => o.subject === null);
  },
  measures: (r, _, { loaders }) =>
    mapLoaded(loaders.indicatorsByRelation.load(r.id), (links) =>
      links.map((link) => ({ indicator: link, role: link.role, shared: link.shared === 1 })),
    ),
  provenance: (r) => r.provenance,
  source: async (r, _, { loaders }) => ({
    section:
      r.source_section_id === null ? null : ((await loaders.section.load(r.source_section_id)) ?? null),
    url: r.source_url,
    title: r.source_title,
    lines: r.source_lines,
    quote: r.source_quote,
  }),
};

/** `RelationMeasure`: a figure on a relation with its role; its observations are the row's own figures. */
export const RelationMeasure: RelationMeasureResolvers = {
  observations: (m, _, { loaders }) =>
    mapLoaded(loaders.observationsByIndicator.load(m.indicator.id), (cells) =>
      cells.filter((o) => o.subject === null),
    ),
};
