import type { ReportedChangeResolvers } from '../generated/resolvers-types';

/** `ReportedChange`: a change column as printed. */
export const ReportedChange: ReportedChangeResolvers = {
  qualifier: (c) => c.qualifier as never,
  kind: (c) => c.kind as never,
  from: (c) => c.from_year,
  to: (c) => c.to_year,
};
