import type { ReportedChangeResolvers } from '../generated/resolvers-types';

/** `ReportedChange`: a change column as printed. */
export const ReportedChange: ReportedChangeResolvers = {
  qualifier: (c) => c.qualifier,
  kind: (c) => c.kind,
  from: (c) => c.from_year,
  to: (c) => c.to_year,
};
