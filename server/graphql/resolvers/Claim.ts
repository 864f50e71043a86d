import type { ClaimResolvers, ProseStatementResolvers } from '../generated/resolvers-types';
import { toGlobalId } from '../../domain/global-id';
import { required } from './required';

/** `Claim`: a numeric claim of the summarising text, with its verdict against the tables. */
export const Claim: ClaimResolvers = {
  id: (c) => toGlobalId('Claim', c.id),
  section: async (c, _, { loaders }) => required(await loaders.section.load(c.section_id), 'section'),
  lines: (c) => ({ from: c.from_line, to: c.to_line }),
  printedValue: (c) => c.printed_value,
  printedUpper: (c) => c.printed_upper,
  years: (c) => (c.years === '' ? [] : c.years.split(',').map(Number)),
  indicators: (c, _, { loaders }) => loaders.indicatorsByClaim.load(c.id),
  observations: async (c, _, { loaders }) => {
    const links = await loaders.observationsByClaim.load(c.id);
    const rows = await loaders.observation.loadMany(links.map((link) => link.observation_id));
    return rows.map((row) => required(row, 'observation'));
  },
  computedValue: (c) => c.computed_value,
  computedIsLowerBound: (c) => c.computed_is_lower_bound === 1,
  discrepancy: async (c, _, { loaders }) => (await loaders.discrepancyByClaim.load(c.id)) ?? null,
};

/** `ProseStatement`: where a figure stated only in prose is stated. */
export const ProseStatement: ProseStatementResolvers = {
  section: async (p, _, { loaders }) => required(await loaders.section.load(p.section_id), 'section'),
  lines: (p) => ({ from: p.from_line, to: p.to_line }),
};
