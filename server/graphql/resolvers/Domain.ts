import type { DomainResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { required } from './required';
import { mapLoaded } from './map-loaded';

/** `Domain`: a chapter, its section and its voorzieningen. */
export const Domain: DomainResolvers = {
  id: (domain) => toGlobalId('Domain', domain.id),
  nameEn: (domain) => domain.name_en,
  section: (domain, _, { loaders }) =>
    mapLoaded(loaders.section.load(domain.section_id), (row) => required(row, 'section')),
  voorzieningen: (domain, _, { loaders }) => loaders.voorzieningenByDomain.load(domain.id),
};
