import type { DomainResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { required } from './required';

/** `Domain`: a chapter, its section and its voorzieningen. */
export const Domain: DomainResolvers = {
  id: (domain) => toGlobalId('Domain', domain.id),
  nameEn: (domain) => domain.name_en,
  section: async (domain, _, { loaders }) =>
    required(await loaders.section.load(domain.section_id), 'section'),
  voorzieningen: (domain, _, { loaders }) => loaders.voorzieningenByDomain.load(domain.id),
};
