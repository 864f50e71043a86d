import { claimSections, claimsWhere } from '../../../db/queries/claim-queries';
import { voorzieningByCode } from '../../code-arguments';
import type { QueryResolvers } from '../../generated/resolvers-types';
import { userInputError } from '../../user-input-error';

/** Query fields over the summarising text's claims. */
export const claimQueries: QueryResolvers = {
  claims: async (_, { verdict, section, voorziening }, context) => {
    const voorzieningId = voorziening
      ? (await voorzieningByCode(context, voorziening, 'voorziening', 'BAD_USER_INPUT')).id
      : undefined;
    let sectionId: number | undefined;
    if (section != null) {
      const sections = await claimSections(context.db);
      const wanted = section.trim().toLowerCase();
      sectionId = sections.find((row) => row.code === wanted)?.id;
      if (sectionId === undefined) {
        const shown = JSON.stringify(section.length > 60 ? `${section.slice(0, 60)}…` : section);
        throw userInputError(
          `Unknown section ${shown} in \`section\`: no claims are stated there. Sections with claims: ${sections.map((row) => row.code).join(', ')}.`,
          'section',
        );
      }
    }
    return claimsWhere(context.db, { verdict, sectionId, voorzieningId });
  },
};
