import type { RelationResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { required } from './required';

/** `Relation`: a typed edge with the indicators that measure it and its source. */
export const Relation: RelationResolvers = {
  id: (r) => toGlobalId('Relation', r.id),
  kind: (r) => r.kind,
  from: async (r, _, { loaders }) => required(await loaders.voorziening.load(r.from_id), 'voorziening'),
  to: async (r, _, { loaders }) => required(await loaders.voorziening.load(r.to_id), 'voorziening'),
  descriptionEn: (r) => r.description_en,
  indicators: (r, _, { loaders }) => loaders.indicatorsByRelation.load(r.id),
  volumes: async (r, _, { loaders }) => {
    const [first] = await loaders.indicatorsByRelation.load(r.id);
    if (!first) return [];
    return (await loaders.observationsByIndicator.load(first.id)).filter((o) => o.subject === null);
  },
  source: async (r, _, { loaders }) => ({
    section:
      r.source_section_id === null ? null : ((await loaders.section.load(r.source_section_id)) ?? null),
    url: r.source_url,
    title: r.source_title,
  }),
};
